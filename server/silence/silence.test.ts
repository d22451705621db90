import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { COMMENT_MARK } from '../../shared/document/commentMark.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { setSignatoryField, signatoriesMap } from '../../shared/document/signatoryOps.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { readSilenceProcedure, SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { listAudit } from '../db/auditLog.ts';
import { listVersions } from '../db/versions.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { clauseXmlText, typeInto } from '../testing/documents.ts';
import { connectClient, synced, waitFor } from '../testing/testServer.ts';

/**
 * The silence procedure end to end (docs/SPEC.md SIL1–SIL8): the real
 * server over a real SQLite file, the API over HTTP, stock y-websocket
 * clients — which can write anything into the document, as a modified
 * client would — reading the `silence` map. Deadlines a second or two
 * ahead are kept by the server's own timer; nothing is timed.
 */
const AGREED = 'Recognizing the agreed text,';
const OPEN = 'Decide the open text;';
const seed = {
  ...emptySeed(plain('Silence test')),
  preamble: [plain(AGREED)],
  operative: [{ body: plain(OPEN) }],
  signatories: [{ name: 'Jorge Taiana', title: 'Minister of Defence', state: 'Argentine Republic' }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];
const HOUR = 60 * 60 * 1000;

type Json = { procedure: SilenceProcedure | null; adoptedAt: number | null; error: { id: string; message: string } };

const iso = (ms: number) => new Date(ms).toISOString();
const sleepUntil = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - Date.now())));
const procedureIn = (doc: Y.Doc) => readSilenceProcedure(doc.getMap(ROOT.silence).get(SILENCE_KEY));
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);

describe('silence procedure', () => {
  const under = declarationUnderTest(seed, people);
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Json>(method, path, who, body);
  const clause = (text: string) => under.server.rooms.withRoom(under.declaration.id, (room) => readDeclaration(room.doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const texts = (doc: Y.Doc) => readDeclaration(doc).clauses.map((c) => toPlainText(c.body));
  const agree = async (text: string) => {
    const answer = await call('POST', `/clauses/${clause(text)}/status`, 'Argentina', { state: 'agreed' });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  };
  const start = async (body: unknown) => {
    const answer = await call('POST', '/silence', 'Argentina', body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.procedure!;
  };
  const silenceAudit = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action.startsWith('silence-')).map((e) => [e.actor, e.action]);

  it('SIL1 SIL2: only the chair starts; every clause agreed or a reason; a deadline in the future, 24 h ahead unless shortDeadline; a bad body is 400', async () => {
    const later = iso(Date.now() + 72 * HOUR);
    for (const who of ['Secretariat', 'Chile', 'Spain']) {
      const answer = await call('POST', '/silence', who, { deadline: later });
      expect([who, answer.status, answer.json.error.id]).toEqual([who, 403, 'chair-only']);
    }
    for (const body of [{}, { deadline: 'tomorrow' }, { deadline: later, extra: 1 }, { deadline: later, shortDeadline: 'yes' }, { deadline: later, reason: 5 }, [later]]) {
      expect((await call('POST', '/silence', 'Argentina', body)).status, JSON.stringify(body)).toBe(400);
    }
    const past = await call('POST', '/silence', 'Argentina', { deadline: iso(Date.now() - 1000), shortDeadline: true });
    expect([past.status, past.json.error.id]).toEqual([400, 'deadline-past']);
    const soon = await call('POST', '/silence', 'Argentina', { deadline: iso(Date.now() + 2 * HOUR) });
    expect([soon.status, soon.json.error.id]).toEqual([400, 'deadline-too-soon']);
    expect(soon.json.error.message).toMatch(/less than 24 hours ahead/);
    const far = await call('POST', '/silence', 'Argentina', { deadline: iso(Date.now() + 100 * 24 * HOUR) });
    expect([far.status, far.json.error.id]).toEqual([400, 'deadline-too-far']);

    // One clause of two is agreed: 409 unless a reason is given.
    await agree(AGREED);
    const notAgreed = await call('POST', '/silence', 'Argentina', { deadline: later });
    expect([notAgreed.status, notAgreed.json.error.id, notAgreed.json.error.message]).toEqual([
      409,
      'not-all-agreed',
      '1 clause is not agreed. Agree it first, or give a reason to start the silence procedure anyway.',
    ]);
    expect((await call('GET', '/silence', 'Spain')).json).toEqual({ procedure: null, adoptedAt: null });
    expect(silenceAudit()).toEqual([]);

    // Every clause agreed: no reason needed. A short deadline with the acknowledgement.
    await agree(OPEN);
    const deadline = Date.now() + 3 * HOUR;
    const procedure = await start({ deadline: iso(deadline), shortDeadline: true });
    expect(procedure).toEqual({ id: expect.any(String), startedBy: 'Argentina', startedAt: expect.any(Number), deadline, reason: '', versionId: expect.any(String) });
    const again = await call('POST', '/silence', 'Argentina', { deadline: later, reason: 'Again' });
    expect([again.status, again.json.error.id]).toEqual([409, 'silence-running']);
    expect((await call('GET', '/silence', 'Spain')).json).toEqual({ procedure, adoptedAt: null });
    expect(silenceAudit()).toEqual([['Argentina', 'silence-started']]);
  });

  it('SIL3: starting saves a version of the text ("Silence procedure <date>", origin silence); a reason starts it before every clause is agreed', async () => {
    const reason = 'The last paragraph was agreed in the room; the secretariat records it later.';
    const procedure = await start({ deadline: iso(Date.now() + 25 * HOUR), reason });
    expect(procedure.reason).toBe(reason);
    const version = listVersions(under.server.db, under.declaration.id).find((v) => v.id === procedure.versionId)!;
    expect(version).toMatchObject({ origin: 'silence', by: 'Argentina', clauses: 2, note: reason });
    expect(version.name).toMatch(/^Silence procedure \d{1,2} \w+ \d{4}$/);
    expect(listAudit(under.server.db, under.declaration.id).find((e) => e.action === 'silence-started')!.detail).toMatchObject({ reason, notAgreed: 2, versionId: version.id });
  });

  it('SIL4: while silence runs a hostile client cannot change a clause, the heading, a signature or the silence map — undone for everyone, its text kept for it; comment marks stay; others unaffected', async () => {
    await agree(AGREED);
    const chile = await under.client('Chile');
    const peru = await under.client('Peru');
    const chair = await under.client('Argentina');
    const open = clause(OPEN);
    await start({ deadline: iso(Date.now() + 30 * HOUR), reason: 'Circulated for silence.' });
    await waitFor(() => procedureIn(chile.doc) !== null && procedureIn(chair.doc) !== null, 'every client to read the procedure');

    // A delegation types into an open clause and deletes another; writes the silence map as if it had ended.
    typeInto(chile.doc, open, ' and more');
    deleteClause(chile.doc, clause(AGREED));
    chile.doc.getMap(ROOT.silence).set(SILENCE_KEY, { ...procedureIn(chile.doc), ended: { outcome: 'broken', at: Date.now(), by: 'Peru', reason: 'forged' } });
    // The chair, who may edit the heading and signatures at any other time, tries both.
    const title = chair.doc.getMap(ROOT.meta).get(META_FIELDS[0]!) as Y.XmlFragment;
    ((title.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Draft ');
    setSignatoryField(chair.doc, [...signatoriesMap(chair.doc).keys()][0]!, 'name', 'Someone else');
    typeInto(chair.doc, open, ' (chair)');

    await waitFor(() => refusedIn(chile.doc).filter((r) => r.participantId === under.ids.Chile).length >= 3, 'Chile\'s refusals');
    await waitFor(() => refusedIn(chair.doc).filter((r) => r.participantId === under.ids.Argentina).length >= 2, 'the chair\'s refusals');
    for (const doc of [chile.doc, peru.doc, chair.doc, under.server.rooms.get(under.declaration.id).doc]) {
      await waitFor(() => JSON.stringify(texts(doc)) === JSON.stringify([AGREED, OPEN]), 'the text to be as it was');
      await waitFor(() => procedureIn(doc)?.ended === undefined, 'the forged end to be undone');
      const declaration = readDeclaration(doc);
      expect(toPlainText(declaration.meta.title)).toBe('Silence test');
      expect(declaration.signatories.map((s) => s.name)).toEqual(['Jorge Taiana']);
    }
    const chileRefused = refusedIn(chile.doc).filter((r) => r.participantId === under.ids.Chile);
    expect(chileRefused).toContainEqual(expect.objectContaining({ part: 'clause', clauseId: open, reason: 'frozen', attempted: `${OPEN} and more`, kept: OPEN }));
    expect(chileRefused.map((r) => r.reason)).toContain('server-only');
    expect(chileRefused.every((r) => r.proposalId === undefined)).toBe(true);
    const chairRefused = refusedIn(chair.doc).filter((r) => r.participantId === under.ids.Argentina).map((r) => [r.part, r.reason]);
    expect(chairRefused).toContainEqual(['clause', 'frozen']);
    expect(chairRefused.some(([part, reason]) => (part === 'meta' || part === 'signatories') && reason === 'frozen')).toBe(true);

    // Comments stay allowed: a passage mark on the open clause stands.
    clauseXmlText(peru.doc, open).format(0, 6, { [COMMENT_MARK]: { threads: 'thread-under-silence' } });
    const marked = (doc: Y.Doc) => JSON.stringify(clauseXmlText(doc, open).toDelta()).includes('thread-under-silence');
    await waitFor(() => marked(chile.doc), 'the comment mark to reach Chile');
    expect(refusedIn(peru.doc).filter((r) => r.participantId === under.ids.Peru)).toEqual([]);

    // The room carries on: a new client syncs the frozen text.
    const later = connectClient(under.server, under.declaration.id, under.declaration.tokens.Peru!);
    await synced(later);
    expect(texts(later.doc)).toEqual([AGREED, OPEN]);
    later.destroy();
  });

  it('SIL4: while silence runs the REST routes that change text or status answer 409 frozen, and no proposal is made or rewritten; comments stay allowed', async () => {
    const open = clause(OPEN);
    const before = await call('POST', '/proposals', 'Chile', { clauseId: open, action: 'replace', text: 'Decide, on a voluntary basis, to cooperate.' });
    expect(before.status).toBe(201);
    const proposalId = (before.json as unknown as { proposal: { id: string } }).proposal.id;
    await start({ deadline: iso(Date.now() + 30 * HOUR), reason: 'Circulated.' });
    const frozen = [
      await call('POST', '/proposals', 'Peru', { clauseId: open, action: 'replace', text: 'Decide to cooperate closely.' }),
      await call('PATCH', `/proposals/${proposalId}`, 'Chile', { text: 'Decide, voluntarily, to cooperate.' }),
      await call('POST', `/clauses/${open}/status`, 'Argentina', { state: 'agreed' }),
      await call('POST', '/numbering', 'Argentina', { action: 'freeze' }),
      await call('POST', '/brackets', 'Chile', { clauseId: open, start: 0, end: 6, quote: 'Decide' }),
      await call('POST', '/proposals/whatever/accept', 'Argentina', { shownText: OPEN }),
      await call('POST', '/proposals/whatever/undo', 'Argentina', {}),
      await call('POST', `/clauses/${open}/restore`, 'Argentina', { from: 1 }),
    ];
    expect(frozen.map((a) => [a.status, a.json.error?.id])).toEqual(Array(frozen.length).fill([409, 'frozen']));
    expect(frozen[0]!.json.error.message).toMatch(/A silence procedure runs until .*: the text is frozen/);
    const thread = await call('POST', '/threads', 'Chile', { clauseId: open, anchor: 'clause', body: 'Noted.' });
    expect(thread.status, JSON.stringify(thread.json)).toBe(201);
  });

  it('SIL4: positions do not change while silence runs — stating, changing or withdrawing one answers 409 frozen and nothing is stored; after a break they change again', async () => {
    const open = clause(OPEN);
    const position = (who: string, body: unknown) => call('PUT', `/clauses/${open}/position`, who, body);
    const stated = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'position').map((e) => e.actor);
    expect((await position('Chile', { position: 'accept' })).status).toBe(200);
    await start({ deadline: iso(Date.now() + 30 * HOUR), reason: 'Circulated.' });
    const refused = [
      await position('Chile', { position: 'objection', note: 'Our capital needs "voluntary".' }),
      await position('Chile', { position: null }),
      await position('Peru', { position: 'live-with' }),
    ];
    expect(refused.map((a) => [a.status, a.json.error?.id])).toEqual(Array(refused.length).fill([409, 'frozen']));
    expect(refused[0]!.json.error.message).toMatch(/A silence procedure runs until .*: the text is frozen/);
    expect(stated()).toEqual(['Chile']);
    const positions = (await call('GET', `/clauses/${open}/positions`, 'Spain')).json as unknown as { positions: { name: string; position: string }[] };
    expect(positions.positions.map((p) => [p.name, p.position])).toEqual([['Chile', 'accept']]);
    // Objecting during silence is what breaking it is for: then positions change again.
    expect((await call('POST', '/silence/break', 'Chile', { reason: 'Our capital needs "voluntary".' })).status).toBe(200);
    expect((await position('Chile', { position: 'objection', note: 'Our capital needs "voluntary".' })).status).toBe(200);
    expect(stated()).toEqual(['Chile', 'Chile']);
  });

  it('SIL5: a delegation breaks silence with a reason — the chair, the secretariat and observers may not, nor without a reason; everyone sees who and why; the text unfreezes', async () => {
    const chile = await under.client('Chile');
    const peru = await under.client('Peru');
    await start({ deadline: iso(Date.now() + 30 * HOUR), reason: 'Circulated.' });
    for (const who of ['Argentina', 'Secretariat', 'Spain']) {
      const answer = await call('POST', '/silence/break', who, { reason: 'No.' });
      expect([who, answer.status, answer.json.error.id]).toEqual([who, 403, 'delegations-only']);
    }
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: 'ok', extra: true }]) {
      expect((await call('POST', '/silence/break', 'Chile', body)).status).toBe(400);
    }
    const broken = await call('POST', '/silence/break', 'Chile', { reason: 'Our capital needs OP1 to say "voluntary".' });
    expect(broken.status).toBe(200);
    expect(broken.json.procedure!.ended).toEqual({ outcome: 'broken', at: expect.any(Number), by: 'Chile', reason: 'Our capital needs OP1 to say "voluntary".' });
    await waitFor(() => procedureIn(peru.doc)?.ended?.outcome === 'broken', 'Peru to see the break');
    expect(procedureIn(peru.doc)!.ended).toMatchObject({ by: 'Chile', reason: 'Our capital needs OP1 to say "voluntary".' });
    const again = await call('POST', '/silence/break', 'Peru', { reason: 'Me too.' });
    expect([again.status, again.json.error.id]).toEqual([409, 'no-silence']);

    typeInto(chile.doc, clause(OPEN), ' voluntary');
    await waitFor(() => texts(peru.doc).includes(`${OPEN} voluntary`), 'the edit to reach Peru');
    expect(silenceAudit()).toEqual([['Argentina', 'silence-started'], ['Chile', 'silence-broken']]);
    expect((await call('GET', '/silence', 'Spain')).json.adoptedAt).toBeNull();
  });

  it('SIL6: the chair cancels a running procedure with a reason; others may not; then a new one may start', async () => {
    await agree(AGREED);
    await start({ deadline: iso(Date.now() + 30 * HOUR), reason: 'Circulated.' });
    for (const who of ['Secretariat', 'Chile', 'Spain']) {
      expect((await call('POST', '/silence/cancel', who, { reason: 'Stop.' })).json.error.id).toBe('chair-only');
    }
    expect((await call('POST', '/silence/cancel', 'Argentina', {})).json.error.id).toBe('reason-required');
    const cancelled = await call('POST', '/silence/cancel', 'Argentina', { reason: 'A delegation asked for one more day of informals.' });
    expect(cancelled.json.procedure!.ended).toMatchObject({ outcome: 'cancelled', by: 'Argentina', reason: 'A delegation asked for one more day of informals.' });
    expect((await call('POST', '/silence/cancel', 'Argentina', { reason: 'Again.' })).json.error.id).toBe('no-silence');
    expect((await call('POST', `/clauses/${clause(OPEN)}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    await start({ deadline: iso(Date.now() + 30 * HOUR) });
    expect(silenceAudit()).toEqual([['Argentina', 'silence-started'], ['Argentina', 'silence-cancelled'], ['Argentina', 'silence-started']]);
  });

  it('SIL7: unbroken at the deadline, the server adopts (adoptedAt is the deadline); the text stays frozen for good and no procedure starts or breaks again', async () => {
    const peru = await under.client('Peru');
    const deadline = Date.now() + 1500;
    const procedure = await start({ deadline: iso(deadline), shortDeadline: true, reason: 'Final text.' });
    await waitFor(() => procedureIn(peru.doc)?.ended?.outcome === 'adopted', 'the server to adopt at the deadline', 10_000);
    expect(procedureIn(peru.doc)!.ended).toEqual({ outcome: 'adopted', at: deadline, by: null, reason: '' });
    expect((await call('GET', '/silence', 'Spain')).json).toEqual({ procedure: { ...procedure, ended: { outcome: 'adopted', at: deadline, by: null, reason: '' } }, adoptedAt: deadline });
    expect(silenceAudit()).toEqual([['Argentina', 'silence-started'], ['server', 'silence-adopted']]);

    expect((await call('POST', '/silence/break', 'Peru', { reason: 'Late.' })).json.error.id).toBe('no-silence');
    const restart = await call('POST', '/silence', 'Argentina', { deadline: iso(Date.now() + 30 * HOUR), reason: 'Again.' });
    expect([restart.status, restart.json.error.id]).toEqual([409, 'frozen']);
    expect(restart.json.error.message).toMatch(/adopted on .*: its text is final/);
    const position = await call('PUT', `/clauses/${clause(OPEN)}/position`, 'Peru', { position: 'accept' });
    expect([position.status, position.json.error.id]).toEqual([409, 'frozen']);
    typeInto(peru.doc, clause(OPEN), ' after adoption');
    await waitFor(() => refusedIn(peru.doc).some((r) => r.reason === 'frozen'), 'the change to be refused');
    await waitFor(() => texts(peru.doc).includes(OPEN), 'the text to be put back');
  });

  it('SIL8: the deadline is kept across a restart — passed while the server was down and unbroken: adopted on start, at the deadline', async () => {
    const deadline = Date.now() + 1000;
    await start({ deadline: iso(deadline), shortDeadline: true, reason: 'Final text.' });
    await under.server.close();
    await sleepUntil(deadline + 200);
    under.server = await under.server.restart();
    const answer = await call('GET', '/silence', 'Chile');
    expect(answer.json.adoptedAt).toBe(deadline);
    const chile = await under.client('Chile');
    expect(procedureIn(chile.doc)!.ended).toEqual({ outcome: 'adopted', at: deadline, by: null, reason: '' });
  });

  it('SIL8: broken before the deadline, then the server down past it: not adopted on start', async () => {
    const deadline = Date.now() + 1000;
    await start({ deadline: iso(deadline), shortDeadline: true, reason: 'Final text.' });
    expect((await call('POST', '/silence/break', 'Peru', { reason: 'Not yet.' })).status).toBe(200);
    await under.server.close();
    await sleepUntil(deadline + 200);
    under.server = await under.server.restart();
    const answer = await call('GET', '/silence', 'Chile');
    expect(answer.json.adoptedAt).toBeNull();
    expect(answer.json.procedure!.ended).toMatchObject({ outcome: 'broken', by: 'Peru' });
    const chile = await under.client('Chile');
    typeInto(chile.doc, clause(OPEN), ' edited');
    await waitFor(() => under.server.rooms.withRoom(under.declaration.id, (room) => texts(room.doc).includes(`${OPEN} edited`)), 'the edit to stand');
  });
});
