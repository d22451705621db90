import { compareDeclarations } from '../../shared/versions/compare.ts';
import type { VersionContent, VersionInfo } from '../../shared/versions/version.ts';
import type { Db } from '../db/database.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { getSettings } from '../db/settings.ts';
import { listParticipants } from '../db/participants.ts';
import { entriesBetween, movesBetween } from '../db/textHistory.ts';
import { findVersionInfo, versionContent } from '../db/versions.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { attributeComparison } from '../versions/attributeComparison.ts';
import { readVersionContent, versionText } from '../versions/versionContent.ts';
import type { ExportInput, ExportVariant } from './exportInput.ts';
import { buildRedline, UNKNOWN_AUTHOR, type RedlineExport } from './redline.ts';

/**
 * What the export route needs beyond the text now (docs/SPEC.md RED1,
 * VER2): reading `variant=redline&base=…&target=…` and `version=…` from
 * the query, and loading what they name — a saved version's text as it
 * was, or the redline between two states of the declaration, compared
 * (shared/versions/compare.ts) and attributed (server/versions/
 * attributeComparison.ts) with the participants' names and the times the
 * text history recorded.
 */

/** The formats a redline is made in: the ones that can show an insertion and a deletion to a reader. */
export const REDLINE_FORMATS = ['docx', 'html', 'pdf', 'md'] as const;
export type RedlineFormat = (typeof REDLINE_FORMATS)[number];

export function isRedlineFormat(format: string): format is RedlineFormat {
  return (REDLINE_FORMATS as readonly string[]).includes(format);
}

export type ExportQuery =
  | { kind: 'text'; variant: ExportVariant; version: string | null }
  | { kind: 'redline'; format: RedlineFormat; base: string; /** null: the text now. */ target: string | null };

/** One version id from the query, or undefined when the parameter is absent. */
function oneId(query: Record<string, unknown>, name: string, id: 'bad-redline' | 'bad-version'): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(id, `${name} must be one version id (from GET …/versions).`);
  return value;
}

/**
 * The query's version parameters for a format and variant already read:
 * `variant=redline` needs `base` and one of REDLINE_FORMATS; `target`
 * (or `version`, the same thing here) is a version id or `now`, the
 * default; `base` and `target` mean nothing to another variant.
 */
export function exportQuery(query: Record<string, unknown>, format: string, variant: ExportVariant | 'redline'): ExportQuery {
  const base = oneId(query, 'base', 'bad-redline');
  const target = oneId(query, 'target', 'bad-redline');
  const version = oneId(query, 'version', variant === 'redline' ? 'bad-redline' : 'bad-version');
  if (variant !== 'redline') {
    if (base !== undefined || target !== undefined) {
      throw badRequest('bad-redline', 'base and target are for variant=redline (the changes from base to target); for one version as it was, give version=<version id>.');
    }
    return { kind: 'text', variant, version: version ?? null };
  }
  if (!isRedlineFormat(format)) {
    throw badRequest('bad-redline', `A redline is made as ${REDLINE_FORMATS.join(', ')}: give format=${REDLINE_FORMATS.join(', ')} (one of them) with variant=redline.`);
  }
  if (base === undefined) throw badRequest('bad-redline', 'Give base=<version id>: the version the changes are counted from (and target=<version id> for another version than the text now).');
  if (target !== undefined && version !== undefined && target !== version) throw badRequest('bad-redline', 'Give the target once: target=<version id> (version= means the same in a redline).');
  const to = target ?? version;
  return { kind: 'redline', format, base, target: to === undefined || to === 'now' ? null : to };
}

interface SavedVersion {
  info: VersionInfo;
  content: VersionContent;
}

function savedVersion(db: Db, declarationId: string, versionId: string, which: string): SavedVersion {
  const info = findVersionInfo(db, declarationId, versionId);
  const content = info && versionContent(db, declarationId, versionId);
  if (!info || !content) throw notFound('version-not-found', `There is no version "${versionId}" in this declaration (${which}): pick one from the list of versions.`);
  return { info, content };
}

/** A saved version as the exporters read it (VER2), with its name for the file. */
export function loadVersionText(db: Db, declarationId: string, versionId: string): { info: VersionInfo; input: ExportInput } {
  const { info, content } = savedVersion(db, declarationId, versionId, 'version');
  // How paragraphs and sub-items print is a setting of the declaration, not of a version: the declaration's as it is now.
  const { paragraphs, subItemStyle } = getSettings(db, declarationId);
  return { info, input: versionText(content, info.at, getDeclarationLanguage(db, declarationId), { paragraphs, subItemStyle }) };
}

/**
 * When each participant last changed each part (a clause id, `meta:<field>`)
 * between the two sides, from the text history (HIST1): the date of their
 * revisions in Word. A run of changes that goes on past the target counts
 * up to the target.
 */
function historyTimes(db: Db, declarationId: string, fromAt: number, toAt: number): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of [...entriesBetween(db, declarationId, fromAt, toAt), ...movesBetween(db, declarationId, fromAt, toAt)]) {
    if (entry.participantId === null) continue;
    const key = `${entry.part}\u0000${entry.participantId}`;
    times.set(key, Math.max(times.get(key) ?? 0, Math.min(entry.at, toAt)));
  }
  return times;
}

/** The redline from version `base` to version `target` (null: the text now), ready for a format. */
export function loadRedline(deps: { db: Db; rooms: Rooms }, declarationId: string, base: string, target: string | null, generatedAt: Date): RedlineExport {
  const { db } = deps;
  const from = savedVersion(db, declarationId, base, 'base');
  const to =
    target === null
      ? { name: null, content: deps.rooms.withRoom(declarationId, (room) => readVersionContent(room.doc)), at: generatedAt.getTime() }
      : (({ info, content }) => ({ name: info.name, content, at: info.at }))(savedVersion(db, declarationId, target, 'target'));
  const comparison = attributeComparison(db, declarationId, compareDeclarations(from.content, to.content), from.info.at, to.at);
  const names = new Map(listParticipants(db, declarationId).map((p) => [p.id, p.name]));
  const times = historyTimes(db, declarationId, from.info.at, to.at);
  return buildRedline({
    base: { name: from.info.name, side: from.content, at: from.info.at },
    target: { name: to.name, side: to.content, at: to.at },
    comparison,
    nameOf: (by) => (by ? (names.get(by) ?? UNKNOWN_AUTHOR) : UNKNOWN_AUTHOR),
    timeOf: (part, by) => (by ? (times.get(`${part}\u0000${by}`) ?? null) : null),
    generatedAt,
    language: getDeclarationLanguage(db, declarationId),
    subItemStyle: getSettings(db, declarationId).subItemStyle,
  });
}
