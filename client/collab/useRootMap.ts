import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A root map of the document read into plain data, live: `read` runs once
 * now and again whenever the map changes. Pass a `read` defined outside
 * the component, so that it stays the same from render to render.
 */
export function useRootMap<T>(doc: Y.Doc, name: string, read: (map: Y.Map<unknown>) => T): T {
  const [value, setValue] = useState(() => read(doc.getMap(name)));
  useEffect(() => {
    const map = doc.getMap<unknown>(name);
    const update = () => setValue(read(map));
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc, name, read]);
  return value;
}
