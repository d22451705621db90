import { MAX_VERSION_NAME, MAX_VERSION_NOTE } from '../../shared/versions/version.ts';
import { objectBody } from '../comments/input.ts';
import { badRequest } from '../errors.ts';

/**
 * What the versions routes accept (docs/SPEC.md VER1, CMP1), read once
 * here. Lengths are counted in characters as a person counts them (code
 * points), after trimming.
 */
export interface VersionRequest {
  name: string;
  /** '' when none was given. */
  note: string;
}

const characters = (text: string) => [...text].length;

/**
 * The body of `POST …/versions`: `{ "name", "note"? }`. The name is a
 * line of a list: white space inside it, line breaks included, becomes one
 * space. The note keeps its lines. Other keys are a 400 rather than
 * ignored, so that a client never believes something was kept that was not.
 */
export function versionRequest(body: unknown): VersionRequest {
  const request = objectBody(body);
  const extra = Object.keys(request).filter((key) => key !== 'name' && key !== 'note');
  if (extra.length > 0) throw badRequest('bad-body', `Only "name" and "note" are expected; remove ${extra.map((key) => `"${key}"`).join(', ')}.`);
  const { name, note } = request;
  if (typeof name !== 'string') throw badRequest('bad-version-name', `Give the version a name (name: a text of 1 to ${MAX_VERSION_NAME} characters), such as "Rev.1".`, { max: MAX_VERSION_NAME });
  const cleanName = name.replace(/\s+/g, ' ').trim();
  if (cleanName === '') throw badRequest('bad-version-name', `Give the version a name of 1 to ${MAX_VERSION_NAME} characters, such as "Rev.1": this one is blank.`, { max: MAX_VERSION_NAME });
  if (characters(cleanName) > MAX_VERSION_NAME) {
    throw badRequest('bad-version-name', `A version's name has at most ${MAX_VERSION_NAME} characters; this one has ${characters(cleanName)}. Say more in the note.`, { max: MAX_VERSION_NAME });
  }
  if (note !== undefined && note !== null && typeof note !== 'string') throw badRequest('bad-version-note', 'note must be a text (or left out).', { max: MAX_VERSION_NOTE });
  const cleanNote = typeof note === 'string' ? note.trim() : '';
  if (characters(cleanNote) > MAX_VERSION_NOTE) {
    throw badRequest('bad-version-note', `A version's note holds at most ${MAX_VERSION_NOTE} characters; this one has ${characters(cleanNote)}.`, { max: MAX_VERSION_NOTE });
  }
  return { name: cleanName, note: cleanNote };
}

/** The query of `GET …/compare`: `from=<versionId>&to=<versionId|now>&by=<participantId>`. */
export interface CompareRequest {
  from: string;
  /** null: the text now. */
  to: string | null;
  /** Only this participant's changes (CMP3); null: everyone's. */
  by: string | null;
}

export function compareRequest(query: Record<string, unknown>): CompareRequest {
  const { from, to, by } = query;
  if (typeof from !== 'string' || from === '' || from === 'now') {
    throw badRequest('bad-compare', 'Give from=<version id>: the version to compare from (and to=<version id>, or to=now, the default, for the text now).');
  }
  if (to !== undefined && (typeof to !== 'string' || to === '')) throw badRequest('bad-compare', 'to must be one version id, or now (the default) for the text now.');
  if (by !== undefined && (typeof by !== 'string' || by === '')) throw badRequest('bad-compare', "by must be one participant's id, to see only that participant's changes.");
  return { from, to: to === undefined || to === 'now' ? null : to, by: by ?? null };
}
