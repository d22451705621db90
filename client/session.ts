import type { ParticipantInfo } from '../shared/roles.ts';

/** Who this browser is for a declaration, asked of the server (the session cookie speaks for us). */
export type SessionResult =
  | { kind: 'ok'; participant: ParticipantInfo }
  | { kind: 'invalid-link' }
  | { kind: 'not-found' }
  | { kind: 'failed' };

export async function loadSession(declarationId: string): Promise<SessionResult> {
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
