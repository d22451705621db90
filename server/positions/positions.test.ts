import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { consensusSummary } from '../../shared/positions/consensus.ts';
import { MAX_POSITION_NOTE, readClausePositions, readPositions, type StatedPosition } from '../../shared/positions/position.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { listParticipants } from '../db/participants.ts';
import type { PositionHistoryEntry } from '../db/positions.ts';
import { typeInto } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * Positions end to end (docs/SPEC.md POS1, POS3, POS5, POS6): the real
 * server over a real SQLite file, the API over HTTP, stock y-websocket
 * clients reading the `positions` map and typing into clauses. Agreeing
 * over positions (POS4) is tested with the status: setClauseStatus.test.ts.
 */
const TRADE = 'The Parties shall cooperate closely on trade;';
const GOODS = 'in goods;';
const OPEN = 'Open text under discussion;';
const seed = {
  ...emptySeed(plain('Positions test')),
  operative: [{ body: plain(TRADE), subitems: [{ body: plain(GOODS) }] }, { body: plain(OPEN) }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Bolivia', role: 'delegation' as const },
  { name: 'Cuba', role: 'delegation' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = {
  clauseId: string;
  positions: StatedPosition[];
  history: PositionHistoryEntry[];
  error: { id: string; message: string };
};

describe('positions', () => {
  const under = declarationUnderTest(seed, people);

  const { client } = under;
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Json>(method, path, who, body);
  const clause = (text: string) => under.server.rooms.withRoom(under.declaration.id, (room) => readDeclaration(room.doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const textOf = (doc: Y.Doc, clauseId: string) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === clauseId)!.body);
  const state = (clauseId: string, who: string, body: unknown) => call('PUT', `/clauses/${clauseId}/position`, who, body);
  const stated = async (clauseId: string, who: string, body: unknown) => {
    const answer = await state(clauseId, who, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.positions;
  };
  const refused = async (clauseId: string, who: string, body: unknown) => {
    const answer = await state(clauseId, who, body);
    return [answer.status, answer.json.error?.id];
  };
  const positionAudit = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'position');


  it('POS1: only delegations state positions — the chair and the secretariat have none (403 no-position), nor observers; no link is 401', async () => {
    const open = clause(OPEN);
    for (const who of ['Argentina', 'Secretariat']) {
      const answer = await state(open, who, { position: 'accept' });
      expect(answer.status).toBe(403);
      expect(answer.json.error).toEqual({ id: 'no-position', message: 'The chair and the secretariat steer the negotiation and have no position of their own.' });
    }
    const observer = await state(open, 'Spain', { position: 'objection', note: 'We object.' });
    expect(observer.status).toBe(403);
    expect(observer.json.error.id).toBe('no-position');
    const anonymous = await fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/clauses/${open}/position`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ position: 'accept' }),
    });
    expect(anonymous.status).toBe(401);
    // Nothing was stored or recorded.
    expect((await call('GET', `/clauses/${open}/positions`, 'Spain')).json).toEqual({ clauseId: open, positions: [], history: [] });
    expect(positionAudit()).toEqual([]);
  });

  it('POS1: each kind of position, the note rules, one position per delegation mirrored into every client, in the order stated', async () => {
    const spain = await client('Spain');
    const open = clause(OPEN);
    const hash = textHash(OPEN);
    await stated(open, 'Chile', { position: 'accept' });
    await stated(open, 'Peru', { position: 'live-with', note: '   ' });
    await stated(open, 'Cuba', { position: 'reservation', note: '  On "closely".  ' });
    const positions = await stated(open, 'Bolivia', { position: 'objection', note: 'Needs the word "voluntary".' });
    expect(positions.map(({ name, position, note, textHash: h }) => [name, position, note, h])).toEqual([
      ['Chile', 'accept', '', hash],
      ['Peru', 'live-with', '', hash],
      ['Cuba', 'reservation', 'On "closely".', hash],
      ['Bolivia', 'objection', 'Needs the word "voluntary".', hash],
    ]);
    expect(positions.map((p) => p.participantId)).toEqual([under.ids.Chile, under.ids.Peru, under.ids.Cuba, under.ids.Bolivia]);
    await waitFor(() => readClausePositions(spain.doc.getMap(ROOT.positions).get(open)).length === 4, "the observer's mirror");
    expect(readClausePositions(spain.doc.getMap(ROOT.positions).get(open))).toEqual(positions);

    // The note rules: a reservation and an objection say what they need, within the limit; the others carry none.
    expect(await refused(open, 'Chile', { position: 'reservation' })).toEqual([400, 'note-required']);
    expect(await refused(open, 'Chile', { position: 'objection', note: '   ' })).toEqual([400, 'note-required']);
    expect(await refused(open, 'Chile', { position: 'objection', note: 'x'.repeat(MAX_POSITION_NOTE + 1) })).toEqual([400, 'note-too-long']);
    expect(await refused(open, 'Chile', { position: 'accept', note: 'Gladly.' })).toEqual([400, 'note-not-allowed']);
    expect(await refused(open, 'Chile', { position: null, note: 'Bye.' })).toEqual([400, 'note-not-allowed']);
    expect(await refused(open, 'Chile', { position: 'objection', note: 42 })).toEqual([400, 'bad-note']);
    expect(await refused(open, 'Chile', { position: 'veto' })).toEqual([400, 'bad-position']);
    expect(await refused(open, 'Chile', {})).toEqual([400, 'bad-position']);
    expect(await refused(open, 'Chile', [])).toEqual([400, 'bad-body']);
    // A note of exactly the limit is kept whole.
    const longest = await stated(open, 'Chile', { position: 'objection', note: 'y'.repeat(MAX_POSITION_NOTE) });
    expect(longest.find((p) => p.name === 'Chile')?.note).toHaveLength(MAX_POSITION_NOTE);
    // Unknown clause: 404, for stating and for reading.
    expect(await refused('no-such-clause', 'Chile', { position: 'accept' })).toEqual([404, 'clause-not-found']);
    const unknown = await call('GET', '/clauses/no-such-clause/positions', 'Chile');
    expect([unknown.status, unknown.json.error.id]).toEqual([404, 'clause-not-found']);
  });

  it('POS1: a delegation changes and withdraws its position; the history keeps every statement in order, the audit log each change, and the same statement again changes nothing', async () => {
    const chile = await client('Chile');
    const open = clause(OPEN);
    await stated(open, 'Bolivia', { position: 'objection', note: 'Needs "voluntary".' });
    await stated(open, 'Bolivia', { position: 'reservation', note: 'Can live with it if the report says so.' });
    await stated(open, 'Cuba', { position: 'accept' });
    await stated(open, 'Bolivia', { position: 'accept' });
    // Again the same: no history row, no audit entry.
    const again = await stated(open, 'Bolivia', { position: 'accept' });
    expect(again.map((p) => [p.name, p.position])).toEqual([
      ['Cuba', 'accept'],
      ['Bolivia', 'accept'],
    ]);
    const withdrawn = await stated(open, 'Bolivia', { position: null });
    expect(withdrawn.map((p) => p.name)).toEqual(['Cuba']);
    // Withdrawing what is not there is nothing either.
    await stated(open, 'Bolivia', { position: null });
    await waitFor(() => readClausePositions(chile.doc.getMap(ROOT.positions).get(open)).length === 1, 'the withdrawal to be mirrored');

    const read = await call('GET', `/clauses/${open}/positions`, 'Spain');
    expect(read.status).toBe(200);
    expect(read.json.positions.map((p) => p.name)).toEqual(['Cuba']);
    expect(read.json.history.map((h) => [h.name, h.position, h.note])).toEqual([
      ['Bolivia', 'objection', 'Needs "voluntary".'],
      ['Bolivia', 'reservation', 'Can live with it if the report says so.'],
      ['Cuba', 'accept', ''],
      ['Bolivia', 'accept', ''],
      ['Bolivia', null, ''],
    ]);
    expect(read.json.history.every((h) => h.textHash === textHash(OPEN))).toBe(true);
    expect(positionAudit().map((e) => [e.actor, e.clauseId, e.detail])).toEqual([
      ['Bolivia', open, { position: 'objection', note: 'Needs "voluntary".' }],
      ['Bolivia', open, { position: 'reservation', note: 'Can live with it if the report says so.', previous: 'objection' }],
      ['Cuba', open, { position: 'accept' }],
      ['Bolivia', open, { position: 'accept', previous: 'reservation' }],
      ['Bolivia', open, { position: null, previous: 'accept' }],
    ]);
    // The last clause's entry goes from the map when its last position is withdrawn.
    await stated(open, 'Cuba', { position: null });
    await waitFor(() => !chile.doc.getMap(ROOT.positions).has(open), 'the empty entry to go');
  });

  it('POS1: positions change only while the clause is open — not ad ref, not agreed, not on a sub-item of an agreed paragraph (409 clause-not-open)', async () => {
    const open = clause(OPEN);
    const trade = clause(TRADE);
    const goods = clause(GOODS);
    await stated(goods, 'Bolivia', { position: 'reservation', note: 'On services too.' });
    const setStatus = async (clauseId: string, body: unknown) => expect((await call('POST', `/clauses/${clauseId}/status`, 'Argentina', body)).status).toBe(200);

    await setStatus(open, { state: 'ad-ref', pending: ['Cuba'] });
    expect(await refused(open, 'Cuba', { position: 'accept' })).toEqual([409, 'clause-not-open']);
    await setStatus(open, { state: 'agreed' });
    expect(await refused(open, 'Cuba', { position: 'accept' })).toEqual([409, 'clause-not-open']);
    await setStatus(open, { state: 'open', reason: 'Cuba asked to look again.' });
    await stated(open, 'Cuba', { position: 'accept' });

    await setStatus(trade, { state: 'agreed' });
    expect(await refused(goods, 'Bolivia', { position: null })).toEqual([409, 'clause-not-open']);
    expect(await refused(trade, 'Chile', { position: 'accept' })).toEqual([409, 'clause-not-open']);
    // The reservation stands as it was, and can still be read by anyone.
    const read = await call('GET', `/clauses/${goods}/positions`, 'Spain');
    expect(read.json.positions.map((p) => [p.name, p.position])).toEqual([['Bolivia', 'reservation']]);
    expect(positionAudit().map((e) => e.actor)).toEqual(['Bolivia', 'Cuba']);
  });

  it("POS3: the chair's summary over the real delegations — who objects, who reserves, how many not heard from; a removed delegation's objection still counts", async () => {
    const chair = await client('Argentina');
    const open = clause(OPEN);
    await stated(open, 'Bolivia', { position: 'objection', note: 'Needs "voluntary".' });
    await stated(open, 'Cuba', { position: 'reservation', note: 'On "closely".' });
    await stated(open, 'Chile', { position: 'live-with' });
    const delegations = () =>
      listParticipants(under.server.db, under.declaration.id)
        .filter((p) => p.role === 'delegation' && !p.revoked)
        .map((p) => ({ id: p.id, name: p.name }));
    await waitFor(() => readClausePositions(chair.doc.getMap(ROOT.positions).get(open)).length === 3, "the chair's mirror");
    const summary = () => consensusSummary(readPositions(chair.doc.getMap(ROOT.positions)).get(open) ?? [], delegations(), textOf(chair.doc, open));
    expect(summary().objections.map((p) => [p.name, p.note])).toEqual([['Bolivia', 'Needs "voluntary".']]);
    expect(summary().reservations.map((p) => p.name)).toEqual(['Cuba']);
    expect(summary().liveWith.map((p) => p.name)).toEqual(['Chile']);
    expect(summary().notHeardFrom).toEqual(['Peru']);

    expect((await call('POST', `/participants/${under.ids.Bolivia}/revoke`, 'Argentina', {})).status).toBe(200);
    expect(summary().objections.map((p) => p.name)).toEqual(['Bolivia']);
    expect(summary().notHeardFrom).toEqual(['Peru']);
    // And the server agrees: the objection still stands in the way of agreement (POS4).
    const agree = await call('POST', `/clauses/${open}/status`, 'Argentina', { state: 'agreed' });
    expect([agree.status, agree.json.error.id]).toEqual([409, 'objection-stands']);
  });

  it('POS5: a position is kept when a delegation changes the text after it, with the hash of the earlier text, so the summary marks it; stating it again confirms it on the text now', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const open = clause(OPEN);
    await stated(open, 'Bolivia', { position: 'objection', note: 'Needs "voluntary".' });
    await stated(open, 'Cuba', { position: 'accept' });
    await waitFor(() => readClausePositions(peru.doc.getMap(ROOT.positions).get(open)).length === 2, "Peru's mirror");
    const before = JSON.stringify(peru.doc.getMap(ROOT.positions).toJSON());

    typeInto(chile.doc, open, ' Voluntarily.');
    const changed = `${OPEN} Voluntarily.`;
    await waitFor(() => textOf(peru.doc, open) === changed && under.server.rooms.withRoom(under.declaration.id, (room) => textOf(room.doc, open)) === changed, 'the edit to reach everyone');
    // The positions map did not change: the positions stand, stated on the earlier text.
    expect(JSON.stringify(peru.doc.getMap(ROOT.positions).toJSON())).toBe(before);
    const positions = readClausePositions(peru.doc.getMap(ROOT.positions).get(open));
    expect(positions.every((p) => p.textHash === textHash(OPEN))).toBe(true);
    const delegations = [{ id: under.ids.Bolivia!, name: 'Bolivia' }, { id: under.ids.Cuba!, name: 'Cuba' }];
    expect(consensusSummary(positions, delegations, textOf(peru.doc, open)).stale.map((p) => p.name)).toEqual(['Bolivia', 'Cuba']);

    // Cuba confirms on the text now: a new statement (history, audit), no longer stale.
    const confirmed = await stated(open, 'Cuba', { position: 'accept' });
    expect(confirmed.find((p) => p.name === 'Cuba')?.textHash).toBe(textHash(changed));
    expect(consensusSummary(confirmed, delegations, changed).stale.map((p) => p.name)).toEqual(['Bolivia']);
    expect((await call('GET', `/clauses/${open}/positions`, 'Cuba')).json.history.map((h) => h.name)).toEqual(['Bolivia', 'Cuba', 'Cuba']);
  });

  it("POS6: a delegation's own write into the positions map is undone for everyone — no other client ever sees it — and kept as a refused change", async () => {
    const open = clause(OPEN);
    const trade = clause(TRADE);
    await stated(open, 'Bolivia', { position: 'objection', note: 'Needs "voluntary".' });
    const cuba = await client('Cuba');
    const bolivia = await client('Bolivia');
    const mirrored = readClausePositions(cuba.doc.getMap(ROOT.positions).get(open));
    expect(mirrored.map((p) => p.name)).toEqual(['Bolivia']);
    const seenByCuba: string[] = [];
    cuba.doc.getMap(ROOT.positions).observe(() => seenByCuba.push(JSON.stringify(cuba.doc.getMap(ROOT.positions).toJSON())));

    // Bolivia forges Chile's acceptance on OP1 and, on the open clause, drops its own objection from the map without withdrawing it.
    const forged: StatedPosition = { participantId: under.ids.Chile!, name: 'Chile', position: 'accept', note: '', at: Date.now(), textHash: textHash(TRADE) };
    bolivia.doc.transact(() => {
      bolivia.doc.getMap(ROOT.positions).set(trade, [forged]);
      bolivia.doc.getMap(ROOT.positions).delete(open);
    });
    await waitFor(
      () => !bolivia.doc.getMap(ROOT.positions).has(trade) && readClausePositions(bolivia.doc.getMap(ROOT.positions).get(open)).length === 1,
      "the forged write to be undone on the forger's screen",
    );
    await waitFor(() => [...under.server.rooms.withRoom(under.declaration.id, (room) => room.doc.getMap(ROOT.refused).values())].map(readRefusedChange).some((c) => c?.author === 'Bolivia'), 'the refusal');
    // A real statement after it reaches Cuba; the forgery never did.
    await stated(open, 'Peru', { position: 'accept' });
    await waitFor(() => readClausePositions(cuba.doc.getMap(ROOT.positions).get(open)).length === 2, "Peru's position at Cuba");
    expect(seenByCuba.some((json) => json.includes(trade))).toBe(false);
    expect(cuba.doc.getMap(ROOT.positions).has(trade)).toBe(false);
    expect(readClausePositions(cuba.doc.getMap(ROOT.positions).get(open)).map((p) => p.name)).toEqual(['Bolivia', 'Peru']);
    expect((await call('GET', `/clauses/${trade}/positions`, 'Cuba')).json.history).toEqual([]);
  });

  it('POS6: positions and their history survive a restart, and the map is made to match SQLite on load', async () => {
    const open = clause(OPEN);
    const goods = clause(GOODS);
    await stated(open, 'Bolivia', { position: 'objection', note: 'Needs "voluntary".' });
    await stated(goods, 'Cuba', { position: 'reservation', note: 'On services too.' });
    await stated(goods, 'Chile', { position: 'accept' });
    await stated(goods, 'Chile', { position: null });
    const before = {
      open: (await call('GET', `/clauses/${open}/positions`, 'Spain')).json,
      goods: (await call('GET', `/clauses/${goods}/positions`, 'Spain')).json,
    };

    under.server = await under.server.restart();
    const spain = await client('Spain');
    const map = readPositions(spain.doc.getMap(ROOT.positions));
    expect([...map.keys()].sort()).toEqual([open, goods].sort());
    expect(map.get(open)).toEqual(before.open.positions);
    expect(map.get(goods)).toEqual(before.goods.positions);
    expect((await call('GET', `/clauses/${open}/positions`, 'Spain')).json).toEqual(before.open);
    expect((await call('GET', `/clauses/${goods}/positions`, 'Spain')).json).toEqual(before.goods);
    // And they still change after it.
    const after = await stated(goods, 'Cuba', { position: 'accept' });
    expect(after.map((p) => [p.name, p.position])).toEqual([['Cuba', 'accept']]);
  });
});
