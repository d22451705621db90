import { can } from '../../shared/permissions.ts';
import { isSubItemStyle } from '../../shared/declarationLanguage.ts';
import { isParagraphStyle } from '../../shared/paragraphStyle.ts';
import { isEditingMode, type DeclarationSettings } from '../../shared/settings.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { getSettings, saveSettings } from '../db/settings.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { CommentDeps } from './access.ts';
import { objectBody } from './input.ts';

const SETTING_NAMES = 'observersMayComment, editing, secretariatDecides, secretariatRemovesBrackets, paragraphs and subItemStyle';
/** The settings that change how the text prints: frozen with the text under a silence procedure (SIL4). */
const PRINTED_SETTINGS: readonly (keyof DeclarationSettings)[] = ['paragraphs', 'subItemStyle'];

/** The schema of `PUT …/settings`: each key optional, at least one, nothing else. */
function settingsChange(body: unknown): Partial<DeclarationSettings> {
  const request = objectBody(body);
  const change: Partial<DeclarationSettings> = {};
  for (const key of Object.keys(request)) {
    const value = request[key];
    if (key === 'observersMayComment' || key === 'secretariatDecides' || key === 'secretariatRemovesBrackets') {
      if (typeof value !== 'boolean') throw badRequest('bad-settings', `${key} must be true or false.`);
      change[key] = value;
    } else if (key === 'editing') {
      if (!isEditingMode(value)) throw badRequest('bad-settings', 'editing must be "direct" or "proposals".');
      change.editing = value;
    } else if (key === 'paragraphs') {
      if (!isParagraphStyle(value)) throw badRequest('bad-settings', 'paragraphs must be "numbered", "articles" or "unnumbered".');
      change.paragraphs = value;
    } else if (key === 'subItemStyle') {
      if (value !== null && !isSubItemStyle(value)) throw badRequest('bad-settings', 'subItemStyle must be "enclosed" ("(a)"), "closing" ("a)") or null (the declaration language\'s style).');
      change.subItemStyle = value;
    } else {
      throw badRequest('bad-settings', `There is no setting "${key}"; the settings are ${SETTING_NAMES}.`);
    }
  }
  if (Object.keys(change).length === 0) throw badRequest('bad-settings', `Say which setting to change: ${SETTING_NAMES}.`);
  return change;
}

/**
 * The chair changes the declaration's settings: whether observers may
 * comment (COM7), the editing mode (PROP9) and whether the secretariat
 * decides proposals (PROP6) or removes brackets (BRK4), how paragraphs and
 * sub-items print (SET1). Stored, audited (one entry per setting that
 * changed), and mirrored into the document's `settings` map so that every
 * screen — and the relay's enforce step — follows at once.
 */
export function setSettings(deps: CommentDeps, declarationId: string, actor: ParticipantRow, body: unknown): DeclarationSettings {
  if (!can(actor.role, 'changeSettings')) throw forbidden('chair-only', 'Only the chair can change the declaration\'s settings.');
  const change = settingsChange(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    // How paragraphs and sub-items print is part of the text: frozen under silence and once adopted (SIL4).
    if (PRINTED_SETTINGS.some((key) => key in change)) refuseIfFrozen(room);
    const previous = getSettings(deps.db, declarationId);
    const settings: DeclarationSettings = { ...previous, ...change };
    const changed = (Object.keys(change) as (keyof DeclarationSettings)[]).filter((key) => previous[key] !== settings[key]);
    if (changed.length > 0) {
      deps.db.transaction(() => {
        saveSettings(deps.db, declarationId, settings);
        for (const key of changed) {
          appendAudit(deps.db, declarationId, {
            actor: actor.name,
            action: key === 'editing' ? 'editing-mode' : 'settings',
            clauseId: null,
            detail: { [key]: { from: previous[key], to: settings[key] } },
          });
        }
      })();
    }
    room.mirrorSettings(settings);
    return settings;
  });
}
