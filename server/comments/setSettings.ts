import type { DeclarationSettings } from '../../shared/comments/settings.ts';
import { can } from '../../shared/permissions.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { getSettings, saveSettings } from '../db/settings.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { CommentDeps } from './access.ts';
import { objectBody } from './input.ts';

/**
 * The chair changes the declaration's settings (today: whether observers
 * may comment, COM7). Stored, audited, and mirrored into the document's
 * `settings` map so that every screen follows at once.
 */
export function setSettings(deps: CommentDeps, declarationId: string, actor: ParticipantRow, body: unknown): DeclarationSettings {
  if (!can(actor.role, 'changeSettings')) throw forbidden('chair-only', 'Only the chair can change who may comment.');
  const request = objectBody(body);
  if (typeof request.observersMayComment !== 'boolean') throw badRequest('bad-settings', 'observersMayComment must be true or false.');
  const settings: DeclarationSettings = { observersMayComment: request.observersMayComment };
  return deps.rooms.withRoom(declarationId, (room) => {
    const previous = getSettings(deps.db, declarationId);
    if (previous.observersMayComment !== settings.observersMayComment) {
      deps.db.transaction(() => {
        saveSettings(deps.db, declarationId, settings);
        appendAudit(deps.db, declarationId, {
          actor: actor.name,
          action: 'settings',
          clauseId: null,
          detail: { observersMayComment: { from: previous.observersMayComment, to: settings.observersMayComment } },
        });
      })();
    }
    room.mirrorSettings(settings);
    return settings;
  });
}
