import { memo, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { clauseLocks } from '../../shared/clauseLock.ts';
import type { MetaField } from '../../shared/declaration.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import type { ClauseNumber } from '../../shared/numbering.ts';
import { flattenOutline, type OutlineNode } from '../../shared/outline.ts';
import { toPlainText } from '../../shared/richText.ts';
import type { Role } from '../../shared/roles.ts';
import { useClauseBrackets } from '../brackets/useBrackets.ts';
import { closedWords } from '../chrome/closedWords.ts';
import { Collaboration } from '../collab/collaboration.ts';
import { useCollabStatus } from '../collab/useCollabStatus.ts';
import { useFragmentText } from '../collab/useFragmentText.ts';
import { useOutline } from '../collab/useOutline.ts';
import { useStatuses } from '../collab/useStatuses.ts';
import { SignaturePage } from '../declaration/SignaturePage.tsx';
import { StaticRichText } from '../editor/StaticRichText.tsx';
import { t } from '../i18n.ts';
import { keepInView } from './keepInView.ts';
import { SilenceLine } from './SilenceLine.tsx';
import { useCurrentClause } from './useCurrentClause.ts';
import { useRoomViewKeys } from './useRoomViewKeys.ts';
import './room.css';

/** The two views of the text without editing: `room` for the projector (ROOM6), `read` for reading (ROOM8). */
export type TextViewKind = 'room' | 'read';

/**
 * A read-only replica of the declaration (ROOM7): no local copy, no
 * presence, and nothing it might change ever sent — the provider's senders
 * are unplugged from the document and the awareness, so the view cannot
 * write even if some code tried. The server would refuse an observer's writes anyway, but the
 * link may well be the chair's.
 */
function readOnlyReplica(declarationId: string): Collaboration {
  const collab = new Collaboration(declarationId);
  const provider = collab.provider as unknown as {
    _updateHandler: (update: Uint8Array, origin: unknown) => void;
    _awarenessUpdateHandler: (changes: unknown, origin: unknown) => void;
  };
  collab.doc.off('update', provider._updateHandler);
  // Not a participant at the table: the view is nobody's caret and no chip among those present. The stock
  // provider also sends on every awareness change it hears of, others' included: that sender goes too.
  collab.provider.awareness.off('update', provider._awarenessUpdateHandler);
  collab.provider.awareness.setLocalState(null);
  return collab;
}

/** `role`: the link's, for the room view's ↑/↓ (ROOM9); nothing else depends on it. */
export function TextView({ declarationId, view, role }: { declarationId: string; view: TextViewKind; role: Role }) {
  const [collab, setCollab] = useState<Collaboration | null>(null);
  useEffect(() => {
    const created = readOnlyReplica(declarationId);
    setCollab(created);
    return () => created.destroy();
  }, [declarationId]);
  return collab ? <LiveText declarationId={declarationId} collab={collab} view={view} role={role} /> : null;
}

/** A heading field, the formula or the note, live. */
function useMetaFragment(doc: Y.Doc, field: MetaField): Y.XmlFragment | null {
  const [fragment, setFragment] = useState<Y.XmlFragment | null>(null);
  useEffect(() => {
    const meta = doc.getMap<unknown>(ROOT.meta);
    const update = () => {
      const value = meta.get(field);
      setFragment(value instanceof Y.XmlFragment ? value : null);
    };
    meta.observe(update);
    update();
    return () => meta.unobserve(update);
  }, [doc, field]);
  return fragment;
}

function MetaText({ doc, field, className }: { doc: Y.Doc; field: MetaField; className: string }) {
  const text = useFragmentText(useMetaFragment(doc, field));
  if (text.length === 0) return null;
  return <StaticRichText text={text} className={className} />;
}

type State = 'open' | 'ad-ref' | 'agreed';

const TextClause = memo(function TextClause({ doc, node, number, state, current }: { doc: Y.Doc; node: OutlineNode; number: ClauseNumber; state: State; current: boolean }) {
  const { clause, depth } = node;
  const fragment = useMemo(() => {
    const body = clausesMap(doc).get(clause.id)?.get(CLAUSE_FIELD.body);
    return body instanceof Y.XmlFragment ? body : null;
  }, [doc, clause.id]);
  const text = useFragmentText(fragment);
  const brackets = useClauseBrackets(doc, clause.id);
  const ranges = useMemo(() => brackets.list.map((each) => each.range), [brackets]);
  return (
    <div
      className={`tv-clause tv-clause--${clause.kind} tv-clause--depth-${depth}${current ? ' is-current' : ''}`}
      data-testid="text-clause"
      data-clause-id={clause.id}
      data-label={number.label}
      data-state={state}
      data-current={current ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
    >
      <div className="tv-clause__meta">
        <span className="tv-clause__label">{number.label}</span>
        <span className={`tv-status tv-status--${state}`} data-testid="text-clause-status">
          {t(`status.${state}`)}
        </span>
        {current && <span className="tv-clause__now">{t('room.underDiscussion')}</span>}
      </div>
      <div className="tv-clause__text">
        {number.marker && <span className="tv-clause__marker">{number.marker}</span>}
        <StaticRichText text={text} className="tv-clause__body" brackets={ranges} />
      </div>
    </div>
  );
});

function LiveText({ declarationId, collab, view, role }: { declarationId: string; collab: Collaboration; view: TextViewKind; role: Role }) {
  const { doc } = collab;
  const status = useCollabStatus(collab);
  const { outline, numbers } = useOutline(doc);
  const statuses = useStatuses(doc);
  const locks = useMemo(() => clauseLocks(outline, (id) => statuses.get(id)), [outline, statuses]);
  const current = useCurrentClause(doc);
  const ordered = flattenOutline(outline);
  const order = useMemo(() => flattenOutline(outline).map((node) => node.clause.id), [outline]);
  const keys = useRoomViewKeys(declarationId, role, current, order, view === 'room');
  const preambleCount = outline.preamble.length;
  const titleFragment = useMetaFragment(doc, 'title');
  const title = toPlainText(useFragmentText(titleFragment));
  useEffect(() => {
    const what = view === 'room' ? t('room.roomView') : t('room.readingView');
    document.title = title ? `${title} · ${what} · ${t('app.name')}` : `${what} · ${t('app.name')}`;
  }, [title, view]);

  // The room view always follows the chair (ROOM6): each clause put under discussion comes into view, near the top.
  const currentId = current?.clauseId ?? null;
  const at = current?.at;
  const inText = currentId !== null && numbers.has(currentId);
  useEffect(() => {
    if (view !== 'room' || currentId === null || !inText) return;
    keepInView(currentId, 'start');
    // The projector's window resized (full screen, another resolution): the text reflows, the clause stays in view.
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => keepInView(currentId, 'start'));
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
    };
  }, [view, currentId, at, inText]);

  const stateOf = (id: string): State => (locks.has(id) ? 'agreed' : (statuses.get(id)?.state ?? 'open'));
  const row = (node: OutlineNode) => (
    <TextClause key={node.clause.id} doc={doc} node={node} number={numbers.get(node.clause.id)!} state={stateOf(node.clause.id)} current={node.clause.id === currentId} />
  );
  const connectionNote = keys.failure ?? (status.closed ? closedWords(status.closed).title : status.state !== 'connected' && status.synced ? t('room.reconnecting') : null);
  const loading = !status.synced && doc.getMap(ROOT.clauses).size === 0;

  return (
    <main className={`text-view text-view--${view}`} data-testid={`${view}-view`}>
      {view === 'read' && (
        <nav className="text-view__nav">
          <a href={`/d/${encodeURIComponent(declarationId)}`} data-testid="back-to-text">
            {t('room.backToText')}
          </a>
        </nav>
      )}
      {keys.hint && (
        <p className="text-view__keys" data-testid="room-keys-hint">
          {t('room.keysHint')}
        </p>
      )}
      {connectionNote && (
        <p className="text-view__connection" role="status" data-testid="text-view-connection">
          {connectionNote}
        </p>
      )}
      {loading && !status.closed ? (
        <p className="loading">{t('session.loading')}</p>
      ) : (
        <article className="text-view__sheet" data-testid="text-view-sheet">
          <header className="text-view__heading">
            <MetaText doc={doc} field="conference" className="tv-conference" />
            <MetaText doc={doc} field="title" className="tv-title" />
            <MetaText doc={doc} field="subtitle" className="tv-subtitle" />
            <SilenceLine doc={doc} />
          </header>
          <MetaText doc={doc} field="chapeau" className="tv-chapeau" />
          {ordered.slice(0, preambleCount).map(row)}
          <MetaText doc={doc} field="formula" className="tv-formula" />
          {ordered.slice(preambleCount).map(row)}
          <MetaText doc={doc} field="note" className="tv-note" />
          {view === 'read' && <SignaturePage doc={doc} editable={false} />}
        </article>
      )}
    </main>
  );
}
