import { useEffect, useId, useRef, useState } from 'react';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { t } from '../i18n.ts';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { newestFirst, type VersionsView } from './useVersionsScreen.ts';
import { NOW } from './versionsApi.ts';
import { dateAndTime } from '../time.ts';
import { byAndWhen, countsWords, originWords, pickerWords } from './versionWords.ts';

function VersionItem({ version, view, isLatest }: { version: VersionInfo; view: VersionsView; isLatest: boolean }) {
  return (
    <li className={`version${version.origin === 'saved' ? '' : ' version--automatic'}`} data-testid="version-item" data-name={version.name} data-version-id={version.id}>
      <div className="version__head">
        <h3 className="version__name">{version.name}</h3>
        <span className={`version__origin version__origin--${version.origin}`}>{originWords(version)}</span>
        {isLatest && <span className="version__latest">{t('versions.latest')}</span>}
      </div>
      <p className="version__by" title={dateAndTime(version.at)}>
        {byAndWhen(version)}
      </p>
      {version.note !== '' && <p className="version__note">{version.note}</p>}
      <p className="version__counts" data-testid="version-counts">
        {countsWords(version)}
      </p>
      <div className="version__actions">
        <button type="button" className="button button--quiet" onClick={() => view.read(version.id)} aria-label={t('versions.openNamed', { name: version.name })} data-testid="version-open">
          {t('versions.open')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => view.compare({ from: version.id, to: NOW, by: null })}
          aria-label={t('versions.compareNowNamed', { name: version.name })}
          data-testid="version-compare-now"
        >
          {t('versions.compareNow')}
        </button>
      </div>
    </li>
  );
}

/** Compare any two: a version, and another or the text now (CMP1). */
function ComparePicker({ versions, view }: { versions: VersionInfo[]; view: VersionsView }) {
  const ids = { from: useId(), to: useId() };
  // Until one is picked, the latest: a version saved a moment ago is the one to compare.
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string>(NOW);
  const fromId = from !== null && versions.some((v) => v.id === from) ? from : versions[0]!.id;
  return (
    <form
      className="versions-compare"
      data-testid="versions-compare"
      onSubmit={(event) => {
        event.preventDefault();
        view.compare({ from: fromId, to, by: null });
      }}
    >
      <label htmlFor={ids.from}>{t('versions.compare.from')}</label>
      <select id={ids.from} value={fromId} onChange={(event) => setFrom(event.target.value)} data-testid="versions-compare-from">
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {pickerWords(v)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.to}>{t('versions.compare.to')}</label>
      <select id={ids.to} value={to} onChange={(event) => setTo(event.target.value)} data-testid="versions-compare-to">
        <option value={NOW}>{t('versions.now')}</option>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {pickerWords(v)}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={to === fromId} data-testid="versions-compare-submit">
        {t('versions.compare.submit')}
      </button>
    </form>
  );
}

/**
 * The side panel of versions (docs/SPEC.md VER4), beside the text like the
 * proposals: "Save version…" for the chair and the secretariat, comparing
 * two versions or one with the text now, and every version newest first,
 * each to open as it was or to compare with the text now.
 */
export function VersionsPanel({ view }: { view: VersionsView }) {
  const { list } = view;
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const versions = list.versions ? newestFirst(list.versions) : null;

  return (
    <aside
      className="comments-panel versions-panel"
      aria-labelledby="versions-panel-title"
      data-testid="versions-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) view.closeSide();
      }}
    >
      <header className="comments-panel__header">
        <h2 id="versions-panel-title" tabIndex={-1} ref={heading}>
          {t('versions.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={view.closeSide} data-testid="close-versions">
          {t('versions.close')}
        </button>
      </header>

      {view.maySave && (
        <div className="versions-panel__save">
          {saving ? (
            <SaveVersionForm
              save={view.save}
              onSaved={(version) => {
                setSaving(false);
                setSaved(t('versions.save.done', { name: version.name }));
                setTimeout(() => saveButton.current?.focus(), 0);
              }}
              onCancel={() => {
                setSaving(false);
                setTimeout(() => saveButton.current?.focus(), 0);
              }}
            />
          ) : (
            <button
              type="button"
              className="button"
              ref={saveButton}
              onClick={() => {
                setSaved(null);
                setSaving(true);
              }}
              data-testid="save-version"
            >
              {t('versions.save.open')}
            </button>
          )}
          <p className="versions-panel__saved" role="status" data-testid="save-version-status">
            {saved}
          </p>
        </div>
      )}

      {versions && versions.length > 0 && <ComparePicker versions={versions} view={view} />}

      <div className="comments-panel__list versions-panel__list" aria-busy={list.loading}>
        {list.error ? (
          <div className="versions-panel__error" role="alert" data-testid="versions-error">
            <p>{t('versions.loadFailed', { message: list.error })}</p>
            <button type="button" className="button button--quiet" onClick={list.reload}>
              {t('versions.retry')}
            </button>
          </div>
        ) : versions === null ? (
          <p className="versions-panel__loading" data-testid="versions-loading">
            {t('versions.loading')}
          </p>
        ) : versions.length === 0 ? (
          <p className="empty" data-testid="versions-empty">
            {view.maySave ? t('versions.emptySaver') : t('versions.empty')}
          </p>
        ) : (
          <ol className="versions-list" aria-label={t('versions.listLabel')}>
            {versions.map((version, i) => (
              <VersionItem key={version.id} version={version} view={view} isLatest={i === 0} />
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
