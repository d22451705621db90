import { compareDeclarations, type Comparison } from '../../shared/versions/compare.ts';
import type { VersionContent, VersionInfo } from '../../shared/versions/version.ts';
import type { Db } from '../db/database.ts';
import { findParticipant } from '../db/participants.ts';
import { findVersionInfo, versionContent } from '../db/versions.ts';
import { notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { attributeComparison } from './attributeComparison.ts';
import { compareRequest } from './input.ts';
import { readVersionContent } from './versionContent.ts';

/**
 * Comparing two states of a declaration (docs/SPEC.md CMP1–CMP3): a saved
 * version with another, or with the text now (the room's document, read
 * into the same plain `VersionContent`). The comparison itself is
 * `compareDeclarations` (shared/versions/compare.ts), aligned by clause id;
 * who made each change is added by `attributeComparison`, from the text
 * history recorded between the two sides' times, which also keeps only the
 * changes of `by` when it is given (CMP3). Here `by` is only checked to be
 * one of the declaration's participants.
 */
export interface CompareDeps {
  db: Db;
  rooms: Rooms;
}

export interface CompareAnswer {
  from: VersionInfo;
  /** null: the text now. */
  to: VersionInfo | null;
  comparison: Comparison;
}

interface Side {
  info: VersionInfo | null;
  content: VersionContent;
  at: number;
}

function savedSide(db: Db, declarationId: string, versionId: string, which: 'from' | 'to'): Side {
  const info = findVersionInfo(db, declarationId, versionId);
  const content = info && versionContent(db, declarationId, versionId);
  if (!info || !content) throw notFound('version-not-found', `There is no version "${versionId}" in this declaration (${which}): pick one from the list of versions.`);
  return { info, content, at: info.at };
}

/** `GET …/compare?from=…&to=…&by=…`, its query as Express parsed it. */
export function compareVersions(deps: CompareDeps, declarationId: string, query: Record<string, unknown>): CompareAnswer {
  const { db } = deps;
  const request = compareRequest(query);
  if (request.by !== null) {
    const participant = findParticipant(db, request.by);
    if (!participant || participant.declarationId !== declarationId) {
      throw notFound('participant-not-found', `There is no participant "${request.by}" in this declaration: by takes the id of one of its participants.`);
    }
  }
  const from = savedSide(db, declarationId, request.from, 'from');
  const to: Side =
    request.to === null
      ? { info: null, content: deps.rooms.withRoom(declarationId, (room) => readVersionContent(room.doc)), at: Date.now() }
      : savedSide(db, declarationId, request.to, 'to');
  const comparison = compareDeclarations(from.content, to.content);
  return { from: from.info!, to: to.info, comparison: attributeComparison(db, declarationId, comparison, from.at, to.at, request.by ?? undefined) };
}
