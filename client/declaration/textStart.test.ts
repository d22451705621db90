import { describe, expect, it } from 'vitest';
import { textStart } from './textStart.ts';

describe('textStart (LOSS2)', () => {
  it('LOSS2: a short text is named whole', () => {
    expect(textStart('Decides to act;')).toBe('Decides to act;');
  });
  it('LOSS2: a long text is cut at a word, with an ellipsis', () => {
    expect(textStart('Decides to convene a high-level meeting in 2027;')).toBe('Decides to convene a…');
  });
  it('LOSS2: a text without spaces is cut anyway', () => {
    expect(textStart('x'.repeat(40))).toBe(`${'x'.repeat(24)}…`);
  });
  it('LOSS2: spaces and line breaks do not count', () => {
    expect(textStart('  Notes \n the report ')).toBe('Notes the report');
  });
});
