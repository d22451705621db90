import type { ClauseKind } from '../../shared/clauseKind.ts';
import { insertClauses } from '../../shared/document/clauseOps.ts';
import { isPendingWith } from '../../shared/pendingWith.ts';
import { flattenOutline, type OutlineNode } from '../../shared/outline.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import type { OutlineView } from '../collab/useOutline.ts';
import { t } from '../i18n.ts';
import { ClauseRow } from './ClauseRow.tsx';
import { useDeclarationContext } from './declarationContext.ts';
import { MetaField } from './MetaField.tsx';
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
 * The declaration laid out as the printed text: heading, chapeau, preamble,
 * formula, operative part, note, signatures. All clauses are siblings in one
 * keyed list so that moving or indenting one never remounts its editor.
 */
export function DeclarationView({ outline, numbers }: OutlineView) {
  const { collab, canEdit, canEditMeta, focus, me, statuses } = useDeclarationContext();
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
    />
  );
  /**
   * A clause, and under it, for a delegation whose confirmation it waits
   * for, the notice saying so (STAT3). Rows and notices are siblings in one
   * keyed list, so a notice coming or going never remounts an editor.
   */
  const rowWithNotice = (node: OutlineNode, index: number) =>
    isPendingWith(statuses.get(node.clause.id), me)
      ? [
          row(node, index),
          <PendingNotice
            key={`pending-${node.clause.id}`}
            clauseId={node.clause.id}
            label={numbers.get(node.clause.id)!.label}
            kind={node.clause.kind}
            depth={node.depth}
          />,
        ]
      : [row(node, index)];
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
    <article className="declaration" data-testid="declaration">
      <header className="declaration__heading">
        <MetaField field="conference" className="conference" />
        <MetaField field="title" className="title" />
        <MetaField field="subtitle" className="subtitle" />
      </header>
      <MetaField field="chapeau" className="chapeau" />
      <div className="clauses" aria-label={`${t('part.preamble')} · ${t('part.operative')}`}>
        {preambleCount === 0 && emptyPart('preamble')}
        {ordered.slice(0, preambleCount).flatMap((node, i) => rowWithNotice(node, i))}
        {addButton('preamble')}
        <div className="formula-row" key="formula">
          <MetaField field="formula" className="formula" />
        </div>
        {ordered.length === preambleCount && emptyPart('operative')}
        {ordered.slice(preambleCount).flatMap((node, i) => rowWithNotice(node, preambleCount + i))}
        {addButton('operative')}
      </div>
      <footer className="declaration__note">
        <span className="note-label">{t('meta.note.label')}</span>
        <MetaField field="note" className="note" />
      </footer>
      <SignaturePage doc={collab.doc} editable={canEditMeta} />
    </article>
  );
}
