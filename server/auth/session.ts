import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/database.ts';
import { participantByToken, type ParticipantRow } from '../db/participants.ts';
import { looksLikeToken } from './tokens.ts';

/**
 * How a request proves who it is: `Authorization: Bearer <token>`, the
 * session cookie set when the link was opened, or (for the websocket, whose
 * browser API cannot set headers) a `token` query parameter.
 */
export const cookieName = (declarationId: string) => `consenso_${declarationId}`;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // A cookie we cannot decode is not ours.
    }
  }
  return cookies;
}

/** The token of `Authorization: Bearer <token>`, or null when the request does not carry one that way. */
export function bearerToken(request: IncomingMessage): string | null {
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
}

export function tokenFromRequest(request: IncomingMessage, declarationId: string, allowQuery: boolean): string | null {
  const bearer = bearerToken(request);
  if (bearer !== null) return bearer;
  if (allowQuery) {
    const query = new URL(request.url ?? '/', 'http://x').searchParams.get('token');
    if (query) return query;
  }
  return parseCookies(request.headers.cookie).get(cookieName(declarationId)) ?? null;
}

/** The live participant of this declaration the request speaks for, or null. */
export function participantFor(db: Db, request: IncomingMessage, declarationId: string, allowQuery = false): ParticipantRow | null {
  return participantForToken(db, tokenFromRequest(request, declarationId, allowQuery), declarationId);
}

export function participantForToken(db: Db, token: string | null, declarationId: string): ParticipantRow | null {
  if (!looksLikeToken(token)) return null;
  const participant = participantByToken(db, token);
  return participant && participant.declarationId === declarationId ? participant : null;
}
