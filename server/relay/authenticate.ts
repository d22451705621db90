import type { IncomingMessage } from 'node:http';
import { CLOSE } from '../../shared/protocol.ts';
import { isSameOrigin } from '../auth/origin.ts';
import { bearerToken, participantFor } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { declarationExists } from '../db/declarations.ts';
import type { ParticipantRow } from '../db/participants.ts';

/**
 * The authenticate step. A refusal is a close code in 4400–4499, which the
 * stock y-websocket client takes as final: no silent empty document, no
 * endless reconnecting.
 */
export type Authentication =
  | { participant: ParticipantRow }
  | { refuse: (typeof CLOSE)[keyof typeof CLOSE] };

export function authenticate(db: Db, declarationId: string, request: IncomingMessage, publicUrl: string | null): Authentication {
  if (!declarationExists(db, declarationId)) return { refuse: CLOSE.unknownDeclaration };
  const participant = participantFor(db, request, declarationId, true);
  if (!participant) return { refuse: CLOSE.invalidToken };
  // Signed in by the session cookie, which a browser sends whichever site's page opened the socket: only our own pages may (AUTH6).
  const byCookie = bearerToken(request) === null && !new URL(request.url ?? '/', 'http://x').searchParams.has('token');
  if (byCookie && !isSameOrigin(request, publicUrl)) return { refuse: CLOSE.forbidden };
  return { participant };
}
