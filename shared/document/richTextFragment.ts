import * as Y from 'yjs';
import type { RichText, Run } from '../richText.ts';
import { COMMENT_MARK, threadsOfMark } from './commentMark.ts';
import { ENTRY_ID } from './limits.ts';
import { FOOTNOTE_MARK, PARAGRAPH } from './names.ts';

/**
 * Rich text inside a Y.XmlFragment, in the shape Tiptap's collaboration
 * binding writes: paragraph elements holding one XmlText whose formatting
 * attributes are mark names (`{ italic: {} }`).
 */
export function marksOf(run: Run): Record<string, object> {
  const marks: Record<string, object> = {};
  if (run.italic) marks.italic = {};
  if (run.bold) marks.bold = {};
  if (run.comments && run.comments.length > 0) marks[COMMENT_MARK] = { threads: run.comments.join(' ') };
  if (run.footnote !== undefined) marks[FOOTNOTE_MARK] = { id: run.footnote };
  return marks;
}

/** Appends one paragraph holding `text`. The fragment must be in a document. */
export function appendParagraph(fragment: Y.XmlFragment, text: RichText): void {
  const paragraph = new Y.XmlElement(PARAGRAPH);
  fragment.insert(fragment.length, [paragraph]);
  const xmlText = new Y.XmlText();
  paragraph.insert(0, [xmlText]);
  let at = 0;
  for (const run of text) {
    if (run.text === '') continue;
    // Explicit attributes, even empty ones, so a plain run does not inherit
    // the italics of the run before it.
    xmlText.insert(at, run.text, marksOf(run));
    at += run.text.length;
  }
}

/** The footnote id a `footnote` mark's value names, or null (no mark, or a value the model does not write). */
export function footnoteOfMark(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && ENTRY_ID.test(id) ? id : null;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

/** The runs of one paragraph's text, as stored (comment marks included). */
export function runsOfText(xmlText: Y.XmlText): RichText {
  const runs: RichText = [];
  for (const op of xmlText.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') continue;
    const run: Run = { text: op.insert };
    if (op.attributes?.italic) run.italic = true;
    if (op.attributes?.bold) run.bold = true;
    const threads = threadsOfMark(op.attributes?.[COMMENT_MARK]);
    if (threads.length > 0) run.comments = threads;
    const footnote = footnoteOfMark(op.attributes?.[FOOTNOTE_MARK]);
    if (footnote !== null) run.footnote = footnote;
    runs.push(run);
  }
  return runs;
}

function runsOfElement(element: Y.XmlElement | Y.XmlText): RichText {
  if (element instanceof Y.XmlText) return runsOfText(element);
  return element.toArray().flatMap((child) =>
    child instanceof Y.XmlText || child instanceof Y.XmlElement ? runsOfElement(child) : [],
  );
}

/**
 * The fragment's text. A clause holds one paragraph; if concurrent edits left
 * several, they are joined with a space rather than hidden.
 */
export function readRichText(fragment: Y.XmlFragment): RichText {
  const paragraphs = fragment
    .toArray()
    .filter((node): node is Y.XmlElement | Y.XmlText => node instanceof Y.XmlElement || node instanceof Y.XmlText)
    .map(runsOfElement);
  const runs: RichText = [];
  paragraphs.forEach((paragraph, i) => {
    if (i > 0 && paragraph.length > 0 && runs.length > 0) runs.push({ text: ' ' });
    runs.push(...paragraph);
  });
  return mergeRuns(runs);
}

/** Joins neighbouring runs with the same marks. */
export function mergeRuns(runs: RichText): RichText {
  const out: RichText = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.italic === !!run.italic && !!last.bold === !!run.bold && sameThreads(last.comments, run.comments) && last.footnote === run.footnote) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else if (run.text !== '') {
      out.push(run);
    }
  }
  return out;
}

function sameThreads(a: string[] | undefined, b: string[] | undefined): boolean {
  return (a ?? []).join(' ') === (b ?? []).join(' ');
}
