import * as Y from 'yjs';
import { conventionsOf, DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { DeclarationSeed, SeedSubitem } from '../../shared/declarationSeed.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { typedNumbersToFreeze } from '../../shared/numbering.ts';
import { buildOutline, type OutlineNode } from '../../shared/outline.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import type { FrozenNumber } from '../../shared/workingNumbers.ts';
import { appendAudit } from '../db/auditLog.ts';
import { getNumbering, saveNumbering } from '../db/numbering.ts';
import { getSettings, saveSettings } from '../db/settings.ts';
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
  printing?: Partial<Pick<DeclarationSettings, 'paragraphs' | 'subItemStyle'>>,
): { id: string; participants: ParticipantRow[] } {
  validateParticipants(participants);
  const doc = new Y.Doc();
  writeSeed(doc, toPlainText(seed.formula).trim() === '' ? { ...seed, formula: plain(conventionsOf(language).formula) } : seed);
  const state = Y.encodeStateAsUpdate(doc);
  const numbers = workingNumbersOf(doc, seed);
  const zeroDraft = readVersionContent(doc);
  doc.destroy();
  const id = newId(16);
  const rows = db.transaction(() => {
    insertDeclaration(db, id, language);
    const created = participants.map((p) => insertParticipant(db, secret, id, p.name.trim(), p.role));
    log.append(id, state);
    const maker = created.find((p) => p.name === creator?.trim()) ?? null;
    // How the source printed its paragraphs and sub-items (SET1), kept from the start.
    if (printing && (printing.paragraphs !== undefined || printing.subItemStyle !== undefined)) saveSettings(db, id, { ...getSettings(db, id), ...printing });
    if (numbers !== null) {
      // The draft's working numbers ("2 bis"), frozen by its chair as they stand (WN1, SEED1); the zero draft shows them.
      const chair = maker ?? created.find((p) => p.role === 'chair')!;
      const at = Date.now();
      saveNumbering(db, id, at, chair.id, numbers);
      appendAudit(db, id, { actor: chair.name, action: 'numbering-frozen', clauseId: null, detail: { clauses: Object.keys(numbers).length, from: 'draft' }, at });
      zeroDraft.frozen = getNumbering(db, id);
    }
    saveMilestoneVersion(db, id, zeroDraft, 'created', maker);
    return created;
  })();
  return { id, participants: rows };
}

/**
 * The numbering to freeze when the seed typed working numbers (SEED1), by
 * clause id: the seed's items and the document's outline are in the same
 * order (writeSeed gives ascending keys). null when no clause has one: the
 * numbers follow order as usual.
 */
function workingNumbersOf(doc: Y.Doc, seed: DeclarationSeed): Record<string, FrozenNumber> | null {
  const typed = new Map<string, string>();
  const pair = (items: SeedSubitem[], nodes: OutlineNode[]) => {
    items.forEach((item, i) => {
      const node = nodes[i];
      if (!node) return;
      if (item.number !== undefined) typed.set(node.clause.id, item.number);
      pair(item.subitems ?? [], node.children);
    });
  };
  const outline = buildOutline(readClauses(doc));
  pair(seed.operative, outline.operative);
  return typed.size === 0 ? null : typedNumbersToFreeze(outline, (id) => typed.get(id));
}

export function participantLink(baseUrl: string, declarationId: string, token: string): string {
  return `${baseUrl}/d/${encodeURIComponent(declarationId)}?token=${encodeURIComponent(token)}`;
}
