import { useContext, useEffect, useRef, useState } from 'react';
import type { DraftingWarning } from '../../shared/drafting/checks.ts';
import { remarkText } from '../declaration/ClauseRemarks.tsx';
import { useBracketCount } from '../brackets/useBrackets.ts';
import { useDismiss, useReturnFocus } from '../chrome/useDismiss.ts';
import { DeclarationContext } from '../declaration/declarationContext.ts';
import { t } from '../i18n.ts';
import { ChangesSincePicker, REDLINE_FORMATS } from '../versions/ChangesSincePicker.tsx';
import { changesSinceUrl } from '../versions/versionsApi.ts';
import { isSettled } from '../../shared/unsettled.ts';
import { ExportConfirm } from './ExportConfirm.tsx';
import { useUnsettled } from './useUnsettled.ts';
import { download } from './download.ts';

/**
 * The Export menu: the variant (the clean text for signature, or the
 * negotiation text with each clause's status), then the format. Before a
 * clean file it shows the drafting warnings, each a link to its clause.
 * While a file is made the button says so; a failure is said in words.
 * A clean file of a text that is not final — clauses still open or ad
 * referendum, or square brackets (EXP15, BRK6) — is asked about first, in
 * one question that counts them and links to them; a settled text exports
 * at once. The negotiation text can carry the comment threads (EXP16).
 * "Changes since…" (RED2) is the text now with the changes since a chosen
 * version, in the four formats a redline is made in.
 */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'txt', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportVariant = 'clean' | 'negotiation' | 'redline';

type State = { kind: 'idle' } | { kind: 'busy'; format: ExportFormat } | { kind: 'done'; name: string; missingGlyphs: string | null } | { kind: 'failed'; format: ExportFormat; message: string };

export function ExportMenu({
  declarationId,
  warnings,
  labelOf,
  goTo,
  onImport,
  onClose,
}: {
  declarationId: string;
  /** Drafting remarks in reading order, without those dismissed (DRAFT10). */
  warnings: DraftingWarning[];
  labelOf(clauseId: string): string | null;
  goTo(clauseId: string): void;
  /** For the chair and the secretariat: start a new declaration from a file. */
  onImport?: () => void;
  onClose(): void;
}) {
  const [variant, setVariant] = useState<ExportVariant>('clean');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, onClose, '[data-testid=open-export]');
  // Escape gives the focus back to the button that opened the menu (KEY4).
  useReturnFocus();
  // Counted from the document the screen shows (the menu sits inside the declaration's screen).
  const doc = useContext(DeclarationContext)?.collab.doc ?? null;
  const brackets = useBracketCount(doc);
  // The same count as the server's X-Consenso-Unsettled (shared/unsettled.ts).
  const unsettled = useUnsettled(doc);
  const [withComments, setWithComments] = useState(false);
  const [confirming, setConfirming] = useState<ExportFormat | null>(null);
  const formatButtons = useRef(new Map<ExportFormat, HTMLButtonElement>());
  const [base, setBase] = useState<string | null>(null);
  const formats: readonly ExportFormat[] = variant === 'redline' ? REDLINE_FORMATS : EXPORT_FORMATS;

  // A format's button is disabled while its file is made, and a focused button that is disabled drops the focus to the page:
  // once the file is made (or has failed) the focus goes back to it, in the menu that says what happened (KEY4).
  const refocus = useRef<ExportFormat | null>(null);
  useEffect(() => {
    const format = refocus.current;
    if (state.kind === 'busy' || format === null) return;
    refocus.current = null;
    // Only when nothing else took the focus meanwhile (a click in the text, say).
    if (document.activeElement === null || document.activeElement === document.body) formatButtons.current.get(format)?.focus();
  }, [state]);

  const run = async (format: ExportFormat) => {
    refocus.current = format;
    setState({ kind: 'busy', format });
    try {
      const url =
        variant === 'redline' && base !== null
          ? changesSinceUrl(declarationId, base, format)
          : `/api/declarations/${encodeURIComponent(declarationId)}/export?format=${format}&variant=${variant}${variant === 'negotiation' && withComments ? '&comments=1' : ''}`;
      const { name, missingGlyphs } = await download(url, `declaration.${format === 'akn' ? 'xml' : format}`);
      setState({ kind: 'done', name, missingGlyphs });
    } catch (failure) {
      setState({ kind: 'failed', format, message: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  const busy = state.kind === 'busy';

  return (
    <div
      className="menu export-menu"
      ref={box}
      role="dialog"
      aria-label={t('export.title')}
      data-testid="export-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <fieldset className="export-menu__variant">
        <legend>{t('export.variant')}</legend>
        {(['clean', 'negotiation', 'redline'] as const).map((v) => (
          <label key={v} className="export-menu__option">
            <input type="radio" name="export-variant" value={v} checked={variant === v} onChange={() => {
                setVariant(v);
                setConfirming(null);
              }} autoFocus={v === 'clean'} />
            <span>
              <strong>{t(`export.variant.${v}`)}</strong>
              <span className="export-menu__hint">{v === 'redline' ? t('versions.changesSince.hint') : t(`export.variant.${v}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {variant === 'redline' && <ChangesSincePicker declarationId={declarationId} value={base} onChange={setBase} />}
      {variant === 'negotiation' && (
        <label className="export-menu__option export-menu__comments">
          <input type="checkbox" checked={withComments} onChange={(event) => setWithComments(event.target.checked)} data-testid="export-with-comments" />
          <span>
            <strong>{t('export.withComments')}</strong>
            <span className="export-menu__hint">{t('export.withComments.hint')}</span>
          </span>
        </label>
      )}
      {variant === 'clean' && warnings.length > 0 && (
        <section className="export-menu__warnings" data-testid="export-warnings">
          <p>{t('export.warnings', { count: warnings.length })}</p>
          <ul>
            {warnings.map((w, i) => (
              <li key={`${w.clauseId}-${w.check}-${i}`}>
                <button type="button" className="link-button" onClick={() => goTo(w.clauseId)}>
                  {labelOf(w.clauseId) ?? '?'}
                </button>{' '}
                {remarkText(w)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="export-menu__formats" role="group" aria-label={t('export.format')}>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--quiet"
            // Akoma Ntoso carries no comment threads (EXP16): the server would refuse it.
            disabled={busy || (variant === 'redline' && base === null) || (variant === 'negotiation' && withComments && format === 'akn')}
            aria-busy={state.kind === 'busy' && state.format === format}
            ref={(element) => {
              if (element) formatButtons.current.set(format, element);
              else formatButtons.current.delete(format);
            }}
            onClick={() => (variant === 'clean' && !isSettled(unsettled) ? setConfirming(format) : void run(format))}
            data-testid={`export-${format}`}
          >
            {state.kind === 'busy' && state.format === format ? t('export.making') : t(`export.format.${format}`)}
          </button>
        ))}
      </div>
      {confirming && (
        <ExportConfirm
          unsettled={unsettled}
          passages={brackets}
          labelOf={labelOf}
          goTo={goTo}
          onExport={() => {
            const format = confirming;
            setConfirming(null);
            formatButtons.current.get(format)?.focus();
            void run(format);
          }}
          onCancel={() => {
            const format = confirming;
            setConfirming(null);
            formatButtons.current.get(format)?.focus();
          }}
        />
      )}
      <p className="export-menu__status" role="status" data-testid="export-status">
        {state.kind === 'busy' && t('export.busy', { format: t(`export.format.${state.format}`) })}
        {state.kind === 'done' && t('export.done', { name: state.name })}
      </p>
      {state.kind === 'done' && state.missingGlyphs && (
        <p className="export-menu__warning" role="alert" data-testid="export-missing-glyphs">
          {t('export.missingGlyphs', { chars: state.missingGlyphs })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="export-menu__error" role="alert">
          {t('export.failed', { format: t(`export.format.${state.format}`), message: state.message })}
        </p>
      )}
      {onImport && (
        <div className="export-menu__import">
          <button type="button" className="link-button" onClick={onImport} data-testid="open-import">
            {t('import.open')}
          </button>
        </div>
      )}
    </div>
  );
}
