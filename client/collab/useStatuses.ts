import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readClauseStatus, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { ROOT } from '../../shared/document/names.ts';

function read(doc: Y.Doc): Map<string, ClauseStatus> {
  const statuses = new Map<string, ClauseStatus>();
  doc.getMap<unknown>(ROOT.status).forEach((value, id) => {
    const status = readClauseStatus(value);
    if (status) statuses.set(id, status);
  });
  return statuses;
}

/** Each clause's status as the server mirrors it (a clause without one is open). */
export function useStatuses(doc: Y.Doc): Map<string, ClauseStatus> {
  const [statuses, setStatuses] = useState(() => read(doc));
  useEffect(() => {
    const map = doc.getMap(ROOT.status);
    const update = () => setStatuses(read(doc));
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc]);
  return statuses;
}
