import { memo, useMemo } from 'react';
import * as Y from 'yjs';
import { MAX_SUBITEM_DEPTH } from '../../shared/clauseKind.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import type { ClauseNumber } from '../../shared/numbering.ts';
import type { OutlineNode } from '../../shared/outline.ts';
import { LazyEditor } from '../editor/LazyEditor.tsx';
import { t } from '../i18n.ts';
import { clauseCommands } from './clauseActions.ts';
import { useDeclarationContext } from './declarationContext.ts';
import { ClauseTools } from './ClauseTools.tsx';
import { PresenceDots } from '../chrome/PresenceDots.tsx';
import { StatusChip } from './StatusChip.tsx';

export interface ClauseRowProps {
  node: OutlineNode;
  number: ClauseNumber;
  previous: string | null;
  next: string | null;
  isFirstSibling: boolean;
  isLastSibling: boolean;
}

/**
 * One clause as it sits in the text: its working label in the left gutter,
 * its number hanging in the margin, its editor, and on the right who is in
 * it and its tools.
 */
export const ClauseRow = memo(function ClauseRow({ node, number, previous, next, isFirstSibling, isLastSibling }: ClauseRowProps) {
  const context = useDeclarationContext();
  const { collab, focus, me, beforeRemoteChange } = context;
  const { clause, depth } = node;
  const status = context.statuses.get(clause.id);
  const locked = status?.state === 'agreed';
  // An agreed clause is read-only for everyone; the server refuses edits to it anyway.
  const canEdit = context.canEdit && !locked;
  const fragment = useMemo(() => {
    const body = clausesMap(collab.doc).get(clause.id)?.get(CLAUSE_FIELD.body);
    return body instanceof Y.XmlFragment ? body : null;
  }, [collab.doc, clause.id]);
  const commands = clauseCommands({
    doc: collab.doc,
    node,
    label: number.label,
    neighbours: { previous, next },
    focus,
    isLocked: (id) => context.statuses.get(id)?.state === 'agreed',
    undo: () => collab.structureUndo.undo(),
    notify: context.notify,
  });
  const others = (context.presenceByClause.get(clause.id) ?? []).filter((u) => !u.isSelf);
  const placeholder =
    clause.kind === 'preamble' ? t('clause.placeholder.preamble') : depth > 0 ? t('clause.placeholder.subitem') : t('clause.placeholder.operative');

  return (
    <div
      className={`clause clause--${clause.kind} clause--depth-${depth} clause--${status?.state ?? 'open'}${others.length > 0 ? ' clause--others' : ''}`}
      data-testid="clause"
      data-clause-id={clause.id}
      data-label={number.label}
      data-state={status?.state ?? 'open'}
      style={others.length > 0 ? ({ '--other-color': others[0]!.color } as React.CSSProperties) : undefined}
    >
      <div className="clause__gutter">
        <span className="clause__label" aria-hidden="true">
          {number.label}
        </span>
        <StatusChip
          declarationId={context.declarationId}
          clauseId={clause.id}
          label={number.label}
          status={status}
          canSet={context.canSetStatus}
          notify={context.notify}
        />
        <PresenceDots users={others} />
      </div>
      <div className="clause__text">
        {number.marker && <span className="clause__marker">{number.marker}</span>}
        {fragment ? (
          <LazyEditor
            fragment={fragment}
            provider={collab.provider}
            user={me}
            editable={canEdit}
            placeholder={placeholder}
            label={number.label}
            className="clause__editor"
            beforeRemoteChange={beforeRemoteChange}
            actions={canEdit ? commands : undefined}
            onPasteParagraphs={canEdit ? commands.pasteParagraphs : undefined}
            focusKey={clause.id}
            focus={focus}
            onFocusChange={(focused) => context.setActiveClause(focused ? clause.id : null)}
          />
        ) : null}
      </div>
      <div className="clause__rail">
        {canEdit && (
          <ClauseTools
            label={number.label}
            commands={commands}
            canAddSubitem={clause.kind === 'operative' && depth < MAX_SUBITEM_DEPTH}
            canMoveUp={!isFirstSibling}
            canMoveDown={!isLastSibling}
          />
        )}
      </div>
    </div>
  );
});
