import { useRef, useState } from 'react';
import { changeKind, draftOfRows, editText, mergeWithPrevious, rowsOfDraft, splitAt, type DraftRow, type RowKind } from '../../shared/import/draftRows.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { CONVENTIONS, DECLARATION_LANGUAGES, DEFAULT_DECLARATION_LANGUAGE, isDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { request } from '../api.ts';
import { t } from '../i18n.ts';

/**
 * A new declaration from a zero draft (.docx, .md, .txt): the server reads
 * the file, the chair sees the structure it found, fixes the split (merge
 * with the previous clause, split at the caret, change a clause's kind,
 * correct the text) and creates the declaration — with the same
 * participants as this one — only then. Nothing is created before.
 */
type Heading = Omit<ParsedDraft, 'preamble' | 'operative'>;
const ACCEPT = '.docx,.md,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain';

async function post<T>(url: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  return (await (await request(url, { method: 'POST', headers, body })).json()) as T;
}

export function ImportDialog({ declarationId, onClose }: { declarationId: string; onClose(): void }) {
  const [stage, setStage] = useState<'choose' | 'reading' | 'preview' | 'creating'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [heading, setHeading] = useState<Heading | null>(null);
  const [rows, setRows] = useState<DraftRow[]>([]);
  // The declaration's language: as detected from the draft, or as the user chose (DL6).
  const [language, setLanguage] = useState<DeclarationLanguage>(DEFAULT_DECLARATION_LANGUAGE);
  const [detected, setDetected] = useState<DeclarationLanguage>(DEFAULT_DECLARATION_LANGUAGE);
  // The caret of each row's box: a box keeps its selection when the Split button takes the focus.
  const boxes = useRef(new Map<number, HTMLTextAreaElement>());
  const base = `/api/declarations/${encodeURIComponent(declarationId)}/import`;

  const read = async (file: File) => {
    setError(null);
    setFileName(file.name);
    setStage('reading');
    try {
      const { draft, language: found } = await post<{ draft: ParsedDraft; language?: string }>(`${base}/preview`, file, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) });
      const { preamble: _p, operative: _o, ...rest } = draft;
      setHeading(rest);
      setRows(rowsOfDraft(draft));
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
    if (!heading) return;
    setError(null);
    setStage('creating');
    try {
      const { url } = await post<{ id: string; url: string }>(`${base}/create`, JSON.stringify({ draft: draftOfRows(rows, heading), language }), { 'content-type': 'application/json' });
      window.location.assign(url);
    } catch (failure) {
      setError(t('import.createFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      setStage('preview');
    }
  };

  const field = (key: 'title' | 'chapeau' | 'formula' | 'note') => (
    <label className="import__field">
      <span>{t(`import.field.${key}`)}</span>
      <input value={heading?.[key] ?? ''} onChange={(e) => setHeading((h) => (h ? { ...h, [key]: e.target.value === '' ? null : e.target.value } : h))} data-testid={`import-${key}`} />
    </label>
  );

  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={t('import.title')} data-testid="import-dialog" onKeyDown={(e) => e.key === 'Escape' && stage !== 'creating' && onClose()}>
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
        {(stage === 'preview' || stage === 'creating') && heading && (
          <>
            <p className="import__summary" data-testid="import-summary">
              {t('import.summary', {
                name: fileName,
                preamble: rows.filter((r) => r.kind === 'preamble').length,
                operative: rows.filter((r) => r.kind === 'operative').length,
                subitems: rows.filter((r) => r.kind === 'subitem').length,
                signatories: heading.signatories.length,
              })}
            </p>
            <div className="import__heading">
              {field('title')}
              {field('chapeau')}
              {field('formula')}
              {field('note')}
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
            </div>
            <ol className="import__rows" data-testid="import-rows">
              {rows.map((row, i) => (
                <li key={i} className={`import__row import__row--${row.kind}`} style={{ marginLeft: `${row.depth * 1.5}rem` }} data-testid="import-row" data-kind={row.kind}>
                  <select aria-label={t('import.kind')} value={row.kind} onChange={(e) => setRows((r) => changeKind(r, i, e.target.value as RowKind))}>
                    {(['preamble', 'operative', 'subitem'] as const).map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`import.kind.${kind}`)}
                      </option>
                    ))}
                  </select>
                  <textarea
                    aria-label={t('import.text', { n: i + 1 })}
                    value={row.text}
                    rows={Math.max(1, Math.ceil(row.text.length / 90))}
                    onChange={(e) => setRows((r) => editText(r, i, e.target.value))}
                    ref={(box) => {
                      if (box) boxes.current.set(i, box);
                      else boxes.current.delete(i);
                    }}
                  />
                  <span className="import__row-tools">
                    <button type="button" className="link-button" disabled={i === 0} onClick={() => setRows((r) => mergeWithPrevious(r, i))} data-testid="import-merge">
                      {t('import.merge')}
                    </button>
                    <button type="button" className="link-button" onClick={() => setRows((r) => splitAt(r, i, boxes.current.get(i)?.selectionStart ?? 0))} title={t('import.splitHint')} data-testid="import-split">
                      {t('import.split')}
                    </button>
                  </span>
                </li>
              ))}
            </ol>
            {heading.signatories.length > 0 && (
              <p className="import__signatories">
                {t('import.signatories')} {heading.signatories.map((s) => s.name || s.state).join(' · ')}
              </p>
            )}
            {heading.unplaced && heading.unplaced.length > 0 && (
              // Nothing the reader could not place disappears without trace: it is listed, with why (IMP1).
              <section className="import__unplaced" data-testid="import-unplaced">
                <p>{t('import.unplaced', { count: heading.unplaced.length })}</p>
                <ul>
                  {heading.unplaced.map((line, i) => (
                    <li key={i}>
                      <span className="import__unplaced-reason">{t(`import.unplacedReason.${line.reason}`)}</span> {line.text}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <div className="status-form__buttons">
              <button type="button" className="button" disabled={stage === 'creating' || rows.length === 0} onClick={() => void create()} data-testid="import-create">
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
