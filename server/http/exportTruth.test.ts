import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { commentTime } from '../../shared/commentWords.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain } from '../../shared/richText.ts';
import { unsettledOfDoc } from '../../shared/unsettled.ts';
import { idsByLabel } from '../export/samples.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { drawnLines } from '../testing/pdfText.ts';
import { waitFor } from '../testing/testServer.ts';

const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
];

// PP1, OP1 with two sub-items, OP2, OP3: small enough to name every clause.
const seed = {
  ...emptySeed(plain('Declaration of Lima')),
  preamble: [plain('Recalling the Charter,')],
  operative: [
    { body: plain('Decide to cooperate:'), subitems: [{ body: plain('in health;') }, { body: plain('in trade;') }] },
    { body: plain('Agree to meet again in 2027;') },
    { body: plain('Remain seized of the matter.') },
  ],
};

interface ErrorBody {
  error: { id: string; message: string };
}

describe('HTTP: a clean export tells what is not settled (EXP15)', () => {
  const under = declarationUnderTest(seed, people);
  const exportOf = (query: string, who = 'Chile') =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { Authorization: `Bearer ${under.declaration.tokens[who]}` } });
  const labels = () => under.server.rooms.withRoom(under.declaration.id, (room) => idsByLabel(room.doc));
  const setStatus = async (label: string, state: 'agreed' | 'ad-ref' | 'open', extra: Record<string, unknown> = {}) => {
    const answer = await under.call('POST', `/clauses/${labels().get(label)}/status`, 'Argentina', { state, ...extra });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  };

  it('EXP15: X-Consenso-Unsettled counts open, ad ref and bracketed clauses; sub-items agreed with their paragraph count as agreed; a settled text says zeros; the negotiation text does not carry it', async () => {
    const first = await exportOf('?format=txt');
    expect(first.status).toBe(200);
    // PP1, OP1, OP1(a), OP1(b), OP2, OP3: all open.
    expect(first.headers.get('x-consenso-unsettled')).toBe('open=6; ad-ref=0; bracketed=0');

    await setStatus('OP1', 'agreed');
    await setStatus('OP2', 'ad-ref', { pending: ['Peru'] });
    const passage = 'seized';
    const op3 = labels().get('OP3')!;
    const text = 'Remain seized of the matter.';
    const bracket = await under.call('POST', '/brackets', 'Chile', { clauseId: op3, start: text.indexOf(passage), end: text.indexOf(passage) + passage.length, quote: passage });
    expect(bracket.status, JSON.stringify(bracket.json)).toBe(201);

    for (const format of ['txt', 'pdf', 'akn']) {
      const clean = await exportOf(`?format=${format}`, 'Spain');
      expect(clean.status, format).toBe(200);
      // OP1 agreed carries OP1(a) and OP1(b) with it (LOCK7): PP1 and OP3 are open, OP2 ad ref, OP3 bracketed.
      expect(clean.headers.get('x-consenso-unsettled'), format).toBe('open=2; ad-ref=1; bracketed=1');
    }
    // The header and the screen's counts are one function over the same document.
    const chile = await under.client('Chile');
    await waitFor(() => unsettledOfDoc(chile.doc).bracketed.length === 1, 'Chile to read the bracket');
    const screen = unsettledOfDoc(chile.doc);
    expect([screen.open.length, screen.adRef.length, screen.bracketed.length]).toEqual([2, 1, 1]);
    expect(screen.open).toEqual([labels().get('PP1'), labels().get('OP3')]);

    const negotiation = await exportOf('?format=txt&variant=negotiation');
    expect(negotiation.status).toBe(200);
    expect(negotiation.headers.get('x-consenso-unsettled')).toBeNull();

    // Everything agreed and the bracket removed: nothing stands.
    const removed = await under.call('DELETE', `/brackets/${(bracket.json as { bracket: { id: string } }).bracket.id}`, 'Argentina');
    expect(removed.status, JSON.stringify(removed.json)).toBe(200);
    for (const label of ['PP1', 'OP2', 'OP3']) await setStatus(label, 'agreed');
    expect((await exportOf('?format=md')).headers.get('x-consenso-unsettled')).toBe('open=0; ad-ref=0; bracketed=0');
  });
});

describe('HTTP: the negotiation export with its comment threads (EXP16)', () => {
  const under = declarationUnderTest(seed, people);
  const exportOf = (query: string, who = 'Chile') =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { Authorization: `Bearer ${under.declaration.tokens[who]}` } });
  const labels = () => under.server.rooms.withRoom(under.declaration.id, (room) => idsByLabel(room.doc));

  /** Three threads: one on OP2 with a reply (the reply later deleted), one resolved on PP1, one on OP3 whose clause is then deleted. */
  async function discuss(): Promise<{ at: number; resolvedAt: number }> {
    const start = async (who: string, label: string, body: string) => {
      const answer = await under.call<{ thread: { id: string; at: number } }>('POST', '/threads', who, { clauseId: labels().get(label), anchor: 'clause', body });
      expect(answer.status, JSON.stringify(answer.json)).toBe(201);
      return answer.json.thread;
    };
    const op2 = await start('Chile', 'OP2', 'Can we say <b>2028</b> & later?');
    const reply = await under.call<{ thread: { comments: { id: string }[] } }>('POST', `/threads/${op2.id}/comments`, 'Peru', { body: 'Peru prefers 2027.' });
    expect(reply.status).toBe(201);
    const third = await under.call('POST', `/threads/${op2.id}/comments`, 'Argentina', { body: 'Noted.' });
    expect(third.status).toBe(201);
    const deleted = await under.call('DELETE', `/threads/${op2.id}/comments/${reply.json.thread.comments[1]!.id}`, 'Peru');
    expect(deleted.status).toBe(200);
    const pp1 = await start('Secretariat', 'PP1', 'Check the Charter citation.');
    const resolved = await under.call<{ thread: { resolved: { at: number } } }>('POST', `/threads/${pp1.id}/resolve`, 'Argentina', { resolved: true });
    expect(resolved.status).toBe(200);
    await start('Chile', 'OP3', 'Is this paragraph needed?');
    // OP3 goes: its thread stays (COM6) and is filed at the end.
    const chile = await under.client('Chile');
    const op3 = labels().get('OP3')!;
    deleteClause(chile.doc, op3);
    await waitFor(() => !readDeclaration(under.server.rooms.get(under.declaration.id).doc).clauses.some((c) => c.id === op3), 'the server to have the deletion');
    return { at: op2.at, resolvedAt: resolved.json.thread.resolved.at };
  }

  it('EXP16: comments=1 files each thread under its clause in docx, pdf, html, md and txt — authors, UTC times, resolved, deleted comments — and those of deleted clauses at the end; observers get them all', async () => {
    const { at, resolvedAt } = await discuss();
    const when = commentTime('en', at);
    const resolvedWhen = commentTime('en', resolvedAt);
    expect(when).toMatch(/^\d{1,2} \w+ \d{4} at \d\d:\d\d UTC$/);

    const txt = await (await exportOf('?format=txt&variant=negotiation&comments=1', 'Spain')).text();
    expect(txt).toContain(`[OP2] open\n2.  Agree to meet again in 2027;\n    [Comment thread opened by Chile on ${when} — open]\n    > Chile, ${when}: Can we say <b>2028</b> & later?\n    > Peru, `);
    expect(txt).toMatch(/> Peru, .+? UTC: \(comment deleted by its author\)\n {4}> Argentina, .+? UTC: Noted\.\n/);
    expect(txt).not.toContain('Peru prefers 2027');
    expect(txt).toContain(`[Comment thread opened by Secretariat on `);
    expect(txt).toContain(`— resolved by Argentina on ${resolvedWhen}]\n    > Secretariat, `);
    expect(txt).toMatch(/COMMENTS ON CLAUSES NO LONGER IN THE TEXT\n\n\[Comment thread opened by Chile on [^\]]+ — open\]\n> Chile, .+? UTC: Is this paragraph needed\?/);
    // Under its clause: the OP2 thread comes after OP2's text and before OP3's (there is none now: before the closing).
    expect(txt.indexOf('Agree to meet again')).toBeLessThan(txt.indexOf('Can we say'));
    expect(txt.indexOf('Recalling the Charter')).toBeLessThan(txt.indexOf('Check the Charter citation'));
    expect(txt.indexOf('Check the Charter citation')).toBeLessThan(txt.indexOf('Decide to cooperate'));

    const md = await (await exportOf('?format=md&variant=negotiation&comments=1')).text();
    expect(md).toContain(`> **Comment thread opened by Chile on ${when} — open**\\\n   > *Chile, ${when}:* Can we say &lt;b&gt;2028&lt;/b&gt; &amp; later?`);
    expect(md).toContain('## Comments on clauses no longer in the text');

    const html = await (await exportOf('?format=html&variant=negotiation&comments=1')).text();
    expect(html).toContain(`<div class="thread"><p class="thread-heading">Comment thread opened by Chile on ${when} — open</p><p class="comment"><span class="by">Chile, ${when}:</span> Can we say &lt;b&gt;2028&lt;/b&gt; &amp; later?</p>`);
    expect(html).toContain('<div class="thread resolved">');
    expect(html).toContain('<p class="comment deleted">');
    expect(html).not.toContain('<b>2028</b>');

    const docx = await JSZip.loadAsync(Buffer.from(await (await exportOf('?format=docx&variant=negotiation&comments=1')).arrayBuffer()));
    const document = await docx.file('word/document.xml')!.async('string');
    expect(document).toContain('<w:pStyle w:val="CommentThread"/>');
    expect(document).toContain(`Comment thread opened by Chile on ${when} — open`);
    expect(document).toContain('Can we say &lt;b&gt;2028&lt;/b&gt; &amp; later?');
    expect(document).toContain('Comments on clauses no longer in the text');
    expect(await docx.file('word/styles.xml')!.async('string')).toContain('w:styleId="CommentThread"');

    const pdf = drawnLines(Buffer.from(await (await exportOf('?format=pdf&variant=negotiation&comments=1')).arrayBuffer())).join('\n');
    expect(pdf).toContain(`Comment thread opened by Chile on ${when} — open`);
    expect(pdf).toContain('Can we say <b>2028</b> & later?');
    expect(pdf).toContain('(comment deleted by its author)');
    expect(pdf).toContain('Comments on clauses no longer in the text');

    // Without comments=1 the negotiation text has none.
    for (const format of ['txt', 'md', 'html']) {
      const without = await (await exportOf(`?format=${format}&variant=negotiation`)).text();
      expect(without, format).not.toContain('Comment thread');
      expect(without, format).not.toContain('Can we say');
    }
  });

  it('EXP16: the threads print in the declaration\'s language with its date and hour, in UTC', async () => {
    const { at } = await discuss();
    const language = await under.call('PUT', '/language', 'Argentina', { language: 'fr' });
    expect(language.status, JSON.stringify(language.json)).toBe(200);
    const txt = await (await exportOf('?format=txt&variant=negotiation&comments=1')).text();
    const when = commentTime('fr', at);
    expect(when).toMatch(/^\d{1,2} \p{L}+ \d{4} à \d\d\u00a0h\u00a0\d\d UTC$/u);
    expect(txt).toContain(`[Fil de commentaires ouvert par Chile le ${when} — ouvert]`);
    expect(txt).toContain('(commentaire supprimé par son auteur)');
    expect(txt).toContain('COMMENTAIRES SUR DES PARAGRAPHES QUI NE FIGURENT PLUS DANS LE TEXTE');
  });

  it('EXP16: comments=1 is refused (400 bad-comments) with the clean text, a redline, a saved version and Akoma Ntoso, and for a value that is not 1', async () => {
    await discuss();
    const version = await under.call<{ version: { id: string } }>('POST', '/versions', 'Argentina', { name: 'Before comments' });
    expect(version.status, JSON.stringify(version.json)).toBe(201);
    for (const query of [
      '?format=txt&comments=1',
      '?format=txt&variant=clean&comments=1',
      '?format=akn&variant=negotiation&comments=1',
      `?format=md&variant=redline&base=${version.json.version.id}&comments=1`,
      `?format=txt&variant=negotiation&version=${version.json.version.id}&comments=1`,
      '?format=txt&variant=negotiation&comments=yes',
    ]) {
      const response = await exportOf(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.id, query).toBe('bad-comments');
      expect(body.error.message.length, query).toBeGreaterThan(20);
    }
    expect((await exportOf('?format=txt&variant=negotiation&comments=0')).status).toBe(200);
  });
});

// The room's mirror of the threads is what the screen shows; the export reads SQLite, the truth (COM4): both hold the same threads.
describe('HTTP: comment threads in the export are SQLite\'s', () => {
  const under = declarationUnderTest(seed, people);
  it('EXP16: a thread the mirror holds is in the file, by its author as the server knows them', async () => {
    const labels = under.server.rooms.withRoom(under.declaration.id, (room) => idsByLabel(room.doc));
    const answer = await under.call('POST', '/threads', 'Peru', { clauseId: labels.get('PP1'), anchor: 'clause', body: 'Fine.', author: 'Someone else' });
    expect(answer.status).toBe(201);
    const mirrored = under.server.rooms.withRoom(under.declaration.id, (room) => [...room.doc.getMap(ROOT.comments).keys()]);
    expect(mirrored).toHaveLength(1);
    const txt = await (await fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export?format=txt&variant=negotiation&comments=1`, { headers: { Authorization: `Bearer ${under.declaration.tokens.Chile}` } })).text();
    expect(txt).toContain('[Comment thread opened by Peru on ');
    expect(txt).not.toContain('Someone else');
    expect(txt).toMatch(/> Peru, .+? UTC: Fine\.\n/);
  });
});
