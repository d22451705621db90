import { CLOSE } from '../shared/protocol.ts';
import type { ParticipantInfo } from '../shared/roles.ts';
import { discardIfAllSent } from './collab/localCopy.ts';
import { rememberedSession, rememberSession } from './collab/rememberedSession.ts';

/**
 * Who this browser is for a declaration, asked of the server (the session
 * cookie speaks for us) — or, when the server cannot be reached, remembered
 * from its last answer, so that the declaration opens from this device's
 * copy (SPEC OFF2).
 */
export type SessionResult =
  | { kind: 'ok'; participant: ParticipantInfo }
  /** The server refused, but this device keeps edits it never received: show them (SPEC OFF3). */
  | { kind: 'kept'; participant: ParticipantInfo; refused: { code: number; reason: string } }
  | { kind: 'invalid-link' }
  | { kind: 'not-found' }
  | { kind: 'failed' };

async function askServer(declarationId: string): Promise<SessionResult> {
  try {
    const response = await fetch(`/api/declarations/${encodeURIComponent(declarationId)}/session`, { credentials: 'same-origin' });
    if (response.status === 401) return { kind: 'invalid-link' };
    if (response.status === 404) return { kind: 'not-found' };
    if (!response.ok) return { kind: 'failed' };
    const body = (await response.json()) as { participant: ParticipantInfo };
    return { kind: 'ok', participant: body.participant };
  } catch {
    return { kind: 'failed' };
  }
}

/**
 * The remembered participant stands in only when the server cannot be
 * reached, never while it is merely slow: whoever signed in on this
 * browser last may have changed, and edits must go out on the connection
 * of the participant who typed them.
 */
export async function loadSession(declarationId: string): Promise<SessionResult> {
  const remembered = rememberedSession(declarationId);
  const answer = await askServer(declarationId);
  switch (answer.kind) {
    case 'ok':
      // Another participant signed in on this browser: the previous one's copy goes if it holds nothing unsent.
      if (remembered && remembered.id !== answer.participant.id) await discardIfAllSent(declarationId, remembered.id);
      rememberSession(declarationId, answer.participant);
      return answer;
    case 'failed':
      return remembered ? { kind: 'ok', participant: remembered } : answer;
    case 'invalid-link':
    case 'not-found': {
      if (!remembered || (await discardIfAllSent(declarationId, remembered.id))) return answer;
      const refused = answer.kind === 'invalid-link' ? CLOSE.invalidToken : CLOSE.unknownDeclaration;
      return { kind: 'kept', participant: remembered, refused: { code: refused.code, reason: refused.reason } };
    }
    case 'kept':
      return answer;
  }
}
