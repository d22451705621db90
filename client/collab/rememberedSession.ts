import { isRole, type ParticipantInfo } from '../../shared/roles.ts';

/**
 * The server's last answer to "who am I here?", per declaration, kept in
 * localStorage so that the page opens offline as that participant, on the
 * local copy (SPEC OFF2). It holds what the session route answers — id,
 * name, role, colour — never a token: the cookie stays the only credential.
 */
const key = (declarationId: string) => `consenso:session:${declarationId}`;

export function rememberSession(declarationId: string, participant: ParticipantInfo): void {
  try {
    localStorage.setItem(key(declarationId), JSON.stringify(participant));
  } catch {
    // Storage refused (private mode, full): the page still works online.
  }
}

export function rememberedSession(declarationId: string): ParticipantInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(key(declarationId)) ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, role, color } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role) || typeof color !== 'string') return null;
  return { id, name, role, color };
}

export function forgetSession(declarationId: string): void {
  try {
    localStorage.removeItem(key(declarationId));
  } catch {
    // Nothing was kept.
  }
}
