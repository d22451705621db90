import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { seed200 } from '../../bench/seed200.ts';
import { expectGolden } from '../testing/golden.ts';
import { clauseEId, renderAkn } from './akn.ts';
import { readExportInput, readingOrder, type ExportVariant } from './exportInput.ts';
import { demoInput, demoNegotiationDoc, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput, writeProposals } from './samples.ts';

const SCHEMA_DIR = path.join(import.meta.dirname, 'schema');
const SCHEMA = 'akomantoso30.xsd';

/** Validates against the official Akoma Ntoso 3.0 schema; its import of the xml: namespace resolves to schema/xml.xsd. */
async function validate(xml: string): Promise<string[]> {
  const main = fs.readFileSync(path.join(SCHEMA_DIR, SCHEMA), 'utf8');
  // The schema's own import, so that the preloaded file is the one it asks for.
  const location = /<xsd:import namespace="http:\/\/www\.w3\.org\/XML\/1998\/namespace" schemaLocation="([^"]+)"\/>/.exec(main)?.[1];
  expect(location).toBe('./xml.xsd');
  const result = await validateXML({
    xml: [{ fileName: 'declaration.xml', contents: xml }],
    schema: [{ fileName: SCHEMA, contents: main }],
    preload: [{ fileName: path.basename(location!), contents: fs.readFileSync(path.join(SCHEMA_DIR, 'xml.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const VARIANTS: ExportVariant[] = ['clean', 'negotiation'];

describe('Akoma Ntoso export', () => {
  it('EXP5: the demo declaration validates against the Akoma Ntoso 3.0 schema, in both variants', async () => {
    for (const variant of VARIANTS) expect(await validate(renderAkn(demoInput(), variant)), variant).toEqual([]);
  });

  it('EXP5: a document the schema refuses is reported (the validation is real)', async () => {
    const broken = renderAkn(demoInput(), 'clean').replace('<mainBody>', '<mainBody><recital eId="x"/>');
    expect((await validate(broken)).join('\n')).toMatch(/recital/);
  });

  it('EXP5: hostile text, an empty declaration and a 200-clause one validate too', async () => {
    for (const variant of VARIANTS) {
      expect(await validate(renderAkn(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), variant)), `hostile ${variant}`).toEqual([]);
    }
    const empty = docFromSeed({ conference: [], title: [], subtitle: [], chapeau: [], preamble: [], formula: [], operative: [], note: [], signatories: [] });
    expect(await validate(renderAkn(readExportInput(empty, SAMPLE_DATE), 'negotiation')), 'empty').toEqual([]);
    expect(await validate(renderAkn(readExportInput(docFromSeed(seed200()), SAMPLE_DATE), 'clean')), '200 clauses').toEqual([]);
  });

  it('EXP2: the clean text of the demo declaration (golden file)', () => {
    expectGolden('clean.akn.xml', renderAkn(demoInput(), 'clean'));
  });

  it('EXP2: the negotiation text of the demo declaration (golden file)', () => {
    expectGolden('negotiation.akn.xml', renderAkn(demoInput(), 'negotiation'));
  });

  it('EXP5: statement with preface, recitals, formula, numbered paragraphs, nested sub-items and signatures', () => {
    const xml = renderAkn(demoInput(), 'clean');
    expect(xml.split('\n').slice(0, 6)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
      '  <statement name="declaration">',
      '    <meta>',
      '      <identification source="#consenso">',
      '        <FRBRWork>',
    ]);
    expect(xml).toContain('<p class="title"><docTitle>Declaration of Buenos Aires &quot;The commitment to make peace&quot; (2023)</docTitle></p>');
    expect(xml.match(/<recital eId="recs__rec_\d+">/g)).toHaveLength(13);
    expect(xml).toContain('<p><i>Recognizing</i> that United Nations');
    expect(xml).toContain('<formula eId="formula_1" name="declare">');
    expect(xml.match(/<signature>/g)).toHaveLength(16);
    expect(xml).toContain('<person refersTo="#signatory_1" as="#signatory_1_role">Jorge Taiana</person><eol/><role refersTo="#signatory_1_role">Ministro de Defensa</role>');
    expect(xml).not.toContain('noteRef');
  });

  it('EXP5: an operative paragraph with sub-items is paragraph > num, list > intro (its own words) + point (marker as num), in both variants', async () => {
    for (const variant of VARIANTS) {
      const xml = renderAkn(demoInput(), variant);
      expect(await validate(xml), variant).toEqual([]);
      const ref = (eId: string, label: string) => (variant === 'negotiation' ? `<noteRef href="#note__${eId}" marker="${label}" placement="side"/>` : '');
      const status = variant === 'negotiation' ? ' refersTo="#status_[a-z-]+"' : '';
      const paragraph = new RegExp(
        `<paragraph eId="para_12"${status}>\\n\\s*<num>12\\.</num>\\n\\s*<list eId="para_12__list_1">\\n\\s*<intro>\\n\\s*<p>${ref('para_12', 'OP12')}Thank you also[^<]*</p>\\n\\s*</intro>\\n\\s*<point eId="para_12__list_1__point_a"${status}>\\n\\s*<num>\\(a\\)</num>\\n\\s*<content>\\n\\s*<p>${ref('para_12__list_1__point_a', 'OP12\\(a\\)')}Also assume`,
      );
      expect(xml, variant).toMatch(paragraph);
      const list = xml.slice(xml.indexOf('<list eId="para_12__list_1">'), xml.indexOf('</list>'));
      expect([...list.matchAll(/<point eId="([^"]+)"[^>]*>\n\s*<num>([^<]*)<\/num>/g)].map((m) => [m[1], m[2]]), variant).toEqual(
        ['a', 'b', 'c', 'd'].map((x) => [`para_12__list_1__point_${x}`, `(${x})`]),
      );
      // Sub-items are points, never paragraphs nested in a paragraph.
      expect(xml, variant).not.toMatch(/<paragraph eId="para_\d+__/);
    }
  });

  it('EXP5: a sub-item with sub-items of its own holds its own list > intro + points, and the file validates in both variants', async () => {
    const doc = docFromSeed({
      conference: [], title: [{ text: 'Nested' }], subtitle: [], chapeau: [], preamble: [], formula: [], note: [], signatories: [],
      operative: [{ body: [{ text: 'Lead:' }], subitems: [{ body: [{ text: 'Sub lead:' }], subitems: [{ body: [{ text: 'Deep one.' }] }, { body: [{ text: 'Deep two.' }] }] }] }],
    });
    for (const variant of VARIANTS) {
      const xml = renderAkn(readExportInput(doc, SAMPLE_DATE), variant);
      expect(await validate(xml), variant).toEqual([]);
      expect(xml, variant).toMatch(
        /<point eId="para_1__list_1__point_a"[^>]*>\n\s*<num>\(a\)<\/num>\n\s*<list eId="para_1__list_1__point_a__list_1">\n\s*<intro>\n\s*<p>(<noteRef [^>]*>)?Sub lead:<\/p>\n\s*<\/intro>\n\s*<point eId="para_1__list_1__point_a__list_1__point_i"[^>]*>\n\s*<num>\(i\)<\/num>\n\s*<content>\n\s*<p>(<noteRef [^>]*>)?Deep one\.<\/p>/,
      );
      expect(xml, variant).toContain('<point eId="para_1__list_1__point_a__list_1__point_ii"');
    }
  });

  it('EXP5: eIds follow position: the same declaration gives the same ids (and the same file), whoever wrote it when', () => {
    const a = renderAkn(readExportInput(docFromSeed(), SAMPLE_DATE), 'clean');
    const b = renderAkn(readExportInput(docFromSeed(), SAMPLE_DATE), 'clean');
    expect(a).toBe(b);
    const eIds = readingOrder(demoInput()).map(clauseEId);
    expect(eIds.slice(0, 2)).toEqual(['recs__rec_1', 'recs__rec_2']);
    expect(eIds.slice(-5)).toEqual(['para_12', 'para_12__list_1__point_a', 'para_12__list_1__point_b', 'para_12__list_1__point_c', 'para_12__list_1__point_d']);
    expect(new Set(eIds).size).toBe(eIds.length);
  });

  it('EXP2: negotiation: each clause refers to its status and to an editorial note with label, status and refused changes', () => {
    const xml = renderAkn(readExportInput(demoNegotiationDoc(), SAMPLE_DATE), 'negotiation');
    expect(xml).toContain('<TLCConcept eId="status_ad-ref" href="/ontology/concept/consenso/ad-ref" showAs="agreed ad referendum"/>');
    expect(xml).toContain('<paragraph eId="para_3" refersTo="#status_ad-ref">');
    expect(xml).toContain('<p><noteRef href="#note__para_3" marker="OP3" placement="side"/>That the Latin');
    expect(xml).toMatch(/<note eId="note__para_1" marker="OP1" placement="side">\n\s*<p>OP1: agreed \(Argentina, 2023-09-11 17:00 UTC\)<\/p>\n\s*<p class="refused">Not applied: change attempted by Chile \(2023-09-11 21:00 UTC\):<\/p>\n\s*<p class="refused attempted">Their full agreement/);
  });

  it('EXP6: <, &, quotes and markup in the text come out escaped', () => {
    const xml = renderAkn(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation');
    expect(xml).not.toMatch(/<(script|img|Co)\b/);
    expect(xml).toContain('<docTitle>Declaration &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;single&apos;</docTitle>');
    expect(xml).toContain(']]&gt; --&gt;');
    expect(xml).toContain('showAs="&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('PROP14 EXP5: open proposals go in their clause\'s editorial note, redlined with ins / del, and the file still validates', async () => {
    const xml = renderAkn(demoInput(), 'negotiation');
    expect(await validate(xml)).toEqual([]);
    expect(xml).toMatch(
      /<note eId="note__para_6" marker="OP6" placement="side">\n\s*<p>OP6: open<\/p>\n\s*<blockContainer eId="note__para_6__alt_1" class="proposal">\n\s*<p class="alternative">Alt 1 \(Chile\): New wording for OP6 \(2023-09-11 23:00 UTC\)<\/p>\n\s*<p class="redline">That the treatment [^<]*Statement <del>shall<\/del><ins>should<\/ins> be in accordance/,
    );
    expect(xml).toContain('<p class="reactions">Supported by Peru, Brazil. Objected to by Mexico.</p>');
    expect(xml).toMatch(/<blockContainer eId="note__para_6__alt_2" class="proposal">\n\s*<p class="alternative">Alt 2 \(Peru\): Deletion of OP6[^<]*<\/p>\n\s*<p class="redline"><del>That the treatment [^<]*<\/del><\/p>/);
    expect(xml).toContain('<p class="redline"><ins>Circulate the draft <i>agenda</i> two months in advance.</ins></p>');
    expect(xml).toContain('<p class="remark">Not decided: the clause is agreed.</p>');
    // The body is the text as it stands: no alternative is written into it.
    const body = xml.slice(xml.indexOf('<preface>'));
    expect(body).not.toMatch(/<(ins|del|blockContainer eId="note)/);
    expect(renderAkn(demoInput(), 'clean')).not.toMatch(/<ins>|<del>|proposal/);
  });

  it('PROP14 EXP5 EXP6: hostile proposals, and every kind of proposal on a sub-item, validate and come out escaped', async () => {
    const doc = hostileNegotiationDoc();
    writeProposals(doc, [
      { id: 'sub-replace', label: 'OP1(a)', action: 'replace', text: [{ text: 'New ' }, { text: 'wording', bold: true, italic: true }], author: 'Peru', at: 1 },
      { id: 'sub-delete', label: 'OP1(a)', action: 'delete', author: 'Peru', at: 2 },
      { id: 'sub-before', label: 'OP1(a)', action: 'insert-before', text: 'Before.', author: 'Peru', at: 3 },
      { id: 'sub-under', label: 'OP1(a)', action: 'insert-subitem', text: 'Under.', author: 'Peru', at: 4 },
    ]);
    const xml = renderAkn(readExportInput(doc, SAMPLE_DATE), 'negotiation');
    expect(await validate(xml)).toEqual([]);
    expect(xml).not.toMatch(/<(script|img|Co)\b/);
    expect(xml).toMatch(/<ins> ?&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/ins>/);
    expect(xml).toContain('Justification: &lt;img src=x onerror=alert(3)&gt; &amp; &quot;quoted&quot; *stars* [link](javascript:alert(4)) ]]&gt; --&gt; bell</p>');
    expect(xml).toContain('Alt 1 (Chile &lt;b&gt;bold&lt;/b&gt;)');
    expect(xml).toContain('<blockContainer eId="note__para_1__list_1__point_a__alt_4" class="proposal">');
  });

  it('WN7 WN3 BRK3 POS4 EXP5: a frozen declaration: working num (7 bis.), deleted numbers as removed paragraphs, bold brackets, positions in the notes; both variants validate (golden file)', async () => {
    const negotiation = renderAkn(workingInput(), 'negotiation');
    const clean = renderAkn(workingInput(), 'clean');
    expect(await validate(negotiation)).toEqual([]);
    expect(await validate(clean)).toEqual([]);
    expectGolden('working.negotiation.akn.xml', negotiation);
    expect(negotiation).toMatch(/<paragraph eId="para_7" refersTo="#status_open">\s*<num>7 bis\.<\/num>\s*<content>\s*<p><noteRef href="#note__para_7" marker="OP7 bis" placement="side"\/>That the Participants will meet again <b>\[<\/b>in 2025<b>\]<\/b>\.<\/p>/);
    expect(negotiation).toMatch(/<paragraph eId="deleted_OP5" status="removed">\s*<num>5\.<\/num>\s*<content>\s*<p>OP5 \[deleted\]<\/p>/);
    expect(negotiation).toMatch(/<recital eId="deleted_PP3" status="removed">\s*<p>PP3 \[deleted\]<\/p>/);
    expect(negotiation).toMatch(/<point eId="deleted_OP12_c_" status="removed">\s*<num>\(c\)<\/num>\s*<content>\s*<p>OP12\(c\) \[deleted\]<\/p>/);
    expect(negotiation).toMatch(/<num>\(a bis\)<\/num>/);
    expect(negotiation).toContain('<p class="position objection">Bolivia: objection — Wants &quot;domestic law&quot; instead. (stated on an earlier text)</p>');
    expect(negotiation).toContain('corresponding <b>[</b>national laws and regulations<b>]</b> of the Participants.');
    // The clean text: 1…n, no placeholders, brackets kept.
    expect(clean).toMatch(/<paragraph eId="para_7">\s*<num>7\.<\/num>\s*<content>\s*<p>That the Participants will meet again <b>\[<\/b>in 2025<b>\]<\/b>\.<\/p>/);
    expect(clean).not.toMatch(/bis|deleted|removed|reservation|objection/);
  });
});
