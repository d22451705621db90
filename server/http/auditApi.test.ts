import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUDIT_KINDS, AUDIT_PAGE_MAX } from '../../shared/auditKinds.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { toPlainText } from '../../shared/richText.ts';
import { appendAudit, type AuditAction, type AuditEntry } from '../db/auditLog.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { smallSeed, typeInto } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';

/**
 * The audit screen's route (docs/SPEC.md AUD4–AUD5, docs/API.md): pages of
 * the log newest first, filtered by clause, participant and kind, one schema
 * with clear 400s, the old call unchanged. Real server, real SQLite.
 */
const under = declarationUnderTest(smallSeed, [
  { name: 'Argentina', role: 'chair' },
  { name: 'Uruguay', role: 'secretariat' },
  { name: 'Chile', role: 'delegation' },
  { name: 'Peru', role: 'observer' },
]);
type Page = { entries: AuditEntry[]; next: number | null; actors: string[]; error: { id: string; message: string; parameter?: string } };
const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;

/** 10,000 entries straight into SQLite, as a long conference would leave them: three actors, three clauses, actions of every kind in turn. */
function fillLog(count: number): void {
  const actions = Object.values(AUDIT_KINDS).flat() as AuditAction[];
  const actors = ['Argentina', 'Chile', 'Uruguay'];
  const db = under.server.db;
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      appendAudit(db, under.declaration.id, { actor: actors[i % 3]!, action: actions[i % actions.length]!, clauseId: i % 5 === 0 ? null : `c${i % 3}`, detail: { n: i }, at: 1_000 + i });
    }
  })();
}

describe('AUD4: the audit log in pages', () => {
  it('AUD4: with 10,000 entries, the first page, the pages after it and a filtered page come back newest first with the right counts', async () => {
    fillLog(10_000);
    const first = await under.call<Page>('GET', '/audit?limit=200', 'Uruguay');
    expect(first.status).toBe(200);
    expect(first.json.entries).toHaveLength(200);
    expect(first.json.entries.map((e) => e.detail.n)).toEqual(Array.from({ length: 200 }, (_, i) => 9_999 - i));
    expect(first.json.next).toBe(first.json.entries.at(-1)!.id);
    expect(first.json.actors).toEqual(['Argentina', 'Chile', 'Uruguay']);

    // Walk the whole log by `next`: every entry once, in order, and the last page says there is none older.
    let seen = first.json.entries.length;
    let next = first.json.next;
    let previousId = first.json.entries.at(-1)!.id;
    while (next !== null) {
      const page = await under.call<Page>('GET', `/audit?limit=200&before=${next}`, 'Argentina');
      expect(page.json.entries[0]!.id).toBeLessThan(previousId);
      previousId = page.json.entries.at(-1)!.id;
      seen += page.json.entries.length;
      next = page.json.next;
    }
    expect(seen).toBe(10_000);

    // Default page size, and every filter at once, kept across pages.
    expect((await under.call<Page>('GET', '/audit?before=999999', 'Argentina')).json.entries).toHaveLength(100);
    // Chile wrote every third entry (i % 3 === 1), all on c1 except the fifths without a clause.
    const actions = Object.values(AUDIT_KINDS).flat() as string[];
    const wanted = new Set<string>([...AUDIT_KINDS.refusals, ...AUDIT_KINDS.status]);
    const expected = Array.from({ length: 10_000 }, (_, i) => i)
      .filter((i) => i % 3 === 1 && i % 5 !== 0 && wanted.has(actions[i % actions.length]!))
      .reverse();
    const filtered: number[] = [];
    let cursor: number | null = null;
    do {
      const page: { json: Page } = await under.call<Page>('GET', `/audit?actor=Chile&clauseId=c1&kinds=refusals,status&limit=50${cursor === null ? '' : `&before=${cursor}`}`, 'Argentina');
      expect(page.json.entries.every((e) => e.actor === 'Chile' && e.clauseId === 'c1')).toBe(true);
      filtered.push(...page.json.entries.map((e) => e.detail.n as number));
      cursor = page.json.next;
    } while (cursor !== null);
    expect(expected.length).toBeGreaterThan(100);
    expect(filtered).toEqual(expected);

    // The old call without parameters: the whole log, oldest first.
    const all = await under.call<Page>('GET', '/audit', 'Argentina');
    expect(all.json.entries).toHaveLength(10_000);
    expect(all.json.entries[0]!.detail.n).toBe(0);
    expect(all.json.next).toBeNull();
  });

  it('AUD4: a real refusal is found by participant and kind; a page with nothing matching is empty with no next', async () => {
    const chile = await under.client('Chile');
    const clause = idOf(chile.doc, 'Decide the first;');
    expect((await under.call('POST', `/clauses/${clause}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    typeInto(chile.doc, clause, ' at once');
    await waitFor(() => (under.server.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'refused'").get() as { n: number }).n === 1, 'the refusal');
    const refusals = await under.call<Page>('GET', `/audit?actor=Chile&kinds=refusals&clauseId=${clause}`, 'Uruguay');
    expect(refusals.json.entries).toEqual([expect.objectContaining({ actor: 'Chile', action: 'refused', clauseId: clause, detail: expect.objectContaining({ reason: 'agreed', attempted: 'Decide the first; at once' }) })]);
    expect(refusals.json.next).toBeNull();
    const chair = await under.call<Page>('GET', '/audit?actor=Argentina', 'Uruguay');
    expect(chair.json.entries.map((e) => e.action)).toEqual(['lock']);
    expect((await under.call<Page>('GET', '/audit?kinds=comments', 'Argentina')).json).toMatchObject({ entries: [], next: null });
  });

  it('AUD4: a bad parameter is a 400 naming it; AUD5: delegations and observers are refused', async () => {
    const bad = async (query: string, parameter: string) => {
      const answer = await under.call<Page>('GET', `/audit?${query}`, 'Argentina');
      expect(answer.status, query).toBe(400);
      expect(answer.json.error, query).toMatchObject({ id: 'bad-audit-query', parameter });
    };
    await bad(`limit=${AUDIT_PAGE_MAX + 1}`, 'limit');
    await bad('limit=0', 'limit');
    await bad('limit=ten', 'limit');
    await bad('before=-3', 'before');
    await bad('before=1.5', 'before');
    await bad('kinds=status,gossip', 'kinds');
    await bad('kinds=', 'kinds');
    await bad('actor=', 'actor');
    await bad(`clauseId=${'x'.repeat(201)}`, 'clauseId');
    await bad('actor=Chile&actor=Peru', 'actor');
    await bad('kind=status', 'kind');
    expect((await under.call<Page>('GET', '/audit?limit=5', 'Chile')).status).toBe(403);
    expect((await under.call<Page>('GET', '/audit?limit=5', 'Peru')).status).toBe(403);
    expect((await under.call<Page>('GET', '/audit?limit=5', 'Uruguay')).status).toBe(200);
  });
});
