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
      conference: null,
      subtitle: null,
      closing: null,
      footnotes: [],
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
      conference: null,
      subtitle: null,
      closing: null,
      footnotes: [],
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
      '8 January 2020',
      'Seventy-fourth session',
      'Agenda item 68',
      '19-21981 (E)',
      'Resolution adopted by the General Assembly on 18 December 2019',
      '[on the report of the Third Committee (A/74/394)]',
      // The resolution's number before its name: not the title, reported (IMP1).
      '74/132.',
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
    // The subtitle and the line continuing it are the draft's subtitle (IMP9); the masthead is left out, with its reason.
    expect(draft.subtitle).toBe('Adopted by the Security Council at its 4106th meeting, on 29 February 2000');
    expect(leftOut.map((l) => [l.text, l.reason])).toEqual([['S/RES/1292 (2000)', 'masthead']]);
  });

  it('IMP2: no title rather than an opening sentence or an article heading', () => {
    expect(parse('The Foreign Ministers of Afghanistan, Iran and Pakistan:', 'Recalling the Tehran Declaration adopted in 2009.', '• Agree to cooperate.').title).toBeNull();
    expect(parse('Article 1er', '', 'Les hommes naissent libres et égaux en droits.').title).not.toBe('Article 1er');
  });
});

describe('recogniseDraft: every word and the parts of real texts', () => {
  const words = (draft: ParsedDraft): string[] => {
    const out: string[] = [];
    const add = (t: string | null | undefined) => t && out.push(...(t.match(/\p{L}+|\p{N}+/gu) ?? []));
    [draft.conference, draft.title, draft.subtitle, draft.chapeau, draft.formula, draft.closing, draft.note].forEach(add);
    draft.preamble.forEach((p) => [p.text, p.heading].forEach(add));
    const items = (list: ParsedItem[]) => list.forEach((i) => ([i.text, i.heading, i.number].forEach(add), items(i.subitems)));
    items(draft.operative);
    draft.signatories.forEach((s) => [s.name, s.title, s.state].forEach(add));
    (draft.footnotes ?? []).forEach((f) => [f.marker, f.text].forEach(add));
    (draft.unplaced ?? []).forEach((u) => add(u.text));
    return out.sort();
  };

  it('IMP1: every line no part takes is listed with its reason and where it stood: masthead, running heads, image placeholders, rules, a stray header, unrecognised text', () => {
    const page = ['', 'Ministerio de Defensa', 'Argentina', ''];
    const lines = [
      'Distr.: General',
      'A/RES/74/132',
      '',
      'Declaration of Lima',
      '',
      'The Ministers,',
      '',
      'Recognizing the value of peace,',
      ...page,
      '[Signature] Ministro de Defensa',
      '',
      'Noting the report,',
      ...page,
      '1. First;',
      '2. Second. DECLARATI',
      '',
      '-----',
      '',
      'Jorge Taiana',
      'Ministro de Defensa',
      'República Argentina',
      '',
      'A stylized signature in blue ink, with a large loop.',
    ];
    const draft = parse(...lines);
    expect(shape(draft.operative)).toEqual(['First;', 'Second.']);
    expect(draft.unplaced!.map((u) => [u.text, u.reason, u.before?.part])).toEqual([
      ['Distr.: General', 'masthead', 'title'],
      ['A/RES/74/132', 'masthead', 'title'],
      ['Ministerio de Defensa', 'page-furniture', 'preamble'],
      ['Argentina', 'page-furniture', 'preamble'],
      ['[Signature] Ministro de Defensa', 'page-furniture', 'preamble'],
      ['Ministerio de Defensa', 'page-furniture', 'operative'],
      ['Argentina', 'page-furniture', 'operative'],
      ['DECLARATI', 'page-furniture', 'signatories'],
      ['-----', 'page-furniture', 'signatories'],
      ['A stylized signature in blue ink, with a large loop.', 'page-furniture', 'end'],
    ]);
    expect(draft.unplaced!.find((u) => u.text === '[Signature] Ministro de Defensa')!.before).toEqual({ part: 'preamble', index: 1 });
    // Every word of the input is in the parse, as often as it is typed (numbers "1.", "2." are derived).
    const input = lines.join(' ').replace(/\b[12]\./gu, '');
    expect(words(draft)).toEqual((input.match(/\p{L}+|\p{N}+/gu) ?? []).sort());
  });

  it('IMP1: a line that is not recognised anywhere is listed as unrecognised, never dropped', () => {
    const draft = parse('Declaration of Lima', '', 'The Ministers,', '', 'Recognizing peace,', '', '1. First.', '', 'Witnessed by:', '', 'Jorge Taiana', 'Ministro de Defensa', 'Argentina');
    expect(words(draft)).toEqual(['Argentina', 'Declaration', 'Defensa', 'First', 'Jorge', 'Lima', 'Ministers', 'Ministro', 'Recognizing', 'Taiana', 'The', 'Witnessed', 'by', 'de', 'of', 'peace'].sort());
  });

  it('IMP9: the conference line above the title and the subtitle under it are parts of the draft; a second subtitle stays unplaced', () => {
    const draft = parse('Fourth Summit of the Americas', 'Declaration of Mar del Plata', 'Adopted at Mar del Plata on 5 November 2005', 'of 5 November 2005', '', 'We, the Heads of State,', '', '1. Agree.');
    expect(draft.conference).toBe('Fourth Summit of the Americas');
    expect(draft.title).toBe('Declaration of Mar del Plata');
    expect(draft.subtitle).toBe('Adopted at Mar del Plata on 5 November 2005');
    expect(draft.unplaced).toEqual([{ text: 'of 5 November 2005', reason: 'subtitle', before: { part: 'chapeau' } }]);
    expect(parse('Cumbre de la CELAC', 'Declaración de La Habana', '', 'Los Jefes de Estado,', '', '1. Acuerdan.').conference).toBe('Cumbre de la CELAC');
  });

  it.each([
    ['en', 'Done at Buenos Aires, 3 May 2023.'],
    ['es', 'Hecho en Buenos Aires, el 3 de mayo de 2023.'],
    ['pt', 'Feito em Lisboa, em 17 de julho de 1996.'],
    ['fr', 'Fait à Paris, le 3 mai 2023.'],
    ['en', 'Adopted at the 1382nd meeting.'],
    ['en', 'Adopted unanimously at the 1382nd meeting.'],
    ['es', 'Adoptada por unanimidad en la 1382ª sesión.'],
  ])('IMP10: the closing line (%s) "%s" after the operative part is the closing, not the last paragraph', (_language, closing) => {
    const draft = parse(...HEAD, '1. First;', '2. Second.', closing, '', 'Jorge Taiana', 'Ministro de Defensa', 'República Argentina');
    expect(draft.closing).toBe(closing);
    expect(shape(draft.operative)).toEqual(['First;', 'Second.']);
    expect(draft.signatories).toHaveLength(1);
    expect(draft.note).toBeNull();
  });

  it('IMP10: "50th plenary meeting" and its date are the closing, not a signatory', () => {
    const draft = parse(...HEAD, 'Takes note of the report.', '', '50th plenary meeting', '18 December 2019');
    expect(draft.closing).toBe('50th plenary meeting\n18 December 2019');
    expect(draft.signatories).toEqual([]);
    expect(shape(draft.operative)).toEqual(['Takes note of the report.']);
  });

  it('IMP11: footnotes after a rule (.txt export, UN documents): notes without their markers, markers kept in the text', () => {
    const draft = parse(...HEAD, 'Noting the report,1', '1. Welcomes the Agreement*;', '2. Decides to act.', '', '__________', '1 Official Records, Supplement No. 53.', '* Document S/2015/1, annex.');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace,', 'Noting the report,1']);
    expect(shape(draft.operative)).toEqual(['Welcomes the Agreement*;', 'Decides to act.']);
    expect(draft.footnotes).toEqual([
      { marker: '1', text: 'Official Records, Supplement No. 53.' },
      { marker: '*', text: 'Document S/2015/1, annex.' },
    ]);
  });

  it('IMP11: without a rule, a note at the very end whose marker is glued to the text is a footnote; a marker without a note stays text', () => {
    const draft = parse('Resolution 338 (1973)', '', 'The Security Council,', '', '1. Calls upon all parties[1] to cease firing.', '', 'Adopted at the 1747th meeting by 14 votes to none.27', '', '27One member (China) did not participate in the voting.');
    expect(draft.closing).toBe('Adopted at the 1747th meeting by 14 votes to none.27');
    expect(draft.footnotes).toEqual([{ marker: '27', text: 'One member (China) did not participate in the voting.' }]);
    expect(shape(draft.operative)).toEqual(['Calls upon all parties[1] to cease firing.']);
    expect(draft.unplaced).toBeUndefined();
  });

  it('IMP11: Markdown footnotes: "[^1]" stays "1" in the text, "[^1]: …" is the note', () => {
    const draft = recogniseDraft([{ text: '# Declaration of Lima', heading: true }, { text: '' }, { text: 'The Ministers,' }, { text: '' }, { text: '1. Welcome the Agreement1.' }, { text: '' }, { text: 'Signed in 2023.', note: '1' }]);
    expect(draft.footnotes).toEqual([{ marker: '1', text: 'Signed in 2023.' }]);
    expect(shape(draft.operative)).toEqual(['Welcome the Agreement1.']);
  });

  it.each([
    ['en', 'Article 1', 'Article 2'],
    ['en', 'Article 1.', 'Article 2.'],
    ['es', 'Artículo 1', 'Artículo 2'],
    ['pt', 'Artigo 1°', 'Artigo 2°'],
    ['fr', 'Article premier', 'Article 2'],
    ['fr', 'Article 1er', 'Article 2'],
  ])('IMP12: articles (%s) "%s", "%s": each an operative paragraph, its caption the heading, its numbered paragraphs sub-items; the preamble and a formula that is a sentence before them', (_language, first, second) => {
    const draft = parse(
      'Universal Declaration',
      '',
      'Whereas recognition of dignity is the foundation of freedom,',
      '',
      'Now, Therefore THE GENERAL ASSEMBLY proclaims this Declaration as a common standard of achievement.',
      '',
      first,
      '',
      'Right to life',
      '',
      'Everyone has the right to life.',
      '',
      second,
      '',
      '1. Everyone has the right to own property.',
      '2. No one shall be deprived of it.',
    );
    expect(draft.paragraphs).toBe('articles');
    expect(draft.preamble).toEqual([{ text: 'Whereas recognition of dignity is the foundation of freedom,' }]);
    expect(draft.formula).toBe('Now, Therefore THE GENERAL ASSEMBLY proclaims this Declaration as a common standard of achievement.');
    expect(draft.operative).toEqual([
      { text: 'Everyone has the right to life.', subitems: [], heading: 'Right to life' },
      { text: '', subitems: [{ text: 'Everyone has the right to own property.', subitems: [] }, { text: 'No one shall be deprived of it.', subitems: [] }] },
    ]);
  });

  it('IMP12: the Markdown export\'s article lines: "### Article 1", "#### caption", then the text', () => {
    const draft = recogniseDraft([
      { text: 'Charter', heading: true },
      { text: '' },
      { text: 'Article 1', heading: true },
      { text: '' },
      { text: 'Right to education', heading: true },
      { text: '' },
      { text: 'Everyone has the right to education.' },
      { text: '' },
      { text: 'Article 2', heading: true },
      { text: '' },
      { text: 'Everyone has duties.' },
    ]);
    expect(draft.operative).toEqual([
      { text: 'Everyone has the right to education.', subitems: [], heading: 'Right to education' },
      { text: 'Everyone has duties.', subitems: [] },
    ]);
    expect(draft.paragraphs).toBe('articles');
  });

  it('IMP13: headings between clauses — section letters, Roman parts with or without a period, topic lines — head the clause after them', () => {
    const draft = parse(...HEAD, 'Declare:', '', 'I', '', '1. First.', '', 'II. Cooperation', '', '2. Second.', '', 'A. Health', '', '3. Third.', '', 'Security and Stability', '', '4. Fourth.');
    expect(draft.operative.map((op) => [op.heading, op.text])).toEqual([
      ['I', 'First.'],
      ['II. Cooperation', 'Second.'],
      ['A. Health', 'Third.'],
      ['Security and Stability', 'Fourth.'],
    ]);
    expect(draft.unplaced).toBeUndefined();
  });

  it('IMP13: a heading above preambular paragraphs ("Preamble") heads the first of them', () => {
    const draft = parse('Universal Declaration of Human Rights', '', 'Preamble', 'Whereas recognition of dignity is the foundation,', 'Whereas disregard for rights has resulted in barbarous acts,', '1. First.');
    expect(draft.preamble).toEqual([{ text: 'Whereas recognition of dignity is the foundation,', heading: 'Preamble' }, { text: 'Whereas disregard for rights has resulted in barbarous acts,' }]);
  });

  it('IMP14: typed working numbers "2 bis." and "7 ter." are kept as the paragraph\'s number; the text loses the marker', () => {
    const draft = parse(...HEAD, 'Declare:', '2. Second;', '2 bis. Inserted;', '3. Third;', '7 ter. Late.');
    expect(draft.operative.map((op) => [op.text, op.number])).toEqual([
      ['Second;', undefined],
      ['Inserted;', '2 bis'],
      ['Third;', undefined],
      ['Late.', '7 ter'],
    ]);
  });

  it.each([
    ['(a)', 'enclosed'],
    ['a)', 'closing'],
  ] as const)('IMP14: sub-items typed "%s" give the sub-item style %s', (marker, style) => {
    const draft = parse(...HEAD, 'Declare:', '1. To agree:', `${marker} one;`, `${marker.replace('a', 'b')} two.`);
    expect(draft.subItemStyle).toBe(style);
    expect(parse(...HEAD, 'Declare:', '1. To agree.').subItemStyle).toBeUndefined();
  });

  it('IMP14: an OCR\'d "(1)" before "(ii)" is the sub-item (i), not a paragraph', () => {
    const draft = parse(...HEAD, '1. Affirms the principles:', '(1) Withdrawal of forces ;', '(ii) Termination of claims;', '2. Decides.');
    expect(shape(draft.operative)).toEqual(['Affirms the principles:', ['Withdrawal of forces ;', 'Termination of claims;'], 'Decides.']);
  });

  it('IMP15: paragraphs without numbers after the chapeau or formula are operative clauses; the paragraph style is "unnumbered"', () => {
    const draft = parse('Declaration of Lima', '', 'We, the Ministers of Defense,', '', 'Recognizing the value of peace,', '', 'Declare:', '', 'Our commitment to peace.', '', 'Our support to the Network.', '', 'Done at Lima, 5 May 2023.');
    expect(draft.paragraphs).toBe('unnumbered');
    expect(shape(draft.operative)).toEqual(['Our commitment to peace.', 'Our support to the Network.']);
    expect(draft.closing).toBe('Done at Lima, 5 May 2023.');
  });

  it('IMP15: a long chapeau and formulas that are sentences, in four languages', () => {
    const chapeau = `We, the Heads of State and Government of ${'the Americas, '.repeat(40)}gathered in Mar del Plata,`;
    const en = parse('Declaration of Mar del Plata', '', chapeau, '', 'Recognizing the value of peace,', '', 'Adopts the following political declaration:', '', '1. Agree.');
    expect(en.chapeau).toBe(chapeau);
    expect(en.formula).toBe('Adopts the following political declaration:');
    const we = parse('Declaration', '', 'We, the Ministers,', '', 'Recognizing the value of peace,', '', 'we therefore:', '', '1. Agree.');
    expect(we.formula).toBe('we therefore:');
    const fr = parse('Déclaration', '', 'Considérant que la paix est un bien.', '', "L'Assemblée générale proclame la présente Déclaration comme l'idéal commun.", '', 'Article premier', '', 'Tous les êtres humains naissent libres.');
    expect(fr.formula).toBe("L'Assemblée générale proclame la présente Déclaration comme l'idéal commun.");
    expect(fr.preamble).toEqual([{ text: 'Considérant que la paix est un bien.' }]);
    const unesco = parse(
      'Declaration',
      '',
      'Recognizing the value of peace,',
      '',
      'The General Conference of the United Nations Educational, Scientific and Cultural Organization adopts, this tenth day of May 2001, the present Declaration.',
      '',
      'Article 1',
      '',
      'Peace is a right.',
    );
    expect(unesco.formula).toMatch(/^The General Conference .* the present Declaration\.$/u);
    expect(unesco.operative.map((op) => op.text)).toEqual(['Peace is a right.']);
  });
  it('IMP2: two preambular paragraphs glued on one line after ";" by a PDF copy are two paragraphs when the second opens with a known phrase', () => {
    const draft = parse(...HEAD.slice(0, 4), 'Imbuídos dos valores da paz; Tendo em mente o respeito pela integridade territorial,', '', 'Declaran:', '1. Primero.');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Imbuídos dos valores da paz;', 'Tendo em mente o respeito pela integridade territorial,']);
    expect(parse(...HEAD.slice(0, 4), 'Recalling the Charter; Peace is a value,', '1. First.').preamble).toHaveLength(1);
  });
});

describe('joint statements, bullets, annexes (issue 15, wave 2)', () => {
  it('IMP17: a joint statement: blocks typed without blank lines, each closed by its party line, commas and all; a facilitator; then witnesses', () => {
    const draft = parse(
      'Joint Statement on the Cessation of Hostilities',
      '1) The Parties declare a ceasefire.',
      '2) The Parties will meet again.',
      'Done in Addis Ababa, this 4th day of February 2018.',
      'Engineer Ibrahim Mahmoud Hamid,',
      'Assistant of the President of the Republic of Sudan,',
      'For the Government of the Republic of Sudan.',
      'Amar Amoun',
      'Secretary General,',
      'For the Sudan People’s Liberation Movement/Army - North',
      '',
      'Witnessed by:',
      'Thabo Mvuyelwa Mbeki',
      'Chairperson of the African Union High-Level Implementation Panel',
    );
    expect(draft.closing).toBe('Done in Addis Ababa, this 4th day of February 2018.');
    expect(shape(draft.operative)).toEqual(['The Parties declare a ceasefire.', 'The Parties will meet again.']);
    expect(draft.note).toBeNull();
    expect(draft.signatories).toEqual([
      { name: 'Engineer Ibrahim Mahmoud Hamid', title: 'Assistant of the President of the Republic of Sudan', state: 'For the Government of the Republic of Sudan.' },
      { name: 'Amar Amoun', title: 'Secretary General', state: 'For the Sudan People’s Liberation Movement/Army - North' },
      { name: 'Thabo Mvuyelwa Mbeki', title: 'Witnessed by: Chairperson of the African Union High-Level Implementation Panel', state: '' },
    ]);
  });

  it('IMP17: two blocks side by side in a text copy (es, fr), the party line opening each; "Testigo:" / "Témoin :" introduce witnesses', () => {
    const es = parse(
      ...HEAD,
      '1. Primero.',
      '',
      'Hecho en Lima, el 5 de mayo de 2023.',
      '',
      'Por la República del Perú:\t\tPor la República de Chile:',
      'Ana Cecilia Gervasi\t\tAlberto van Klaveren',
      'Ministra de Relaciones Exteriores\t\tMinistro de Relaciones Exteriores',
      '',
      'Testigo:',
      'Luis Almagro',
      'Secretario General de la OEA',
    );
    expect(es.closing).toBe('Hecho en Lima, el 5 de mayo de 2023.');
    expect(es.signatories).toEqual([
      { name: 'Ana Cecilia Gervasi', title: 'Ministra de Relaciones Exteriores', state: 'Por la República del Perú' },
      { name: 'Alberto van Klaveren', title: 'Ministro de Relaciones Exteriores', state: 'Por la República de Chile' },
      { name: 'Luis Almagro', title: 'Testigo: Secretario General de la OEA', state: '' },
    ]);
    const fr = parse(
      ...HEAD,
      '1. Premier.',
      '',
      'Fait à Rabat, le 4 décembre 2023.',
      '',
      'Pour le Gouvernement de la République française :      Pour le Gouvernement du Royaume du Maroc :',
      'Catherine Colonna      Nasser Bourita',
      '',
      'Témoin :',
      'Moussa Faki Mahamat',
      "Président de la Commission de l'Union africaine",
    );
    expect(fr.signatories.map((s) => [s.name, s.state, s.title])).toEqual([
      ['Catherine Colonna', 'Pour le Gouvernement de la République française', ''],
      ['Nasser Bourita', 'Pour le Gouvernement du Royaume du Maroc', ''],
      ['Moussa Faki Mahamat', '', "Témoin: Président de la Commission de l'Union africaine"],
    ]);
  });

  it('IMP17: a one-line block opening with its party line ("For the State of Eritrea President Isaias Afwerki."); the title printed again above "Done at" is reported, not glued to the last clause', () => {
    const draft = parse(
      'Joint Declaration on Cooperation',
      '',
      'Considering the ties between the peoples;',
      'The Governments have reached the following agreement:-',
      '',
      '1. The countries shall cooperate.',
      '',
      'Joint Declaration on Cooperation',
      'Done in Asmara, September 5, 2018',
      'For the Federal Republic of Somalia',
      'President Mohamed Abdullahi Mohamed',
      'For the State of Eritrea President Isaias Afwerki.',
    );
    expect(draft.formula).toBe('The Governments have reached the following agreement:-');
    expect(shape(draft.operative)).toEqual(['The countries shall cooperate.']);
    expect(draft.closing).toBe('Done in Asmara, September 5, 2018');
    expect(draft.signatories).toEqual([
      { name: 'President Mohamed Abdullahi Mohamed', title: '', state: 'For the Federal Republic of Somalia' },
      { name: '', title: '', state: 'For the State of Eritrea President Isaias Afwerki.' },
    ]);
    expect(draft.unplaced).toEqual([{ text: 'Joint Declaration on Cooperation', reason: 'unrecognised', before: { part: 'closing' } }]);
  });

  it('IMP18: bullets that open the operative part (after a formula too) are its paragraphs; bullets under a numbered paragraph are its sub-items; "▪" typed bullets, indented ones one level down', () => {
    // As the .txt, .md and .docx readers hand bullets over: a list item of kind 'bullet'.
    const bullet = (text: string, level = 0): DraftLine => ({ text, list: { level, kind: 'bullet' }, bullet: '•' });
    const lines = (...items: (string | DraftLine)[]) => items.map((l) => (typeof l === 'string' ? { text: l } : l));
    const afterFormula = recogniseDraft(lines(...HEAD, 'Agree:', '', bullet('To cooperate.'), bullet('To meet again.'), bullet('To report.')));
    expect(shape(afterFormula.operative)).toEqual(['To cooperate.', 'To meet again.', 'To report.']);
    const nested = recogniseDraft(lines(...HEAD, 'Agree:', '', bullet('To cooperate:'), bullet('in defence;', 1), bullet('in health.', 1), bullet('To meet again.')));
    expect(shape(nested.operative)).toEqual(['To cooperate:', ['in defence;', 'in health.'], 'To meet again.']);
    const under = recogniseDraft(lines(...HEAD, '1. Decides:', bullet('to cooperate;'), bullet('to meet again.'), '2. Requests a report.'));
    expect(shape(under.operative)).toEqual(['Decides:', ['to cooperate;', 'to meet again.'], 'Requests a report.']);
    const typed = parse(...HEAD, 'Acuerdan:', '', '▪ Cooperar en materia de defensa:', '  ▪ intercambiando información;', '  ▪ formando personal.', '▪ Reunirse cada año.');
    expect(shape(typed.operative)).toEqual(['Cooperar en materia de defensa:', ['intercambiando información;', 'formando personal.'], 'Reunirse cada año.']);
  });

  it('IMP18: an annex after the operative part (en, es, fr): its paragraphs follow the main ones as operative paragraphs, the "Annex" line and its title the heading of the first; nothing is lost', () => {
    const en = parse(...HEAD, '1. Adopts the Declaration annexed to the present resolution.', '', 'Adopted at the 50th meeting.', '', 'Annex', '', 'Declaration on Peace', '', 'We, the Ministers, are convinced that peace matters.', '', 'We commit to working together.');
    expect(en.closing).toBe('Adopted at the 50th meeting.');
    expect(en.operative.map((o) => [o.heading ?? null, o.text])).toEqual([
      [null, 'Adopts the Declaration annexed to the present resolution.'],
      ['Annex Declaration on Peace', 'We, the Ministers, are convinced that peace matters.'],
      [null, 'We commit to working together.'],
    ]);
    expect(en.unplaced).toBeUndefined();
    const es = parse(...HEAD, '1. Aprueba el Programa que figura en el anexo.', '', 'Anexo', '1. Primer párrafo del anexo.', '2. Segundo párrafo del anexo.');
    expect(es.operative.map((o) => [o.heading ?? null, o.text])).toEqual([
      [null, 'Aprueba el Programa que figura en el anexo.'],
      ['Anexo', 'Primer párrafo del anexo.'],
      [null, 'Segundo párrafo del anexo.'],
    ]);
    const fr = parse(...HEAD, '1. Adopte la Déclaration figurant en annexe.', '', 'Annexe II', '', 'Les États réaffirment leur attachement à la paix.');
    expect(fr.operative.map((o) => o.heading ?? null)).toEqual([null, 'Annexe II']);
    // After the signature page, with typed bullets: the annex's items are paragraphs, not sub-items of the last clause.
    const afterSignatures = parse(...HEAD, '1. Primero.', '', 'Por la República del Perú:', 'Ana Cecilia Gervasi', '', 'Anexo', '', 'Lista de participantes', '', '▪ Perú', '▪ Chile');
    expect(afterSignatures.signatories).toEqual([{ name: 'Ana Cecilia Gervasi', title: '', state: 'Por la República del Perú' }]);
    expect(afterSignatures.operative.map((o) => [o.heading ?? null, o.text, o.subitems.length])).toEqual([
      [null, 'Primero.', 0],
      ['Anexo Lista de participantes', 'Perú', 0],
      [null, 'Chile', 0],
    ]);
  });

  it('IMP9, IMP10: place and date under the title are the subtitle, at the end the closing ("San José, …, el 4 de diciembre de 2000,", "La Habana, 24 de fevereiro 2016")', () => {
    const es = parse('Declaración Conjunta', '', 'San José, Costa Rica, el 4 de diciembre de 2000,', '', 'Los Jefes de Estado, reunidos en San José,', '', 'Considerando', '', 'Los profundos lazos entre sus países, convinieron en emitir la siguiente', '', 'Declaración Conjunta:', '', 'Reafirman su compromiso.');
    expect([es.title, es.subtitle, es.chapeau, es.formula]).toEqual(['Declaración Conjunta', 'San José, Costa Rica, el 4 de diciembre de 2000,', 'Los Jefes de Estado, reunidos en San José,', 'Declaración Conjunta:']);
    // IMP13: "Considerando" alone on its line before a blank line is the lead-in, the paragraph's heading.
    expect(es.preamble).toEqual([{ text: 'Los profundos lazos entre sus países, convinieron en emitir la siguiente', heading: 'Considerando' }]);
    expect(shape(es.operative)).toEqual(['Reafirman su compromiso.']);
    const pt = parse(
      'DECLARAÇÃO DE CUBA E NORUEGA',
      'Cuba e Noruega, países Garantidores da Mesa de Conversações, anunciam à opinião pública que, como resultado de consultas realizadas nos últimos dias, se conseguiu um acordo para superar dificuldades recentes e normalizar as conversações.',
      'Os Garantidores saúdam o firme compromisso das partes.',
      'La Habana, 24 de fevereiro 2016',
    );
    expect(pt.title).toBe('DECLARAÇÃO DE CUBA E NORUEGA');
    expect(pt.operative).toHaveLength(2);
    expect(pt.paragraphs).toBe('unnumbered');
    expect(pt.closing).toBe('La Habana, 24 de fevereiro 2016');
  });
});
