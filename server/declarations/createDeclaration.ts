import * as Y from 'yjs';
import { conventionsOf, DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { newId } from '../../shared/ids.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import type { Role } from '../../shared/roles.ts';
import type { Db } from '../db/database.ts';
import { insertDeclaration } from '../db/declarations.ts';
import { insertParticipant, type ParticipantRow } from '../db/participants.ts';
import type { UpdateLog } from '../db/updateLog.ts';
import type { TokenSecret } from '../auth/tokens.ts';
import { badRequest } from '../errors.ts';
import { saveMilestoneVersion } from '../versions/saveVersion.ts';
import { readVersionContent } from '../versions/versionContent.ts';

export interface ParticipantSpec {
  name: string;
  role: Role;
}

export const MAX_NAME_LENGTH = 80;

function validateParticipants(participants: ParticipantSpec[]): void {
  const chairs = participants.filter((p) => p.role === 'chair').length;
  if (chairs !== 1) throw badRequest('one-chair', `A declaration needs exactly one chair (got ${chairs}).`);
  const seen = new Set<string>();
  for (const { name } of participants) {
    const trimmed = name.trim();
    if (trimmed === '') throw badRequest('participant-name-empty', 'Every participant needs a name.');
    if (trimmed.length > MAX_NAME_LENGTH) {
      throw badRequest('participant-name-long', `"${trimmed.slice(0, 20)}…" is too long: names have at most ${MAX_NAME_LENGTH} characters.`, { max: MAX_NAME_LENGTH });
    }
    const key = trimmed.toLocaleLowerCase();
    if (seen.has(key)) throw badRequest('participant-name-taken', `"${trimmed}" is named twice: each participant needs a name of its own.`, { name: trimmed });
    seen.add(key);
  }
}

/**
 * Creates a declaration, its participants, its first document state and
 * its "Zero draft" version (docs/SPEC.md VER1) in one database transaction,
 * so that a failure leaves nothing half-made. `creator`: the name of the
 * participant (among `participants`) on whose behalf it is made, whose the
 * Zero draft is; none when the server makes it alone (the admin command,
 * the demo). `language`: the declaration's language (DL1); a seed without a
 * formula gets the language's ("Declaran:", DL4).
 */
export function createDeclaration(
  db: Db,
  secret: TokenSecret,
  log: UpdateLog,
  seed: DeclarationSeed,
  participants: ParticipantSpec[],
  creator?: string,
  language: DeclarationLanguage = DEFAULT_DECLARATION_LANGUAGE,
): { id: string; participants: ParticipantRow[] } {
  validateParticipants(participants);
  const doc = new Y.Doc();
  writeSeed(doc, toPlainText(seed.formula).trim() === '' ? { ...seed, formula: plain(conventionsOf(language).formula) } : seed);
  const state = Y.encodeStateAsUpdate(doc);
  const zeroDraft = readVersionContent(doc);
  doc.destroy();
  const id = newId(16);
  const rows = db.transaction(() => {
    insertDeclaration(db, id, language);
    const created = participants.map((p) => insertParticipant(db, secret, id, p.name.trim(), p.role));
    log.append(id, state);
    saveMilestoneVersion(db, id, zeroDraft, 'created', created.find((p) => p.name === creator?.trim()) ?? null);
    return created;
  })();
  return { id, participants: rows };
}

export function participantLink(baseUrl: string, declarationId: string, token: string): string {
  return `${baseUrl}/d/${encodeURIComponent(declarationId)}?token=${encodeURIComponent(token)}`;
}
