import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBracket, type Bracket } from '../../shared/brackets/bracket.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clauseXmlText as bracketText, resolveBracket } from '../../shared/document/bracketRange.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { readProposal } from '../../shared/proposals/proposal.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { findBracket, listBrackets } from '../db/brackets.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * The relay's side of square brackets (docs/SPEC.md BRK4, BRK7): what a
 * delegation may and may not do to bracketed text by typing, what the
 * chair's deletions record, and brackets that follow the text on every
 * replica — through concurrent typing, a refused deletion put back by the
 * server, and a restart. Real server, real SQLite, stock y-websocket clients.
 */
const OPEN = 'Decide to act now on trade;';
const OTHER = 'Welcome the report;';
const seed = {
  ...emptySeed(plain('Brackets enforcement test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain(OPEN) }, { body: plain(OTHER) }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);
const bracketIn = (doc: Y.Doc, id: string): Bracket | null => readBracket(doc.getMap(ROOT.brackets).get(id));
/** The words a replica reads in brackets, from the bracket as mirrored into that replica (null: no passage). */
const bracketedIn = (doc: Y.Doc, id: string): string | null => {
  const bracket = bracketIn(doc, id);
  const range = bracket ? resolveBracket(doc, bracket) : null;
  return range === null ? null : bracketText(doc, bracket!.clauseId)!.toString().slice(range.start, range.end);
};
const rangeIn = (doc: Y.Doc, id: string) => {
  const bracket = bracketIn(doc, id);
  return bracket ? resolveBracket(doc, bracket) : null;
};

describe('BRK4 BRK7: the relay and square brackets', () => {
  const under = declarationUnderTest(seed, people);
  let clause: string;

  const { client } = under;
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<{ bracket: Bracket }>(method, path, who, body);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  /** Brackets around `quote` in the clause as it reads on the server now. */
  const bracket = async (who: string, quote: string, on = clause) => {
    const text = bracketText(serverDoc(), on)!.toString();
    const start = text.indexOf(quote);
    const { status, json } = await call('POST', '/brackets', who, { clauseId: on, start, end: start + quote.length, quote });
    expect(status).toBe(201);
    return json.bracket;
  };
  /** Every replica reads the same text and the same words in each bracket as the server. */
  const converged = async (ids: string[], ...docs: Y.Doc[]) => {
    const fingerprint = (doc: Y.Doc) => JSON.stringify({ texts: clauseTexts(doc), brackets: ids.map((id) => [bracketedIn(doc, id), rangeIn(doc, id)]) });
    await waitFor(() => docs.every((d) => fingerprint(d) === fingerprint(serverDoc())), 'every replica to read the same text and brackets');
  };

  beforeEach(async () => {
    clause = idOf(serverDoc(), OPEN);
  });

  it('BRK4 BRK7: a delegation deleting a whole bracketed passage is undone for everyone; both clients read the text back and find the brackets around the same words; the refusal is kept (brackets), no proposal made', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const b = await bracket('Peru', 'act now');
    await waitFor(() => bracketedIn(chile.doc, b.id) === 'act now', 'the bracket to reach Chile');
    const start = OPEN.indexOf(' act now');
    clauseXmlText(chile.doc, clause).delete(start, ' act now'.length);
    await waitFor(() => refusedIn(chile.doc).length === 1, 'the refusal to reach Chile');
    await converged([b.id], chile.doc, peru.doc);
    for (const doc of [serverDoc(), chile.doc, peru.doc]) {
      expect(clauseTexts(doc)).toContain(OPEN);
      expect(bracketedIn(doc, b.id)).toBe('act now');
      expect(rangeIn(doc, b.id)).toEqual({ id: b.id, start: OPEN.indexOf('act now'), end: OPEN.indexOf('act now') + 7 });
    }
    expect(refusedIn(chile.doc)).toEqual([expect.objectContaining({ author: 'Chile', part: 'clause', clauseId: clause, reason: 'brackets', attempted: 'Decide to on trade;', kept: OPEN })]);
    expect(refusedIn(chile.doc)[0]!.proposalId).toBeUndefined();
    expect([...serverDoc().getMap(ROOT.proposals).values()].map(readProposal)).toEqual([]);
    // The brackets stand, with new positions that name the text put back; moving them is not a removal.
    const stored = findBracket(under.server.db, under.declaration.id, b.id)!;
    expect(stored.removed).toBeUndefined();
    expect([stored.start, stored.end]).not.toEqual([b.start, b.end]);
    const audit = listAudit(under.server.db, under.declaration.id);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'Chile', action: 'refused', clauseId: clause, detail: expect.objectContaining({ reason: 'brackets' }) }));
    expect(audit.filter((e) => e.action === 'bracket-removed')).toEqual([]);
    // The brackets follow edits made after the put-back on every replica, and survive a restart.
    clauseXmlText(peru.doc, clause).insert(OPEN.indexOf('now'), 'right ');
    await converged([b.id], chile.doc, peru.doc);
    expect(bracketedIn(chile.doc, b.id)).toBe('act right now');
    under.disconnectAll();
    under.server = await under.server.restart();
    const later = await client('Peru');
    expect(bracketedIn(later.doc, b.id)).toBe('act right now');
  });

  it('BRK4: a delegation deleting part of a bracketed passage, or typing inside it or at its edges, is allowed: the brackets shrink, grow, and keep what was typed outside out', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const b = await bracket('Peru', 'act now');
    await waitFor(() => bracketedIn(chile.doc, b.id) === 'act now', 'the bracket to reach Chile');
    const text = clauseXmlText(chile.doc, clause);
    text.delete(OPEN.indexOf('now'), 'now'.length);
    await converged([b.id], chile.doc, peru.doc);
    expect(bracketedIn(peru.doc, b.id)).toBe('act ');
    // Typed where "now" was, now the brackets' end: outside, as at any edge.
    text.insert(OPEN.indexOf('act ') + 'act '.length, 'then');
    await converged([b.id], chile.doc, peru.doc);
    expect(bracketedIn(peru.doc, b.id)).toBe('act ');
    text.insert(OPEN.indexOf('act') + 'act'.length, ' swiftly');
    text.insert(OPEN.indexOf('act'), 'really ');
    await converged([b.id], chile.doc, peru.doc);
    expect(clauseTexts(serverDoc())).toContain('Decide to really act swiftly then on trade;');
    expect(bracketedIn(peru.doc, b.id)).toBe('act swiftly ');
    expect(refusedIn(serverDoc())).toEqual([]);
    expect(findBracket(under.server.db, under.declaration.id, b.id)!.removed).toBeUndefined();
  });

  it('BRK4: a delegation deleting the clause that holds brackets is undone for everyone; one deleting a clause without brackets is not', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const b = await bracket('Peru', 'trade');
    await waitFor(() => bracketedIn(chile.doc, b.id) === 'trade', 'the bracket to reach Chile');
    deleteClause(chile.doc, clause);
    await waitFor(() => refusedIn(chile.doc).length === 1, 'the refusal to reach Chile');
    await converged([b.id], chile.doc, peru.doc);
    expect(clauseTexts(peru.doc)).toEqual(['Recognizing the first,', OPEN, OTHER]);
    expect(bracketedIn(peru.doc, b.id)).toBe('trade');
    expect(refusedIn(chile.doc)).toEqual([expect.objectContaining({ clauseId: clause, reason: 'brackets' })]);
    expect(findBracket(under.server.db, under.declaration.id, b.id)!.removed).toBeUndefined();
    deleteClause(chile.doc, idOf(chile.doc, OTHER));
    await converged([b.id], chile.doc, peru.doc);
    expect(clauseTexts(serverDoc())).toEqual(['Recognizing the first,', OPEN]);
    expect(refusedIn(serverDoc())).toHaveLength(1);
  });

  it('BRK4 BRK8: the chair deleting a bracketed passage, or the secretariat the clause holding brackets, is allowed and removes the brackets, recorded as deleted', async () => {
    const chair = await client('Argentina');
    const peru = await client('Peru');
    const passage = await bracket('Peru', 'act now');
    const other = await bracket('Chile', 'report', idOf(serverDoc(), OTHER));
    await waitFor(() => bracketedIn(chair.doc, passage.id) === 'act now' && bracketedIn(chair.doc, other.id) === 'report', 'the brackets to reach the chair');
    clauseXmlText(chair.doc, clause).delete(OPEN.indexOf(' act now'), ' act now'.length);
    await waitFor(() => bracketIn(peru.doc, passage.id)?.removed !== undefined, 'the removal to reach Peru');
    expect(clauseTexts(peru.doc)).toContain('Decide to on trade;');
    expect(findBracket(under.server.db, under.declaration.id, passage.id)!.removed).toEqual({ by: 'Argentina', at: expect.any(Number), how: 'deleted' });
    const secretariat = await client('Secretariat');
    deleteClause(secretariat.doc, idOf(secretariat.doc, OTHER));
    await waitFor(() => bracketIn(peru.doc, other.id)?.removed !== undefined, 'the second removal to reach Peru');
    expect(clauseTexts(serverDoc())).toEqual(['Recognizing the first,', 'Decide to on trade;']);
    expect(findBracket(under.server.db, under.declaration.id, other.id)!.removed).toEqual({ by: 'Secretariat', at: expect.any(Number), how: 'deleted' });
    expect(refusedIn(serverDoc())).toEqual([]);
    const removals = listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'bracket-removed');
    expect(removals.map((e) => [e.actor, e.detail])).toEqual([
      ['Argentina', { bracketId: passage.id, quote: 'act now', how: 'deleted' }],
      ['Secretariat', { bracketId: other.id, quote: 'report', how: 'deleted' }],
    ]);
    // Removed brackets no longer guard anything: a delegation may now delete what remains.
    const chile = await client('Chile');
    clauseXmlText(chile.doc, clause).delete(0, 'Decide '.length);
    await waitFor(() => clauseTexts(serverDoc()).includes('to on trade;'), 'the deletion');
    expect(refusedIn(serverDoc())).toEqual([]);
  });

  it('BRK7: two clients typing before, inside and after a bracketed passage at once: every replica and the server find the same words in brackets', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const outer = await bracket('Chile', 'act now on');
    const inner = await bracket('Peru', 'now');
    await waitFor(() => bracketedIn(chile.doc, inner.id) === 'now' && bracketedIn(peru.doc, inner.id) === 'now', 'the brackets to reach both');
    // Neither has the other's edits when making its own: they cross on the wire. Each types right to left, so OPEN's offsets hold.
    const c = clauseXmlText(chile.doc, clause);
    const p = clauseXmlText(peru.doc, clause);
    chile.doc.transact(() => {
      c.insert(OPEN.indexOf(' on trade'), ' well'); // inside the outer, at the inner's end: outside the inner
      c.insert(OPEN.indexOf('act'), 'really '); // at both brackets' start: outside
    });
    peru.doc.transact(() => {
      p.insert(OPEN.indexOf(';'), ' fair'); // after the outer
      p.insert(OPEN.indexOf(' trade'), '!'); // at the outer's end: outside
      p.insert(OPEN.indexOf('now') + 1, 'OW-N'); // inside the inner
    });
    await converged([outer.id, inner.id], chile.doc, peru.doc);
    expect(clauseTexts(serverDoc())).toContain('Decide to really act nOW-Now well on! trade fair;');
    for (const doc of [serverDoc(), chile.doc, peru.doc]) {
      expect(bracketedIn(doc, outer.id)).toBe('act nOW-Now well on');
      expect(bracketedIn(doc, inner.id)).toBe('nOW-Now');
    }
    expect(refusedIn(serverDoc())).toEqual([]);
  });

  it('BRK7: brackets survive a restart, stored and mirrored as they were, resolving to the same words; the enforce step still guards them', async () => {
    const b = await bracket('Chile', 'act now');
    const removed = await bracket('Peru', 'trade');
    expect((await call('DELETE', `/brackets/${removed.id}`, 'Argentina')).status).toBe(200);
    const before = listBrackets(under.server.db, under.declaration.id);
    under.server = await under.server.restart();
    const peru = await client('Peru');
    expect([...peru.doc.getMap(ROOT.brackets).values()].map(readBracket).sort((x, y) => x!.at - y!.at || (x!.id < y!.id ? -1 : 1))).toEqual(before);
    expect(bracketedIn(peru.doc, b.id)).toBe('act now');
    clauseXmlText(peru.doc, clause).delete(OPEN.indexOf('act now'), 'act now'.length);
    await waitFor(() => refusedIn(peru.doc).length === 1, 'the refusal after the restart');
    await converged([b.id], peru.doc);
    expect(bracketedIn(peru.doc, b.id)).toBe('act now');
    // The removed brackets guard nothing.
    clauseXmlText(peru.doc, clause).delete(OPEN.indexOf('trade'), 'trade'.length);
    await waitFor(() => clauseTexts(serverDoc()).includes('Decide to act now on ;'), 'the deletion of unbracketed text');
    expect(refusedIn(serverDoc())).toHaveLength(1);
  });
});
