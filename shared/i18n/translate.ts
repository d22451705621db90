import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { INTERFACE_LANGUAGES, PSEUDO_LANGUAGE, type InterfaceLanguage } from './languages.ts';
import { parseMessage, type MessagePart } from './messageFormat.ts';
import { pseudoMessages } from './pseudoLocale.ts';
import { pt } from './pt.ts';

/**
 * Looks a string up in a language and fills its placeholders: `{name}`
 * takes a value (a number formatted by Intl for the language), `{count,
 * plural, one {…} other {…}}` picks the branch of Intl.PluralRules'
 * category for the count, falling back to `other` (I18N1, I18N2).
 */
export type Language = InterfaceLanguage | typeof PSEUDO_LANGUAGE;

const TRANSLATIONS: Record<InterfaceLanguage, Messages> = { en, es, pt, fr };

let pseudo: Messages | null = null;

/** The supported language closest to a BCP 47 tag (es-AR → es), English when none is. */
export function supportedLanguage(tag: string): Language {
  const base = tag.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  if (base === PSEUDO_LANGUAGE) return PSEUDO_LANGUAGE;
  return (INTERFACE_LANGUAGES as readonly string[]).includes(base) ? (base as InterfaceLanguage) : 'en';
}

/** The first of a list of preferred tags (navigator.languages) that is supported, else English. */
export function preferredLanguage(tags: readonly string[]): InterfaceLanguage {
  for (const tag of tags) {
    const language = supportedLanguage(tag);
    if (language !== PSEUDO_LANGUAGE && (language !== 'en' || /^en\b/i.test(tag))) return language;
  }
  return 'en';
}

export function messagesFor(language: string): Messages {
  const supported = supportedLanguage(language);
  if (supported === PSEUDO_LANGUAGE) return (pseudo ??= pseudoMessages(en));
  return TRANSLATIONS[supported];
}

/** The locale Intl formats with: the pseudo-locale formats as English. */
export function intlLocale(language: string): string {
  const supported = supportedLanguage(language);
  return supported === PSEUDO_LANGUAGE ? 'en' : supported;
}

export type Values = Record<string, string | number>;

const parsed = new Map<string, MessagePart[]>();

function partsOf(template: string): MessagePart[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseMessage(template);
    parsed.set(template, parts);
  }
  return parts;
}

interface Formatters {
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}

const formatters = new Map<string, Formatters>();

function formattersFor(language: string): Formatters {
  const locale = intlLocale(language);
  let found = formatters.get(locale);
  if (!found) {
    found = { plural: new Intl.PluralRules(locale), number: new Intl.NumberFormat(locale) };
    formatters.set(locale, found);
  }
  return found;
}

/** A value as text: numbers as the language writes them (1,234 · 1.234 · 1 234); pass a string for a code or a year. */
function show(value: string | number, f: Formatters): string {
  return typeof value === 'number' ? f.number.format(value) : value;
}

function render(parts: MessagePart[], values: Values, f: Formatters): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'value':
        // Left as it is when missing, so a forgotten value shows rather than vanishes.
        out += part.name in values ? show(values[part.name]!, f) : `{${part.name}}`;
        break;
      case 'count':
        out += part.name in values ? show(values[part.name]!, f) : '#';
        break;
      case 'plural': {
        const count = Number(values[part.name]);
        const exact = part.branches[`=${count}`];
        const category = Number.isFinite(count) ? f.plural.select(count) : 'other';
        out += render(exact ?? part.branches[category] ?? part.branches.other ?? [], values, f);
        break;
      }
    }
  }
  return out;
}

/** Fills a template in a language (English by default). */
export function format(template: string, values: Values = {}, language = 'en'): string {
  return render(partsOf(template), values, formattersFor(language));
}

export function createTranslator(messages: Messages, language = 'en') {
  return (key: MessageKey, values?: Values) => format(messages[key] ?? en[key], values, language);
}

export type Translate = ReturnType<typeof createTranslator>;

/** The translator of a language tag, e.g. for the admin command's LANG. */
export function translatorFor(language: string): Translate {
  return createTranslator(messagesFor(language), supportedLanguage(language));
}
