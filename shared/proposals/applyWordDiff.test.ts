import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, mergeRuns, readRichText } from '../document/richTextFragment.ts';
import { toPlainText, type RichText } from '../richText.ts';
import { seededRandom } from '../seededRandom.ts';
import { applyWordDiff } from './applyWordDiff.ts';
import { fixtureClauses, randomEdits } from './randomEdits.ts';
import { wordSteps } from './wordDiff.ts';

/**
 * Accepting new wording (docs/SPEC.md PROP7): the word diff applied to the
 * clause's Y.XmlText changes only the words that differ, so words kept keep
 * their comment marks and their Yjs items, and a delegation typing in the
 * clause at the same moment loses nothing. WORD_DIFF_SEED=<n> replays other
 * draws (the seed is in every failure).
 */
const SEED = Number(process.env.WORD_DIFF_SEED ?? 20230912);

/** One character with its marks: the unit in which "nothing else changed" is checked. */
interface Char {
  ch: string;
  italic: boolean;
  bold: boolean;
  comments: string;
}

const charsOf = (text: RichText): Char[] =>
  text.flatMap((run) => [...run.text].map((ch) => ({ ch, italic: !!run.italic, bold: !!run.bold, comments: (run.comments ?? []).join(' ') })));

/**
 * What the clause must read after the diff: the proposal's words, and on
 * the words kept, the comment marks they had.
 */
function expectedAfter(from: RichText, to: RichText): Char[] {
  const before = charsOf(from);
  const out: Char[] = [];
  let at = 0;
  for (const step of wordSteps(from, to)) {
    const length = step.tokens.reduce((sum, token) => sum + token.text.length, 0);
    if (step.op === 'equal') out.push(...before.slice(at, at + length));
    if (step.op !== 'insert') at += length;
    if (step.op === 'insert') for (const token of step.tokens) out.push(...[...token.text].map((ch) => ({ ch, italic: token.italic, bold: token.bold, comments: '' })));
  }
  return out;
}

function clauseDoc(text: RichText): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  appendParagraph(body, text);
  return { doc, body };
}

const xmlTextOf = (body: Y.XmlFragment) => (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Comment marks on a few random stretches, as delegations' threads would sit on a clause. */
function withComments(text: RichText, random: () => number): RichText {
  const chars = charsOf(text);
  for (let thread = 1; thread <= 3; thread++) {
    const start = Math.floor(random() * chars.length);
    const end = Math.min(chars.length, start + 1 + Math.floor(random() * 40));
    for (let i = start; i < end; i++) chars[i]!.comments = chars[i]!.comments ? `${chars[i]!.comments} t${thread}` : `t${thread}`;
  }
  return mergeRuns(chars.map((c) => {
    const run: RichText[number] = { text: c.ch };
    if (c.italic) run.italic = true;
    if (c.bold) run.bold = true;
    if (c.comments) run.comments = c.comments.split(' ');
    return run;
  }));
}

/** Letters no clause of the fixture holds, so that what the other delegation typed can be told apart. */
const TYPED = /[α-ω]/u;
const typedLetters = (random: () => number) => Array.from({ length: 1 + Math.floor(random() * 4) }, () => String.fromCharCode(0x3b1 + Math.floor(random() * 24))).join('');

describe('applying a word diff to a clause', () => {
  it('PROP7: the clause reads exactly the proposal; kept words keep their comment marks, and only changed words are deleted', () => {
    const from: RichText = [
      { text: 'Recognizing', italic: true },
      { text: ' that the Parties ' },
      { text: 'shall', comments: ['t1'] },
      { text: ' promote ' },
      { text: 'peace and security', comments: ['t2'] },
      { text: ' in the region,' },
    ];
    const to: RichText = [{ text: 'Recognizing', italic: true }, { text: ' that all Parties should promote peace and ' }, { text: 'lasting', italic: true }, { text: ' security in the region;' }];
    const { doc, body } = clauseDoc(from);
    const deltas: { insert?: unknown; delete?: number }[] = [];
    xmlTextOf(body).observe((event) => deltas.push(...(event.delta as { insert?: unknown; delete?: number }[])));
    doc.transact(() => applyWordDiff(body, to));

    expect(readRichText(body)).toEqual([
      { text: 'Recognizing', italic: true },
      { text: ' that all Parties should promote ' },
      { text: 'peace and ', comments: ['t2'] },
      { text: 'lasting', italic: true },
      { text: ' ' },
      { text: 'security', comments: ['t2'] },
      { text: ' in the region;' },
    ]);
    // Deleted: "the", "shall", "," — 9 characters; nothing kept was deleted and written again.
    expect(deltas.reduce((sum, op) => sum + (op.delete ?? 0), 0)).toBe('the'.length + 'shall'.length + ','.length);
    expect(deltas.flatMap((op) => (typeof op.insert === 'string' ? [op.insert] : [])).join('')).toBe('allshouldlasting ;');
  });

  it('PROP7: an empty clause, or one without its paragraph, takes the proposal; an empty proposal empties it', () => {
    const { doc, body } = clauseDoc([]);
    doc.transact(() => applyWordDiff(body, [{ text: 'Noting', italic: true }, { text: ' the report,' }]));
    expect(readRichText(body)).toEqual([{ text: 'Noting', italic: true }, { text: ' the report,' }]);
    doc.transact(() => applyWordDiff(body, []));
    expect(readRichText(body)).toEqual([]);

    const bare = new Y.Doc();
    const fragment = bare.getXmlFragment('body');
    bare.transact(() => applyWordDiff(fragment, [{ text: 'Welcoming the network,' }]));
    expect(readRichText(fragment)).toEqual([{ text: 'Welcoming the network,' }]);
  });

  it('PROP7: an inserted word takes the proposal\'s formatting, not the italics or comment of the word before it', () => {
    const { doc, body } = clauseDoc([{ text: 'Bearing in mind', italic: true, comments: ['t1'] }, { text: ' the Charter' }]);
    doc.transact(() => applyWordDiff(body, [{ text: 'Bearing in mind', italic: true }, { text: ' also the Charter' }]));
    expect(readRichText(body)).toEqual([{ text: 'Bearing in mind', italic: true, comments: ['t1'] }, { text: ' also the Charter' }]);
  });

  it('PROP7: a word a comment begins inside is still kept whole, its comment with it', () => {
    const { doc, body } = clauseDoc([{ text: 'an impo' }, { text: 'rtant mea', comments: ['t1'] }, { text: 'ns of peace' }]);
    doc.transact(() => applyWordDiff(body, [{ text: 'an important means of lasting peace' }]));
    expect(readRichText(body)).toEqual([{ text: 'an impo' }, { text: 'rtant mea', comments: ['t1'] }, { text: 'ns of lasting peace' }]);
  });

  it(`PROP7: over random edits of every real clause, the clause reads the proposal exactly, comment marks kept on kept words (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    let cases = 0;
    for (let round = 0; round < 8; round++) {
      for (const [n, clause] of fixtureClauses().entries()) {
        const from = withComments(round % 2 === 0 ? clause : randomEdits(clause, random, 2), random);
        const to = randomEdits(clause, random, 1 + Math.floor(random() * 6));
        const where = `seed ${SEED}, round ${round}, clause ${n}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
        const { doc, body } = clauseDoc(from);
        let deleted = 0;
        xmlTextOf(body).observe((event) => (deleted += (event.delta as { delete?: number }[]).reduce((sum, op) => sum + (op.delete ?? 0), 0)));
        doc.transact(() => applyWordDiff(body, to));
        expect(charsOf(readRichText(body)), where).toEqual(expectedAfter(from, to));
        const mustDelete = wordSteps(from, to).reduce((sum, step) => sum + (step.op === 'delete' ? step.tokens.reduce((s, t) => s + t.text.length, 0) : 0), 0);
        expect(deleted, where).toBe(mustDelete);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(200);
  });

  it(`PROP7: a delegation typing in the clause while the proposal is accepted loses no letter, and both copies converge (seed ${SEED})`, () => {
    const random = seededRandom(SEED + 1);
    let cases = 0;
    let typedInKeptWords = 0;
    for (let round = 0; round < 6; round++) {
      for (const [n, clause] of fixtureClauses().entries()) {
        const from = round % 2 === 0 ? clause : withComments(clause, random);
        const to = randomEdits(clause, random, 1 + Math.floor(random() * 6));
        const a = clauseDoc(from).doc;
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const textA = xmlTextOf(a.getXmlFragment('body'));
        const textB = xmlTextOf(b.getXmlFragment('body'));

        // Positions inside words the proposal keeps (in the text both start from), and both ends.
        const kept: number[] = [];
        let at = 0;
        for (const step of wordSteps(from, to)) {
          if (step.op === 'insert') continue;
          for (const token of step.tokens) {
            if (step.op === 'equal' && token.text.length > 1 && /^[\p{L}\p{N}]/u.test(token.text)) for (let i = 1; i < token.text.length; i++) kept.push(at + i);
            at += token.text.length;
          }
        }
        // B types at the start, at the end (as delegates append) and inside kept words, each stretch of letters in one go.
        const anchors = kept.map((offset) => Y.createRelativePositionFromTypeIndex(textB, offset));
        const typed: string[] = [];
        for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
          const choice = random();
          let pos = textB.length;
          if (choice < 0.2) pos = 0;
          else if (choice >= 0.45 && anchors.length > 0) {
            // Where that kept word's letter is now, after what B typed before.
            pos = Y.createAbsolutePositionFromRelativePosition(anchors[Math.floor(random() * anchors.length)]!, b)!.index;
            typedInKeptWords++;
          }
          const before = textB.toString();
          // Never inside a stretch B typed before, so that each stays in one piece.
          if (pos > 0 && pos < before.length && TYPED.test(before[pos - 1]!) && TYPED.test(before[pos]!)) continue;
          const letters = typedLetters(random);
          textB.insert(pos, letters);
          typed.push(letters);
        }
        const typedUpdate = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
        a.transact(() => applyWordDiff(a.getXmlFragment('body'), to));
        const acceptedUpdate = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
        Y.applyUpdate(a, typedUpdate);
        Y.applyUpdate(b, acceptedUpdate);

        const where = `seed ${SEED}, round ${round}, clause ${n}: B typed ${JSON.stringify(typed)}; ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
        const result = readRichText(a.getXmlFragment('body'));
        expect(readRichText(b.getXmlFragment('body')), where).toEqual(result);
        expect(textA.toString(), where).toBe(textB.toString());
        const plainResult = toPlainText(result);
        for (const letters of typed) expect(plainResult, where).toContain(letters);
        // Without B's letters, the clause is the proposal, marks and kept comments included.
        expect(
          charsOf(result).filter((c) => !TYPED.test(c.ch)),
          where,
        ).toEqual(expectedAfter(from, to));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect(typedInKeptWords).toBeGreaterThan(100);
  });
});
