import * as Y from 'yjs';
import { conventionsOf, DECLARATION_LANGUAGES, isDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import { can } from '../../shared/permissions.ts';
import { applyWordDiff } from '../../shared/proposals/applyWordDiff.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { objectBody } from '../comments/input.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { getDeclarationLanguage, setDeclarationLanguage as storeLanguage } from '../db/declarations.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { badRequest, forbidden } from '../errors.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import type { Rooms } from '../relay/rooms.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

export interface LanguageDeps {
  db: Db;
  rooms: Rooms;
}

/** The schema of `PUT …/language`: `{ "language": "en" | "es" | "pt" | "fr" }`, nothing else. */
function languageBody(body: unknown): DeclarationLanguage {
  const request = objectBody(body);
  const extra = Object.keys(request).filter((key) => key !== 'language');
  if (extra.length > 0) throw badRequest('bad-body', `Only "language" is expected; remove ${extra.map((key) => `"${key}"`).join(', ')}.`);
  const { language } = request;
  if (!isDeclarationLanguage(language)) throw badRequest('bad-language', `language must be one of ${DECLARATION_LANGUAGES.join(', ')}.`);
  return language;
}

/**
 * The formula's words, if they are still exactly the default formula of
 * `language` (DL4) — nobody has written a formula of their own — else
 * null. Italics and bold are not words; spaces are.
 */
function untouchedFormula(doc: Y.Doc, language: DeclarationLanguage): Y.XmlFragment | null {
  const formula = doc.getMap<unknown>(ROOT.meta).get('formula');
  if (!(formula instanceof Y.XmlFragment)) return null;
  return toPlainText(readRichText(formula)) === conventionsOf(language).formula ? formula : null;
}

/**
 * The chair or the secretariat changes the declaration's language after
 * it was made (DL9) — a wrong detection on import is put right. Refused
 * while the text is frozen (SIL4): the language decides the printed
 * markers and words of the text being adopted.
 *
 * SQLite first, with its audit entry, in one transaction; then one server
 * transaction of the document: the language mirrored into `settings`
 * (DL2, so every screen's sub-item markers switch at once) and, if the
 * formula is still the old language's default ("Declare:"), the new
 * language's ("Declaran:") in its place. A formula anyone wrote is theirs
 * and stays. The same language again changes nothing and records nothing.
 */
export function setDeclarationLanguage(deps: LanguageDeps, declarationId: string, actor: ParticipantRow, body: unknown): DeclarationLanguage {
  // The route checks nothing but the participant: the rule lives with the operation.
  if (!can(actor.role, 'changeLanguage')) throw forbidden('not-allowed-changeLanguage', "Only the chair and the secretariat change the declaration's language.");
  const language = languageBody(body);
  const { db } = deps;
  return deps.rooms.withRoom(declarationId, (room) => {
    refuseIfFrozen(room);
    const previous = getDeclarationLanguage(db, declarationId);
    if (previous === language) return language;
    const formula = untouchedFormula(room.doc, previous);
    const formulas = formula ? { from: conventionsOf(previous).formula, to: conventionsOf(language).formula } : null;
    db.transaction(() => {
      storeLanguage(db, declarationId, language);
      appendAudit(db, declarationId, {
        actor: actor.name,
        action: 'language-changed',
        clauseId: null,
        detail: { from: previous, to: language, ...(formulas ? { formula: formulas } : {}) },
      });
    })();
    // One transaction, so one update: no screen shows the new markers under the old formula.
    room.doc.transact(() => {
      room.mirrorLanguage(language);
      if (formula && formulas) applyWordDiff(formula, plain(formulas.to));
    }, SERVER_ORIGIN);
    return language;
  });
}
