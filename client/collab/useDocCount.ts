import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** How long typing may go on before a count runs again: counts read every clause. */
const COUNT_DELAY_MS = 300;

/**
 * A value counted over the whole document (brackets standing, clauses not
 * settled, the declaration's progress), counted again shortly after the
 * last of a burst of changes rather than on every keystroke; `empty`
 * without a document. `count` must depend only on the document.
 */
export function useDocCount<T>(doc: Y.Doc | null, count: (doc: Y.Doc) => T, empty: T): T {
  const [value, setValue] = useState<T>(() => (doc ? count(doc) : empty));
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setValue(count(doc));
      }, COUNT_DELAY_MS);
    };
    doc.on('update', update);
    setValue(count(doc));
    return () => {
      doc.off('update', update);
      if (timer) clearTimeout(timer);
    };
    // `count` is a module-level function of the document: only a new document means counting anew.
  }, [doc]);
  return value;
}
