import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { can } from '../../shared/permissions.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { NOW, versionsApi, type CompareTarget } from './versionsApi.ts';

/**
 * What the declaration screen shares about versions (docs/SPEC.md VER4,
 * CMP5, HIST3): the side panel of versions or one clause's history (they
 * take the place of the comments and proposals panels: one side panel at a
 * time), the version being read, and the comparison being read. The list of
 * versions is asked for when the panel opens and after each save — versions
 * are not in the shared document.
 */
export interface ComparisonChoice {
  from: string;
  to: CompareTarget;
  /** A participant id: only that participant's changes (CMP3). */
  by: string | null;
}

export interface VersionsView {
  declarationId: string;
  me: ParticipantInfo;
  people: ParticipantInfo[];
  /** The chair and the secretariat save versions (VER1) and restore earlier texts (HIST2), while connected. */
  maySave: boolean;
  mayRestore: boolean;
  /** What the side slot shows: the versions, one clause's history, or nothing. */
  side: { kind: 'versions' } | { kind: 'history'; clauseId: string } | null;
  togglePanel(): void;
  closeSide(): void;
  list: { versions: VersionInfo[] | null; loading: boolean; error: string | null; reload(): void };
  /** Saves a version; the list is read again. Throws the server's ApiError. */
  save(name: string, note: string): Promise<VersionInfo>;
  reading: string | null;
  read(versionId: string): void;
  comparing: ComparisonChoice | null;
  compare(choice: ComparisonChoice): void;
  showHistory(clauseId: string): void;
  /** Closes the reader or the comparison, and gives the focus back to where it was before. */
  closeOverlay(): void;
}

export const VersionsContext = createContext<VersionsView | null>(null);

export function useVersionsContext(): VersionsView | null {
  return useContext(VersionsContext);
}

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** Newest first: the version a reader most likely wants is the last one saved. */
export function newestFirst(versions: readonly VersionInfo[]): VersionInfo[] {
  return [...versions].sort((a, b) => b.at - a.at);
}

export function useVersionsScreen({
  declarationId,
  me,
  people,
  connectionClosed,
  onOpenSide,
}: {
  declarationId: string;
  me: ParticipantInfo;
  people: ParticipantInfo[];
  connectionClosed: boolean;
  /** Called when the side slot opens: the other side panels close. */
  onOpenSide(): void;
}): VersionsView {
  const [side, setSide] = useState<VersionsView['side']>(null);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [comparing, setComparing] = useState<ComparisonChoice | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const request = useRef(0);
  const openSide = useRef(onOpenSide);
  openSide.current = onOpenSide;

  const reload = useCallback(() => {
    const mine = ++request.current;
    setLoading(true);
    setError(null);
    versionsApi.list(declarationId).then(
      (answer) => {
        if (mine !== request.current) return;
        setVersions(answer.versions);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== request.current) return;
        setError(message(failure));
        setLoading(false);
      },
    );
  }, [declarationId]);

  const panelOpen = side?.kind === 'versions';
  useEffect(() => {
    if (panelOpen) reload();
  }, [panelOpen, reload]);

  const rememberFocus = () => {
    if (returnFocus.current === null) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  return useMemo<VersionsView>(
    () => ({
      declarationId,
      me,
      people,
      maySave: can(me.role, 'saveVersion') && !connectionClosed,
      mayRestore: can(me.role, 'restoreText') && !connectionClosed,
      side,
      togglePanel: () => {
        if (side?.kind !== 'versions') openSide.current();
        setSide((now) => (now?.kind === 'versions' ? null : { kind: 'versions' }));
      },
      closeSide: () => setSide(null),
      list: { versions, loading, error, reload },
      save: async (name, note) => {
        const answer = await versionsApi.save(declarationId, name, note);
        reload();
        return answer.version;
      },
      reading,
      read: (versionId) => {
        rememberFocus();
        setComparing(null);
        setReading(versionId);
      },
      comparing,
      compare: (choice) => {
        rememberFocus();
        setReading(null);
        setComparing(choice);
      },
      showHistory: (clauseId) => {
        openSide.current();
        setSide({ kind: 'history', clauseId });
      },
      closeOverlay: () => {
        setReading(null);
        setComparing(null);
        const back = returnFocus.current;
        returnFocus.current = null;
        // After the overlay has gone: the element it covered takes the focus again.
        if (back) setTimeout(() => back.isConnected && back.focus({ preventScroll: true }), 0);
      },
    }),
    [declarationId, me, people, connectionClosed, side, versions, loading, error, reload, reading, comparing],
  );
}

/** The default comparison: the latest version with the text now. */
export function defaultChoice(versions: readonly VersionInfo[]): ComparisonChoice | null {
  const latest = newestFirst(versions)[0];
  return latest ? { from: latest.id, to: NOW, by: null } : null;
}
