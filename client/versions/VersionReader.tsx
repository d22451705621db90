import { useEffect, useId, useRef, useState } from 'react';
import type { RichText } from '../../shared/richText.ts';
import { StaticRichText } from '../editor/StaticRichText.tsx';
import { download } from '../exports/download.ts';
import { t } from '../i18n.ts';
import { useFetched } from './useFetched.ts';
import { useKeepFocusIn, useOverlayKeys } from './useOverlayKeys.ts';
import type { VersionsView } from './useVersionsScreen.ts';
import { NOW, versionExportUrl, versionsApi, type VersionClause, type VersionText } from './versionsApi.ts';
import { byAndWhen, countsWords, originWords } from './versionWords.ts';

const FORMATS = ['docx', 'pdf', 'html', 'md', 'txt', 'akn'] as const;

/** A clause's status as it was: the word, in the status chip's colours. */
function StatusAsItWas({ clause }: { clause: VersionClause }) {
  const state = clause.status?.state ?? 'open';
  return (
    <span className={`status-chip status-chip--${state}`} title={clause.agreedWith ? t('versions.reader.agreedWith', { label: clause.agreedWith }) : undefined}>
      {t(`status.${state}`)}
    </span>
  );
}

function ClauseAsItWas({ clause }: { clause: VersionClause }) {
  if (clause.deleted) {
    return (
      <div className={`cmp-clause cmp-clause--${clause.kind} cmp-clause--depth-${clause.depth} cmp-clause--gap`} data-testid="version-clause" data-label={clause.label}>
        <p className="cmp-clause__gap">{t('numbering.deleted', { label: clause.label })}</p>
      </div>
    );
  }
  return (
    <>
      <div className={`cmp-clause cmp-clause--${clause.kind} cmp-clause--depth-${clause.depth}`} data-testid="version-clause" data-label={clause.label} data-state={clause.status?.state ?? 'open'}>
        <div className="cmp-clause__gutter">
          <span className="cmp-clause__label">{clause.label}</span>
          <StatusAsItWas clause={clause} />
        </div>
        <div className="cmp-clause__body">
          {clause.marker && <span className="cmp-clause__marker">{clause.marker}</span>}
          <StaticRichText text={clause.body} className="cmp-clause__text" />
        </div>
      </div>
      {clause.children.map((child) => (
        <ClauseAsItWas key={child.id + child.label} clause={child} />
      ))}
    </>
  );
}

function Field({ text, className }: { text: RichText; className: string }) {
  return text.length === 0 ? null : (
    <div className={className}>
      <StaticRichText text={text} />
    </div>
  );
}

/** The text of a version as the exporters read it: heading, clauses with labels and statuses, note, signatures. */
function TextAsItWas({ text }: { text: VersionText }) {
  return (
    <article className="version-doc" data-testid="version-document">
      <header className="version-doc__heading">
        <Field text={text.meta.conference} className="conference" />
        <Field text={text.meta.title} className="title" />
        <Field text={text.meta.subtitle} className="subtitle" />
      </header>
      <Field text={text.meta.chapeau} className="chapeau" />
      {text.preamble.map((clause) => (
        <ClauseAsItWas key={clause.id + clause.label} clause={clause} />
      ))}
      <Field text={text.meta.formula} className="formula" />
      {text.operative.map((clause) => (
        <ClauseAsItWas key={clause.id + clause.label} clause={clause} />
      ))}
      {text.meta.note.length > 0 && (
        <footer className="version-doc__note">
          <span className="note-label">{t('meta.note.label')}</span>
          <StaticRichText text={text.meta.note} className="note" />
        </footer>
      )}
      {text.signatories.length > 0 && (
        <section className="signatures" aria-label={t('versions.field.signatories')}>
          <ul className="signatures__grid">
            {text.signatories.map((s) => (
              <li key={s.id} className="signature">
                <span className="signature__line" aria-hidden="true" />
                <span className="signature__name">{s.name}</span>
                <span className="signature__title">{s.title}</span>
                <span className="signature__state">{s.state}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** Downloads the version as it was, in any format and variant (VER2). */
function DownloadVersion({ declarationId, versionId }: { declarationId: string; versionId: string }) {
  const [variant, setVariant] = useState<'clean' | 'negotiation'>('clean');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy'; format: string } | { kind: 'done'; name: string; missingGlyphs: string | null } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const id = useId();
  const run = async (format: (typeof FORMATS)[number]) => {
    setState({ kind: 'busy', format });
    try {
      const { name, missingGlyphs } = await download(versionExportUrl(declarationId, versionId, format, variant), `version.${format === 'akn' ? 'xml' : format}`);
      setState({ kind: 'done', name, missingGlyphs });
    } catch (failure) {
      setState({ kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return (
    <div className="version-reader__download" role="group" aria-labelledby={id}>
      <span id={id}>{t('versions.reader.download')}</span>
      <select value={variant} onChange={(event) => setVariant(event.target.value as 'clean' | 'negotiation')} aria-label={t('export.variant')} data-testid="version-download-variant">
        <option value="clean">{t('export.variant.clean')}</option>
        <option value="negotiation">{t('export.variant.negotiation')}</option>
      </select>
      {FORMATS.map((format) => (
        <button key={format} type="button" className="button button--quiet" disabled={state.kind === 'busy'} onClick={() => void run(format)} data-testid={`version-download-${format}`}>
          {state.kind === 'busy' && state.format === format ? t('export.making') : t(`export.format.${format}`)}
        </button>
      ))}
      <span role="status" className="version-reader__download-status">
        {state.kind === 'done' && t('export.done', { name: state.name })}
      </span>
      {state.kind === 'done' && state.missingGlyphs && (
        <span role="alert" className="versions-form__error" data-testid="version-missing-glyphs">
          {t('export.missingGlyphs', { chars: state.missingGlyphs })}
        </span>
      )}
      {state.kind === 'failed' && (
        <span role="alert" className="versions-form__error">
          {t('versions.reader.downloadFailed', { message: state.message })}
        </span>
      )}
    </div>
  );
}

/**
 * A version opened read-only, as it was (docs/SPEC.md VER2, VER4): its
 * name, who saved it and when, its note and counts, then its text — the
 * heading, each clause with its working label and status then, the note and
 * the signatures. From here it is compared with the text now or downloaded.
 * Escape closes it.
 */
export function VersionReader({ view, versionId }: { view: VersionsView; versionId: string }) {
  const fetched = useFetched(versionId, () => versionsApi.open(view.declarationId, versionId));
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => dialog.current?.focus({ preventScroll: true }), []);
  useKeepFocusIn(dialog);
  useOverlayKeys((event) => {
    if (event.key !== 'Escape') return false;
    view.closeOverlay();
    return true;
  });
  const version = fetched.value?.version;

  return (
    <div
      className="overlay version-reader"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={dialog}
      data-testid="version-reader"
    >
      <header className="overlay__bar">
        <h2 id={titleId} className="overlay__title" data-testid="version-reader-title">
          {version ? t('versions.reader.title', { name: version.name }) : t('versions.reader.loadingTitle')}
        </h2>
        {version && (
          <button type="button" className="button button--quiet" onClick={() => view.compare({ from: version.id, to: NOW, by: null })} data-testid="version-reader-compare">
            {t('versions.compareNow')}
          </button>
        )}
        <button type="button" className="button button--quiet overlay__close" onClick={view.closeOverlay} aria-keyshortcuts="Escape" data-testid="version-reader-close">
          {t('versions.closeEsc')}
        </button>
      </header>
      {fetched.loading && !fetched.value && (
        <div className="overlay__progress" role="status">
          <span className="overlay__progress-bar" aria-hidden="true" />
          {t('versions.reader.loading')}
        </div>
      )}
      {fetched.error && (
        <div className="overlay__error" role="alert" data-testid="version-reader-error">
          <p>{t('versions.reader.failed', { message: fetched.error })}</p>
          <button type="button" className="button button--quiet" onClick={fetched.reload}>
            {t('versions.retry')}
          </button>
        </div>
      )}
      {fetched.value && version && (
        <div className="overlay__scroll">
          <div className="version-reader__about">
            <p className="version-reader__readonly" role="note">
              {t('versions.reader.readOnly')}
            </p>
            <p>
              <strong>{originWords(version)}</strong> · {byAndWhen(version)} · {countsWords(version)}
            </p>
            {version.note !== '' && <p className="version__note">{version.note}</p>}
            <DownloadVersion declarationId={view.declarationId} versionId={version.id} />
          </div>
          <TextAsItWas text={fetched.value.text} />
        </div>
      )}
    </div>
  );
}
