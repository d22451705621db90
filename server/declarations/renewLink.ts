import type { TokenSecret } from '../auth/tokens.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { renewParticipantLink, type ParticipantRow } from '../db/participants.ts';

/**
 * Gives a participant a new link and records who did it, in one
 * transaction: the old link stops working for every request from then on.
 * Open websocket connections are the caller's to close (the server's rooms;
 * the admin command, another process, leaves them to the relay's recheck).
 */
export function renewLink(db: Db, secret: TokenSecret, target: ParticipantRow, actor: string, detail: Record<string, unknown> = {}): ParticipantRow {
  return db.transaction(() => {
    const renewed = renewParticipantLink(db, secret, target.id);
    appendAudit(db, target.declarationId, { actor, action: 'participant-new-link', clauseId: null, detail: { name: target.name, ...detail } });
    return renewed;
  })();
}
