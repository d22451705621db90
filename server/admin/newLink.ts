import type { TokenSecret } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { renewLink } from '../declarations/renewLink.ts';
import { AppError } from '../errors.ts';
import { ADMIN_ACTOR } from './adminActor.ts';

/**
 * `npm run admin -- new-link <declaration id> <name>` (SPEC CLI3): the way
 * back in when a link is lost or leaked — the chair's above all, since on
 * screen only the chair renews the chair's own link. Whoever can run the
 * admin command on the DATA_DIR already holds every link.
 */
export function newLinkFor(db: Db, secret: TokenSecret, declarationId: string, name: string): ParticipantRow {
  const current = listParticipants(db, declarationId).filter((p) => !p.revoked);
  // Names are unique among current participants, ignoring case (migration 5).
  const wanted = name.trim();
  const target =
    current.find((p) => p.name === wanted) ?? onlyOne(current.filter((p) => p.name.toLocaleLowerCase() === wanted.toLocaleLowerCase()));
  if (!target) {
    const names = current.map((p) => `"${p.name}"`).join(', ');
    throw new AppError(404, 'participant-not-found', `Declaration ${declarationId} has no participant named "${wanted}". Its participants: ${names}.`, {
      id: declarationId,
      name: wanted,
      names,
    });
  }
  return renewLink(db, secret, target, ADMIN_ACTOR);
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
