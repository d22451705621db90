import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RowKind } from '../../shared/import/draftRows.ts';
import type { ParsedDraft, UnplacedReason } from '../../shared/import/parsedDraft.ts';
import { CONVENTIONS, DECLARATION_LANGUAGES, DEFAULT_DECLARATION_LANGUAGE, isDeclarationLanguage, isSubItemStyle, SUB_ITEM_STYLES, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { isParagraphStyle, PARAGRAPH_STYLES } from '../../shared/paragraphStyle.ts';
import { request } from '../api.ts';
import { t } from '../i18n.ts';
import {
  canMerge,
  canPlace,
  discard,
  discardAll,
  draftOf,
  layout,
  mergeRow,
  pendingLines,
  place,
  PLACES,
  previewOf,
  setFootnote,
  setPart,
  setRowHeading,
  setRowKind,
  setRowText,
  splitRow,
  undoDiscard,
  type Field,
  type Place,
  type Preview,
} from '../import/placeUnplaced.ts';
import { FormattedBox } from '../import/FormattedBox.tsx';

/**
 * A new declaration from a zero draft (.docx, .md, .txt): the server reads
 * the file, the chair sees every part it found in printed order, fixes the
 * split (merge with the previous clause, split at the caret, change a
 * clause's kind, correct the text), places or discards each line the reader
 * could not place — shown where it stood — and creates the declaration, with
 * the same participants as this one, only then (IMP6). Nothing is created
 * before, and nothing of the file is left out without the chair saying so.
 */
const ACCEPT = '.docx,.md,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain';
/** The reasons a whole kind of line is discarded at once: the reader left them out on purpose. */
const BULK_REASONS = ['masthead', 'page-furniture'] as const satisfies readonly UnplacedReason[];
const LONG_FIELDS: Field[] = ['chapeau', 'note'];

async function post<T>(url: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  return (await (await request(url, { method: 'POST', headers, body })).json()) as T;
}

export function ImportDialog({ declarationId, onClose }: { declarationId: string; onClose(): void }) {
  const [stage, setStage] = useState<'choose' | 'reading' | 'preview' | 'creating'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  // The declaration's language: as detected from the draft, or as the user chose (DL6).
  const [language, setLanguage] = useState<DeclarationLanguage>(DEFAULT_DECLARATION_LANGUAGE);
  const [detected, setDetected] = useState<DeclarationLanguage>(DEFAULT_DECLARATION_LANGUAGE);
  // What each unplaced line's "Place as…" holds until its Place button is pressed.
  const [choices, setChoices] = useState<ReadonlyMap<number, Place>>(new Map());
  // Where the focus goes once the screen shows a placement or a discard: the next line still to place, else Create.
  const [focusTarget, setFocusTarget] = useState<number | 'create' | null>(null);
  // The caret of each row's box: a box keeps its selection when the Split button takes the focus.
  const boxes = useRef(new Map<number, HTMLTextAreaElement>());
  const placeSelects = useRef(new Map<number, HTMLSelectElement>());
  const createButton = useRef<HTMLButtonElement>(null);
  const base = `/api/declarations/${encodeURIComponent(declarationId)}/import`;

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === 'create') createButton.current?.focus();
    else placeSelects.current.get(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, preview]);

  const read = async (file: File) => {
    setError(null);
    setFileName(file.name);
    setStage('reading');
    try {
      const { draft, language: found } = await post<{ draft: ParsedDraft; language?: string }>(`${base}/preview`, file, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) });
      setPreview(previewOf(draft));
      setChoices(new Map());
      const guess = isDeclarationLanguage(found) ? found : DEFAULT_DECLARATION_LANGUAGE;
      setLanguage(guess);
      setDetected(guess);
      setStage('preview');
    } catch (failure) {
      setError(t('import.readFailed', { name: file.name, message: failure instanceof Error ? failure.message : String(failure) }));
      setStage('choose');
    }
  };

  const create = async () => {
    if (!preview || pendingLines(preview).length > 0) return;
    setError(null);
    setStage('creating');
    try {
      const { url } = await post<{ id: string; url: string }>(`${base}/create`, JSON.stringify({ draft: draftOf(preview), language }), { 'content-type': 'application/json' });
      window.location.assign(url);
    } catch (failure) {
      setError(t('import.createFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      setStage('preview');
    }
  };

  /** Applies a change to the lines and moves the focus to the line after `id` still to place (or before it), else to Create. */
  const settle = (id: number | null, change: (p: Preview) => Preview) => {
    if (!preview) return;
    const order = layout(preview).flatMap((e) => (e.kind === 'line' ? [e.id] : []));
    const next = change(preview);
    const still = new Set(pendingLines(next).map((l) => l.id));
    const at = id === null ? -1 : order.indexOf(id);
    const after = order.slice(at + 1).find((l) => still.has(l)) ?? order.slice(0, Math.max(at, 0)).reverse().find((l) => still.has(l));
    setPreview(next);
    setFocusTarget(after ?? 'create');
  };

  const edit = (change: (p: Preview) => Preview) => setPreview((p) => (p ? change(p) : p));

  const field = (key: Field) => {
    const value = preview?.parts[key] ?? '';
    const onChange = (text: string) => edit((p) => setPart(p, key, text === '' ? null : text));
    return (
      <label key={`field-${key}`} className={`import__field import__field--${key}`}>
        <span>{t(`import.field.${key}`)}</span>
        {LONG_FIELDS.includes(key) ? (
          <FormattedBox value={value} runs={preview?.parts.formatting?.[key]} rows={Math.max(1, Math.ceil(value.length / 90))} onChange={(e) => onChange(e.target.value)} data-testid={`import-${key}`} />
        ) : (
          // A one-line field: an <input> would silently drop a line break ("50th plenary meeting\n18 December" → "meeting18"); the declaration keeps it as a space (cleanText).
          <input value={value.replace(/\s*\n\s*/gu, ' ')} onChange={(e) => onChange(e.target.value)} data-testid={`import-${key}`} />
        )}
      </label>
    );
  };

  const row = (p: Preview, i: number) => {
    const r = p.rows[i]!;
    return (
      <div key={`row-${i}`} className={`import__row import__row--${r.kind}`} style={{ marginLeft: `${r.depth * 1.5}rem` }} data-testid="import-row" data-kind={r.kind}>
        {r.heading !== undefined && (
          <input className="import__row-heading" aria-label={t('import.heading', { n: i + 1 })} value={r.heading} onChange={(e) => edit((q) => setRowHeading(q, i, e.target.value))} data-testid="import-heading" />
        )}
        <span className="import__row-kind">
          <select aria-label={t('import.kind')} value={r.kind} onChange={(e) => edit((q) => setRowKind(q, i, e.target.value as RowKind))}>
            {(['preamble', 'operative', 'subitem'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`import.kind.${kind}`)}
              </option>
            ))}
          </select>
          {r.number && (
            <span className="import__number" title={t('import.workingNumber', { number: r.number })} data-testid="import-number">
              {r.number}
            </span>
          )}
        </span>
        <FormattedBox
          aria-label={t('import.text', { n: i + 1 })}
          value={r.text}
          runs={r.runs}
          rows={Math.max(1, Math.ceil(r.text.length / 90))}
          onChange={(e) => edit((q) => setRowText(q, i, e.target.value))}
          boxRef={(box) => {
            if (box) boxes.current.set(i, box);
            else boxes.current.delete(i);
          }}
        />
        <span className="import__row-tools">
          <button type="button" className="link-button" disabled={!canMerge(p, i)} title={i > 0 && r.heading ? t('import.mergeUnderHeading') : undefined} onClick={() => edit((q) => mergeRow(q, i))} data-testid="import-merge">
            {t('import.merge')}
          </button>
          <button type="button" className="link-button" onClick={() => edit((q) => splitRow(q, i, boxes.current.get(i)?.selectionStart ?? 0))} title={t('import.splitHint')} data-testid="import-split">
            {t('import.split')}
          </button>
        </span>
      </div>
    );
  };

  const line = (p: Preview, id: number) => {
    const l = p.lines.find((x) => x.id === id)!;
    const choice = choices.get(id);
    const choose = (value: string) =>
      setChoices((c) => {
        const next = new Map(c);
        if ((PLACES as readonly string[]).includes(value)) next.set(id, value as Place);
        else next.delete(id);
        return next;
      });
    return (
      <div key={`line-${id}`} className="import__line" role="group" aria-label={t('import.unplacedLine', { text: l.text })} data-testid="import-line" data-reason={l.reason}>
        <span className="import__unplaced-reason">{t(`import.unplacedReason.${l.reason}`)}</span>
        <span className="import__line-text" data-testid="import-line-text">
          {l.text}
        </span>
        <span className="import__line-tools">
          <select
            aria-label={t('import.placeAsLabel', { text: l.text })}
            value={choice ?? ''}
            onChange={(e) => choose(e.target.value)}
            onKeyDown={(e) => {
              // Enter places, as the button next to it does: the whole choice made from the keyboard without a detour.
              if (e.key === 'Enter' && choice) {
                e.preventDefault();
                settle(id, (q) => place(q, id, choice));
              }
            }}
            ref={(box) => {
              if (box) placeSelects.current.set(id, box);
              else placeSelects.current.delete(id);
            }}
            data-testid="import-place-as"
          >
            <option value="">{t('import.placeAs')}</option>
            {PLACES.map((where) => (
              <option key={where} value={where} disabled={!canPlace(p, id, where)}>
                {t(`import.placeAs.${where}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--quiet" disabled={!choice} onClick={() => choice && settle(id, (q) => place(q, id, choice))} data-testid="import-place">
            {t('import.place')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => settle(id, (q) => discard(q, id))} data-testid="import-discard">
            {t('import.discard')}
          </button>
        </span>
      </div>
    );
  };

  const footnote = (p: Preview, index: number) => {
    const note = p.parts.footnotes![index]!;
    return (
      <div key={`footnote-${index}`} className="import__footnote" data-testid="import-footnote">
        {index === 0 && <span className="import__footnotes-label">{t('import.footnotes')}</span>}
        <input className="import__footnote-marker" aria-label={t('import.footnoteMarker', { n: index + 1 })} value={note.marker} onChange={(e) => edit((q) => setFootnote(q, index, { ...note, marker: e.target.value }))} />
        <FormattedBox
          aria-label={t('import.footnoteText', { n: index + 1 })}
          value={note.text}
          runs={note.runs}
          rows={Math.max(1, Math.ceil(note.text.length / 80))}
          onChange={(e) => edit((q) => setFootnote(q, index, { ...note, text: e.target.value }))}
        />
      </div>
    );
  };

  const flow = (p: Preview): ReactNode[] =>
    layout(p).map((entry) => {
      switch (entry.kind) {
        case 'field':
          return field(entry.field);
        case 'row':
          return row(p, entry.index);
        case 'line':
          return line(p, entry.id);
        case 'footnote':
          return footnote(p, entry.index);
        case 'signatories':
          return (
            p.parts.signatories.length > 0 && (
              <p key="signatories" className="import__signatories">
                {t('import.signatories')} {p.parts.signatories.map((s) => s.name || s.state).join(' · ')}
              </p>
            )
          );
      }
    });

  const pending = preview ? pendingLines(preview) : [];
  const discarded = preview ? preview.lines.filter((l) => l.discarded) : [];

  return (
    <div
      className="modal"
      role="dialog"
      aria-modal="true"
      aria-label={t('import.title')}
      data-testid="import-dialog"
      // Escape in a list box closes the list, not the dialog and the chair's work.
      onKeyDown={(e) => e.key === 'Escape' && stage !== 'creating' && !(e.target instanceof HTMLSelectElement) && onClose()}
    >
      <div className="modal__box">
        <header className="panel__header">
          <h2>{t('import.title')}</h2>
          <button type="button" className="button button--quiet" onClick={onClose} disabled={stage === 'creating'}>
            {t('import.cancel')}
          </button>
        </header>
        {error && (
          <p className="panel__error" role="alert">
            {error}
          </p>
        )}
        {(stage === 'choose' || stage === 'reading') && (
          <label
            className="import__drop"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const file = e.dataTransfer.files[0];
              if (file) void read(file);
            }}
          >
            <span>{stage === 'reading' ? t('import.reading', { name: fileName }) : t('import.choose')}</span>
            <input
              type="file"
              accept={ACCEPT}
              disabled={stage === 'reading'}
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void read(file);
                e.target.value = '';
              }}
            />
          </label>
        )}
        {(stage === 'preview' || stage === 'creating') && preview && (
          <>
            <p className="import__summary" data-testid="import-summary">
              {t('import.summary', {
                name: fileName,
                preamble: preview.rows.filter((r) => r.kind === 'preamble').length,
                operative: preview.rows.filter((r) => r.kind === 'operative').length,
                subitems: preview.rows.filter((r) => r.kind === 'subitem').length,
                signatories: preview.parts.signatories.length,
              })}
            </p>
            <div className="import__settings">
              <label className="import__field">
                <span>{t('declarationLanguage.importLabel')}</span>
                <select value={language} onChange={(e) => isDeclarationLanguage(e.target.value) && setLanguage(e.target.value)} data-testid="import-language">
                  {DECLARATION_LANGUAGES.map((code) => (
                    <option key={code} value={code} lang={code}>
                      {CONVENTIONS[code].name}
                    </option>
                  ))}
                </select>
                <small>{t('declarationLanguage.importHint', { language: CONVENTIONS[detected].name })}</small>
              </label>
              <label className="import__field">
                <span>{t('import.paragraphs')}</span>
                <select value={preview.parts.paragraphs ?? 'numbered'} onChange={(e) => {
                    const style = e.target.value;
                    if (isParagraphStyle(style)) edit((p) => setPart(p, 'paragraphs', style));
                  }} data-testid="import-paragraphs">
                  {PARAGRAPH_STYLES.map((style) => (
                    <option key={style} value={style}>
                      {t(`import.paragraphs.${style}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="import__field">
                <span>{t('import.subItemStyle')}</span>
                <select
                  value={preview.parts.subItemStyle ?? CONVENTIONS[language].subItemStyle}
                  onChange={(e) => {
                    const style = e.target.value;
                    if (isSubItemStyle(style)) edit((p) => setPart(p, 'subItemStyle', style));
                  }}
                  data-testid="import-sub-item-style"
                >
                  {SUB_ITEM_STYLES.map((style) => (
                    <option key={style} value={style}>
                      {t(`import.subItemStyle.${style}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {pending.length > 0 && (
              // Nothing the reader could not place disappears without trace: each line waits where it stood (IMP1, IMP6).
              <section className="import__unplaced" data-testid="import-unplaced">
                <p>{t('import.unplaced', { count: pending.length })}</p>
                <span className="import__bulk">
                  {BULK_REASONS.filter((reason) => pending.some((l) => l.reason === reason)).map((reason) => (
                    <button key={reason} type="button" className="button button--quiet" onClick={() => settle(null, (p) => discardAll(p, reason))} data-testid={`import-discard-all-${reason}`}>
                      {t(`import.discardAll.${reason}`)}
                    </button>
                  ))}
                </span>
              </section>
            )}
            <div className="import__flow" data-testid="import-rows">
              {flow(preview)}
            </div>
            {discarded.length > 0 && (
              <details className="import__discarded" data-testid="import-discarded">
                <summary>{t('import.discarded', { count: discarded.length })}</summary>
                <ul>
                  {discarded.map((l) => (
                    <li key={l.id}>
                      <span className="import__unplaced-reason">{t(`import.unplacedReason.${l.reason}`)}</span> {l.text}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setPreview((p) => (p ? undoDiscard(p, l.id) : p));
                          setFocusTarget(l.id);
                        }}
                        data-testid="import-undo-discard"
                      >
                        {t('import.undoDiscard')}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {pending.length > 0 && (
              <p className="import__pending" id="import-pending" role="status" data-testid="import-pending">
                {t('import.pending', { count: pending.length })}
              </p>
            )}
            <div className="status-form__buttons import__actions">
              <button
                type="button"
                className="button"
                ref={createButton}
                disabled={stage === 'creating' || preview.rows.length === 0 || pending.length > 0}
                aria-describedby={pending.length > 0 ? 'import-pending' : undefined}
                onClick={() => void create()}
                data-testid="import-create"
              >
                {stage === 'creating' ? t('import.creating') : t('import.create')}
              </button>
              <button type="button" className="button button--quiet" disabled={stage === 'creating'} onClick={() => setStage('choose')}>
                {t('import.another')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
