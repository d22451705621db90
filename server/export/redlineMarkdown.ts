import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { documentWords } from '../../shared/documentWords.ts';
import type { MetaField } from '../../shared/declaration.ts';
import { markRedline } from './exportProposal.ts';
import { escapeLineStart, escapeMarkdown, MARKDOWN_REDLINE_MARKS, runsMarkdown } from './markdown.ts';
import { describeLegendEntry, describeMovedFrom, describeMovedTo, legendTitle, type RedlineExport, type RedlineFootnote, type RedlineParagraph, type RedlinePiece } from './redline.ts';

/**
 * The redline in Markdown (docs/SPEC.md RED1): the clean text's layout
 * (server/export/markdown.ts) with `[+inserted+]` and `[-deleted-]`, their
 * brackets escaped as the negotiation text's proposals are, so that no
 * change ever reads as a link. A quoted block opens the file: the heading
 * line, the summary and who made which change. Operative paragraphs carry
 * their numbers written out after a bullet, since a list Markdown counted
 * would count the deleted paragraphs too.
 */

const marked = (pieces: readonly RedlinePiece[]) => markRedline([...pieces], runsMarkdown, MARKDOWN_REDLINE_MARKS);

/** A whole line inserted or deleted, between one pair of marks. */
function wholly(op: 'insert' | 'delete', text: string): string {
  const [open, close] = MARKDOWN_REDLINE_MARKS[op];
  return `${open}${text}${close}`;
}

/** A clause's heading (HEAD1, EXP11) as changed: `### heading` above it, a sub-item's inside its paragraph's list item. */
function headingLine(paragraph: RedlineParagraph): string | null {
  if (paragraph.heading === null) return null;
  const indent = paragraph.kind === 'operative' ? '    '.repeat(Math.min(paragraph.depth, 2)) : '';
  return `${indent}### ${marked(paragraph.heading.pieces)}`;
}

/** A footnote (EXP13) as changed: its marker, then its text, a paragraph of its own after the note. */
function footnoteLine(footnote: RedlineFootnote): string {
  return escapeLineStart(`${marked(footnote.marker)} ${marked(footnote.pieces)}`);
}

function clauseLine(language: DeclarationLanguage, paragraph: RedlineParagraph): string {
  const bullet = (number: string) => `${'    '.repeat(Math.min(paragraph.depth, 2))}- ${number}`;
  if (paragraph.change === 'moved-from') {
    const line = wholly('delete', escapeMarkdown(describeMovedFrom(language, paragraph)));
    return paragraph.kind === 'preamble' ? line : bullet(line);
  }
  let text = escapeLineStart(marked(paragraph.pieces));
  if (paragraph.change === 'moved-to') text += ` *${escapeMarkdown(describeMovedTo(language, paragraph))}*`;
  if (paragraph.kind === 'preamble') return text;
  // "3." after a bullet would start a list of its own.
  const marker = escapeMarkdown(paragraph.marker).replace(/^(\d+)\./, '$1\\.');
  const number = paragraph.change === 'added' ? wholly('insert', marker) : paragraph.change === 'deleted' ? wholly('delete', marker) : marker;
  return bullet(`${number} ${text}`);
}

function metaBlock(redline: RedlineExport, field: MetaField): string {
  const meta = redline.meta[field];
  if (meta.change === 'absent') return '';
  const text = escapeLineStart(marked(meta.pieces));
  if (field === 'title') return `# ${text.replace(/(?<!\\)#+\s*$/, (end) => end.replace(/#/g, '\\#'))}`;
  const note = escapeMarkdown(documentWords(redline.language).note.trimEnd());
  if (field === 'note') return `${meta.change === 'kept' ? note : wholly(meta.change === 'added' ? 'insert' : 'delete', note)} ${text}`;
  return text;
}

export function renderRedlineMarkdown(redline: RedlineExport): string {
  const blocks: string[] = [];
  const add = (block: string) => {
    if (block.trim() !== '') blocks.push(block);
  };
  const intro = [`**${escapeMarkdown(redline.heading)}**`, escapeLineStart(escapeMarkdown(redline.summary))];
  if (redline.legend.length > 0) intro.push(escapeMarkdown(legendTitle(redline.language)), ...redline.legend.map((entry) => escapeLineStart(escapeMarkdown(describeLegendEntry(redline.language, entry)))));
  add(intro.map((line, i) => `> ${line}${i < intro.length - 1 ? '\\' : ''}`).join('\n'));
  for (const field of ['conference', 'title', 'subtitle', 'chapeau'] as const) add(metaBlock(redline, field));
  for (const paragraph of redline.preamble) {
    add(headingLine(paragraph) ?? '');
    add(clauseLine(redline.language, paragraph));
  }
  add(metaBlock(redline, 'formula'));
  // One list: the paragraphs and their sub-items, nested by indentation; a paragraph's heading starts a list of its own.
  let list: string[] = [];
  for (const paragraph of redline.operative) {
    const heading = headingLine(paragraph);
    if (heading !== null && paragraph.depth === 0) {
      add(list.join('\n'));
      add(heading);
      list = [];
    } else if (heading !== null) list.push('', heading, '');
    list.push(clauseLine(redline.language, paragraph));
  }
  add(list.join('\n'));
  add(metaBlock(redline, 'closing'));
  add(metaBlock(redline, 'note'));
  for (const footnote of redline.footnotes) add(footnoteLine(footnote));
  if (redline.signatories.length > 0) {
    add('---');
    for (const s of redline.signatories) {
      const lines = [s.name === '' ? '' : `**${escapeMarkdown(s.name)}**`, escapeLineStart(escapeMarkdown(s.title)), s.state === '' ? '' : `*${escapeMarkdown(s.state)}*`].filter((l) => l !== '');
      add(lines.join('\\\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
