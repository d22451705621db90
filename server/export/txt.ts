import { toPlainText } from '../../shared/richText.ts';
import {
  describeAlternative,
  describeCounts,
  describeDeleted,
  describeJustification,
  describePosition,
  describeReactions,
  describeRefusal,
  describeStatus,
  negotiationHeading,
  articleLine,
  printedMarker,
  proposalRemarks,
  type ExportClause,
  type ExportInput,
  type ExportVariant,
  wordsOf,
  adoptionLine,
} from './exportInput.ts';
import type { DocumentWords } from '../../shared/documentWords.ts';
import { markRedline } from './exportProposal.ts';
import { threadsOf, type ThreadLines } from './exportComments.ts';

/**
 * Plain text, one line per paragraph (docs/SPEC.md EXP9): the heading
 * centred, numbered paragraphs with their number in front, signature blocks
 * at the end. It does not wrap: a line break inside a clause would end in
 * "," or "." and the import (IMP5) would read a new paragraph, or
 * signatories, there. The negotiation variant puts each clause's label and
 * status on a line of its own above it, and below it the changes refused on
 * it, marked "Not applied", and its open proposals as alternatives,
 * redlined `[-deleted-]` `[+inserted+]`.
 *
 * A clause's heading is a line of its own above it; in a declaration in
 * articles the article line ("Article 3") comes first, then the caption,
 * then the paragraph without a number. The closing line follows the
 * operative part; footnote markers stay in the text as typed, and the notes
 * follow the note after a line of ten underscores, one line each, "1 text".
 */
/** The width of the rules and of the centring of short heading lines; no text is wrapped at it. */
export const TXT_WIDTH = 80;

export const TXT_REDLINE_MARKS = { insert: ['[+', '+]'], delete: ['[-', '-]'] } as const;

/**
 * `text` on one line after `prefix`, each run of spaces and line breaks one
 * space. No-break spaces are not white space here: they stay (French
 * typography, IMP5).
 */
export function oneLine(text: string, prefix = ''): string[] {
  return [(prefix + text.split(/[ \t\r\n]+/u).filter((w) => w !== '').join(' ')).trimEnd()];
}

/** A short line centred in the width; a longer one as it is. */
function centre(text: string): string[] {
  return oneLine(text).map((line) => ' '.repeat(Math.max(0, Math.floor((TXT_WIDTH - line.length) / 2))) + line);
}

const INDENT = 4;

/** The line of ten underscores above the footnotes, as typed drafts set them off. */
export const TXT_FOOTNOTE_RULE = '_'.repeat(10);

/** The article line and the heading above a clause, each a paragraph of its own, at the clause's indent. */
function headingBlocks(clause: ExportClause, variant: ExportVariant): string[][] {
  if (clause.deleted) return [];
  const indent = ' '.repeat(clause.depth * INDENT);
  return [articleLine(clause, variant), clause.heading].filter((line): line is string => line !== null && line !== '').map((line) => oneLine(line, indent));
}

/** A comment thread (EXP16): its heading in brackets, the passage, then "by: text" per comment, one line each (EXP9). */
function threadTxt(thread: ThreadLines, indent: string): string[] {
  return [
    ...oneLine(`[${thread.heading}]`, indent),
    ...(thread.passage === null ? [] : oneLine(thread.passage, indent)),
    ...thread.comments.flatMap((comment) => oneLine(`${comment.by}: ${comment.text}`, `${indent}> `)),
  ];
}

function clauseLines(clause: ExportClause, variant: ExportVariant, words: DocumentWords, input: ExportInput): string[] {
  const out: string[] = [];
  const indent = ' '.repeat(clause.depth * INDENT);
  if (clause.deleted) return variant === 'negotiation' ? oneLine(describeDeleted(words, clause), indent) : [];
  if (variant === 'negotiation') out.push(`${indent}[${clause.label}] ${describeStatus(words, clause)}`);
  const text = toPlainText(clause.body);
  const marker = printedMarker(clause, variant);
  out.push(...oneLine(text, marker === '' ? indent : indent + marker.padEnd(Math.max(INDENT, marker.length + 1))));
  if (variant === 'negotiation') {
    const noteIndent = ' '.repeat(clause.depth * INDENT + INDENT);
    for (const position of clause.positions) out.push(...oneLine(describePosition(words, position), noteIndent));
    for (const note of clause.refused) {
      out.push(...oneLine(`[${describeRefusal(words, note)}${note.attempted === '' ? ']' : ':]'}`, noteIndent));
      if (note.attempted !== '') out.push(...oneLine(note.attempted, `${noteIndent}| `));
    }
    for (const proposal of clause.proposals) {
      out.push(...oneLine(`[${describeAlternative(words, proposal)}]`, noteIndent));
      for (const remark of proposalRemarks(words, clause, proposal)) out.push(...oneLine(remark, noteIndent));
      out.push(...oneLine(markRedline(proposal.redline, toPlainText, TXT_REDLINE_MARKS), `${noteIndent}| `));
      for (const line of [describeJustification(words, proposal), describeReactions(words, proposal)]) if (line !== '') out.push(...oneLine(line, noteIndent));
    }
    for (const thread of threadsOf(input, clause.id)) out.push(...threadTxt(thread, noteIndent));
  }
  return out;
}

export function renderTxt(input: ExportInput, variant: ExportVariant): string {
  const blocks: string[][] = [];
  const add = (lines: string[]) => {
    if (lines.length > 0 && lines.some((l) => l.trim() !== '')) blocks.push(lines);
  };
  const { meta } = input;
  const words = wordsOf(input);
  if (variant === 'negotiation') {
    add([
      ...oneLine(negotiationHeading(input).toUpperCase()),
      ...oneLine(describeCounts(input)),
      ...oneLine(words.negotiationNotice),
      '='.repeat(TXT_WIDTH),
    ]);
  }
  add(centre(toPlainText(meta.conference)));
  add(centre(toPlainText(meta.title)));
  add(oneLine(toPlainText(meta.subtitle)));
  const adopted = adoptionLine(input);
  if (adopted !== null) add(centre(adopted));
  add(oneLine(toPlainText(meta.chapeau)));
  const walk = (clauses: ExportClause[]) => {
    for (const clause of clauses) {
      headingBlocks(clause, variant).forEach(add);
      add(clauseLines(clause, variant, words, input));
      walk(clause.children);
    }
  };
  walk(input.preamble);
  add(oneLine(toPlainText(meta.formula)));
  walk(input.operative);
  add(oneLine(toPlainText(meta.closing)));
  const note = toPlainText(meta.note);
  if (note !== '') add(oneLine(`${words.note}${note}`));
  if (input.footnotes.length > 0) add([TXT_FOOTNOTE_RULE, ...input.footnotes.flatMap((footnote) => oneLine(toPlainText(footnote.body), footnote.marker === '' ? '' : `${footnote.marker} `))]);
  if (variant === 'negotiation' && input.comments && input.comments.elsewhere.length > 0) {
    add(oneLine(input.comments.elsewhereHeading.toUpperCase()));
    for (const thread of input.comments.elsewhere) add(threadTxt(thread, ''));
  }
  if (input.signatories.length > 0) {
    add(['-'.repeat(TXT_WIDTH)]);
    for (const s of input.signatories) {
      add(['_'.repeat(36), ...[s.name, s.title, s.state].filter((line) => line !== '').flatMap((line) => oneLine(line))]);
    }
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
