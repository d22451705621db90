import { describe, expect, it } from 'vitest';
import { CLOSE, isFinalCloseCode } from '../protocol.ts';
import { ROLES } from '../roles.ts';
import { en, type MessageKey } from './en.ts';
import { errorMessage } from './errorMessage.ts';
import { parseMessage } from './messageFormat.ts';
import { createTranslator, format, intlLocale, messagesFor, preferredLanguage, supportedLanguage, translatorFor } from './translate.ts';

const t = createTranslator(en);

describe('translate', () => {
  it('I18N1: fills {placeholders} with the values given', () => {
    expect(t('presence.you', { name: 'Chile' })).toBe('Chile (you)');
    expect(t('presence.editing', { name: 'Perú' })).toBe('Perú is editing');
    expect(format('{a} and {b} and {a}', { a: 1, b: 'two' })).toBe('1 and two and 1');
  });

  it('I18N1: a placeholder without a value is left as it is, and values are not read as templates', () => {
    expect(format('{name} is editing')).toBe('{name} is editing');
    expect(format('{name} is editing', { other: 'x' })).toBe('{name} is editing');
    expect(format('{name} is editing', { name: '{count}', count: 3 })).toBe('{count} is editing');
  });

  it('I18N1 UI1: the number of edits not yet on the server takes the singular for one and the plural otherwise', () => {
    expect(t('connection.saving', { count: 1 })).toBe('Saving 1 edit…');
    expect(t('connection.saving', { count: 0 })).toBe('Saving 0 edits…');
    expect(t('connection.saving', { count: 2 })).toBe('Saving 2 edits…');
    expect(t('connection.saving', { count: 12 })).toBe('Saving 12 edits…');
    expect(t('connection.pendingOffline', { count: 1 })).toBe('1 edit will be sent when the connection returns');
    expect(t('connection.pendingOffline', { count: 5 })).toBe('5 edits will be sent when the connection returns');
  });

  it('I18N1: the plural form works on its own, with a count given as a string, and without a count', () => {
    expect(format('{n, plural, one {item} other {items}}', { n: 1 })).toBe('item');
    expect(format('{n, plural, one {item} other {items}}', { n: '1' })).toBe('item');
    expect(format('{n, plural, one {item} other {items}}', { n: 3 })).toBe('items');
    expect(format('{n, plural, one {item} other {items}}')).toBe('items');
    expect(format('Before {n, plural, one {x} other {y}} between {m, plural, one {p} other {q}} after', { n: 1, m: 2 })).toBe('Before x between q after');
  });

  it('I18N2: plurals follow each language (CLDR): French and Brazilian Portuguese put 0 and 1 in the singular, Spanish only 1', () => {
    const edits = '{n} {n, plural, one {modification} other {modifications}}';
    expect(format(edits, { n: 0 }, 'fr')).toBe('0 modification');
    expect(format(edits, { n: 1 }, 'fr')).toBe('1 modification');
    expect(format(edits, { n: 2 }, 'fr')).toBe('2 modifications');
    const cambios = '{n} {n, plural, one {cambio} other {cambios}}';
    expect(format(cambios, { n: 0 }, 'es')).toBe('0 cambios');
    expect(format(cambios, { n: 1 }, 'es')).toBe('1 cambio');
    expect(format(cambios, { n: 1 }, 'pt')).toBe('1 cambio');
    // CLDR's "pt" is Brazil's Portuguese, whose singular takes 0 too (Portugal's, pt-PT, does not).
    expect(format(cambios, { n: 0 }, 'pt')).toBe('0 cambio');
    expect(format(cambios, { n: 2 }, 'pt')).toBe('2 cambios');
    expect(format(edits, { n: 0 }, 'en')).toBe('0 modifications');
  });

  it('I18N2: a category the message lacks falls back to other; an exact =N branch wins; # is the count', () => {
    // Spanish has a "many" category for millions: a message without it says "other".
    expect(format('{n, plural, one {# párrafo} other {# párrafos}}', { n: 1_000_000 }, 'es')).toBe('1.000.000 párrafos');
    expect(format('{n, plural, one {# párrafo} many {# de párrafos} other {# párrafos}}', { n: 1_000_000 }, 'es')).toBe('1.000.000 de párrafos');
    expect(format('{n, plural, =0 {none} one {one} other {#}}', { n: 0 })).toBe('none');
    expect(format('{n, plural, one {{name} objects} other {{name} and others object}}', { n: 2, name: 'Chile' })).toBe('Chile and others object');
  });

  it('I18N2: numbers are written as the language writes them; strings are left alone', () => {
    expect(format('{max} characters', { max: 10000 }, 'en')).toBe('10,000 characters');
    expect(format('{max} caracteres', { max: 10000 }, 'es')).toBe('10.000 caracteres');
    expect(format('{max} caractères', { max: 10000 }, 'fr')).toMatch(/^10\s000 caractères$/u);
    expect(format('{max} caracteres', { max: 10000 }, 'pt')).toBe('10.000 caracteres');
    expect(format('code {code}', { code: '4999' }, 'en')).toBe('code 4999');
  });

  it('I18N2: a brace that starts no placeholder is text, and a malformed plural is refused', () => {
    expect(format('prints {"id", "participants": […]} as JSON')).toBe('prints {"id", "participants": […]} as JSON');
    expect(() => parseMessage('{n, plural, one {x}}')).toThrow(/other/);
    expect(() => parseMessage('{n, plural, one {x} other {y}')).toThrow(/not closed/);
    expect(() => parseMessage('{n, plural, single {x} other {y}}')).toThrow(/unknown branch/);
  });

  it('UI1 UI11: every final refusal of the relay has a state, a title and what to do on the screen', () => {
    for (const { code, reason } of Object.values(CLOSE)) {
      if (!isFinalCloseCode(code)) continue;
      for (const part of ['state', 'title', 'body']) {
        const key = `closed.${reason}.${part}` as MessageKey;
        expect(en[key], key).toEqual(expect.any(String));
      }
    }
    expect(t('closed.unknown.body', { code: '4999' })).toContain('4999');
  });

  it('I18N1 UI2: every role has a name on the screen', () => {
    for (const role of ROLES) expect(en[`role.${role}` as MessageKey]).toMatch(/^[A-Z]/);
  });

  it('I18N1: every string of the English interface is a non-empty string', () => {
    const entries = Object.entries(en);
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, value] of entries) {
      expect(typeof value, key).toBe('string');
      expect(value.trim(), key).not.toBe('');
      expect(value, key).toBe(value.trim());
    }
  });

  it('I18N3: a browser tag picks its language by its first part; an unknown one gets English', () => {
    expect(supportedLanguage('es-AR')).toBe('es');
    expect(supportedLanguage('pt-BR')).toBe('pt');
    expect(supportedLanguage('fr-CA')).toBe('fr');
    expect(supportedLanguage('EN-gb')).toBe('en');
    expect(supportedLanguage('de-DE')).toBe('en');
    expect(supportedLanguage('')).toBe('en');
    expect(supportedLanguage('es_AR.UTF-8')).toBe('es');
    expect(preferredLanguage(['de-DE', 'fr-CH', 'en'])).toBe('fr');
    expect(preferredLanguage(['en-US', 'es'])).toBe('en');
    expect(preferredLanguage(['de', 'ja'])).toBe('en');
    expect(preferredLanguage(['qps'])).toBe('en');
    expect(messagesFor('en-GB')).toBe(en);
  });

  it('I18N5: the pseudo-locale is English with every letter accented, in ⟦…⟧, placeholders and plurals kept', () => {
    const pseudo = translatorFor('qps');
    expect(supportedLanguage('qps')).toBe('qps');
    expect(intlLocale('qps')).toBe('en');
    const saving = pseudo('connection.saving', { count: 1 });
    expect(saving.startsWith('⟦') && saving.endsWith('⟧')).toBe(true);
    expect(saving).toContain(' 1 ');
    expect(saving).not.toMatch(/[A-Za-z]/);
    expect(pseudo('connection.saving', { count: 2 })).not.toBe(saving);
    expect(pseudo('presence.you', { name: 'Chile' })).toContain('Chile');
    for (const [key, value] of Object.entries(messagesFor('qps'))) {
      expect(value.replace(/\{\w+\}|\{\w+, plural,|\b(zero|one|two|few|many|other) \{/g, ''), key).not.toMatch(/[A-Za-z]/);
    }
  });

  it('I18N6: a server error is shown in the words of its id, filled from its details; an unknown id, or English, keeps the server message', () => {
    const es = translatorFor('es');
    const server = 'A comment holds at most 5000 characters; this one has 5012.';
    expect(errorMessage(es, 'es', 'comment-too-long', { max: 5000 }, server)).toBe(es('error.comment-too-long', { max: 5000 }));
    // Spanish groups thousands from five digits on (CLDR): 5000, 10.000.
    expect(errorMessage(es, 'es', 'comment-too-long', { max: 10000 }, server)).toContain('10.000');
    expect(errorMessage(es, 'es', 'not-allowed-saveVersion', {}, 'x')).toBe(es('error.not-allowed'));
    expect(errorMessage(es, 'es', 'some-future-error', {}, 'What a newer server says.')).toBe('What a newer server says.');
    // A detail the translation needs is missing: the server's own words say more than a hole.
    expect(errorMessage(es, 'es', 'comment-too-long', {}, 'A comment holds at most 5000 characters.')).toBe('A comment holds at most 5000 characters.');
    expect(errorMessage(t, 'en', 'comment-too-long', { max: 5000 }, server)).toBe(server);
    expect(errorMessage(translatorFor('qps'), 'qps', 'not-allowed-saveVersion', {}, 'x')).toMatch(/^⟦/);
  });
});
