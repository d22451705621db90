import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { documentWords } from '../../shared/documentWords.ts';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import type { Proposal } from '../../shared/proposals/proposal.ts';
import { redlineSides } from '../../shared/proposals/wordDiff.ts';
import { toPlainText } from '../../shared/richText.ts';
import { describeAlternative, describeJustification, describeReactions, proposalRemarks, readExportInput, readingOrder, type ExportClause } from './exportInput.ts';
import { alternativesByClause, markRedline } from './exportProposal.ts';
import { EXPORT_FORMATS, renderExport } from './formats.ts';
import { demoNegotiationDoc, docFromSeed, SAMPLE_DATE, writeNegotiationState, writeProposals } from './samples.ts';

const byLabel = (doc: Y.Doc) => new Map(readingOrder(readExportInput(doc, SAMPLE_DATE)).map((clause) => [clause.label, clause]));

/** The parts of a .docx that hold what it says: everything but docProps/core.xml, which holds the time it was made. */
async function docxParts(file: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (name !== 'docProps/core.xml') parts[name] = await zip.file(name)!.async('string');
  return parts;
}

const en = documentWords('en');

describe('proposals in the export input', () => {
  it('PROP14 PROP3: the open proposals of a clause are its alternatives, numbered in the order they were made; decided and withdrawn ones are left out', () => {
    const clauses = byLabel(demoNegotiationDoc());
    const op6 = clauses.get('OP6')!;
    // Chile's came first although its id sorts after Peru's; Mexico's (withdrawn) came between them.
    expect(op6.proposals.map((p) => [p.alt, p.author, p.action])).toEqual([
      [1, 'Chile', 'replace'],
      [2, 'Peru', 'delete'],
    ]);
    expect(op6.proposals.map((p) => describeAlternative(en, p))).toEqual([
      'Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)',
      'Alt 2 (Peru): Deletion of OP6 (2023-09-12 00:00 UTC)',
    ]);
    // Chile's rejected deletion of OP2 and Mexico's withdrawn wording are nowhere.
    expect(clauses.get('OP2')!.proposals).toEqual([]);
    const all = [...clauses.values()].flatMap((clause) => clause.proposals);
    expect(all.map((p) => p.author).sort()).toEqual(['Brazil', 'Chile', 'Peru', 'Peru', 'Uruguay']);
    expect(all.some((p) => toPlainText(redlineSides(p.redline).to).includes('ought to'))).toBe(false);
  });

  it('PROP14 PROP4: the redline is against the clause as it stands now, not the text the proposal was made on; "shall" → "should" is one replaced word', () => {
    const doc = demoNegotiationDoc();
    const op6 = byLabel(doc).get('OP6')!;
    // The clause changed after the proposal was made: its base text is not what the redline is drawn against.
    const stored = doc.getMap<Proposal>(ROOT.proposals).get('proposal-b')!;
    doc.getMap<unknown>(ROOT.proposals).set('proposal-b', { ...stored, baseText: [{ text: 'Some older text of OP6.' }] });
    const [chile] = byLabel(doc).get('OP6')!.proposals;
    const changed = chile!.redline.filter((segment) => segment.op !== 'equal').map((segment) => [segment.op, toPlainText(segment.runs)]);
    expect(changed).toEqual([
      ['delete', 'shall'],
      ['insert', 'should'],
    ]);
    expect(redlineSides(chile!.redline).from).toEqual(op6.body);
    expect(toPlainText(redlineSides(chile!.redline).to)).toBe(toPlainText(op6.body).replace('shall', 'should'));
    expect(markRedline(chile!.redline, toPlainText, { insert: ['{+', '+}'], delete: ['{-', '-}'] })).toContain('this Statement {-shall-}{+should+} be in accordance');
  });

  it('PROP14: a deletion strikes the whole clause; a proposed paragraph is all inserted and says where it goes, with the labels of the numbering', () => {
    const doc = demoNegotiationDoc();
    const at = Date.UTC(2023, 8, 12, 9, 0);
    writeProposals(doc, [
      { id: 'x-before', label: 'PP2', action: 'insert-before', text: 'Mindful of the new text,', author: 'Chile', at },
      { id: 'x-after-kind', label: 'PP13', action: 'insert-after', kind: 'operative', text: 'A first operative paragraph.', author: 'Chile', at },
      { id: 'x-sub-after', label: 'OP12(b)', action: 'insert-after', text: 'Another sub-item.', author: 'Peru', at },
    ]);
    const clauses = byLabel(doc);
    const heading = (label: string, i = 0) => {
      const clause = clauses.get(label)!;
      return describeAlternative(en, clause.proposals[i]!);
    };
    expect(heading('PP2')).toBe('Alt 1 (Chile): New preambular paragraph before PP2 (2023-09-12 09:00 UTC)');
    expect(heading('PP13')).toBe('Alt 1 (Chile): New operative paragraph after PP13 (2023-09-12 09:00 UTC)');
    expect(heading('OP12(b)')).toBe('Alt 1 (Peru): New sub-item after OP12(b) (2023-09-12 09:00 UTC)');
    expect(heading('OP12')).toBe('Alt 1 (Uruguay): New sub-item under OP12 (2023-09-12 02:00 UTC)');
    expect(heading('OP3')).toBe('Alt 1 (Brazil): New operative paragraph after OP3 (2023-09-12 01:00 UTC)');
    expect(clauses.get('OP3')!.proposals[0]!.redline).toEqual([{ op: 'insert', runs: [{ text: 'That RELACOPAZ will report on its work to the III ALCONU.' }] }]);
    // Italics of a proposed paragraph are kept.
    expect(clauses.get('OP12')!.proposals[0]!.redline).toEqual([
      { op: 'insert', runs: [{ text: 'Circulate the draft ' }, { text: 'agenda', italic: true }, { text: ' two months in advance.' }] },
    ]);
    const op6 = clauses.get('OP6')!;
    expect(op6.proposals[1]!.redline).toEqual([{ op: 'delete', runs: op6.body }]);
  });

  it('PROP14 PROP8 PROP11: "Made while the clause was agreed" and "Not decided: the clause is agreed", also for a sub-item agreed with its paragraph (LOCK7)', () => {
    const doc = demoNegotiationDoc();
    writeNegotiationState(doc, [{ label: 'OP12', status: { state: 'agreed', by: 'Argentina', at: Date.UTC(2023, 8, 12) } }]);
    writeProposals(doc, [{ id: 'x-sub', label: 'OP12(c)', action: 'replace', text: 'New words.', author: 'Peru', at: Date.UTC(2023, 8, 12, 1) }]);
    const clauses = byLabel(doc);
    const remarks = (label: string) => {
      const clause: ExportClause = clauses.get(label)!;
      return proposalRemarks(en, clause, clause.proposals[0]!);
    };
    expect(remarks('PP1')).toEqual(['Made while the clause was agreed.', 'Not decided: the clause is agreed.']);
    expect(remarks('OP12(c)')).toEqual(['Not decided: the clause is agreed.']);
    expect(remarks('OP6')).toEqual([]);
    // OP3 is ad ref, not agreed: its proposals can be decided.
    expect(remarks('OP3')).toEqual([]);
  });

  it('PROP14 PROP5: justification, supporters and objectors by name', () => {
    const clauses = byLabel(demoNegotiationDoc());
    const [chile, peru] = clauses.get('OP6')!.proposals;
    expect(describeJustification(en, chile!)).toBe('Justification: Softer wording, as in the Lima Declaration.');
    expect(describeReactions(en, chile!)).toBe('Supported by Peru, Brazil. Objected to by Mexico.');
    expect(describeReactions(en, peru!)).toBe('');
    expect(describeReactions(en, clauses.get('OP12')!.proposals[0]!)).toBe('Objected to by Paraguay.');
    expect(describeJustification(en, clauses.get('OP3')!.proposals[0]!)).toBe('');
  });

  it('PROP14 EXP7: proposals are grouped by clause in one pass and ordered by the shared rule (time, then id)', () => {
    const make = (id: string, clauseId: string, at: number, state: Proposal['state'] = 'open') => ({ id, clauseId, at, state }) as Proposal;
    const groups = alternativesByClause([make('b', 'c1', 5), make('a', 'c1', 5), make('c', 'c2', 1), make('d', 'c1', 1), make('e', 'c1', 0, 'accepted'), make('f', 'c3', 0, 'withdrawn')]);
    expect([...groups.keys()]).toEqual(['c1', 'c2']);
    expect(groups.get('c1')!.map((p) => p.id)).toEqual(['d', 'a', 'b']);
    expect(groups.get('c2')!.map((p) => p.id)).toEqual(['c']);
  });

  it('PROP14: a proposal on a clause that is no longer in the document is not shown, and does not break the export', () => {
    const doc = docFromSeed();
    writeProposals(doc, [{ id: 'gone', label: 'OP1', action: 'replace', text: 'x', author: 'Chile', at: 0 }]);
    doc.getMap<unknown>(ROOT.proposals).set('gone', { ...doc.getMap<Proposal>(ROOT.proposals).get('gone')!, clauseId: 'no-such-clause' });
    doc.getMap<unknown>(ROOT.proposals).set('junk', { id: 'junk' });
    expect(readingOrder(readExportInput(doc, SAMPLE_DATE)).flatMap((clause) => clause.proposals)).toEqual([]);
  });
});

describe('proposals across the formats', () => {
  it('PROP14: the clean variant is the same file with or without proposals, in every format; the negotiation variant is not', async () => {
    const withProposals = demoNegotiationDoc();
    const without = demoNegotiationDoc();
    without.getMap<unknown>(ROOT.proposals).clear();
    expect(without.getMap<unknown>(ROOT.proposals).size).toBe(0);
    for (const format of EXPORT_FORMATS) {
      const render = (doc: Y.Doc, variant: 'clean' | 'negotiation') => renderExport(format, readExportInput(doc, SAMPLE_DATE), variant);
      const [a, b] = [await render(withProposals, 'clean'), await render(without, 'clean')];
      if (format === 'docx') expect(await docxParts(a), format).toEqual(await docxParts(b));
      else expect(a.equals(b), format).toBe(true);
      const [c, d] = [await render(withProposals, 'negotiation'), await render(without, 'negotiation')];
      if (format === 'docx') expect(await docxParts(c), format).not.toEqual(await docxParts(d));
      else expect(c.equals(d), format).toBe(false);
    }
  });

  it('PROP14: decided and withdrawn proposals are in no format', async () => {
    const input = readExportInput(demoNegotiationDoc(), SAMPLE_DATE);
    for (const format of ['html', 'md', 'txt', 'akn'] as const) {
      const text = (await renderExport(format, input, 'negotiation')).toString('utf8');
      expect(text, format).toContain('Alt 2 (Peru)');
      expect(text, format).not.toMatch(/ought to|Alt 3|Deletion of OP2|Rejected justification/);
    }
    const docx = (await docxParts(await renderExport('docx', input, 'negotiation')))['word/document.xml']!;
    expect(docx).toContain('Alt 2 (Peru)');
    expect(docx).not.toMatch(/ought to|Alt 3|Deletion of OP2|Rejected justification|w:author="Mexico"/);
  });
});
