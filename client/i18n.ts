import { createTranslator, messagesFor, supportedLanguage } from '../shared/i18n/translate.ts';

/** The interface language follows the browser's; every string comes from shared/i18n. */
export const language = supportedLanguage(typeof navigator === 'undefined' ? 'en' : navigator.language);
export const t = createTranslator(messagesFor(language));
