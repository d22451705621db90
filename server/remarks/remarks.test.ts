import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { readDismissals } from '../../shared/drafting/dismissals.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { connectRaw, updateFrom } from '../testing/rawClient.ts';
import { waitFor } from '../testing/testServer.ts';

/**
 * Dismissing drafting remarks end to end (docs/SPEC.md DRAFT10): the real
 * server over a real SQLite file, `POST …/clauses/<id>/remarks` over HTTP,
 * stock y-websocket clients reading the `remarks` map, and a hand-made
 * client trying to write it.
 */
const seed = {
  ...emptySeed(plain('Remarks test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Decide  the first;') }, { body: plain('Decide the second;') }, { body: plain('Decide the last.') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = { clauseId: string; dismissed: string[]; error: { id: string; message: string } };

describe('dismissed drafting remarks', () => {
  const under = declarationUnderTest(seed, people);
  const post = (who: string, clauseId: string, body: unknown) => under.call<Json>('POST', `/clauses/${encodeURIComponent(clauseId)}/remarks`, who, body);
  const idOf = (doc: Y.Doc, text: string) => readClauses(doc, true).find((c) => toPlainText(c.body) === text)!.id;
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const dismissedIn = (doc: Y.Doc, clauseId: string) => [...(readDismissals(doc.getMap(ROOT.remarks)).get(clauseId) ?? [])];

  it('DRAFT10: the chair, the secretariat and a delegation dismiss and restore a remark for everyone; an observer may not (403); audited; kept over a restart', async () => {
    const spain = await under.client('Spain');
    const first = idOf(serverDoc(), 'Decide  the first;');

    const observer = await post('Spain', first, { check: 'double-space', dismissed: true });
    expect([observer.status, observer.json.error.id]).toEqual([403, 'no-remarks']);
    expect(dismissedIn(serverDoc(), first)).toEqual([]);

    const chile = await post('Chile', first, { check: 'double-space', dismissed: true });
    expect([chile.status, chile.json.dismissed]).toEqual([200, ['double-space']]);
    await waitFor(() => dismissedIn(spain.doc, first).includes('double-space'), 'every client to read the dismissal');

    // The same again changes nothing and is not audited twice.
    expect((await post('Secretariat', first, { check: 'double-space', dismissed: true })).json.dismissed).toEqual(['double-space']);
    expect((await post('Argentina', first, { check: 'final-mark', dismissed: true })).json.dismissed).toEqual(['double-space', 'final-mark']);
    const restored = await post('Secretariat', first, { check: 'final-mark', dismissed: false });
    expect([restored.status, restored.json.dismissed]).toEqual([200, ['double-space']]);
    await waitFor(() => dismissedIn(spain.doc, first).join() === 'double-space', 'every client to read the restoration');

    expect(listAudit(under.server.db, under.declaration.id).map((e) => [e.action, e.actor, e.clauseId, e.detail])).toEqual([
      ['remark-dismissed', 'Chile', first, { check: 'double-space' }],
      ['remark-dismissed', 'Argentina', first, { check: 'final-mark' }],
      ['remark-restored', 'Secretariat', first, { check: 'final-mark' }],
    ]);

    under.disconnectAll();
    under.server = await under.server.restart();
    expect(dismissedIn(serverDoc(), first)).toEqual(['double-space']);
  });

  it('DRAFT10: a bad body is 400, an unknown clause 404, an agreed clause 409, and nothing changes', async () => {
    const second = idOf(serverDoc(), 'Decide the second;');
    for (const [body, id] of [
      [{ check: 'no-such-check', dismissed: true }, 'bad-remark-check'],
      [{ dismissed: true }, 'bad-remark-check'],
      [{ check: 'double-space', dismissed: 'yes' }, 'bad-remark-dismissed'],
      [{ check: 'double-space' }, 'bad-remark-dismissed'],
      [['double-space'], 'bad-body'],
    ] as const) {
      const answer = await post('Chile', second, body);
      expect([JSON.stringify(body), answer.status, answer.json.error.id]).toEqual([JSON.stringify(body), 400, id]);
    }
    const unknown = await post('Chile', 'no-such-clause', { check: 'double-space', dismissed: true });
    expect([unknown.status, unknown.json.error.id]).toEqual([404, 'clause-not-found']);

    const agreed = await under.call('POST', `/clauses/${second}/status`, 'Argentina', { state: 'agreed' });
    expect(agreed.status).toBe(200);
    const refused = await post('Chile', second, { check: 'double-space', dismissed: true });
    expect([refused.status, refused.json.error.id]).toEqual([409, 'clause-agreed']);
    expect(serverDoc().getMap(ROOT.remarks).toJSON()).toEqual({});
    expect(listAudit(under.server.db, under.declaration.id).filter((e) => e.action.startsWith('remark-'))).toEqual([]);
  });

  it("DRAFT10 LOCK4: a hand-made update writing the remarks map — a delegation's or the chair's — is undone for everyone and kept as refused", async () => {
    const first = idOf(serverDoc(), 'Decide  the first;');
    expect((await post('Argentina', first, { check: 'double-space', dismissed: true })).status).toBe(200);
    const spain = await under.client('Spain');
    await waitFor(() => dismissedIn(spain.doc, first).length === 1, 'the observer to read the dismissal');
    const last = idOf(spain.doc, 'Decide the last.');

    for (const who of ['Chile', 'Argentina']) {
      const raw = await connectRaw(under.server, under.declaration.id, under.declaration.tokens[who]!);
      await raw.handshake();
      raw.sendUpdate(updateFrom(raw.replica, (doc) => doc.getMap(ROOT.remarks).set(last, ['last-period', 'double-space'])));
      raw.sendUpdate(updateFrom(raw.replica, (doc) => doc.getMap(ROOT.remarks).delete(first)));
      await waitFor(() => raw.received.length > 2 && JSON.stringify(raw.replica.getMap(ROOT.remarks).toJSON()) === JSON.stringify({ [first]: ['double-space'] }), `${who}'s forged write to be undone`);
      expect(serverDoc().getMap(ROOT.remarks).toJSON()).toEqual({ [first]: ['double-space'] });
      raw.ws.close();
    }
    expect(spain.doc.getMap(ROOT.remarks).toJSON()).toEqual({ [first]: ['double-space'] });
    const refused = [...serverDoc().getMap(ROOT.refused).values()].map(readRefusedChange).filter((r) => r?.reason === 'server-only');
    expect(new Set(refused.map((r) => r!.author))).toEqual(new Set(['Chile', 'Argentina']));
  });
});
