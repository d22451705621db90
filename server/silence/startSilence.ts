import { readClauses } from '../../shared/document/clauseOps.ts';
import { newId } from '../../shared/ids.ts';
import { documentDate } from '../../shared/documentWords.ts';
import { translatorFor } from '../../shared/i18n/translate.ts';
import { can } from '../../shared/permissions.ts';
import type { SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { clausesNotAgreed, deadlineProblem, isRunning, MAX_SILENCE_MS, MIN_SILENCE_MS } from '../../shared/silence/silenceRules.ts';
import { MAX_VERSIONS } from '../../shared/versions/version.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { insertProcedure, lastProcedure } from '../db/silence.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { countVersions } from '../db/versions.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import { freeVersionName, saveVersion } from '../versions/saveVersion.ts';
import { readVersionContent } from '../versions/versionContent.ts';
import type { SilenceDeps } from './deps.ts';
import { startRequest } from './input.ts';
import { refuseIfFrozen } from './refuseIfFrozen.ts';

const HOURS = 60 * 60 * 1000;

/**
 * The chair starts a silence procedure (SIL1, SIL2, SIL3): when every
 * clause is agreed (locked, a sub-item with its paragraph), or with a reason
 * recorded; with a deadline in the future, at least 24 hours ahead unless
 * `shortDeadline` says it is meant to be short. The text as it stands is
 * saved as a version, "Silence procedure <date>" (origin `silence`), with
 * the procedure and its audit entry in one SQLite transaction; then the
 * procedure is mirrored — the text is frozen from the next update on (SIL4)
 * — and its deadline armed (SIL7).
 */
export function startSilence(deps: SilenceDeps, declarationId: string, actor: ParticipantRow, body: unknown, now = Date.now()): SilenceProcedure {
  if (!can(actor.role, 'silence')) throw forbidden('chair-only', 'Only the chair starts a silence procedure.');
  const request = startRequest(body);
  const problem = deadlineProblem(request.deadline, now, request.shortDeadline);
  if (problem === 'past') throw badRequest('deadline-past', 'The deadline has passed already: choose a date and time in the future.');
  if (problem === 'too-far') throw badRequest('deadline-too-far', `The deadline is more than ${MAX_SILENCE_MS / (24 * HOURS)} days ahead: choose an earlier one.`);
  if (problem === 'too-soon') {
    throw badRequest(
      'deadline-too-soon',
      `The deadline is less than ${MIN_SILENCE_MS / HOURS} hours ahead, too short for capitals to answer. Choose a later one, or confirm a short deadline (shortDeadline: true).`,
    );
  }
  return deps.rooms.withRoom(declarationId, (room) => {
    if (isRunning(room.silence())) throw conflict('silence-running', 'A silence procedure is already running: wait for its deadline, or cancel it first.');
    refuseIfFrozen(room);
    const clauseIds = readClauses(room.doc).map((c) => c.id);
    const notAgreed = clausesNotAgreed(clauseIds, (id) => room.lockOf(id) !== null);
    if (notAgreed > 0 && request.reason === '') {
      throw conflict(
        'not-all-agreed',
        `${notAgreed === 1 ? '1 clause is' : `${notAgreed} clauses are`} not agreed. Agree ${notAgreed === 1 ? 'it' : 'them'} first, or give a reason to start the silence procedure anyway.`,
        { notAgreed },
      );
    }
    const id = newId(16);
    const content = readVersionContent(room.doc);
    deps.db.transaction(() => {
      let versionId: string | null = null;
      // The procedure must not fail because the declaration holds the most versions it may: it starts without one.
      if (countVersions(deps.db, declarationId) < MAX_VERSIONS) {
        // Named in the declaration's language, like the versions the server saves at milestones (VER1).
        const language = getDeclarationLanguage(deps.db, declarationId);
        const name = freeVersionName(deps.db, declarationId, translatorFor(language)('silence.versionName', { date: documentDate(language, now) }));
        versionId = saveVersion(deps.db, declarationId, content, { name, note: request.reason, origin: 'silence', by: actor, at: now }).id;
      }
      insertProcedure(deps.db, declarationId, { id, startedBy: actor.id, startedAt: now, deadline: request.deadline, reason: request.reason, versionId });
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: 'silence-started',
        clauseId: null,
        detail: { procedureId: id, deadline: request.deadline, ...(request.reason ? { reason: request.reason, notAgreed } : {}), versionId },
        at: now,
      });
    })();
    const procedure = lastProcedure(deps.db, declarationId)!;
    room.mirrorSilence(procedure);
    deps.silence.arm(declarationId, id, procedure.deadline);
    return procedure;
  });
}
