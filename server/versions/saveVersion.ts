import { newId } from '../../shared/ids.ts';
import { translatorFor } from '../../shared/i18n/translate.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { MAX_VERSIONS, type VersionContent, type VersionInfo, type VersionOrigin } from '../../shared/versions/version.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { countVersions, findVersionInfo, insertVersion, versionNameTaken } from '../db/versions.ts';
import { conflict } from '../errors.ts';
import { versionCounts } from './versionContent.ts';

/**
 * Saving a named version (docs/SPEC.md VER1, VER3): the one function the
 * API (`POST …/versions`) and the server's own milestones (a declaration
 * created, the numbering frozen) go through. The content is read by the
 * caller from the room's document (versionContent.ts) — plain JSON, so the
 * document gains nothing by it — and stored with its audit entry in one
 * SQLite transaction; the checks run inside it, so two saves of one name
 * cannot both pass.
 */
export interface VersionToSave {
  /** Already checked (input.ts) or made by the server. */
  name: string;
  note: string;
  origin: VersionOrigin;
  /** Who saved it, or whose action made it; null: the server alone (a declaration made by the admin command). */
  by: Pick<ParticipantRow, 'id' | 'name'> | null;
  at?: number;
}


export function saveVersion(db: Db, declarationId: string, content: VersionContent, version: VersionToSave): VersionInfo {
  const id = newId(16);
  const at = version.at ?? Date.now();
  const { clauses, statuses } = versionCounts(content);
  db.transaction(() => {
    if (countVersions(db, declarationId) >= MAX_VERSIONS) {
      throw conflict('too-many-versions', `This declaration already has ${MAX_VERSIONS} versions, the most it may keep: no more can be saved.`, { max: MAX_VERSIONS });
    }
    if (versionNameTaken(db, declarationId, version.name)) {
      throw conflict('version-name-taken', `There is already a version named "${version.name}" (names are compared ignoring capitals): choose another name.`, { name: version.name });
    }
    insertVersion(db, declarationId, { id, name: version.name, note: version.note, origin: version.origin, byParticipant: version.by?.id ?? null, at, clauses, statuses, content });
    // The audit log records what participants did. A version nobody's action made — the Zero draft of a
    // declaration the admin command or the demo creates, which is not audited either — is its own record.
    if (version.by === null) return;
    appendAudit(db, declarationId, {
      actor: version.by.name,
      action: 'version-saved',
      clauseId: null,
      detail: { versionId: id, name: version.name, origin: version.origin },
      at,
    });
  })();
  return findVersionInfo(db, declarationId, id)!;
}

/** The versions the server saves by itself, and the names it gives them. */
export type Milestone = Extract<VersionOrigin, 'created' | 'numbering-frozen'>;
const MILESTONE_NAMES = { created: 'version.name.created', 'numbering-frozen': 'version.name.numberingFrozen' } as const;

/** `base`, or `base (2)`, `base (3)`…: the first name no version of the declaration has (names are unique in any case). */
export function freeVersionName(db: Db, declarationId: string, base: string): string {
  let name = base;
  for (let n = 2; versionNameTaken(db, declarationId, name); n++) name = `${base} (${n})`;
  return name;
}

/**
 * A version the server saves at a milestone (VER1): named after it
 * ("Zero draft", "Numbering frozen", then "Numbering frozen (2)"…). Called
 * inside the milestone's own transaction, so that both are stored or
 * neither. Once the declaration holds MAX_VERSIONS, none is saved (null):
 * the milestone itself — freezing the numbering — must not fail for it.
 */
export function saveMilestoneVersion(
  db: Db,
  declarationId: string,
  content: VersionContent,
  origin: Milestone,
  by: VersionToSave['by'],
  at?: number,
): VersionInfo | null {
  if (countVersions(db, declarationId) >= MAX_VERSIONS) return null;
  // The name is the document's, in its language ("Borrador cero"), whoever's screen lists it.
  const name = freeVersionName(db, declarationId, translatorFor(getDeclarationLanguage(db, declarationId))(MILESTONE_NAMES[origin]));
  return saveVersion(db, declarationId, content, { name, note: '', origin, by, at });
}
