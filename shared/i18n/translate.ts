import { en, type MessageKey, type Messages } from './en.ts';

/**
 * Looks a string up in the active language and fills its placeholders:
 * `{name}` takes a value, `{count, plural, one {…} other {…}}` picks by count.
 */
const LANGUAGES: Record<string, Messages> = { en };

/** The supported language closest to a BCP 47 tag, English when none is. */
export function supportedLanguage(tag: string): string {
  const base = tag.toLowerCase().split('-')[0] ?? 'en';
  return base in LANGUAGES ? base : 'en';
}

export function messagesFor(language: string): Messages {
  return LANGUAGES[supportedLanguage(language)] ?? en;
}

const PLURAL = /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template
    .replace(PLURAL, (_m, name: string, one: string, other: string) => (Number(values[name]) === 1 ? one : other))
    .replace(PLACEHOLDER, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function createTranslator(messages: Messages) {
  return (key: MessageKey, values?: Record<string, string | number>) => format(messages[key], values);
}

export type Translate = ReturnType<typeof createTranslator>;
