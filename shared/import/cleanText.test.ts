import { describe, expect, it } from 'vitest';
import { cleanText } from './cleanText.ts';

describe('cleanText', () => {
  it('IMP8: a single no-break space between words is typography and stays; white space in runs or at the edges is one space or none', () => {
    expect(cleanText('Déclarent\u00a0:')).toBe('Déclarent\u00a0:');
    expect(cleanText('«\u202fPaix\u202f»')).toBe('«\u202fPaix\u202f»');
    expect(cleanText('  paix \u00a0 et\t\nsécurité\u00a0\u00a0;\u00a0')).toBe('paix et sécurité ;');
    expect(cleanText('peace\u200b keeping\u00adforces')).toBe('peace keepingforces');
  });
});
