import * as Y from 'yjs';
import type { ClauseKind } from '../clauseKind.ts';
import type { RichText } from '../richText.ts';
import { CLAUSE_FIELD, ROOT } from './names.ts';
import { appendParagraph } from './richTextFragment.ts';

/** The map of clause id → clause entry. */
export function clausesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.clauses);
}

/** Writes one clause entry; call it inside a transaction. */
export function writeClause(doc: Y.Doc, id: string, kind: ClauseKind, parent: string | null, order: string, body: RichText): void {
  const entry = new Y.Map<unknown>();
  clausesMap(doc).set(id, entry);
  entry.set(CLAUSE_FIELD.kind, kind);
  if (parent !== null) entry.set(CLAUSE_FIELD.parent, parent);
  entry.set(CLAUSE_FIELD.order, order);
  const fragment = new Y.XmlFragment();
  entry.set(CLAUSE_FIELD.body, fragment);
  // Every clause starts with its paragraph, so no two editors race to create it.
  appendParagraph(fragment, body);
}
