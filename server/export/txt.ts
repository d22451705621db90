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

/**
 * Plain text, wrapped at 80 columns: the heading centred, numbered
 * paragraphs with a hanging indent, signature blocks at the end. The
 * negotiation variant puts each clause's label and status on a line of its
 * own above it, and below it the changes refused on it, marked "Not applied",
 * and its open proposals as alternatives, redlined `[-deleted-]` `[+inserted+]`.
 */
export const TXT_WIDTH = 80;

export const TXT_REDLINE_MARKS = { insert: ['[+', '+]'], delete: ['[-', '-]'] } as const;

/** Words of `text` in lines: the first starts with `first`, the others with `rest` (both count in `width`). */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

function centre(text: string): string[] {
  return wrap(text, TXT_WIDTH).map((line) => ' '.repeat(Math.max(0, Math.floor((TXT_WIDTH - line.length) / 2))) + line);
}

const INDENT = 4;

function clauseLines(clause: ExportClause, variant: ExportVariant, words: DocumentWords): string[] {
  const out: string[] = [];
  const indent = ' '.repeat(clause.depth * INDENT);
  if (clause.deleted) return variant === 'negotiation' ? wrap(describeDeleted(words, clause), TXT_WIDTH, indent) : [];
  if (variant === 'negotiation') out.push(`${indent}[${clause.label}] ${describeStatus(words, clause)}`);
  const text = toPlainText(clause.body);
  const marker = printedMarker(clause, variant);
  if (marker === '') {
    out.push(...wrap(text, TXT_WIDTH, indent));
  } else {
    const column = Math.max(INDENT, marker.length + 1);
    out.push(...wrap(text, TXT_WIDTH, indent + marker.padEnd(column), indent + ' '.repeat(column)));
  }
  if (variant === 'negotiation') {
    const noteIndent = ' '.repeat(clause.depth * INDENT + INDENT);
    for (const position of clause.positions) out.push(...wrap(describePosition(words, position), TXT_WIDTH, noteIndent));
    for (const note of clause.refused) {
      out.push(...wrap(`[${describeRefusal(words, note)}${note.attempted === '' ? ']' : ':]'}`, TXT_WIDTH, noteIndent));
      if (note.attempted !== '') out.push(...wrap(note.attempted, TXT_WIDTH, `${noteIndent}| `));
    }
    for (const proposal of clause.proposals) {
      out.push(...wrap(`[${describeAlternative(words, proposal)}]`, TXT_WIDTH, noteIndent));
      for (const remark of proposalRemarks(words, clause, proposal)) out.push(...wrap(remark, TXT_WIDTH, noteIndent));
      out.push(...wrap(markRedline(proposal.redline, toPlainText, TXT_REDLINE_MARKS), TXT_WIDTH, `${noteIndent}| `));
      for (const line of [describeJustification(words, proposal), describeReactions(words, proposal)]) if (line !== '') out.push(...wrap(line, TXT_WIDTH, noteIndent));
    }
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
      ...wrap(negotiationHeading(input).toUpperCase(), TXT_WIDTH),
      ...wrap(describeCounts(input), TXT_WIDTH),
      ...wrap(words.negotiationNotice, TXT_WIDTH),
      '='.repeat(TXT_WIDTH),
    ]);
  }
  add(centre(toPlainText(meta.conference)));
  add(centre(toPlainText(meta.title)));
  add(wrap(toPlainText(meta.subtitle), TXT_WIDTH));
  const adopted = adoptionLine(input);
  if (adopted !== null) add(centre(adopted));
  add(wrap(toPlainText(meta.chapeau), TXT_WIDTH));
  for (const clause of input.preamble) add(clauseLines(clause, variant, words));
  add(wrap(toPlainText(meta.formula), TXT_WIDTH));
  const walk = (clauses: ExportClause[]) => {
    for (const clause of clauses) {
      add(clauseLines(clause, variant, words));
      walk(clause.children);
    }
  };
  walk(input.operative);
  const note = toPlainText(meta.note);
  if (note !== '') add(wrap(`${words.note}${note}`, TXT_WIDTH));
  if (input.signatories.length > 0) {
    add(['-'.repeat(TXT_WIDTH)]);
    for (const s of input.signatories) {
      add(['_'.repeat(36), ...[s.name, s.title, s.state].filter((line) => line !== '').flatMap((line) => wrap(line, TXT_WIDTH))]);
    }
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
