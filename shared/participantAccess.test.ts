import { describe, expect, it } from 'vitest';
import { participantRefusal, PARTICIPANT_ACTIONS, type ParticipantAction } from './participantAccess.ts';
import type { Role } from './roles.ts';

const chair = { id: 'chair', role: 'chair' as Role };
const secretariat = { id: 'sec', role: 'secretariat' as Role };
const otherSecretariat = { id: 'sec2', role: 'secretariat' as Role };
const delegation = { id: 'chile', role: 'delegation' as Role };
const observer = { id: 'spain', role: 'observer' as Role };

/** Which actions each actor may take on each row: the panel offers exactly these, the API allows exactly these. */
function allowed(actor: { id: string; role: Role }, target: { id: string; role: Role }): ParticipantAction[] {
  return PARTICIPANT_ACTIONS.filter((action) => participantRefusal(actor, target, action) === null);
}

describe('who may act on whose row', () => {
  it("ROLE4: the chair's link is the chair's alone; nobody removes the chair", () => {
    expect(allowed(chair, chair)).toEqual(['seeLink', 'newLink']);
    expect(allowed(secretariat, chair)).toEqual([]);
    expect(participantRefusal(secretariat, chair, 'seeLink')).toBe('chair-link-chair-only');
    expect(participantRefusal(secretariat, chair, 'revoke')).toBe('chair-not-removable');
  });

  it("ROLE4: the secretariat's row is the chair's to manage; the secretariat sees and renews its own link only", () => {
    expect(allowed(chair, secretariat)).toEqual(['seeLink', 'newLink', 'revoke', 'restore']);
    expect(allowed(secretariat, secretariat)).toEqual(['seeLink', 'newLink']);
    expect(allowed(secretariat, otherSecretariat)).toEqual([]);
  });

  it('PART1 PART2: delegations and observers are managed by the chair and the secretariat alike, by nobody else', () => {
    for (const target of [delegation, observer]) {
      expect(allowed(chair, target)).toEqual([...PARTICIPANT_ACTIONS]);
      expect(allowed(secretariat, target)).toEqual([...PARTICIPANT_ACTIONS]);
      expect(allowed(delegation, target)).toEqual([]);
      expect(allowed(observer, target)).toEqual([]);
    }
    expect(participantRefusal(delegation, delegation, 'seeLink')).toBe('not-allowed-manageParticipants');
  });
});
