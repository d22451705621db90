import type * as Y from 'yjs';
import { readClauseStatus, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { ROOT } from '../../shared/document/names.ts';
import { useRootMap } from './useRootMap.ts';

function read(map: Y.Map<unknown>): Map<string, ClauseStatus> {
  const statuses = new Map<string, ClauseStatus>();
  map.forEach((value, id) => {
    const status = readClauseStatus(value);
    if (status) statuses.set(id, status);
  });
  return statuses;
}

/** Each clause's status as the server mirrors it (a clause without one is open). */
export function useStatuses(doc: Y.Doc): Map<string, ClauseStatus> {
  return useRootMap(doc, ROOT.status, read);
}
