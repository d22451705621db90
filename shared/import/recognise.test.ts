import { describe, expect, it } from 'vitest';
import { plainLines, type DraftLine } from './draftLine.ts';
import type { ParsedDraft, ParsedItem } from './parsedDraft.ts';
import { recogniseDraft, recogniseDraftWithHeading } from './recognise.ts';

const parse = (...lines: string[]): ParsedDraft => recogniseDraft(plainLines(lines.join('\n')));

/** The operative part as nested texts: ["1", ["a", ["i"]]] reads OP1 with (a) with (i). */
type Shape = (string | Shape)[];
function shape(items: ParsedItem[]): Shape {
  return items.flatMap((item) => (item.subitems.length === 0 ? [item.text] : [item.text, shape(item.subitems)]));
}

const HEAD = ['Declaration of Lima', '', 'The Ministers of Defense,', '', 'Recognizing the value of peace,', ''];

describe('recogniseDraft', () => {
  it('IMP2: a hard-wrapped draft: title, chapeau, preambular paragraphs over several lines, formula, operative paragraphs, note, signatures', () => {
    const draft = parse(
      'Declaration of Lima "Living in Peace"',
      '',
      'The Ministers of Defense and/or their equivalents of Latin America and',
      'the Caribbean,',
      '',
      'Recognizing that United Nations Peacekeeping Operations are an',
      'important means of promoting international peace, stability and',
      'security,',
      'Bearing in mind that Peacekeeping Operations reinforce the mechanisms',
      'for peaceful solutions, governed by the principles of impartiality.',
      'Peacekeeping missions can also incorporate the observance of Human',
      'Rights,',
      'Noting the report of the Special Committee,',
      '',
      'Declare:',
      '',
      '1. Their agreement regarding the implementation of the Network,',
      'which includes the Ministries of Defense;',
      '2. That the Network contributes to peace.',
      '',
      'Note: Some countries refer to those as',
      '"Peace Operations".',
      '',
      'Jorge Taiana',
      'Ministro de Defensa',
      'República Argentina',
      '',
      'Wayne Munroe',
      'Minister of National Security',
      'Commonwealth of the Bahamas',
    );
    expect(draft).toEqual({
      title: 'Declaration of Lima "Living in Peace"',
      chapeau: 'The Ministers of Defense and/or their equivalents of Latin America and the Caribbean,',
      preamble: [
        { text: 'Recognizing that United Nations Peacekeeping Operations are an important means of promoting international peace, stability and security,' },
        {
          text: 'Bearing in mind that Peacekeeping Operations reinforce the mechanisms for peaceful solutions, governed by the principles of impartiality. Peacekeeping missions can also incorporate the observance of Human Rights,',
        },
        { text: 'Noting the report of the Special Committee,' },
      ],
      formula: 'Declare:',
      operative: [
        { text: 'Their agreement regarding the implementation of the Network, which includes the Ministries of Defense;', subitems: [] },
        { text: 'That the Network contributes to peace.', subitems: [] },
      ],
      note: 'Some countries refer to those as "Peace Operations".',
      signatories: [
        { name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' },
        { name: 'Wayne Munroe', title: 'Minister of National Security', state: 'Commonwealth of the Bahamas' },
      ],
    });
  });

  it.each([
    ['1.', ['1. First;', '2. Second;', '3. Third.']],
    ['1)', ['1) First;', '2) Second;', '3) Third.']],
    ['(1)', ['(1) First;', '(2) Second;', '(3) Third.']],
    ['I.', ['I. First;', 'II. Second;', 'III. Third.']],
    ['II)', ['I) First;', 'II) Second;', 'III) Third.']],
    ['7 bis.', ['7. First;', '7 bis. Second;', '8. Third.']],
  ])('IMP2: operative paragraphs numbered "%s" lose their numbers', (_style, lines) => {
    const draft = parse(...HEAD, 'Declare:', ...lines);
    expect(shape(draft.operative)).toEqual(['First;', 'Second;', 'Third.']);
    expect(draft.preamble).toEqual([{ text: 'Recognizing the value of peace,' }]);
  });

  it.each([
    ['(a)', ['(a) one;', '(b) two;']],
    ['a)', ['a) one;', 'b) two;']],
    ['a.', ['a. one;', 'b. two;']],
    ['(i)', ['(i) one;', '(ii) two;']],
    ['i)', ['i) one;', 'ii) two;']],
  ])('IMP2: sub-items marked "%s" are sub-items of the paragraph before them, numbers stripped', (_style, lines) => {
    const draft = parse(...HEAD, 'Declare:', '1. To agree:', ...lines, '2. To meet.');
    expect(shape(draft.operative)).toEqual(['To agree:', ['one;', 'two;'], 'To meet.']);
  });

  it('IMP2: roman numerals after letters go one level down; "i)" after "h)" is a letter; "v)" after "iv)" stays roman', () => {
    const draft = parse(
      ...HEAD,
      'Decides:',
      '1. To act:',
      '(a) first:',
      '(i) one;',
      '(ii) two;',
      '(iii) three;',
      '(iv) four;',
      '(v) five;',
      '(b) second;',
      '2. To list:',
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((l) => `${l}) item ${l};`),
      '3. To end.',
    );
    expect(shape(draft.operative)).toEqual([
      'To act:',
      ['first:', ['one;', 'two;', 'three;', 'four;', 'five;'], 'second;'],
      'To list:',
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((l) => `item ${l};`),
      'To end.',
    ]);
  });

  it.each([
    'Declare:',
    'Declares:',
    'Decides:',
    'Adopts the following:',
    'Have agreed as follows:',
    'Declaran:',
    'DECLARAN:',
    'Resuelve:',
    'Acuerdan:',
    'Declaram:',
    'Decide:',
    'Déclarent :',
    'Décide :',
    'DÉCLARENT :',
  ])('IMP2: the formula "%s" ends the preamble', (formula) => {
    const draft = parse(...HEAD, 'Noting the report,', formula, '1. First;', '2. Second.');
    expect(draft.formula).toBe(formula);
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace,', 'Noting the report,']);
    expect(shape(draft.operative)).toEqual(['First;', 'Second.']);
  });

  it('IMP2: without a formula, the first numbered paragraph ends the preamble', () => {
    const draft = parse(...HEAD, 'Noting the report,', '1. First;', '2. Second.');
    expect(draft.formula).toBeNull();
    expect(draft.preamble).toHaveLength(2);
    expect(shape(draft.operative)).toEqual(['First;', 'Second.']);
  });

  it('IMP2: preambular paragraphs opening with phrases of several words, in four languages, each start a paragraph', () => {
    const draft = parse(
      'Declaración',
      '',
      'Los Ministros,',
      'Bearing in mind the Charter,',
      'Taking note of the report,',
      'Teniendo en cuenta la Carta,',
      'Tomando nota del informe,',
      'Reconhecendo a importância,',
      'Prenant note du rapport,',
      'Declaran:',
      '1. Uno.',
    );
    expect(draft.chapeau).toBe('Los Ministros,');
    expect(draft.preamble.map((p) => p.text)).toEqual([
      'Bearing in mind the Charter,',
      'Taking note of the report,',
      'Teniendo en cuenta la Carta,',
      'Tomando nota del informe,',
      'Reconhecendo a importância,',
      'Prenant note du rapport,',
    ]);
  });

  it('IMP2: preambular paragraph text keeps its words exactly, trimmed and whitespace-collapsed; a wrapped line starting with a capital after a comma is a new paragraph only when the comma ends one', () => {
    const draft = parse(...HEAD.slice(0, 4), '   Recalling   its resolution 1325\t(2000),  ', '  Welcoming the', 'United Nations report,', '1. First.');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recalling its resolution 1325 (2000),', 'Welcoming the United Nations report,']);
  });

  it.each([
    'The Security Council,',
    'The General Assembly,',
    'The Ministers of Foreign Affairs,',
    'The Honorable Ministers of Defense and/or their equivalents of Latin America and the Caribbean,',
    'Los Ministros de Defensa de las Américas,',
    'Las Ministras y los Ministros,',
    'Os Ministros da Defesa,',
    'Les Ministres de la Défense,',
    "L'Assemblée générale,",
    'We, the Heads of State and Government,',
  ])('IMP2: "%s" is the chapeau', (chapeau) => {
    const draft = parse('Declaration of Lima', '', chapeau, '', 'Recognizing the value of peace,', 'Declare:', '1. First.');
    expect(draft.title).toBe('Declaration of Lima');
    expect(draft.chapeau).toBe(chapeau);
    expect(draft.preamble).toEqual([{ text: 'Recognizing the value of peace,' }]);
  });

  it('IMP2: the title is the line naming the text; a conference line above it and a subtitle below it are left out; without a chapeau the preamble starts at its first paragraph', () => {
    const draft = parse(
      'II Conference of Latin America on Peace Operations',
      'Declaration of Buenos Aires',
      '"The commitment to make peace"',
      '',
      'Approved by the Ministers of Defense, held in Buenos Aires on 11 and 12 September 2023',
      '',
      'Recognizing the value of peace,',
      '1. First.',
    );
    expect(draft.title).toBe('Declaration of Buenos Aires "The commitment to make peace"');
    expect(draft.chapeau).toBeNull();
    expect(draft.preamble).toEqual([{ text: 'Recognizing the value of peace,' }]);
  });

  it('IMP2: a draft with numbered paragraphs only: no title, no preamble', () => {
    expect(parse('1. First;', '2. Second.')).toEqual({
      title: null,
      chapeau: null,
      preamble: [],
      formula: null,
      operative: [
        { text: 'First;', subitems: [] },
        { text: 'Second.', subitems: [] },
      ],
      note: null,
      signatories: [],
    });
  });

  it.each(['Note: Text', 'Nota: Text', 'Note : Text', 'NOTE: Text', '**Note: Text'])('IMP2: "%s" is the note, its label stripped', (line) => {
    const draft = parse(...HEAD, '1. First.', '', line, '');
    expect(draft.note).toBe('Text');
    expect(shape(draft.operative)).toEqual(['First.']);
  });

  it('IMP2: signature blocks of two to four lines: name, title (wrapped lines joined), state; one typed after another without blank lines split in threes', () => {
    const draft = parse(
      ...HEAD,
      '1. First.',
      '',
      'Augusto Antonio García Lara',
      'Viceministro de Defensa y Cooperación al',
      'Desarrollo Integral',
      'Estado Plurinacional de Bolivia',
      '',
      'Mario Zamora Cordero',
      'República de Costa Rica',
      '',
      'Enold Joseph',
      'Ministre de la Défense',
      "République d'Haïti",
      'Javier García Duchini',
      'Ministro de Defensa Nacional',
      'República Oriental del Uruguay',
    );
    expect(draft.signatories).toEqual([
      { name: 'Augusto Antonio García Lara', title: 'Viceministro de Defensa y Cooperación al Desarrollo Integral', state: 'Estado Plurinacional de Bolivia' },
      { name: 'Mario Zamora Cordero', title: '', state: 'República de Costa Rica' },
      { name: 'Enold Joseph', title: 'Ministre de la Défense', state: "République d'Haïti" },
      { name: 'Javier García Duchini', title: 'Ministro de Defensa Nacional', state: 'República Oriental del Uruguay' },
    ]);
  });

  it('IMP2: running headers repeated on every page, image placeholders and a stray header at the end of a paragraph are dropped; a "Done at" line too', () => {
    const page = ['', 'Ministerio de Defensa', 'Argentina', '', '[Signature] Ministro de Defensa', ''];
    const draft = parse(
      'Ministerio de Defensa',
      'Argentina',
      '',
      'Declaration of Lima',
      '',
      'The Ministers,',
      '',
      'Recognizing the value of peace,',
      ...page,
      'Noting the report,',
      ...page,
      '1. First;',
      '2. Second. DECLARATI',
      ...page,
      'Done at Lima on 5 May 2023.',
      '',
      'A stylized signature in blue ink, with a large loop.',
      '',
      'Jorge Taiana',
      'Ministro de Defensa',
      'República Argentina',
    );
    expect(draft.title).toBe('Declaration of Lima');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace,', 'Noting the report,']);
    expect(shape(draft.operative)).toEqual(['First;', 'Second.']);
    expect(draft.note).toBeNull();
    expect(draft.signatories).toEqual([{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }]);
  });

  it('IMP2: a title repeated as a running header is still the title', () => {
    const draft = parse('Declaration of Lima', '', 'The Ministers,', 'Recognizing peace,', '', 'Declaration of Lima', '', '1. First.');
    expect(draft.title).toBe('Declaration of Lima');
    expect(draft.preamble).toEqual([{ text: 'Recognizing peace,' }]);
    expect(shape(draft.operative)).toEqual(['First.']);
  });

  it('IMP2: list lines (Word numbering, Markdown lists) carry levels instead of typed numbers; each Word paragraph is a paragraph of its own', () => {
    const word = (text: string, extra: Partial<DraftLine> = {}): DraftLine => ({ text, ends: true, ...extra });
    const draft = recogniseDraft([
      word('Declaration of Lima', { heading: true }),
      word('The Ministers,'),
      word('Recognizing the value of peace'),
      word('Noting the report,'),
      word('Declare:', { heading: true }),
      word('To agree:', { list: { level: 0, kind: 'number' } }),
      word('on peace;', { list: { level: 1, kind: 'letter' } }),
      word('first;', { list: { level: 2, kind: 'roman' } }),
      word('on security;', { list: { level: 1, kind: 'letter' } }),
      word('To meet;', { list: { level: 0, kind: 'number' } }),
      word('a further paragraph of the same item.'),
      word('To end.', { list: { level: 0, kind: 'number' } }),
      word(''),
      word('Jorge Taiana', { table: true }),
      word('Ministro de Defensa', { table: true }),
      word('República Argentina', { table: true }),
    ]);
    expect(draft.title).toBe('Declaration of Lima');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace', 'Noting the report,']);
    expect(draft.formula).toBe('Declare:');
    expect(shape(draft.operative)).toEqual(['To agree:', ['on peace;', ['first;'], 'on security;'], 'To meet; a further paragraph of the same item.', 'To end.']);
    expect(draft.signatories).toEqual([{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }]);
  });
  it('IMP2: the UN masthead (distribution, symbol, agenda item, job number, adoption and committee lines, session) is never the title, and is reported as left out', () => {
    const lines = [
      'United Nations',
      'A/RES/74/132',
      'General Assembly Distr.: General',
      '8 January 2020',
      'Seventy-fourth session',
      'Agenda item 68',
      '19-21981 (E)',
      'Resolution adopted by the General Assembly on 18 December 2019',
      '[on the report of the Third Committee (A/74/394)]',
      '74/132. Report of the Human Rights Council',
      'The General Assembly,',
      'Recalling its resolution 60/251,',
      'Takes note of the report.',
    ];
    const { draft, leftOut } = recogniseDraftWithHeading(plainLines(lines.join('\n')));
    expect(draft.title).toBe('Report of the Human Rights Council');
    expect(draft.chapeau).toBe('The General Assembly,');
    expect(leftOut.filter((l) => l.reason === 'masthead').map((l) => l.text)).toEqual([
      'A/RES/74/132',
      'General Assembly Distr.: General',
      'Seventy-fourth session',
      'Agenda item 68',
      '19-21981 (E)',
      'Resolution adopted by the General Assembly on 18 December 2019',
      '[on the report of the Third Committee (A/74/394)]',
    ]);
    // Every line of the heading is either in the title or reported.
    expect(leftOut.map((l) => l.text)).toEqual(expect.arrayContaining(['United Nations', '8 January 2020']));
  });

  it('IMP2: masthead lines in Spanish, Portuguese and French are not the title', () => {
    for (const [masthead, title] of [
      [['A/RES/66/54', 'Tema 98 del programa', '11-46183 (S)', 'Resolución aprobada por la Asamblea General el 2 de diciembre de 2011', '[sobre la base del informe de la Primera Comisión (A/66/413)]'], '66/54. Centro Regional de las Naciones Unidas'],
      [['Item 98 da agenda', 'Resolução adotada pela Assembleia Geral em 2 de dezembro de 2011'], '66/54. Centro Regional das Nações Unidas'],
      [["Point 98 de l'ordre du jour", 'Résolution adoptée par l’Assemblée générale le 2 décembre 2011', '[sur la base du rapport de la Première Commission (A/66/413)]'], '66/54. Centre régional des Nations Unies'],
    ] as const) {
      const draft = parse(...masthead, title, 'La Asamblea General,', 'Recordando su resolución,', '1. Decide.');
      expect(draft.title).toBe(title.replace(/^66\/54\. /u, ''));
    }
  });

  it('IMP2: a subtitle line of its own ("of 22 November 1967", "Adopted by the Security Council at …") is not glued into the title', () => {
    expect(parse('Resolution 242 (1967)', 'of 22 November 1967', 'The Security Council,', '1. Affirms.').title).toBe('Resolution 242 (1967)');
    const { draft, leftOut } = recogniseDraftWithHeading(
      plainLines(['S/RES/1292 (2000)', 'RESOLUTION 1292 (2000)', 'Adopted by the Security Council at its 4106th meeting,', 'on 29 February 2000', 'The Security Council,', '1. Decides.'].join('\n')),
    );
    expect(draft.title).toBe('RESOLUTION 1292 (2000)');
    expect(leftOut.map((l) => [l.text, l.reason])).toEqual([
      ['S/RES/1292 (2000)', 'masthead'],
      ['Adopted by the Security Council at its 4106th meeting,', 'subtitle'],
      ['on 29 February 2000', 'unrecognised'],
    ]);
  });

  it('IMP2: no title rather than an opening sentence or an article heading', () => {
    expect(parse('The Foreign Ministers of Afghanistan, Iran and Pakistan:', 'Recalling the Tehran Declaration adopted in 2009.', '• Agree to cooperate.').title).toBeNull();
    expect(parse('Article 1er', '', 'Les hommes naissent libres et égaux en droits.').title).not.toBe('Article 1er');
  });
});
