import type * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';

/**
 * The clause whose body `fragment` is, given the id it is shown under, or
 * null (a field of the heading): only clauses have square brackets.
 */
export function clauseOfBody(fragment: Y.XmlFragment, id: string): string | null {
  const doc = fragment.doc;
  if (!doc) return null;
  return clausesMap(doc).get(id)?.get(CLAUSE_FIELD.body) === fragment ? id : null;
}
