/**
 * The interface languages offered in the switcher, each named in itself
 * (a Spanish speaker looks for "Español", whatever the screen's language
 * is), so these names are the same in every language and live here, not
 * in en.ts.
 */
export const INTERFACE_LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<InterfaceLanguage, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  fr: 'Français',
};

/**
 * The pseudo-locale (I18N5): English with every letter accented and each
 * string in ⟦…⟧, made from en.ts at run time. Never offered in the
 * switcher; `?lang=qps` opens it, so that a test sees any string that does
 * not come from en.ts.
 */
export const PSEUDO_LANGUAGE = 'qps';

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}
