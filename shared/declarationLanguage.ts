/**
 * The language a declaration is written in (docs/SPEC.md DL1–DL8), and the
 * conventions of printing it that follow from the language: the default
 * formula, how sub-items are labelled, the quotation marks, the codes other
 * programs read (HTML `lang`, Akoma Ntoso's ISO 639-2 code). The words an
 * export prints around the text are in `documentWords.ts`.
 *
 * It is independent of the interface language, which is each browser's
 * own: a Spanish declaration negotiated on an English screen still prints
 * "Declaran:" and "a)". SQLite holds it (`declarations.language`); the
 * server mirrors it into the document's `settings` map under `language`,
 * read-only for clients, so every replica prints the same.
 */
export const DECLARATION_LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type DeclarationLanguage = (typeof DECLARATION_LANGUAGES)[number];

/** The demo and every declaration made before languages existed are English. */
export const DEFAULT_DECLARATION_LANGUAGE: DeclarationLanguage = 'en';

/** The key of the `settings` map that holds the mirrored language. */
export const LANGUAGE_SETTING = 'language';

export function isDeclarationLanguage(value: unknown): value is DeclarationLanguage {
  return typeof value === 'string' && (DECLARATION_LANGUAGES as readonly string[]).includes(value);
}

/** The language as mirrored in the `settings` map; missing or unreadable reads as English. */
export function readDeclarationLanguage(settings: { get(key: string): unknown }): DeclarationLanguage {
  const value = settings.get(LANGUAGE_SETTING);
  return isDeclarationLanguage(value) ? value : DEFAULT_DECLARATION_LANGUAGE;
}

/**
 * How a sub-item's letter or numeral is written: `enclosed` "(a)", "(ii)" —
 * the UN's English practice —, `closing` "a)", "ii)" — Spanish, Portuguese
 * and French drafting (the Declaration of Buenos Aires in Spanish).
 */
export const SUB_ITEM_STYLES = ['enclosed', 'closing'] as const;
export type SubItemStyle = (typeof SUB_ITEM_STYLES)[number];

export function isSubItemStyle(value: unknown): value is SubItemStyle {
  return typeof value === 'string' && (SUB_ITEM_STYLES as readonly string[]).includes(value);
}

/** Quotation marks: outer pair, and the pair used inside a quotation. */
export interface Quotes {
  open: string;
  close: string;
  innerOpen: string;
  innerClose: string;
}

export interface LanguageConventions {
  /** The language's own name, for choosing it: "Español". */
  name: string;
  /** The formula between the preamble and the operative part a new declaration starts with. */
  formula: string;
  subItemStyle: SubItemStyle;
  quotes: Quotes;
  /** BCP 47, for HTML `lang` and Word's proofing language. */
  htmlLang: string;
  /** ISO 639-2/T, for Akoma Ntoso's FRBRlanguage and expression URI. */
  aknLanguage: string;
}

const NBSP = '\u00a0';

/**
 * Per language. Quotes: English “ ” (‘ ’ inside); French « » with no-break
 * spaces inside (“ ” inside), as the Imprimerie nationale and the UN's
 * French service write them; Spanish and Portuguese « » (“ ” inside) — the
 * RAE's and the Portuguese norm's first choice, and what the UN's Spanish
 * service prints —, without spaces.
 */
export const CONVENTIONS: Record<DeclarationLanguage, LanguageConventions> = {
  en: { name: 'English', formula: 'Declare:', subItemStyle: 'enclosed', quotes: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' }, htmlLang: 'en', aknLanguage: 'eng' },
  es: { name: 'Español', formula: 'Declaran:', subItemStyle: 'closing', quotes: { open: '«', close: '»', innerOpen: '“', innerClose: '”' }, htmlLang: 'es', aknLanguage: 'spa' },
  pt: { name: 'Português', formula: 'Declaram:', subItemStyle: 'closing', quotes: { open: '«', close: '»', innerOpen: '“', innerClose: '”' }, htmlLang: 'pt', aknLanguage: 'por' },
  fr: {
    name: 'Français',
    // French typography: a no-break space before the colon (as every other French string here).
    formula: 'Déclarent\u00a0:',
    subItemStyle: 'closing',
    quotes: { open: `«${NBSP}`, close: `${NBSP}»`, innerOpen: '“', innerClose: '”' },
    htmlLang: 'fr',
    aknLanguage: 'fra',
  },
};

export function conventionsOf(language: DeclarationLanguage): LanguageConventions {
  return CONVENTIONS[language];
}

/** `text` between the language's quotation marks: «Operaciones de Paz», « Opérations de paix ». */
export function quote(language: DeclarationLanguage, text: string, inner = false): string {
  const q = CONVENTIONS[language].quotes;
  return inner ? `${q.innerOpen}${text}${q.innerClose}` : `${q.open}${text}${q.close}`;
}
