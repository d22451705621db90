import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderDocx, STYLE } from './docx.ts';
import { readExportInput } from './exportInput.ts';
import { demoInput, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), numbering: await read('word/numbering.xml'), read };
}

/** The paragraphs of document.xml with their style, numbering level and text. */
function paragraphs(documentXml: string) {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    level: /<w:numPr><w:ilvl w:val="(\d)"\/>/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml: inner,
  }));
}

describe('Word export', () => {
  it('EXP3: operative paragraphs and sub-items carry Word numbering (1. / (a) / (i) in English, DL3), never typed numbers', async () => {
    const { document, numbering } = await unzip(await renderDocx(demoInput(), 'clean'));
    const operative = paragraphs(document).filter((p) => p.style === STYLE.operative);
    expect(operative).toHaveLength(16);
    expect(operative.filter((p) => p.level === '0')).toHaveLength(12);
    expect(operative.filter((p) => p.level === '1')).toHaveLength(4);
    for (const p of operative) {
      expect(p.xml).toMatch(/<w:numPr><w:ilvl w:val="[01]"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
      expect(p.text).not.toMatch(/^\s*(\d+\.|[a-z]\)|\(?[ivx]+\))\s/);
    }
    expect(operative[0]!.text).toMatch(/^Their agreement regarding/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="\(%2\)"\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="2"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="\(%3\)"\/>/);
  });

  it('EXP3: each part of the text has a named paragraph style; runs keep their italics', async () => {
    const { document, styles } = await unzip(await renderDocx(demoInput(), 'clean'));
    for (const id of ['Title', STYLE.conference, STYLE.subtitle, STYLE.chapeau, STYLE.preamble, STYLE.formula, STYLE.operative, STYLE.note, STYLE.signature]) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    const all = paragraphs(document);
    const styleOf = (start: string) => all.find((p) => p.text.startsWith(start))?.style;
    expect(styleOf('Declaration of Buenos Aires')).toBe('Title');
    expect(styleOf('II Conferencia')).toBe(STYLE.conference);
    expect(styleOf('Approved by')).toBe(STYLE.subtitle);
    expect(styleOf('The Honorable Ministers')).toBe(STYLE.chapeau);
    expect(styleOf('Declare:')).toBe(STYLE.formula);
    expect(styleOf('Note: It is specified')).toBe(STYLE.note);
    const preamble = all.filter((p) => p.style === STYLE.preamble);
    expect(preamble).toHaveLength(13);
    expect(preamble[1]!.xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Bearing in mind<\/w:t><\/w:r>/);
  });

  it('EXP3: page numbers in the footer (PAGE field); the signature page is a table after a page break, one cell per signatory', async () => {
    const { zip, document, read } = await unzip(await renderDocx(demoInput(), 'clean'));
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    expect(await read(footers[0]!)).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document.match(/<w:tbl>/g)).toHaveLength(1);
    expect(document).toMatch(/<w:pageBreakBefore\/>.*?<\/w:p><w:tbl>/s);
    const table = document.slice(document.indexOf('<w:tbl>'));
    for (const name of demoInput().signatories.map((s) => s.name)) expect(table).toContain(`<w:t xml:space="preserve">${name}</w:t>`);
    expect(table.match(/<w:tc>/g)).toHaveLength(16);
    expect(table.match(/<w:pStyle w:val="SignatureName"\/><\/w:pPr><w:r><w:rPr><w:b\/>/g)).toHaveLength(16);
    expect(table).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">República Argentina</w:t>');
  });

  it('EXP3: a docx reader opens it and finds the text, the numbered list and the table', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderDocx(demoInput(), 'clean') });
    expect(html).toContain('Declaration of Buenos Aires');
    expect(html).toMatch(/<ol><li>Their agreement regarding/);
    expect(html).toContain('<table>');
    expect(html).toContain('Javier García Duchini');
  });

  it('EXP2: negotiation: a status line before each clause and the refused changes after it, numbering kept', async () => {
    const { document, styles } = await unzip(await renderDocx(demoInput(), 'negotiation'));
    expect(styles).toContain(`w:styleId="${STYLE.clauseStatus}"`);
    const all = paragraphs(document);
    const statuses = all.filter((p) => p.style === STYLE.clauseStatus);
    expect(statuses).toHaveLength(29);
    expect(statuses.map((p) => p.text)).toContain('[OP3] ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)');
    const refused = all.filter((p) => p.style === STYLE.refused).map((p) => p.text);
    expect(refused).toEqual([
      'Not applied: change attempted by Chile (2023-09-11 21:00 UTC): Their full agreement regarding the implementation of the Latin American and Caribbean Network for Cooperation in Peacekeeping Operations (RELACOPAZ);',
      'Not applied: Peru attempted to delete this clause (2023-09-11 22:00 UTC).',
    ]);
    expect(all.filter((p) => p.style === STYLE.operative && p.level !== null)).toHaveLength(16);
    expect(all[0]!.text).toBe('Working text for negotiation, 2026-01-15 09:30 UTC. Not the final text.');
  });

  it('EXP6: markup in the text comes out as text; the XML stays well-formed', async () => {
    const { document } = await unzip(await renderDocx(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation'));
    expect(document).not.toMatch(/<(script|img|Co)\b/);
    expect(document).toContain('Declaration &lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    const parsed = await validateXML({ xml: [{ fileName: 'document.xml', contents: document }], normalization: 'format' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.normalized).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('PROP14: each open proposal is a paragraph of real tracked changes in its proposer\'s name (w:ins / w:del), after its numbered alternative line', async () => {
    const { document, styles } = await unzip(await renderDocx(demoInput(), 'negotiation'));
    const all = paragraphs(document);
    const headings = all.filter((p) => p.style === STYLE.proposal && p.text.startsWith('Alt ')).map((p) => p.text);
    expect(headings).toEqual([
      'Alt 1 (Peru): New wording for PP1 (2023-09-12 03:00 UTC) Made while the clause was agreed. Not decided: the clause is agreed.',
      'Alt 1 (Brazil): New operative paragraph after OP3 (2023-09-12 01:00 UTC)',
      'Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)',
      'Alt 2 (Peru): Deletion of OP6 (2023-09-12 00:00 UTC)',
      'Alt 1 (Uruguay): New sub-item under OP12 (2023-09-12 02:00 UTC)',
    ]);
    expect(styles).toContain(`w:styleId="${STYLE.proposalText}"`);
    const redlines = all.filter((p) => p.style === STYLE.proposalText);
    expect(redlines).toHaveLength(5);
    // "shall" → "should": one word deleted and one inserted, by Chile, at the time of the proposal.
    const chile = redlines[2]!.xml;
    expect(chile).toMatch(
      new RegExp(
        'Statement </w:t></w:r><w:del w:id="\\d+" w:author="Chile" w:date="2023-09-11T23:00:00Z"><w:r><w:delText xml:space="preserve">shall</w:delText></w:r></w:del>' +
          '<w:ins w:id="\\d+" w:author="Chile" w:date="2023-09-11T23:00:00Z"><w:r><w:t xml:space="preserve">should</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> be in accordance',
      ),
    );
    expect(chile.match(/<w:(ins|del) /g)).toHaveLength(2);
    expect(chile).toMatch(/^<w:pPr>.*<\/w:pPr><w:r><w:t xml:space="preserve">That the treatment of the information/);
    // The deletion: the whole clause struck, by Peru.
    expect(redlines[3]!.xml).toMatch(/^<w:pPr>.*?<\/w:pPr><w:del w:id="\d+" w:author="Peru" w:date="2023-09-12T00:00:00Z"><w:r><w:delText xml:space="preserve">That the treatment [^<]*Participants\.<\/w:delText><\/w:r><\/w:del>$/);
    // A proposed paragraph: its text and its paragraph mark inserted, by Brazil.
    expect(redlines[1]!.xml).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="Brazil" w:date="2023-09-12T01:00:00Z"\/><\/w:rPr><\/w:pPr><w:ins w:id="\d+" w:author="Brazil"/);
    expect(redlines[4]!.xml).toContain('<w:ins w:id="');
    expect(redlines[4]!.xml).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">agenda</w:t>');
    // Revision ids are unique in the document.
    const ids = [...document.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(6);
    expect(new Set(ids).size).toBe(ids.length);
    const notes = all.filter((p) => p.style === STYLE.proposal && !p.text.startsWith('Alt ')).map((p) => p.text);
    expect(notes).toEqual([
      'Supported by Uruguay.',
      'Justification: Softer wording, as in the Lima Declaration.',
      'Supported by Peru, Brazil. Objected to by Mexico.',
      'Justification: OP7 already covers national law.',
      'Objected to by Paraguay.',
    ]);
    // Proposals are not numbered: Word's numbering still counts the 16 operative paragraphs and sub-items.
    expect(all.filter((p) => p.level !== null)).toHaveLength(16);
    const clean = (await unzip(await renderDocx(demoInput(), 'clean'))).document;
    expect(clean).not.toMatch(/<w:ins |<w:del |Proposal/);
  });

  it('PROP14: a docx reader opens the negotiation file with its tracked changes', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderDocx(demoInput(), 'negotiation') });
    // mammoth shows a document as if its tracked changes were accepted.
    expect(html).toContain('within the scope of this Statement should be in accordance');
    expect(html).toContain('Alt 2 (Peru): Deletion of OP6');
  });

  it('EXP6 PROP14: markup in proposal text, justification and names comes out as text; the XML stays well-formed', async () => {
    const { document } = await unzip(await renderDocx(readExportInput(hostileNegotiationDoc(), SAMPLE_DATE), 'negotiation'));
    expect(document).not.toMatch(/<(script|img|Co)\b/);
    expect(document).toContain('w:author="Chile &lt;b&gt;bold&lt;/b&gt;"');
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="Chile &lt;b&gt;bold&lt;\/b&gt;" w:date="2023-09-11T14:00:00Z"><w:r><w:t xml:space="preserve"> ?&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/w:t>/);
    expect(document).toContain('Justification: &lt;img src=x onerror=alert(3)&gt; &amp;');
    const parsed = await validateXML({ xml: [{ fileName: 'document.xml', contents: document }], normalization: 'format' });
    expect(parsed.errors).toEqual([]);
  });

  it('WN7 WN3 BRK3 POS4: a frozen declaration\'s negotiation file types its working numbers (7 bis.), shows "OP5 [deleted]", bold brackets, reservations and objections', async () => {
    const { document, styles } = await unzip(await renderDocx(workingInput(), 'negotiation'));
    const all = paragraphs(document);
    const operative = all.filter((p) => p.style === STYLE.operative);
    // A Word list cannot count 7 bis: the working number is typed, with a hanging indent, and no paragraph is in the list.
    expect(operative.every((p) => p.level === null)).toBe(true);
    expect(operative.map((p) => p.text.split('\t')[0])).toEqual(['1.', '2.', '3.', '4.', '6.', '7.', '7 bis.', '8.', '9.', '10.', '11.', '12.', '(a)', '(a bis)', '(b)', '(d)']);
    expect(operative.find((p) => p.text.startsWith('7 bis.'))!.text).toBe('7 bis.\tThat the Participants will meet again [in 2025].');
    const texts = all.map((p) => p.text);
    expect(texts.indexOf('OP5 [deleted]')).toBeGreaterThan(texts.findIndex((t) => t.startsWith('4.\t')));
    expect(texts.indexOf('OP5 [deleted]')).toBeLessThan(texts.findIndex((t) => t.startsWith('6.\t')));
    expect(texts).toContain('PP3 [deleted]');
    expect(texts).toContain('OP12(c) [deleted]');
    expect(document).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">\[<\/w:t>/);
    expect(all.filter((p) => p.style === STYLE.position).map((p) => p.text)).toEqual([
      'Bolivia: objection — Wants &quot;domestic law&quot; instead. (stated on an earlier text)',
      'Cuba: reservation — Needs time to consult its capital.',
    ]);
    expect(styles).toContain(`w:styleId="${STYLE.position}"`);
  });

  it('WN7 BRK6: a frozen declaration\'s clean file keeps Word numbering (1…n), no deleted numbers, and its bold brackets', async () => {
    const { document } = await unzip(await renderDocx(workingInput(), 'clean'));
    const operative = paragraphs(document).filter((p) => p.style === STYLE.operative);
    expect(operative.every((p) => p.level !== null)).toBe(true);
    expect(operative.filter((p) => p.level === '0')).toHaveLength(12);
    expect(operative.map((p) => p.text)).toContain('That the Participants will meet again [in 2025].');
    expect(document).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">\[<\/w:t>/);
    expect(document).not.toMatch(/bis|deleted|reservation|objection/);
  });
});
