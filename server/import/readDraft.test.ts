import { emptyDraft, type ParsedDraft } from '../../shared/import/parsedDraft.ts';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buenosAires2023 as demo } from '../../shared/fixtures/buenosAires2023.ts';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import { toPlainText } from '../../shared/richText.ts';
import { AppError } from '../errors.ts';
import { MAX_UNPACKED_BYTES } from './docxLines.ts';
import { demoDraft } from './fixtures/demoDraft.ts';
import { MAX_DRAFT_LINES, readDraft } from './readDraft.ts';
import { readDraftFile } from './readDraftFile.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'operative',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
          ],
        },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The parts of a draft, without the lines listed as unplaced (checked on their own where a test means them). */
const parts = ({ unplaced: _unplaced, ...rest }: ParsedDraft): Omit<ParsedDraft, 'unplaced'> => rest;

describe('readDraft', () => {
  it('IMP2: the demo as printed (the OCR\'d .txt, page furniture and all) gives the fixture\'s title, chapeau, 13 preambular paragraphs, formula, 12 operative paragraphs with a)–d) under 12, note and 16 signatories', async () => {
    const draft = await readDraftFile(path.join(FIXTURES, 'declaration-of-buenos-aires-2023.txt'));
    const expected = demoDraft({ subItemStyle: 'closing' });
    expect(draft.preamble).toHaveLength(13);
    expect(draft.operative).toHaveLength(12);
    expect(draft.operative[11]!.subitems).toHaveLength(4);
    expect(draft.signatories).toHaveLength(16);
    expect(parts(draft)).toEqual(expected);
    // The conference line (its first printing; the copies running on every page) and the subtitle are parts now (IMP9);
    // what no part takes is listed, not lost (IMP1): the running heads and the images of signatures, all page furniture.
    expect(new Set(draft.unplaced!.map((line) => line.reason))).toEqual(new Set(['page-furniture']));
    expect(draft.unplaced!.some((line) => line.text.startsWith('[Signature]') || line.text.startsWith('*[Signature]'))).toBe(true);
  });

  it('IMP2 IMP8: a Markdown draft: heading title, emphasis kept as italics and bold, "1." lists with indented "-" and "a)" sub-items', async () => {
    const md = [
      '# Declaración de Asunción',
      '',
      '*Los Ministros de Defensa,*',
      '',
      '*Teniendo en cuenta* la Carta de la [OEA](https://www.oas.org),',
      '',
      '*Tomando nota* del informe del',
      'Secretario General,',
      '',
      '**Declaran:**',
      '',
      '1. Su compromiso con la paz;',
      '2. Su apoyo a:',
      '   - la cooperación;',
      '   - la formación:',
      '     - (i) de civiles;',
      '     - (ii) de militares;',
      '3. Agradecer al Paraguay:',
      '   a) por su hospitalidad;',
      '   b) por su liderazgo.',
      '',
      '> Nota: Texto sujeto a revisión.',
      '',
      '---',
      '',
      'Óscar Luis González Cañete  ',
      'Ministro de Defensa Nacional  ',
      'República del Paraguay',
    ].join('\n');
    expect(await readDraft('borrador.md', utf8(md))).toEqual({
      ...emptyDraft(),
      // The first sub-item marker typed, "(i)", says how the source writes them (IMP14).
      subItemStyle: 'enclosed',
      title: 'Declaración de Asunción',
      chapeau: 'Los Ministros de Defensa,',
      preamble: [
        { text: 'Teniendo en cuenta la Carta de la OEA,', runs: [{ text: 'Teniendo en cuenta', italic: true }, { text: ' la Carta de la OEA,' }] },
        // Emphasis on a hard-wrapped paragraph's first line: its words found again across the line break.
        { text: 'Tomando nota del informe del Secretario General,', runs: [{ text: 'Tomando nota', italic: true }, { text: ' del informe del Secretario General,' }] },
      ],
      formula: 'Declaran:',
      // The source's own italics and bold (IMP8); the title, a heading, has none of its own.
      formatting: { chapeau: [{ text: 'Los Ministros de Defensa,', italic: true }], formula: [{ text: 'Declaran:', bold: true }] },
      operative: [
        { text: 'Su compromiso con la paz;', subitems: [] },
        {
          text: 'Su apoyo a:',
          subitems: [
            { text: 'la cooperación;', subitems: [] },
            {
              text: 'la formación:',
              subitems: [
                { text: 'de civiles;', subitems: [] },
                { text: 'de militares;', subitems: [] },
              ],
            },
          ],
        },
        {
          text: 'Agradecer al Paraguay:',
          subitems: [
            { text: 'por su hospitalidad;', subitems: [] },
            { text: 'por su liderazgo.', subitems: [] },
          ],
        },
      ],
      note: 'Texto sujeto a revisión.',
      signatories: [{ name: 'Óscar Luis González Cañete', title: 'Ministro de Defensa Nacional', state: 'República del Paraguay' }],
    });
  });

  it('IMP19: paragraphs past 999 in .txt and .md ("1000.", "1000 bis.") are paragraphs; a wrapped year "2030." is text', async () => {
    const text = 'Declaration of Lima\n\nThe Ministers,\n\nRecalling the 2030 Agenda,\n\nDeclare:\n\n998. To meet;\n999. To agree;\n1000. To act;\n1000 bis. To act again;\n1001. To report on the\n2030. Agenda.\n';
    for (const name of ['draft.txt', 'draft.md']) {
      const draft = await readDraft(name, utf8(text));
      expect(draft.operative).toEqual([
        { text: 'To meet;', subitems: [] },
        { text: 'To agree;', subitems: [] },
        { text: 'To act;', subitems: [] },
        { text: 'To act again;', subitems: [], number: '1000 bis' },
        { text: 'To report on the 2030. Agenda.', subitems: [] },
      ]);
      expect(draft.preamble).toEqual([{ text: 'Recalling the 2030 Agenda,' }]);
    }
  });

  it('IMP8: a Markdown draft hard-wrapped inside its emphasis keeps the italics and bold of every part', async () => {
    const text = '# Declaration of Lima\n\n*The Ministers of Defense of Latin America\nand the Caribbean,*\n\n*Recalling\nits resolution* 70/1,\n\nDeclare:\n\n1. Their **support to the\nNetwork**;\n';
    const draft = await readDraft('draft.md', utf8(text));
    expect(draft.formatting?.chapeau).toEqual([{ text: 'The Ministers of Defense of Latin America and the Caribbean,', italic: true }]);
    expect(draft.preamble).toEqual([{ text: 'Recalling its resolution 70/1,', runs: [{ text: 'Recalling its resolution', italic: true }, { text: ' 70/1,' }] }]);
    expect(draft.operative).toEqual([{ text: 'Their support to the Network;', runs: [{ text: 'Their ' }, { text: 'support to the Network', bold: true }, { text: ';' }], subitems: [] }]);
  });

  it('IMP2: plain text in Windows-1252 or UTF-16 (as older Windows editors save it) reads the same as UTF-8', async () => {
    const text = 'Déclaration de Paris\r\n\r\nLes Ministres,\r\n\r\nPrenant note du rapport,\r\n\r\nDéclarent :\r\n\r\n1. Premier ;\r\n2. Deuxième.\r\n';
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const expected = await readDraft('d.txt', utf8(text));
    expect(expected.formula).toBe('Déclarent :');
    expect(expected.operative.map((o) => o.text)).toEqual(['Premier ;', 'Deuxième.']);
    expect(await readDraft('d.txt', latin1)).toEqual(expected);
    expect(await readDraft('d.txt', utf16)).toEqual(expected);
  });

  it('IMP2 IMP8: a Word draft with typed numbers ("1.", "(a)", "(i)"), a Title style, a signature table, and its italics and bold', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'II Conference on Peace Operations' }),
      new Paragraph({ text: 'Declaration of Buenos Aires', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun({ text: 'The Ministers of Defense,', italics: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'Bearing in mind', italics: true }), new TextRun(' the Charter,')] }),
      new Paragraph({ children: [new TextRun({ text: 'Recognizing', italics: true }), new TextRun(' the value'), new TextRun({ text: ' of peace', break: 1 }), new TextRun(',')] }),
      new Paragraph({ children: [new TextRun({ text: 'Declare:', bold: true })] }),
      new Paragraph({ text: '1.\tTo act:' }),
      new Paragraph({ text: '(a)\tnow;' }),
      new Paragraph({ children: [new TextRun('(i)\ttoday;')] }),
      new Paragraph({ text: '(b)\tlater;' }),
      new Paragraph({ children: [new TextRun('2.\tTo meet '), new DeletedTextRun({ id: 1, author: 'Chile', date: '2023-09-11T10:00:00Z', text: 'never' }), new InsertedTextRun({ id: 2, author: 'Peru', date: '2023-09-11T10:00:00Z', text: 'again' }), new TextRun('.')] }),
      new Paragraph({ text: '' }),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('Jorge Taiana'), new Paragraph('Ministro de Defensa'), new Paragraph('República Argentina')] }),
              new TableCell({ children: [new Paragraph('Wayne Munroe'), new Paragraph('Minister of National Security'), new Paragraph('Commonwealth of the Bahamas')] }),
            ],
          }),
          new TableRow({
            children: [new TableCell({ children: [new Paragraph('Enold Joseph')] }), new TableCell({ children: [new Paragraph('Ministre de la Défense')] }), new TableCell({ children: [new Paragraph("République d'Haïti")] })],
          }),
        ],
      }),
    ]);
    expect(parts(await readDraft('zero-draft.docx', bytes))).toEqual({
      ...emptyDraft(),
      conference: 'II Conference on Peace Operations',
      subItemStyle: 'enclosed',
      title: 'Declaration of Buenos Aires',
      chapeau: 'The Ministers of Defense,',
      preamble: [
        { text: 'Bearing in mind the Charter,', runs: [{ text: 'Bearing in mind', italic: true }, { text: ' the Charter,' }] },
        { text: 'Recognizing the value of peace,', runs: [{ text: 'Recognizing', italic: true }, { text: ' the value of peace,' }] },
      ],
      formula: 'Declare:',
      formatting: { chapeau: [{ text: 'The Ministers of Defense,', italic: true }], formula: [{ text: 'Declare:', bold: true }] },
      operative: [
        { text: 'To act:', subitems: [{ text: 'now;', subitems: [{ text: 'today;', subitems: [] }] }, { text: 'later;', subitems: [] }] },
        { text: 'To meet again.', subitems: [] },
      ],
      note: null,
      signatories: [
        { name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' },
        { name: 'Wayne Munroe', title: 'Minister of National Security', state: 'Commonwealth of the Bahamas' },
        { name: 'Enold Joseph', title: 'Ministre de la Défense', state: "République d'Haïti" },
      ],
    });
  });

  it('IMP2: the demo as a Word draft with real Word numbering (no typed numbers: decimal, then lower-case letters one level down) gives the fixture', async () => {
    const expected = demoDraft();
    const children: Paragraph[] = [
      new Paragraph({ text: toPlainText(demo.conference) }),
      new Paragraph({ text: expected.title!, heading: HeadingLevel.TITLE }),
      new Paragraph({ text: toPlainText(demo.subtitle) }),
      new Paragraph({ text: '' }),
      new Paragraph({ children: [new TextRun({ text: expected.chapeau!, italics: true })] }),
      ...demo.preamble.map((runs) => new Paragraph({ children: runs.map((run) => new TextRun({ text: run.text, italics: run.italic === true })) })),
      new Paragraph({ text: expected.formula! }),
    ];
    for (const op of expected.operative) {
      children.push(new Paragraph({ text: op.text, numbering: { reference: 'operative', level: 0 } }));
      for (const sub of op.subitems) children.push(new Paragraph({ text: sub.text, numbering: { reference: 'operative', level: 1 } }));
    }
    children.push(new Paragraph({ children: [new TextRun({ text: 'Note:', bold: true }), new TextRun(` ${expected.note!}`)] }));
    for (const s of expected.signatories) {
      children.push(new Paragraph({ text: '' }), new Paragraph({ text: s.name }), new Paragraph({ text: s.title }), new Paragraph({ text: s.state }));
    }
    const bytes = await docx(children);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:numPr>');
    expect(xml).not.toMatch(/<w:t[^>]*>12\./);
    expect(parts(await readDraft('demo.docx', bytes))).toEqual(demoDraft({}, { formatted: true }));
  });

  it('IMP2: Word bullets under an operative paragraph are its sub-items; a lower-roman list after letters goes one level down', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Resolution 1' }),
      new Paragraph({ text: 'The Council,' }),
      new Paragraph({ text: 'Noting the report,' }),
      new Paragraph({ text: 'To act:', numbering: { reference: 'operative', level: 0 } }),
      new Paragraph({ text: 'now;', bullet: { level: 0 } }),
      new Paragraph({ text: 'soon;', numbering: { reference: 'bullets', level: 0 } }),
      new Paragraph({ text: 'To end:', numbering: { reference: 'operative', level: 0 } }),
      new Paragraph({ text: 'well:', numbering: { reference: 'operative', level: 1 } }),
      new Paragraph({ text: 'truly.', numbering: { reference: 'operative', level: 2 } }),
    ]);
    const draft = await readDraft('r.docx', bytes);
    expect(draft.preamble).toEqual([{ text: 'Noting the report,' }]);
    expect(draft.operative).toEqual([
      { text: 'To act:', subitems: [{ text: 'now;', subitems: [] }, { text: 'soon;', subitems: [] }] },
      { text: 'To end:', subitems: [{ text: 'well:', subitems: [{ text: 'truly.', subitems: [] }] }] },
    ]);
  });

  describe('IMP3: files that cannot be read say why, in words a person can act on', () => {
    it('a .docx that is not a zip, a damaged zip, a zip without word/document.xml, an OpenDocument text', async () => {
      expect(await failure(readDraft('draft.docx', utf8('Declaration of Lima')))).toMatchObject({ status: 400, id: 'import-corrupt', message: expect.stringMatching(/not a Word document.*save it again as \.docx/) });
      const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('garbage that is no zip at all')]);
      expect(await failure(readDraft('draft.docx', damaged))).toMatchObject({ status: 400, id: 'import-corrupt', message: expect.stringMatching(/damaged/) });
      const other = new JSZip();
      other.file('readme.txt', 'hello');
      expect(await failure(readDraft('draft.docx', await other.generateAsync({ type: 'uint8array' })))).toMatchObject({ status: 400, id: 'import-corrupt', message: expect.stringMatching(/word\/document\.xml/) });
      const odt = new JSZip();
      odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
      odt.file('content.xml', '<office:document-content/>');
      expect(await failure(readDraft('draft.docx', await odt.generateAsync({ type: 'uint8array' })))).toMatchObject({ status: 415, message: expect.stringMatching(/OpenDocument/) });
    });

    it('a PDF (whatever its name), an old .doc, an unknown type, a Word file named .txt, a binary .txt', async () => {
      const pdf = utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj');
      for (const name of ['draft.pdf', 'draft.docx', 'draft.txt']) {
        expect(await failure(readDraft(name, pdf))).toMatchObject({ status: 415, id: 'import-unsupported-type', message: expect.stringMatching(/PDF.*\.docx/) });
      }
      const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
      expect(await failure(readDraft('draft.doc', ole))).toMatchObject({ status: 415, message: expect.stringMatching(/old Word document.*save it as \.docx/) });
      expect(await failure(readDraft('draft.odp', utf8('x')))).toMatchObject({ status: 415, message: '.odp files cannot be imported. Save the draft as .docx (Word), .md or .txt (plain text) and import that.' });
      expect(await failure(readDraft('draft', utf8('x')))).toMatchObject({ status: 415, message: expect.stringMatching(/^Files without an extension/) });
      const word = await docx([new Paragraph('Declaration')]);
      expect(await failure(readDraft('draft.txt', word))).toMatchObject({ status: 415, message: expect.stringMatching(/Rename it to \.docx/) });
      expect(await failure(readDraft('draft.md', new Uint8Array([1, 2, 3, 0, 5])))).toMatchObject({ status: 415, id: 'import-not-text' });
    });

    it('an empty file, a file of blank lines, one of too many lines, a file over 5 MB', async () => {
      expect(await failure(readDraft('draft.txt', new Uint8Array(0)))).toMatchObject({ status: 400, id: 'import-empty', message: 'The file is empty.' });
      expect(await failure(readDraft('draft.md', utf8('\n  \n\t\n')))).toMatchObject({ status: 400, id: 'import-no-text' });
      expect(await failure(readDraft('draft.txt', utf8('x\n'.repeat(MAX_DRAFT_LINES))))).toMatchObject({ status: 400, id: 'import-too-long', message: expect.stringMatching(/more than 100,000 lines/) });
      const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
      expect(await failure(readDraft('draft.txt', big))).toMatchObject({ status: 413, id: 'import-too-large', message: expect.stringMatching(/larger than 5 MB/) });
    });

    it('a .docx that unpacks to more than 50 MB (a zip bomb) is refused while it unpacks', async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', `<w:document><w:body>${' '.repeat(MAX_UNPACKED_BYTES + 1)}</w:body></w:document>`);
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      expect(bytes.byteLength).toBeLessThan(MAX_IMPORT_BYTES);
      expect(await failure(readDraft('bomb.docx', bytes))).toMatchObject({ status: 413, id: 'import-too-large', message: expect.stringMatching(/unpacks to more than 50 MB/) });
    });

    it('a file that is not there, or too large, is refused before it is read', async () => {
      expect(await failure(readDraftFile(path.join(FIXTURES, 'no-such-draft.txt')))).toMatchObject({ id: 'import-unreadable' });
      expect(await failure(readDraftFile(FIXTURES))).toMatchObject({ id: 'import-unreadable' });
      const dir = fs.mkdtempSync(path.join(FIXTURES, '..', '.tmp-'));
      try {
        const file = path.join(dir, 'big.txt');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
        expect(await failure(readDraftFile(file))).toMatchObject({ status: 413, id: 'import-too-large' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
  it('IMP8: Word italics and bold are kept as runs: w:i, w:b and their complex-script twins, the Emphasis and Strong styles, an explicit w:val="0" not', async () => {
    const run = (text: string, rPr = '') => `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const body = [
      paragraph(run('Declaration of Lima')),
      paragraph(run('The Ministers,')),
      paragraph(run('Noting', '<w:iCs/>'), run(' the '), run('report', '<w:rStyle w:val="Strong"/>'), run(',')),
      paragraph(run('Declare:')),
      paragraph(run('1. Welcome the '), run('annex', '<w:rStyle w:val="Emph"/>'), run(' not', '<w:rStyle w:val="Emph"/><w:i w:val="0"/>'), run('.')),
      paragraph(run('2. '), run('Decide', '<w:b/><w:bCs/>'), run(' to act', '<w:b w:val="0"/>'), run('.')),
    ].join('');
    const zip = new JSZip();
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
    zip.file(
      'word/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style><w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/></w:style></w:styles>`,
    );
    const draft = await readDraft('runs.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(draft.preamble).toEqual([{ text: 'Noting the report,', runs: [{ text: 'Noting', italic: true }, { text: ' the ' }, { text: 'report', bold: true }, { text: ',' }] }]);
    expect(draft.operative).toEqual([
      { text: 'Welcome the annex not.', runs: [{ text: 'Welcome the ' }, { text: 'annex', italic: true }, { text: ' not.' }], subitems: [] },
      { text: 'Decide to act.', runs: [{ text: 'Decide', bold: true }, { text: ' to act.' }], subitems: [] },
    ]);
    // Parts without italics or bold carry none.
    expect(draft.formatting).toBeUndefined();
  });

  it('IMP8: a Word footnote keeps its italics; the reference mark is never italic', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph({ children: [new TextRun({ text: 'Official Records', italics: true }), new TextRun(', Supplement No. 53.')] })] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Declaration of Lima', heading: HeadingLevel.TITLE }),
            new Paragraph('The Ministers,'),
            new Paragraph({ children: [new TextRun({ text: 'Noting', italics: true }), new TextRun(' the report,'), new FootnoteReferenceRun(1)] }),
            new Paragraph('1. Welcome the annex.'),
          ],
        },
      ],
    });
    const draft = await readDraft('notes.docx', await Packer.toBuffer(doc));
    expect(draft.preamble).toEqual([{ text: 'Noting the report,1', runs: [{ text: 'Noting', italic: true }, { text: ' the report,1' }] }]);
    expect(draft.footnotes).toEqual([{ marker: '1', text: 'Official Records, Supplement No. 53.', runs: [{ text: 'Official Records', italic: true }, { text: ', Supplement No. 53.' }] }]);
  });

  it('IMP11: Word footnotes: each reference\'s number, in order, is put in the text where it stands, its note read from word/footnotes.xml', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Official Records, Supplement No. 53.')] }, 2: { children: [new Paragraph('Ibid., annex.')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Declaration of Lima', heading: HeadingLevel.TITLE }),
            new Paragraph('The Ministers,'),
            new Paragraph({ children: [new TextRun('Noting the report,'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ children: [new TextRun('1. Welcome the annex'), new FootnoteReferenceRun(2), new TextRun('.')] }),
          ],
        },
      ],
    });
    const draft = await readDraft('notes.docx', await Packer.toBuffer(doc));
    expect(draft.preamble).toEqual([{ text: 'Noting the report,1' }]);
    expect(draft.operative).toEqual([{ text: 'Welcome the annex2.', subitems: [] }]);
    expect(draft.footnotes).toEqual([
      { marker: '1', text: 'Official Records, Supplement No. 53.' },
      { marker: '2', text: 'Ibid., annex.' },
    ]);
    expect(draft.unplaced).toBeUndefined();
  });

  it('IMP11: a Word footnote with a custom mark ("*") keeps its mark, in the text and as the note\'s marker', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('* Document S/2015/1.')] } },
      sections: [{ children: [new Paragraph({ text: 'Declaration of Lima', heading: HeadingLevel.TITLE }), new Paragraph('The Ministers,'), new Paragraph({ children: [new TextRun('1. Welcome the Agreement'), new FootnoteReferenceRun(1), new TextRun('.')] })] }],
    });
    // What Word writes for a custom mark: the reference flagged, the mark typed after it in the same run.
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const marked = xml.replace(/<w:footnoteReference w:id="1"\/>/u, '<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t>');
    expect(marked).not.toBe(xml);
    zip.file('word/document.xml', marked);
    const draft = await readDraft('custom.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(draft.operative).toEqual([{ text: 'Welcome the Agreement*.', subitems: [] }]);
    expect(draft.footnotes).toEqual([{ marker: '*', text: 'Document S/2015/1.' }]);
  });

  it('IMP13: a Word "Heading 2" paragraph above a clause is its heading', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Declaration of Lima', heading: HeadingLevel.TITLE }),
      new Paragraph('The Ministers,'),
      new Paragraph('Declare:'),
      new Paragraph({ text: 'A. Health', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('1. To act.'),
      new Paragraph({ text: 'B. Security', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('2. To meet.'),
    ]);
    const draft = await readDraft('headings.docx', bytes);
    expect(draft.operative).toEqual([
      { text: 'To act.', subitems: [], heading: 'A. Health' },
      { text: 'To meet.', subitems: [], heading: 'B. Security' },
    ]);
  });
});
