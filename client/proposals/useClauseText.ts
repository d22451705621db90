import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import type { RichText } from '../../shared/richText.ts';
import { useFragmentText } from '../collab/useFragmentText.ts';

/**
 * A clause's text as it stands, live; null while the clause is not in the
 * text (deleted, or not yet synced). A redline is always computed against
 * this (PROP4), so that what the chair accepts is what they see.
 */
export function useClauseText(doc: Y.Doc, clauseId: string): RichText | null {
  const [fragment, setFragment] = useState<Y.XmlFragment | null>(() => bodyOf(doc, clauseId));
  useEffect(() => {
    const clauses = clausesMap(doc);
    const update = () => setFragment(bodyOf(doc, clauseId));
    update();
    // A clause deleted or brought back (an undone deletion) changes the map, not the fragment.
    clauses.observe(update);
    return () => clauses.unobserve(update);
  }, [doc, clauseId]);
  const text = useFragmentText(fragment);
  return fragment ? text : null;
}

function bodyOf(doc: Y.Doc, clauseId: string): Y.XmlFragment | null {
  const body = clausesMap(doc).get(clauseId)?.get(CLAUSE_FIELD.body);
  return body instanceof Y.XmlFragment ? body : null;
}
