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

describe('translations', () => {
  it('I18N4: every English message parses, with an "other" branch in each plural', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(() => parseMessage(value), key).not.toThrow();
    }
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
      const wrong: string[] = [];
      for (const [key, english] of Object.entries(en)) {
        const translated = messages[key];
        if (typeof translated !== 'string') continue;
        let parts: MessagePart[];
        try {
          parts = parseMessage(translated);
        } catch (error) {
          wrong.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const want = [...valueNames(parseMessage(english))].sort();
        const got = [...valueNames(parts)].sort();
        if (want.join() !== got.join()) wrong.push(`${key}: has {${got.join('}, {')}} where English has {${want.join('}, {')}}`);
        const pluralOf = new Set(plurals(parseMessage(english)).map((p) => p.name));
        for (const p of plurals(parts)) if (!pluralOf.has(p.name)) wrong.push(`${key}: a plural of {${p.name}} that English counts not`);
      }
      expect(wrong).toEqual([]);
    });

    it('I18N4: is a translation, not a copy of English', () => {
      const same = Object.keys(en).filter((key) => messages[key] === en[key as keyof typeof en]);
      // Names, codes and shortcuts read the same in every language; most strings do not.
      expect(same.length).toBeLessThan(Object.keys(en).length / 10);
    });
  });
});
