import { useCallback, useEffect, useRef, useState } from 'react';
import { AUDIT_PAGE_DEFAULT, type AuditKind } from '../../shared/auditKinds.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';

/** One entry of the log as `GET …/audit` answers it (docs/API.md). */
export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  clauseId: string | null;
  detail: Record<string, unknown>;
}

/** What the screen filters by (AUD2); every filter set must hold. Empty `kinds`: every kind. */
export interface AuditFilters {
  clauseId: string | null;
  /** With the clause's sub-items' entries (auditClauseChoices.ts). */
  withSubitems: boolean;
  actor: string | null;
  kinds: AuditKind[];
}
export const NO_AUDIT_FILTERS: AuditFilters = { clauseId: null, withSubitems: false, actor: null, kinds: [] };
export const hasAuditFilters = (filters: AuditFilters) => filters.clauseId !== null || filters.actor !== null || filters.kinds.length > 0;

interface Page {
  entries: AuditEntry[];
  next: number | null;
  actors: string[];
}

/** The query of one page: always with `limit`, so the server answers a page newest first, never the whole log (AUD4). */
function pageQuery(filters: AuditFilters, clauseId: string | null, before: number | null): string {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_DEFAULT) });
  if (before !== null) query.set('before', String(before));
  if (clauseId !== null) query.set('clauseId', clauseId);
  if (filters.actor !== null) query.set('actor', filters.actor);
  if (filters.kinds.length > 0) query.set('kinds', filters.kinds.join(','));
  return `/audit?${query.toString()}`;
}

/**
 * One page for several clauses at once (a paragraph with its sub-items):
 * the route filters by one clause, so each clause's page older than
 * `before` is asked for and the newest of them kept. Entry ids grow with
 * time across the whole log, so the next page starts below the last entry
 * kept, and no entry between is missed: a clause's page that was cut short
 * holds only entries newer than the ones it cut.
 */
async function mergedPage(declarationId: string, filters: AuditFilters, clauseIds: readonly string[], before: number | null): Promise<Page> {
  const pages = await Promise.all(clauseIds.map((id) => api<Page>(declarationId, pageQuery(filters, id, before))));
  const entries = pages
    .flatMap((page) => page.entries)
    .sort((a, b) => b.id - a.id)
    .slice(0, AUDIT_PAGE_DEFAULT);
  const more = pages.some((page) => page.next !== null) || pages.reduce((sum, page) => sum + page.entries.length, 0) > entries.length;
  return { entries, next: more && entries.length > 0 ? entries.at(-1)!.id : null, actors: pages[0]?.actors ?? [] };
}

/**
 * The audit log page by page (docs/SPEC.md AUD4): the newest page for the
 * filters, then older ones on demand, the filters kept for each. A change
 * of filters starts again from the newest; an answer to filters no longer
 * shown is dropped. `clauseIds` are the clauses the clause filter stands
 * for (AUD2: a paragraph with its sub-items), null for every clause.
 */
export function useAuditLog(declarationId: string, filters: AuditFilters, clauseIds: readonly string[] | null) {
  // The panel computes the ids on every render: a new array of the same ids is the same query.
  const clauses = clauseIds === null ? null : JSON.stringify(clauseIds);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [actors, setActors] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    (before: number | null) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      const ids = clauses === null ? [] : (JSON.parse(clauses) as string[]);
      const page = ids.length > 1 ? mergedPage(declarationId, filters, ids, before) : api<Page>(declarationId, pageQuery(filters, ids[0] ?? null, before));
      page.then(
        (page) => {
          if (mine !== generation.current) return;
          setEntries((shown) => (before === null ? page.entries : [...shown, ...page.entries]));
          setNext(page.next);
          setActors(page.actors);
          setLoading(false);
        },
        (failure: unknown) => {
          if (mine !== generation.current) return;
          setError(t('audit.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
          setLoading(false);
        },
      );
    },
    [declarationId, filters, clauses],
  );

  useEffect(() => {
    setEntries([]);
    setNext(null);
    load(null);
  }, [load]);

  const loadOlder = useCallback(() => {
    if (next !== null && !loading) load(next);
  }, [load, next, loading]);

  return { entries, next, actors, loading, error, loadOlder, retry: () => load(null) };
}
