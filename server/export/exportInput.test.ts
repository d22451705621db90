import { describe, expect, it } from 'vitest';
import { documentWords } from '../../shared/documentWords.ts';
import { describeRefusal, describeStatus, readExportInput, readingOrder } from './exportInput.ts';
import { cleanText } from './printableText.ts';
import { demoNegotiationDoc, docFromSeed, hostileSeed, idsByLabel, SAMPLE_DATE, writeNegotiationState } from './samples.ts';
import { ROOT } from '../../shared/document/names.ts';

const en = documentWords('en');

describe('export input: the document read once into plain data', () => {
  it('EXP2 DL3: clauses come in reading order with numbers derived by shared/numbering (labels, printed markers — (a) in English —, positions)', () => {
    const input = readExportInput(docFromSeed(), SAMPLE_DATE);
    expect(input.preamble).toHaveLength(13);
    expect(input.operative).toHaveLength(12);
    const all = readingOrder(input);
    expect(all.map((c) => c.label).slice(12, 15)).toEqual(['PP13', 'OP1', 'OP2']);
    const op12 = input.operative[11]!;
    expect(op12).toMatchObject({ label: 'OP12', marker: '12.', depth: 0, path: [12] });
    expect(op12.children.map((c) => [c.label, c.marker, c.path])).toEqual([
      ['OP12(a)', '(a)', [12, 1]],
      ['OP12(b)', '(b)', [12, 2]],
      ['OP12(c)', '(c)', [12, 3]],
      ['OP12(d)', '(d)', [12, 4]],
    ]);
    expect(input.preamble[0]).toMatchObject({ label: 'PP1', marker: '', body: [{ text: 'Recognizing', italic: true }, { text: expect.stringMatching(/^ that United Nations/) }] });
    expect(input.signatories).toHaveLength(16);
    expect(input.generatedAt).toBe(SAMPLE_DATE);
  });

  it('EXP2: statuses come from the status map, and only changes refused on agreed clauses are kept, once per distinct attempt', () => {
    const doc = demoNegotiationDoc();
    const ids = idsByLabel(doc);
    // The same attempt refused keystroke after keystroke, and a refusal that is not about an agreed clause.
    doc.getMap<unknown>(ROOT.refused).set('again', { id: 'again', participantId: 'p', author: 'Chile', part: 'clause', clauseId: ids.get('OP1'), reason: 'agreed', kept: '', attempted: 'Their full agreement regarding the implementation of the Latin American and Caribbean Network for Cooperation in Peacekeeping Operations (RELACOPAZ);', at: Date.UTC(2023, 8, 12) });
    doc.getMap<unknown>(ROOT.refused).set('meta', { id: 'meta', participantId: 'p', author: 'Chile', part: 'meta', clauseId: null, reason: 'role', kept: '', attempted: 'x', at: 1 });
    doc.getMap<unknown>(ROOT.status).set(ids.get('OP2')!, { state: 'nonsense' });
    const all = readingOrder(readExportInput(doc, SAMPLE_DATE));
    const byLabel = new Map(all.map((c) => [c.label, c]));
    expect(byLabel.get('OP3')!.status).toMatchObject({ state: 'ad-ref', by: 'Argentina', pending: ['Chile', 'Peru'] });
    expect(byLabel.get('OP2')!.status).toBeNull();
    expect(byLabel.get('OP1')!.refused).toHaveLength(1);
    expect(byLabel.get('OP12(a)')!.refused).toEqual([{ author: 'Peru', attempted: '', at: Date.UTC(2023, 8, 11, 22) }]);
    expect(all.flatMap((c) => c.refused)).toHaveLength(2);
  });

  it('EXP6: text is made safe for every format: no control characters, no lone surrogates, one line; comment anchors dropped', () => {
    expect(cleanText('a\u0000b\u0007c\u001Fd')).toBe('abcd');
    expect(cleanText('line\nbreak\r\nand\ttab')).toBe('line break and tab');
    expect(cleanText('lone\uD800half and \uDC00 too')).toBe('lone\uFFFDhalf and \uFFFD too');
    expect(cleanText('pair 🎉 kept')).toBe('pair 🎉 kept');
    const doc = docFromSeed(hostileSeed());
    const input = readExportInput(doc, SAMPLE_DATE);
    const text = readingOrder(input).map((c) => c.body.map((r) => r.text).join('')).join(' ');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\n]/);
    expect(text).toContain('line break lone\uFFFDhalf');
    for (const clause of readingOrder(input)) for (const run of clause.body) expect(run).not.toHaveProperty('comments');
  });

  it('EXP2: statuses and refusals in words, with who and when (UTC, whatever the server\'s time zone)', () => {
    const at = Date.UTC(2023, 8, 11, 14, 5);
    const own = (status: Parameters<typeof describeStatus>[1]['status']) => describeStatus(en, { status, agreedWith: null });
    expect(own(null)).toBe('open');
    expect(own({ state: 'agreed', by: 'Argentina', at })).toBe('agreed (Argentina, 2023-09-11 14:05 UTC)');
    expect(own({ state: 'ad-ref', by: 'Argentina', at, pending: ['Chile', 'Peru'] })).toBe('ad ref, pending Chile, Peru (Argentina, 2023-09-11 14:05 UTC)');
    expect(own({ state: 'open', by: 'Argentina', at, reason: 'New facts.' })).toBe('open (Argentina, 2023-09-11 14:05 UTC); reopened: New facts.');
    expect(describeRefusal(en, { author: 'Chile', attempted: 'x', at })).toBe('Not applied: change attempted by Chile (2023-09-11 14:05 UTC)');
    expect(describeRefusal(en, { author: 'Peru', attempted: '', at })).toBe('Not applied: Peru attempted to delete this clause (2023-09-11 14:05 UTC)');
  });

  it('EXP2 LOCK7: the sub-items of an agreed paragraph export as agreed with it, and count as agreed', () => {
    const doc = docFromSeed();
    const at = Date.UTC(2023, 8, 11, 14, 5);
    writeNegotiationState(doc, [{ label: 'OP12', status: { state: 'agreed', by: 'Argentina', at } }]);
    const input = readExportInput(doc, SAMPLE_DATE);
    const byLabel = new Map(readingOrder(input).map((clause) => [clause.label, clause]));
    expect(describeStatus(en, byLabel.get('OP12')!)).toBe('agreed (Argentina, 2023-09-11 14:05 UTC)');
    expect(describeStatus(en, byLabel.get('OP12(a)')!)).toBe('agreed with OP12 (Argentina, 2023-09-11 14:05 UTC)');
    expect(describeStatus(en, byLabel.get('OP11')!)).toBe('open');
    const subitems = readingOrder(input).filter((clause) => clause.label.startsWith('OP12('));
    expect(subitems.length).toBeGreaterThan(0);
    expect(subitems.every((clause) => clause.agreedWith === 'OP12' && clause.status?.state === 'agreed')).toBe(true);
  });

  it('writeNegotiationState refuses a label the declaration does not have', () => {
    expect(() => writeNegotiationState(docFromSeed(), [{ label: 'OP99', status: { state: 'agreed', by: 'A', at: 0 } }])).toThrow(/OP99/);
  });
});
