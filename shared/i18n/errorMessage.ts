import { en, type MessageKey } from './en.ts';
import { parseMessage, valueNames } from './messageFormat.ts';
import { supportedLanguage, type Translate, type Values } from './translate.ts';

/**
 * The words for a server error `{error:{id, message, …details}}` (I18N6):
 * the translation of `error.<id>`, its placeholders filled from the
 * details; the server's English message when the interface is English,
 * when the id has no key, or
 * the details lack a value the translation needs (a newer server, say).
 */
export function errorKey(id: string): MessageKey | null {
  const key = `error.${id}`;
  if (key in en) return key as MessageKey;
  // One refusal per permission (server/http/requireParticipant.ts): `not-allowed-<action>`.
  if (id.startsWith('not-allowed-')) return 'error.not-allowed';
  return null;
}

export function errorMessage(t: Translate, language: string, id: string, details: Record<string, unknown>, english: string): string {
  const key = errorKey(id);
  // In English the server's own words say more (the file type, the name, the number of characters): they stay.
  if (key === null || supportedLanguage(language) === 'en') return english;
  const values: Values = {};
  for (const [name, value] of Object.entries(details)) if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  for (const name of valueNames(parseMessage(en[key]))) if (!(name in values)) return english;
  return t(key, values);
}
