import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { INTERFACE_LANGUAGES } from './languages.ts';
import { parseMessage, valueNames, type MessagePart } from './messageFormat.ts';
import { messagesFor } from './translate.ts';

/** Every plural block of a message, with the categories it has. */
function plurals(parts: MessagePart[]): { name: string; categories: string[] }[] {
  return parts.flatMap((part) =>
    part.kind === 'plural' ? [{ name: part.name, categories: Object.keys(part.branches) }, ...Object.values(part.branches).flatMap(plurals)] : [],
  );
}

const translations = INTERFACE_LANGUAGES.filter((language) => language !== 'en');

/**
 * What is wrong with a translation against its English message: a
 * placeholder missing or added, a plural that does not parse or has a
 * category the language never selects. A translation may count what English
 * writes plainly (`{count} open` → `{count, plural, one {# abierta} other
 * {# abiertas}}`): agreement of nouns and adjectives with a number is the
 * translator's to write, not English's.
 */
function translationProblems(english: string, translated: string, language: string): string[] {
  let parts: MessagePart[];
  try {
    parts = parseMessage(translated);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  const want = [...valueNames(parseMessage(english))].sort();
  const got = [...valueNames(parts)].sort();
  if (want.join() !== got.join()) problems.push(`has {${got.join('}, {')}} where English has {${want.join('}, {')}}`);
  const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
  for (const plural of plurals(parts)) {
    const never = plural.categories.filter((category) => !category.startsWith('=') && !categories.has(category));
    if (never.length > 0) problems.push(`the plural of {${plural.name}} has ${never.join(', ')}, which ${language} never selects`);
  }
  return problems;
}

describe('translations', () => {
  it('I18N4: every English message parses, with an "other" branch in each plural', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(() => parseMessage(value), key).not.toThrow();
    }
  });

  it('I18N4: a translation may count in a plural what English writes plainly, with the same placeholders', () => {
    expect(translationProblems('{count} open', '{count, plural, one {# abierta} other {# abiertas}}', 'es')).toEqual([]);
    expect(translationProblems('{count} open · {max}', '{count, plural, one {# ouverte} other {# ouvertes}}', 'fr')).toEqual(['has {count} where English has {count}, {max}']);
    expect(translationProblems('{count} open', '{total, plural, one {# abierta} other {# abiertas}}', 'es')).toEqual(['has {total} where English has {count}']);
    expect(translationProblems('{count} open', '{count, plural, one {# abierta}}', 'es')[0]).toMatch(/no "other" branch/);
    expect(translationProblems('{count} open', '{count, plural, few {# abiertas} other {# abiertas}}', 'es')).toEqual(['the plural of {count} has few, which es never selects']);
    expect(translationProblems('{count} open', '{count, plural, =0 {ninguna} one {# abierta} other {# abiertas}}', 'es')).toEqual([]);
  });

  it('I18N4: French puts a no-break space before : ; ? and !', () => {
    const fr = messagesFor('fr') as Record<string, string>;
    // The admin command's usage is for a terminal, where JSON and option lists keep their plain colons.
    const wrong = Object.entries(fr)
      .filter(([key]) => key !== 'admin.usage')
      .flatMap(([key, value]) => [...value.matchAll(/(^|[^\u00a0\u202f])([:;?!])/g)].map((match) => `${key}: "${value.slice(Math.max(0, match.index - 12), match.index + 2)}"`));
    expect(wrong).toEqual([]);
  });

  describe.each(translations)('%s', (language) => {
    const messages = messagesFor(language) as Record<string, string>;

    it('I18N4: has every key of English and no other', () => {
      const missing = Object.keys(en).filter((key) => typeof messages[key] !== 'string' || messages[key].trim() === '');
      const extra = Object.keys(messages).filter((key) => !(key in en));
      expect(missing, `missing in ${language}.ts`).toEqual([]);
      expect(extra, `not in en.ts`).toEqual([]);
    });

    it('I18N4: each message has the placeholders of English and plural blocks that parse', () => {
      const wrong = Object.entries(en).flatMap(([key, english]) => {
        const translated = messages[key];
        return typeof translated === 'string' ? translationProblems(english, translated, language).map((problem) => `${key}: ${problem}`) : [];
      });
      expect(wrong).toEqual([]);
    });

    it('I18N4: is a translation, not a copy of English', () => {
      const same = Object.keys(en).filter((key) => messages[key] === en[key as keyof typeof en]);
      // Names, codes and shortcuts read the same in every language; most strings do not.
      expect(same.length).toBeLessThan(Object.keys(en).length / 10);
    });
  });
});
