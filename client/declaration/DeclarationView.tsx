import type { ClauseKind } from '../../shared/clauseKind.ts';
import { insertClauses } from '../../shared/document/clauseOps.ts';
import type { DeletedNumber } from '../../shared/numbering.ts';
import { isPendingWith } from '../../shared/pendingWith.ts';
import { flattenOutline, type Outline, type OutlineNode } from '../../shared/outline.ts';
import { ownText } from '../../shared/numbering.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readSettings } from '../../shared/settings.ts';
import { useRootMap } from '../collab/useRootMap.ts';
import { ClauseHeading } from './ClauseHeading.tsx';
import { DraftStyleControl } from './DraftStyleControl.tsx';
import { Footnotes } from './Footnotes.tsx';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import type { OutlineView } from '../collab/useOutline.ts';
import { t } from '../i18n.ts';
import { DeletedNumberRow } from '../numbering/DeletedNumberRow.tsx';
import { NumberingControl } from '../numbering/NumberingControl.tsx';
import { can } from '../../shared/permissions.ts';
import { PositionsContext } from '../positions/positionsContext.ts';
import { usePositionKeys } from '../positions/usePositionKeys.ts';
import { usePositionsView } from '../positions/usePositionsView.ts';
import { ClauseRow } from './ClauseRow.tsx';
import { useDeclarationContext } from './declarationContext.ts';
import { MetaField } from './MetaField.tsx';
import { DeclarationLanguageControl } from './DeclarationLanguageControl.tsx';
import { documentWords } from '../../shared/documentWords.ts';
import { useDeclarationLanguage } from './useDeclarationLanguage.ts';
import { PendingNotice } from './PendingNotice.tsx';
import { SignaturePage } from './SignaturePage.tsx';

/** Siblings of each clause, to know whether it can move up or down. */
function siblingPositions(nodes: OutlineNode[], into: Map<string, { first: boolean; last: boolean }>): void {
  nodes.forEach((node, i) => {
    into.set(node.clause.id, { first: i === 0, last: i === nodes.length - 1 });
    siblingPositions(node.children, into);
  });
}

/**
 * Where each "OP5 [deleted]" goes (WN3): after the clause of its group it
 * follows and that clause's sub-items, or first in its part, or right under
 * the paragraph whose sub-item it was. Keyed by the row it follows
 * (`start-preamble`, `start-operative` for a part's start); deeper ones
 * first where several follow the same row.
 */
function placeDeleted(outline: Outline, deleted: DeletedNumber[]): Map<string, { deleted: DeletedNumber; depth: number }[]> {
  const nodes = new Map(flattenOutline(outline).map((node) => [node.clause.id, node]));
  const lastOf = (node: OutlineNode): OutlineNode => (node.children.length > 0 ? lastOf(node.children[node.children.length - 1]!) : node);
  const places = new Map<string, { deleted: DeletedNumber; depth: number }[]>();
  for (const each of deleted) {
    const parent = each.parent === null ? null : nodes.get(each.parent);
    const depth = parent ? parent.depth + 1 : 0;
    const after = each.after === null ? null : nodes.get(each.after);
    const key = after ? lastOf(after).clause.id : parent ? parent.clause.id : `start-${each.kind}`;
    places.set(key, [...(places.get(key) ?? []), { deleted: each, depth }]);
  }
  for (const list of places.values()) list.sort((a, b) => b.depth - a.depth);
  return places;
}

/**
 * The declaration laid out as the printed text: heading, chapeau, preamble,
 * formula, operative part, closing line, note, footnotes, signatures. All clauses are siblings in one
 * keyed list so that moving or indenting one never remounts its editor.
 */
export function DeclarationView({ outline, numbers, deleted, frozen }: OutlineView) {
  const { collab, canEdit, canEditMeta, canSetStatus, focus, me, statuses, declarationId, notify } = useDeclarationContext();
  const positionsView = usePositionsView({ declarationId, collab, me, notify });
  // The note's label is a word of the document: the declaration's language, as the exports print it (DL5).
  const language = useDeclarationLanguage(collab.doc);
  const words = documentWords(language);
  const noteLabel = words.note.trimEnd();
  // How paragraphs print their numbers (DP4): chosen by the chair, mirrored by the server.
  const settings = useRootMap(collab.doc, ROOT.settings, readSettings);
  usePositionKeys(positionsView.mayState);
  const deletedAt = placeDeleted(outline, deleted);
  const deletedRows = (key: string) =>
    (deletedAt.get(key) ?? []).map((each) => <DeletedNumberRow key={`deleted-${each.deleted.id}`} deleted={each.deleted} depth={each.depth} />);
  const ordered = flattenOutline(outline);
  const positions = new Map<string, { first: boolean; last: boolean }>();
  siblingPositions(outline.preamble, positions);
  siblingPositions(outline.operative, positions);

  const addFirst = (kind: ClauseKind) => {
    const [id] = insertClauses(collab.doc, { kind, parent: null }, [[]], STRUCTURE_ORIGIN);
    focus.focus(id!, 'start');
  };
  const row = (node: OutlineNode, index: number) => (
    <ClauseRow
      key={node.clause.id}
      node={node}
      number={numbers.get(node.clause.id)!}
      previous={ordered[index - 1]?.clause.id ?? null}
      next={ordered[index + 1]?.clause.id ?? null}
      isFirstSibling={positions.get(node.clause.id)?.first ?? true}
      isLastSibling={positions.get(node.clause.id)?.last ?? true}
      paragraphs={settings.paragraphs}
    />
  );
  /** Above a clause: its article line in a declaration in articles, and its heading (DP2). */
  const heading = (node: OutlineNode) => {
    const number = numbers.get(node.clause.id)!;
    const article = settings.paragraphs === 'articles' && node.clause.kind === 'operative' && node.depth === 0 ? words.article(ownText(number.own, 0)) : null;
    return (
      <ClauseHeading
        key={`heading-${node.clause.id}`}
        clauseId={node.clause.id}
        heading={node.clause.heading ?? ''}
        article={article}
        depth={node.depth}
        label={number.label}
      />
    );
  };
  /**
   * A clause, and under it, for a delegation whose confirmation it waits
   * for, the notice saying so (STAT3). Rows and notices are siblings in one
   * keyed list, so a notice coming or going never remounts an editor.
   */
  const rowWithNotice = (node: OutlineNode, index: number) => [
    heading(node),
    row(node, index),
    ...(isPendingWith(statuses.get(node.clause.id), me)
      ? [
          <PendingNotice
            key={`pending-${node.clause.id}`}
            clauseId={node.clause.id}
            label={numbers.get(node.clause.id)!.label}
            kind={node.clause.kind}
            depth={node.depth}
          />,
        ]
      : []),
    ...deletedRows(node.clause.id),
  ];
  const emptyPart = (kind: ClauseKind) => (
    <div className="empty-part" key={`empty-${kind}`}>
      <p className="empty">{t(kind === 'preamble' ? 'clause.empty.preamble' : 'clause.empty.operative')}</p>
    </div>
  );
  const addButton = (kind: ClauseKind) =>
    canEdit ? (
      <button key={`add-${kind}`} type="button" className="add-clause" onClick={() => addFirst(kind)} data-testid={`add-${kind}`}>
        + {t(kind === 'preamble' ? 'clause.add.preamble' : 'clause.add.operative')}
      </button>
    ) : null;
  const preambleCount = outline.preamble.length;

  return (
    <PositionsContext.Provider value={positionsView}>
      <article className="declaration" data-testid="declaration">
        {/* canSetStatus also says that the connection is open. */}
        <NumberingControl declarationId={declarationId} frozen={frozen} mayNumber={can(me.role, 'number') && canSetStatus} notify={notify} />
        {/* canEditMeta says too that the connection is open and the text not frozen (SIL4). */}
        <DeclarationLanguageControl declarationId={declarationId} language={language} mayChoose={can(me.role, 'changeLanguage')} enabled={canEditMeta} notify={notify} />
        {can(me.role, 'changeSettings') && <DraftStyleControl declarationId={declarationId} settings={settings} language={language} enabled={canEditMeta} notify={notify} />}
        <header className="declaration__heading">
          <MetaField field="conference" className="conference" />
          <MetaField field="title" className="title" />
          <MetaField field="subtitle" className="subtitle" />
        </header>
        <MetaField field="chapeau" className="chapeau" />
        <div className="clauses" aria-label={`${t('part.preamble')} · ${t('part.operative')}`}>
          {preambleCount === 0 && emptyPart('preamble')}
          {deletedRows('start-preamble')}
          {ordered.slice(0, preambleCount).flatMap((node, i) => rowWithNotice(node, i))}
          {addButton('preamble')}
          <div className="formula-row" key="formula">
            <MetaField field="formula" className="formula" />
          </div>
          {ordered.length === preambleCount && emptyPart('operative')}
          {deletedRows('start-operative')}
          {ordered.slice(preambleCount).flatMap((node, i) => rowWithNotice(node, preambleCount + i))}
          {addButton('operative')}
        </div>
        <MetaField field="closing" className="closing" />
        <footer className="declaration__note">
          <span className="note-label" data-declaration-words>
            {noteLabel}
          </span>
          <MetaField field="note" className="note" />
        </footer>
        <Footnotes />
        <SignaturePage doc={collab.doc} editable={canEditMeta} />
      </article>
    </PositionsContext.Provider>
  );
}
