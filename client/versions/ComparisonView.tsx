import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { t } from '../i18n.ts';
import { when } from '../time.ts';
import { authorNames, authorsOf } from './authors.ts';
import { ComparedDocument } from './ComparedDocument.tsx';
import { changeStep, isField, NEXT_CHANGE_KEYS, PREVIOUS_CHANGE_KEYS } from './comparisonKeys.ts';
import { changeStops, summarySentence } from './comparisonWords.ts';
import { useFetched } from './useFetched.ts';
import { useKeepFocusIn, useOverlayKeys } from './useOverlayKeys.ts';
import { newestFirst, type ComparisonChoice, type VersionsView } from './useVersionsScreen.ts';
import { NOW, versionsApi } from './versionsApi.ts';
import { pickerWords } from './versionWords.ts';

/** The words shown when hovering a change, and where. */
interface HoverTip {
  words: string;
  left: number;
  top: number;
}

/**
 * The comparison of two versions, or of a version with the text now
 * (docs/SPEC.md CMP5): the summary sentence, the changes one by one (a list
 * and Next / Previous, n / p, Alt+PageDown / Alt+PageUp), and the document
 * with its redlines in place. Hovering a change says who made it; "Changes
 * by" asks the server for one participant's changes only (CMP3). Escape
 * closes it. A dialog over the whole screen: reading a comparison is what
 * the room does at that moment.
 */
export function ComparisonView({ view, choice }: { view: VersionsView; choice: ComparisonChoice }) {
  const { declarationId } = view;
  const key = `${choice.from}→${choice.to}·${choice.by ?? ''}`;
  const fetched = useFetched(key, () => versionsApi.compare(declarationId, choice.from, choice.to, choice.by));
  const answer = fetched.value;
  const authorOf = useMemo(() => authorsOf(view.people), [view.people]);
  const stops = useMemo(() => (answer ? changeStops(answer.comparison) : []), [answer]);
  const [at, setAt] = useState(-1);
  const [tip, setTip] = useState<HoverTip | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const doc = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const ids = { title: useId(), from: useId(), to: useId(), by: useId() };

  useEffect(() => {
    dialog.current?.focus({ preventScroll: true });
    // The list of versions for the pickers, if the panel has not read it yet.
    if (view.list.versions === null && !view.list.loading) view.list.reload();
    // Only when the dialog opens.
  }, []);
  // Another comparison: start again from its top.
  useEffect(() => setAt(-1), [answer]);

  // A change whose button had the focus may be gone with a new answer: the focus comes back to the view.
  useEffect(() => {
    if (dialog.current && !dialog.current.contains(document.activeElement)) dialog.current.focus({ preventScroll: true });
  }, [answer]);
  useKeepFocusIn(dialog);
  useOverlayKeys((event) => {
    if (event.key === 'Escape') {
      view.closeOverlay();
      return true;
    }
    // Taken from the proposals' own Alt+PageDown while the comparison is open.
    const direction = changeStep(event, isField(event.target));
    if (direction === null) return false;
    step(direction);
    return true;
  });

  const stop = at >= 0 ? stops[at] : undefined;
  const currentKey = stop?.key ?? null;
  const goTo = (index: number) => {
    if (stops.length === 0) return;
    const next = ((index % stops.length) + stops.length) % stops.length;
    setAt(next);
    const target = doc.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(stops[next]!.key)}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    list.current?.querySelectorAll<HTMLElement>('[data-stop]')[next]?.scrollIntoView({ block: 'nearest' });
  };
  const step = (direction: 1 | -1) => goTo(at === -1 && direction === -1 ? stops.length - 1 : at + direction);

  const versions = view.list.versions ? newestFirst(view.list.versions) : [];
  const fromName = answer?.from.name ?? versions.find((v) => v.id === choice.from)?.name ?? '';
  const toName = answer ? (answer.to?.name ?? null) : choice.to === NOW ? null : (versions.find((v) => v.id === choice.to)?.name ?? '');
  const byName = choice.by ? (view.people.find((p) => p.id === choice.by)?.name ?? t('versions.formerParticipant')) : null;
  const rowOf = (stopKey: string) => (stopKey.startsWith('clause:') ? answer?.comparison.clauses.find((c) => `clause:${c.id}` === stopKey) : undefined);
  const whoOfStop = (stopKey: string) => {
    const row = rowOf(stopKey);
    const meta = stopKey.startsWith('meta:') ? answer?.comparison.meta.find((m) => `meta:${m.field}` === stopKey) : undefined;
    const redline = row?.redline ?? meta?.redline;
    return redline ? authorNames(redline, authorOf) : [];
  };

  const showTip = (event: React.MouseEvent | React.FocusEvent) => {
    const change = (event.target as HTMLElement).closest<HTMLElement>('.cmp-change');
    if (!change) {
      setTip(null);
      return;
    }
    const box = change.getBoundingClientRect();
    setTip({ words: change.dataset.words ?? '', left: Math.max(8, Math.min(box.left, window.innerWidth - 280)), top: box.bottom + 6 });
  };

  return (
    <div
      className="overlay comparison"
      role="dialog"
      aria-modal="true"
      aria-labelledby={ids.title}
      tabIndex={-1}
      ref={dialog}
      data-testid="comparison"
    >
      <header className="overlay__bar">
        <h2 id={ids.title} className="overlay__title">
          {t('versions.comparison.title')}
        </h2>
        <form className="comparison__choice" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={ids.from} className="sr-only">
            {t('versions.compare.from')}
          </label>
          <select id={ids.from} value={choice.from} onChange={(event) => view.compare({ ...choice, from: event.target.value })} data-testid="comparison-from">
            {versions.length === 0 && <option value={choice.from}>{fromName}</option>}
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {pickerWords(v)}
              </option>
            ))}
          </select>
          <span aria-hidden="true">→</span>
          <label htmlFor={ids.to} className="sr-only">
            {t('versions.compare.to')}
          </label>
          <select id={ids.to} value={choice.to} onChange={(event) => view.compare({ ...choice, to: event.target.value })} data-testid="comparison-to">
            <option value={NOW}>{t('versions.now')}</option>
            {versions.length === 0 && choice.to !== NOW && <option value={choice.to}>{toName}</option>}
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {pickerWords(v)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.by}>{t('versions.comparison.by')}</label>
          <select id={ids.by} value={choice.by ?? ''} onChange={(event) => view.compare({ ...choice, by: event.target.value || null })} data-testid="comparison-by">
            <option value="">{t('versions.comparison.byEveryone')}</option>
            {view.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--quiet" onClick={fetched.reload} disabled={fetched.loading} data-testid="comparison-refresh">
            {t('versions.comparison.refresh')}
          </button>
        </form>
        <button type="button" className="button button--quiet overlay__close" onClick={view.closeOverlay} aria-keyshortcuts="Escape" data-testid="comparison-close">
          {t('versions.closeEsc')}
        </button>
      </header>

      {fetched.loading && (
        <div className="overlay__progress" role="status" data-testid="comparison-loading">
          <span className="overlay__progress-bar" aria-hidden="true" />
          {t(toName === null ? 'versions.comparison.makingNow' : 'versions.comparison.making', { from: fromName, to: toName ?? '' })}
        </div>
      )}
      {fetched.error && (
        <div className="overlay__error" role="alert" data-testid="comparison-error">
          <p>{t('versions.comparison.failed', { message: fetched.error })}</p>
          <button type="button" className="button button--quiet" onClick={fetched.reload}>
            {t('versions.retry')}
          </button>
        </div>
      )}

      {answer && (
        <>
          <div className="comparison__top" aria-busy={fetched.loading}>
            <p className="comparison__summary" data-testid="comparison-summary">
              {summarySentence(answer.comparison.summary, answer.from.name, answer.to?.name ?? null, byName)}
            </p>
            {answer.to === null && fetched.at !== null && <p className="comparison__asof">{t('versions.comparison.asOf', { time: when(fetched.at) })}</p>}
            <nav className="comparison__nav" aria-label={t('versions.comparison.navLabel')}>
              <button type="button" className="button button--quiet" onClick={() => step(-1)} disabled={stops.length === 0} title={PREVIOUS_CHANGE_KEYS} data-testid="comparison-previous">
                ‹ {t('versions.comparison.previous')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => step(1)} disabled={stops.length === 0} title={NEXT_CHANGE_KEYS} data-testid="comparison-next">
                {t('versions.comparison.next')} ›
              </button>
              <span className="comparison__where" role="status" data-testid="comparison-where">
                {stops.length === 0
                  ? t('versions.comparison.noChanges')
                  : stop
                    ? [
                        t('versions.comparison.at', { n: at + 1, count: stops.length }),
                        `${stop.place} — ${stop.what.join(', ')}`,
                        ...(whoOfStop(stop.key).length > 0 ? [t('versions.comparison.madeBy', { names: whoOfStop(stop.key).join(', ') })] : []),
                      ].join(' · ')
                    : t('versions.comparison.count', { count: stops.length })}
              </span>
              <span className="comparison__keys">{t('versions.comparison.keys', { next: NEXT_CHANGE_KEYS, previous: PREVIOUS_CHANGE_KEYS })}</span>
            </nav>
          </div>
          <div className="comparison__body" aria-busy={fetched.loading}>
            <ol className="comparison__changes" ref={list} aria-label={t('versions.comparison.changesLabel')} data-testid="comparison-changes">
              {stops.length === 0 && <li className="empty">{t('versions.comparison.noChanges')}</li>}
              {stops.map((each, i) => (
                <li key={each.key}>
                  <button type="button" className={`comparison__stop${i === at ? ' is-current' : ''}`} data-stop={each.key} aria-current={i === at ? 'true' : undefined} onClick={() => goTo(i)} data-testid="comparison-stop">
                    <span className="comparison__stop-place">{each.place}</span>
                    <span className="comparison__stop-what">{each.what.join(', ')}</span>
                  </button>
                </li>
              ))}
            </ol>
            <div className="comparison__scroll" ref={doc} onMouseOver={showTip} onMouseLeave={() => setTip(null)} onScroll={() => setTip(null)}>
              <ComparedDocument comparison={answer.comparison} authorOf={authorOf} current={currentKey} />
            </div>
          </div>
        </>
      )}
      {tip && (
        <div className="cmp-tip" role="tooltip" style={{ left: tip.left, top: tip.top }} data-testid="comparison-tip">
          {tip.words}
        </div>
      )}
    </div>
  );
}
