import { describe, expect, it } from 'vitest';
import { CLOSE, isFinalCloseCode } from '../protocol.ts';
import { ROLES } from '../roles.ts';
import { en, type MessageKey } from './en.ts';
import { createTranslator, format, messagesFor, supportedLanguage } from './translate.ts';

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

  it('UI1 UI11: every final refusal of the relay has a state, a title and what to do on the screen', () => {
    for (const { code, reason } of Object.values(CLOSE)) {
      if (!isFinalCloseCode(code)) continue;
      for (const part of ['state', 'title', 'body']) {
        const key = `closed.${reason}.${part}` as MessageKey;
        expect(en[key], key).toEqual(expect.any(String));
      }
    }
    expect(t('closed.unknown.body', { code: 4999 })).toContain('4999');
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

  it('I18N1: a browser asking for es-AR gets English while only English exists', () => {
    expect(supportedLanguage('es-AR')).toBe('en');
    expect(supportedLanguage('en-GB')).toBe('en');
    expect(supportedLanguage('EN')).toBe('en');
    expect(supportedLanguage('')).toBe('en');
    expect(messagesFor('es-AR')).toBe(en);
    expect(messagesFor('pt-BR')['connection.connected']).toBe('Connected');
  });
});
