import { toPlainText, type RichText } from '../../shared/richText.ts';
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
 * Markdown (CommonMark): the title as a heading, italics as `*…*`, the
 * operative part as an ordered list with the sub-items nested under their
 * paragraph ("- a) …", since Markdown has no lettered lists), the
 * signature blocks after a rule. Every character of the text that Markdown
 * would read as syntax is escaped, and `<` and `&` are written as entities,
 * so the file renders as the text it holds, also through an HTML renderer.
 * The negotiation variant quotes, under each clause, the changes refused on
 * it and its open proposals, redlined `[-deleted-]` `[+inserted+]`.
 *
 * A clause's heading is `### heading` above it; in a declaration in
 * articles, `### Article 3`, then the caption as `#### caption`, then the
 * paragraph as a paragraph, without a number (its sub-items still a list).
 * Unnumbered paragraphs are plain paragraphs. The closing line follows the
 * operative part; footnotes are Markdown footnotes, `[^1]` where referenced
 * and `[^1]: text` at the end, before the signatures.
 */

/** Escapes text inside a line: markup characters get a backslash, `<`, `>` and `&` become entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** What a line may not start with, or it becomes a list, a heading, a rule or a code block. */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^\s+/, '');
  return trimmed.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+=#])/, '\\$1');
}

/** A run list as Markdown: marks around the words, whitespace outside the markers (or they would not be emphasis). */
export function inlineMarkdown(text: RichText): string {
  return escapeLineStart(runsMarkdown(text));
}

/** A footnote label: its marker, with the characters that would end it escaped. */
export function footnoteLabel(marker: string): string {
  return `[^${marker.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, '-')}]`;
}

type Emphasis = 'bold' | 'italic';
const DELIMITER: Record<Emphasis, string> = { bold: '**', italic: '*' };

/** A piece of the output: a word (or footnote label) or the white space between words, with the marks it prints under. */
interface Atom {
  out: string;
  space: boolean;
  marks: Set<Emphasis>;
}

function marksOf(run: RichText[number]): Set<Emphasis> {
  const marks = new Set<Emphasis>();
  if (run.bold) marks.add('bold');
  if (run.italic) marks.add('italic');
  return marks;
}

/**
 * inlineMarkdown for text that does not start a line. A footnote reference (Run.footnote) is `[^marker]`.
 *
 * Emphasis spans runs: "*Bearing in mind* that" and, for a bold word inside
 * italics, `***x**,*` — one span per mark, nested, the longer outside —
 * never `***x****,*`, which CommonMark reads otherwise (EXP2). Delimiters
 * hug words: white space at a span's edge stays outside it, or the
 * delimiter would not be emphasis; a space inside a span keeps the marks
 * both its neighbours and its own run share.
 */
export function runsMarkdown(text: RichText): string {
  const atoms: Atom[] = [];
  for (const run of text) {
    const marks = marksOf(run);
    if (run.footnote !== undefined) {
      atoms.push({ out: footnoteLabel(run.text), space: false, marks });
      continue;
    }
    for (const piece of escapeMarkdown(run.text).split(/(\s+)/u)) {
      if (piece !== '') atoms.push({ out: piece, space: /^\s/u.test(piece), marks: new Set(marks) });
    }
  }
  // A space between words keeps only the marks of both words around it.
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    if (!atom.space || atom.marks.size === 0) continue;
    let before = i - 1;
    while (before >= 0 && atoms[before]!.space) before--;
    let after = i + 1;
    while (after < atoms.length && atoms[after]!.space) after++;
    for (const mark of [...atom.marks]) {
      if (before < 0 || after >= atoms.length || !atoms[before]!.marks.has(mark) || !atoms[after]!.marks.has(mark)) atom.marks.delete(mark);
    }
  }
  const extent = (from: number, mark: Emphasis) => {
    let to = from;
    while (to < atoms.length && atoms[to]!.marks.has(mark)) to++;
    return to - from;
  };
  const open: Emphasis[] = [];
  let out = '';
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i]!;
    // Close what ends here; a mark still wanted that was opened inside one that ends is closed and opened again.
    const ending = open.findIndex((mark) => !atom.marks.has(mark));
    if (ending !== -1) {
      const closed = open.splice(ending);
      out += closed.reverse().map((mark) => DELIMITER[mark]).join('');
    }
    const starting = [...atom.marks].filter((mark) => !open.includes(mark)).sort((a, b) => extent(i, b) - extent(i, a));
    for (const mark of starting) {
      out += DELIMITER[mark];
      open.push(mark);
    }
    out += atom.out;
  }
  return out + open.reverse().map((mark) => DELIMITER[mark]).join('');
}

/**
 * The redline marks, brackets escaped: they render as `[+…+]` and `[-…-]`,
 * but an unescaped `[+x+]` followed by "(javascript:…)" in the clause, or
 * at a line start followed by ":", would be read as a link (SPEC EXP6).
 */
export const MARKDOWN_REDLINE_MARKS = { insert: ['\\[+', '+\\]'], delete: ['\\[-', '-\\]'] } as const;

function statusLine(clause: ExportClause, words: DocumentWords): string {
  return `**\\[${escapeMarkdown(clause.label)}\\]** *${escapeMarkdown(describeStatus(words, clause))}*`;
}

/** Reservations and objections (POS4), one quoted line each. */
function positionLines(clause: ExportClause, indent: string, words: DocumentWords): string[] {
  if (clause.positions.length === 0) return [];
  return ['', ...clause.positions.map((position, i) => `${indent}> ${escapeLineStart(escapeMarkdown(describePosition(words, position)))}${i < clause.positions.length - 1 ? '\\' : ''}`)];
}

function refusalLines(clause: ExportClause, indent: string, words: DocumentWords): string[] {
  return clause.refused.flatMap((note) =>
    note.attempted === ''
      ? ['', `${indent}> **${escapeMarkdown(describeRefusal(words, note))}.**`]
      : ['', `${indent}> **${escapeMarkdown(describeRefusal(words, note))}:**\\`, `${indent}> ${escapeLineStart(escapeMarkdown(note.attempted))}`],
  );
}

/** Each open proposal quoted under its clause: what and who, remarks, the redline, justification, supporters and objectors. */
function proposalLines(clause: ExportClause, indent: string, words: DocumentWords): string[] {
  return clause.proposals.flatMap((proposal) => {
    const lines = [
      `**${escapeMarkdown(describeAlternative(words, proposal))}**`,
      ...proposalRemarks(words, clause, proposal).map((remark) => `*${escapeMarkdown(remark)}*`),
      escapeLineStart(markRedline(proposal.redline, runsMarkdown, MARKDOWN_REDLINE_MARKS)),
      ...[describeJustification(words, proposal), describeReactions(words, proposal)].filter((line) => line !== '').map((line) => escapeLineStart(escapeMarkdown(line))),
    ];
    // One quote block per alternative, its lines held together by hard breaks.
    return ['', ...lines.map((line, i) => `${indent}> ${line}${i < lines.length - 1 ? '\\' : ''}`)];
  });
}

/** A comment thread (EXP16), one quote block: its heading in bold, the passage, then each comment "*by:* text". */
function threadMarkdown(thread: ThreadLines, indent: string): string[] {
  const lines = [
    `**${escapeMarkdown(thread.heading)}**`,
    ...(thread.passage === null ? [] : [escapeLineStart(escapeMarkdown(thread.passage))]),
    ...thread.comments.map((comment) => `*${escapeMarkdown(comment.by)}:* ${comment.deleted ? `*${escapeMarkdown(comment.text)}*` : escapeMarkdown(comment.text)}`),
  ];
  return ['', ...lines.map((line, i) => `${indent}> ${line}${i < lines.length - 1 ? '\\' : ''}`)];
}

function commentLines(input: ExportInput, clause: ExportClause, indent: string): string[] {
  return threadsOf(input, clause.id).flatMap((thread) => threadMarkdown(thread, indent));
}

/** One operative paragraph or sub-item as a list item, with its own sub-items nested. */
function listItem(clause: ExportClause, indent: string, variant: ExportVariant, working: boolean, words: DocumentWords, input: ExportInput): string[] {
  if (clause.deleted) {
    if (variant !== 'negotiation') return [];
    // Articles and unnumbered paragraphs are no list: their placeholder ("Article 5 [deleted]") is a paragraph of its own.
    const unlisted = clause.depth === 0 && clause.kind === 'operative' && (clause.article !== null || clause.marker === '');
    return [`${unlisted ? '' : `${indent}- `}*${escapeMarkdown(describeDeleted(words, clause))}*`];
  }
  const lines: string[] = [];
  if (clause.depth === 0 && clause.kind === 'operative' && (clause.article !== null || clause.cleanMarker === '')) {
    // Articles and unnumbered paragraphs print no number: the paragraph is a paragraph, its sub-items a list under it.
    const article = articleLine(clause, variant);
    if (article !== null) lines.push(`### ${escapeMarkdown(article)}`, '');
    if (clause.heading !== '') lines.push(`${article !== null ? '####' : '###'} ${headingMarkdown(clause.heading)}`, '');
    if (variant === 'negotiation') lines.push(`${statusLine(clause, words)}\\`);
    lines.push(inlineMarkdown(clause.body));
    if (variant === 'negotiation') lines.push(...positionLines(clause, '', words), ...refusalLines(clause, '', words), ...proposalLines(clause, '', words), ...commentLines(input, clause, ''));
    for (const child of clause.children.map((item) => listItem(item, '', variant, working, words, input)).filter((item) => item.length > 0)) lines.push('', ...child);
    return lines;
  }
  // Markdown counts 1…n itself; working numbers (7 bis), which it cannot count, are written out after a bullet (WN7).
  const bullet = clause.depth === 0 && !working ? `${clause.path[0]}. ` : `- ${escapeLineStart(escapeMarkdown(working ? clause.marker : clause.cleanMarker))} `;
  // Continuation lines line up with the item's content.
  const inner = indent + ' '.repeat(bullet.startsWith('- ') ? 2 : bullet.length);
  // A paragraph's heading stands above its list item; a sub-item's inside its paragraph's item, at the item's indent, so that the list goes on.
  if (clause.heading !== '') lines.push(`${indent}### ${headingMarkdown(clause.heading)}`, '');
  if (variant === 'negotiation') {
    lines.push(`${indent}${bullet}${statusLine(clause, words)}\\`, `${inner}${inlineMarkdown(clause.body)}`);
  } else {
    lines.push(`${indent}${bullet}${inlineMarkdown(clause.body)}`);
  }
  if (variant === 'negotiation') lines.push(...positionLines(clause, inner, words), ...refusalLines(clause, inner, words), ...proposalLines(clause, inner, words), ...commentLines(input, clause, inner));
  const children = clause.children.map((child) => listItem(child, inner, variant, working, words, input)).filter((item) => item.length > 0);
  if (children.length > 0) {
    lines.push('');
    children.forEach((child, i) => {
      if (i > 0) lines.push('');
      lines.push(...child);
    });
  }
  return lines;
}

/** A heading's text: escaped, its trailing #s not read as the heading's closing sequence. */
function headingMarkdown(text: string): string {
  return escapeMarkdown(text).replace(/#+\s*$/, (end) => end.replace(/#/g, '\\#'));
}

export function renderMarkdown(input: ExportInput, variant: ExportVariant): string {
  const blocks: string[] = [];
  const add = (block: string) => {
    if (block.trim() !== '') blocks.push(block);
  };
  const { meta } = input;
  const words = wordsOf(input);
  if (variant === 'negotiation') {
    add(
      `> **${escapeMarkdown(negotiationHeading(input))}**\\\n> ${escapeMarkdown(describeCounts(input))} ${escapeMarkdown(words.negotiationNotice)}`,
    );
  }
  add(inlineMarkdown(meta.conference));
  // A heading's trailing #s would be read as its closing sequence.
  if (toPlainText(meta.title).trim() !== '') add(`# ${inlineMarkdown(meta.title).replace(/(?<!\\)#+\s*$/, (end) => end.replace(/#/g, '\\#'))}`);
  add(inlineMarkdown(meta.subtitle));
  const adopted = adoptionLine(input);
  if (adopted !== null) add(`*${escapeMarkdown(adopted)}*`);
  add(inlineMarkdown(meta.chapeau));
  for (const clause of input.preamble) {
    if (!clause.deleted && clause.heading !== '') add(`### ${headingMarkdown(clause.heading)}`);
    if (clause.deleted) {
      if (variant === 'negotiation') add(`*${escapeMarkdown(describeDeleted(words, clause))}*`);
    } else if (variant === 'negotiation') add([`${statusLine(clause, words)}\\`, inlineMarkdown(clause.body), ...positionLines(clause, '', words), ...refusalLines(clause, '', words), ...proposalLines(clause, '', words), ...commentLines(input, clause, '')].join('\n'));
    else add(inlineMarkdown(clause.body));
  }
  add(inlineMarkdown(meta.formula));
  const working = variant === 'negotiation' && input.frozen;
  for (const clause of input.operative) add(listItem(clause, '', variant, working, words, input).join('\n'));
  add(inlineMarkdown(meta.closing));
  if (toPlainText(meta.note).trim() !== '') add(`${escapeMarkdown(words.note)}${inlineMarkdown(meta.note)}`);
  for (const footnote of input.footnotes) add(`${footnoteLabel(footnote.marker)}: ${runsMarkdown(footnote.body)}`);
  if (variant === 'negotiation' && input.comments && input.comments.elsewhere.length > 0) {
    add(`## ${escapeMarkdown(input.comments.elsewhereHeading)}`);
    for (const thread of input.comments.elsewhere) add(threadMarkdown(thread, '').join('\n'));
  }
  if (input.signatories.length > 0) {
    add('---');
    for (const s of input.signatories) {
      const lines = [s.name === '' ? '' : `**${escapeMarkdown(s.name)}**`, escapeLineStart(escapeMarkdown(s.title)), s.state === '' ? '' : `*${escapeMarkdown(s.state)}*`].filter((l) => l !== '');
      add(lines.join('\\\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
