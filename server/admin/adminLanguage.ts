import { supportedLanguage, type Language } from '../../shared/i18n/translate.ts';

/**
 * The language of the admin command's messages (I18N8), as POSIX programs
 * choose theirs: LC_ALL, else LC_MESSAGES, else LANG (es_AR.UTF-8 → es);
 * "C", "POSIX" or nothing → English. The pseudo-locale is for the browser
 * test only, so a locale that happens to read "qps" gets English.
 */
export function adminLanguage(env: Record<string, string | undefined>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '') ?? '';
  const language = supportedLanguage(locale);
  return language === 'qps' ? 'en' : language;
}
