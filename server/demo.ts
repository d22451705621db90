import { buenosAires2023, buenosAires2023Participants } from '../shared/fixtures/buenosAires2023.ts';
import type { TokenSecret } from './auth/tokens.ts';
import type { Db } from './db/database.ts';
import { listDeclarationIds } from './db/declarations.ts';
import type { UpdateLog } from './db/updateLog.ts';
import { createDeclaration, type ParticipantSpec } from './declarations/createDeclaration.ts';

/** The demo participants: Argentina in the chair, the other signatories, a secretariat and an observer. */
export function demoParticipants(): ParticipantSpec[] {
  const p = buenosAires2023Participants;
  return [
    { name: p.chair, role: 'chair' },
    ...p.delegations.map((name) => ({ name, role: 'delegation' as const })),
    { name: p.secretariat, role: 'secretariat' },
    { name: p.observer, role: 'observer' },
  ];
}

/** On the first start (an empty database), creates the demo declaration. Returns its id, or null. */
export function ensureDemo(db: Db, secret: TokenSecret, log: UpdateLog): string | null {
  if (listDeclarationIds(db).length > 0) return null;
  return createDeclaration(db, secret, log, buenosAires2023, demoParticipants()).id;
}
