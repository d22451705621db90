import { MAX_BRACKETS, standingBrackets, type Bracket } from '../../shared/brackets/bracket.ts';
import { mayBracket } from '../../shared/brackets/bracketRules.ts';
import { anchorPassage, clauseXmlText, resolveBracket } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { newId } from '../../shared/ids.ts';
import { appendAudit } from '../db/auditLog.ts';
import { addBracketRequest, countStandingBrackets, findBracket, insertBracket } from '../db/brackets.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { conflict, forbidden } from '../errors.ts';
import { requireOpenClause, type BracketDeps } from './access.ts';
import { bracketRequestBody } from './input.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * A delegation, the chair or the secretariat puts a passage of an open
 * clause in square brackets (docs/SPEC.md BRK1, BRK2, BRK8). The passage is
 * given as offsets into the clause's text with the words the client read
 * there: if the text reads otherwise now (someone typed meanwhile), nothing
 * is bracketed. Asking for brackets that already stand around exactly that
 * passage adds the asker to them. Nothing in the text changes: the bracket
 * is stored, audited and mirrored into the document's `brackets` map.
 */
export function addBracket(deps: BracketDeps, declarationId: string, actor: ParticipantRow, body: unknown): { bracket: Bracket; created: boolean } {
  if (!mayBracket(actor.role)) throw forbidden('may-not-bracket', `A participant with the role "${actor.role}" reads square brackets but may not put them.`);
  const { clauseId, start, end, quote } = bracketRequestBody(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    refuseIfFrozen(room);
    requireOpenClause(room, clauseId);
    const text = clauseXmlText(room.doc, clauseId);
    const reads = text === null ? '' : text.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('');
    if (reads.slice(start, end) !== quote) {
      throw conflict('passage-changed', 'The text changed while you were selecting; select the passage again.');
    }
    const at = Date.now();
    const same = standingBrackets(room.doc.getMap<unknown>(ROOT.brackets)).find((b) => {
      const range = b.clauseId === clauseId ? resolveBracket(room.doc, b) : null;
      return range !== null && range.start === start && range.end === end;
    });
    if (same) {
      // BRK2: the same brackets, asked for once more; asking twice changes nothing.
      const added = deps.db.transaction(() => {
        const fresh = addBracketRequest(deps.db, same.id, actor.id, at);
        if (fresh) appendAudit(deps.db, declarationId, { actor: actor.name, action: 'bracket-requested', clauseId, detail: { bracketId: same.id, quote: same.quote }, at });
        return fresh;
      })();
      const bracket = findBracket(deps.db, declarationId, same.id)!;
      if (added) room.mirrorBracket(bracket);
      return { bracket, created: false };
    }
    const passage = anchorPassage(room.doc, clauseId, start, end)!;
    const id = newId();
    deps.db.transaction(() => {
      if (countStandingBrackets(deps.db, declarationId) >= MAX_BRACKETS) {
        throw conflict('too-many-brackets', `This declaration has ${MAX_BRACKETS} passages in square brackets, the most it may hold. The chair can remove brackets that are settled.`, { max: MAX_BRACKETS });
      }
      insertBracket(deps.db, declarationId, { id, clauseId, ...passage, quote, at, requestedBy: actor.id });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'bracket-added', clauseId, detail: { bracketId: id, quote }, at });
    })();
    const bracket = findBracket(deps.db, declarationId, id)!;
    room.mirrorBracket(bracket);
    return { bracket, created: true };
  });
}
