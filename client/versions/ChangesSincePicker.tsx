import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { t } from '../i18n.ts';
import { newestFirst } from './useVersionsScreen.ts';
import { versionsApi } from './versionsApi.ts';
import { pickerWords } from './versionWords.ts';

/** The formats a redline is made in (RED1). */
export const REDLINE_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;

/**
 * The version picker of Export → "Changes since…" (docs/SPEC.md RED2): the
 * versions newest first, the latest chosen at first. It reads the list when
 * it is shown — a version saved a moment ago is there. Says so when there is
 * none, and when the list cannot be read.
 */
export function ChangesSincePicker({ declarationId, value, onChange }: { declarationId: string; value: string | null; onChange(versionId: string | null): void }) {
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const id = useId();
  // The first choice is made once per reading of the list, not each time the parent hands a new callback.
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const choose = useCallback((versionId: string | null) => latestOnChange.current(versionId), []);
  useEffect(() => {
    let live = true;
    setError(null);
    versionsApi.list(declarationId).then(
      (answer) => {
        if (!live) return;
        const sorted = newestFirst(answer.versions);
        setVersions(sorted);
        choose(sorted[0]?.id ?? null);
      },
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [declarationId, round, choose]);

  if (error) {
    return (
      <div className="changes-since changes-since--error" role="alert" data-testid="changes-since-error">
        <p>{t('versions.changesSince.failed', { message: error })}</p>
        <button type="button" className="link-button" onClick={() => setRound((r) => r + 1)}>
          {t('versions.retry')}
        </button>
      </div>
    );
  }
  if (versions === null) return <p className="changes-since export-menu__hint">{t('versions.loading')}</p>;
  if (versions.length === 0) {
    return (
      <p className="changes-since export-menu__hint" data-testid="changes-since-none">
        {t('versions.changesSince.none')}
      </p>
    );
  }
  return (
    <div className="changes-since">
      <label htmlFor={id}>{t('versions.changesSince.label')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} data-testid="changes-since-version">
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {pickerWords(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
