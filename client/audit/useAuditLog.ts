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
  actor: string | null;
  kinds: AuditKind[];
}
export const NO_AUDIT_FILTERS: AuditFilters = { clauseId: null, actor: null, kinds: [] };
export const hasAuditFilters = (filters: AuditFilters) => filters.clauseId !== null || filters.actor !== null || filters.kinds.length > 0;

interface Page {
  entries: AuditEntry[];
  next: number | null;
  actors: string[];
}

/** The query of one page: always with `limit`, so the server answers a page newest first, never the whole log (AUD4). */
function pageQuery(filters: AuditFilters, before: number | null): string {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_DEFAULT) });
  if (before !== null) query.set('before', String(before));
  if (filters.clauseId !== null) query.set('clauseId', filters.clauseId);
  if (filters.actor !== null) query.set('actor', filters.actor);
  if (filters.kinds.length > 0) query.set('kinds', filters.kinds.join(','));
  return `/audit?${query.toString()}`;
}

/**
 * The audit log page by page (docs/SPEC.md AUD4): the newest page for the
 * filters, then older ones on demand, the filters kept for each. A change
 * of filters starts again from the newest; an answer to filters no longer
 * shown is dropped.
 */
export function useAuditLog(declarationId: string, filters: AuditFilters) {
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
      api<Page>(declarationId, pageQuery(filters, before)).then(
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
    [declarationId, filters],
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
