import type { ClauseKind } from '../../shared/clauseKind.ts';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import type { Meta, Signatory } from '../../shared/declaration.ts';
import type { AttributedRedline, Comparison } from '../../shared/versions/compare.ts';
import type { RichText } from '../../shared/richText.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { api } from '../api.ts';

/**
 * The routes of versions, comparison and a clause's history (docs/API.md
 * "Versions and comparison"; SPEC VER1–VER2, CMP1–CMP3, HIST1–HIST2).
 * Versions are not mirrored into the shared document: the screen asks for
 * them when it shows them.
 */

/**
 * A clause of a version as the server sends it to be read (the shape of
 * `ExportClause` in server/export/exportInput.ts, the part the screen reads):
 * its working label and marker, its text with its brackets printed in it, its
 * status, and a placeholder for a number left unused by a deleted clause.
 */
export interface VersionClause {
  id: string;
  kind: ClauseKind;
  depth: number;
  label: string;
  marker: string;
  deleted: boolean;
  body: RichText;
  status: ClauseStatus | null;
  /** The label of the agreed paragraph it is agreed with (LOCK7). */
  agreedWith: string | null;
  children: VersionClause[];
}

/** A version's text as it was (VER2): what `GET …/versions/<vid>` answers in `text`. */
export interface VersionText {
  meta: Meta;
  preamble: VersionClause[];
  operative: VersionClause[];
  signatories: Signatory[];
  brackets: number;
  frozen: boolean;
}

/** One entry of a clause's timeline (HIST1). `by` is a participant id, null for the server's own change. */
interface HistoryEntryBase {
  id: string | number;
  by: string | null;
  /** The participant's name ('' when unknown). */
  name: string;
  /** When the entry's first change was made (its changes run from `from` to `at`). */
  from?: number;
  at: number;
}
export interface TextHistoryEntry extends HistoryEntryBase {
  kind: 'text' | 'restore';
  before: RichText;
  after: RichText;
  redline: AttributedRedline;
}
export interface StatusHistoryEntry extends HistoryEntryBase {
  kind: 'status';
  status: ClauseStatus;
}
export interface ProposalHistoryEntry extends HistoryEntryBase {
  kind: 'proposal';
  proposalId: string;
  before?: RichText;
  after?: RichText;
  redline?: AttributedRedline;
}
export interface MoveHistoryEntry extends HistoryEntryBase {
  kind: 'move';
  /** What the move made of it (a sub-item, a paragraph again, another kind), or null when it only changed place. */
  madeKind: 'preamble' | 'operative' | 'subitem' | null;
}
export type HistoryEntry = TextHistoryEntry | StatusHistoryEntry | ProposalHistoryEntry | MoveHistoryEntry;

export interface ComparisonAnswer {
  from: VersionInfo;
  /** null: the text now. */
  to: VersionInfo | null;
  comparison: Comparison;
}

/** "now", or a version id. */
export type CompareTarget = string;
export const NOW = 'now';

const path = (id: string) => encodeURIComponent(id);

export const versionsApi = {
  list: (declarationId: string) => api<{ versions: VersionInfo[] }>(declarationId, '/versions'),
  save: (declarationId: string, name: string, note: string) =>
    api<{ version: VersionInfo }>(declarationId, '/versions', note.trim() === '' ? { name } : { name, note }),
  open: (declarationId: string, versionId: string) => api<{ version: VersionInfo; text: VersionText }>(declarationId, `/versions/${path(versionId)}`),
  compare: (declarationId: string, from: string, to: CompareTarget, by: string | null) => {
    const query = new URLSearchParams({ from, to });
    if (by) query.set('by', by);
    return api<ComparisonAnswer>(declarationId, `/compare?${query.toString()}`);
  },
  history: (declarationId: string, clauseId: string) => api<{ clauseId: string; entries: HistoryEntry[] }>(declarationId, `/clauses/${path(clauseId)}/history`),
  restore: (declarationId: string, clauseId: string, from: HistoryEntry['id']) =>
    api<{ clauseId: string; entry: HistoryEntry }>(declarationId, `/clauses/${path(clauseId)}/restore`, { from }),
};

/** The export of the changes since a version, to the text now (RED1, RED2). */
export function changesSinceUrl(declarationId: string, base: string, format: string): string {
  const query = new URLSearchParams({ format, variant: 'redline', base });
  return `/api/declarations/${encodeURIComponent(declarationId)}/export?${query.toString()}`;
}

/** A saved version in any format and variant (VER2). */
export function versionExportUrl(declarationId: string, versionId: string, format: string, variant: 'clean' | 'negotiation'): string {
  const query = new URLSearchParams({ format, variant, version: versionId });
  return `/api/declarations/${encodeURIComponent(declarationId)}/export?${query.toString()}`;
}
