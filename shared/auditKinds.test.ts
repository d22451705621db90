import { describe, expect, it } from 'vitest';
import { AUDIT_KIND_NAMES, AUDIT_KINDS, kindOfAction } from './auditKinds.ts';
import { en } from './i18n/en.ts';
import { REFUSAL_REASONS } from './refusedChange.ts';

describe('audit kinds', () => {
  it('AUD3: every action belongs to exactly one kind, and every kind, action and refusal reason has its words (messages.test checks the other languages)', () => {
    const actions = Object.values(AUDIT_KINDS).flat();
    expect(new Set(actions).size).toBe(actions.length);
    for (const action of actions) expect(kindOfAction(action)).not.toBeNull();
    expect(kindOfAction('no-such-action')).toBeNull();
    const keys = new Set(Object.keys(en));
    const missing = [
      ...AUDIT_KIND_NAMES.map((kind) => `audit.kind.${kind}`),
      ...actions.map((action) => `audit.action.${action}`),
      ...REFUSAL_REASONS.map((reason) => `audit.reason.${reason}`),
      ...['meta', 'signatories', 'status', 'document'].map((part) => `audit.part.${part}`),
    ].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });
});
