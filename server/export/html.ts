import { conventionsOf } from '../../shared/declarationLanguage.ts';
import type { Signatory } from '../../shared/declaration.ts';
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
  printedMarker,
  proposalRemarks,
  type ExportClause,
  type ExportInput,
  type ExportVariant,
  wordsOf,
  adoptionLine,
} from './exportInput.ts';
import type { DocumentWords } from '../../shared/documentWords.ts';
import type { ExportProposal } from './exportProposal.ts';
import { threadsOf, type ThreadLines } from './exportComments.ts';

/**
 * One standalone, printable HTML page: inline CSS (serif, A4 margins, the
 * signature page on a page of its own when printed), no scripts, no
 * external resources. All text is escaped. The negotiation variant boxes
 * each clause with its label and status, the changes refused on it and its
 * open proposals, redlined with `<ins>` (underlined) and `<del>` (struck).
 *
 * A clause's heading is an `<h3>` above it; in a declaration in articles
 * the article line is the `<h3>` and the caption an `<h4>`, and the
 * paragraph has no number. The closing line follows the operative part; a
 * footnote's marker is superscript where referenced, linked to its note,
 * and the notes follow at the end under a rule, each "marker text".
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The anchor of a footnote's note: its number, so that any id makes a valid fragment. */
const noteAnchor = (number: number) => `fn-${number}`;

/**
 * Rich text as HTML. `footnotes` (footnote id → its number) makes a
 * reference (Run.footnote) a superscript link to its note; without it, or
 * for an unknown id, the marker is still superscript.
 */
export function inlineHtml(text: RichText, footnotes?: ReadonlyMap<string, number>): string {
  return text
    .map((run) => {
      if (run.footnote !== undefined) {
        const number = footnotes?.get(run.footnote);
        const marker = escapeHtml(run.text);
        return `<sup class="fnref">${number === undefined ? marker : `<a href="#${noteAnchor(number)}">${marker}</a>`}</sup>`;
      }
      let html = escapeHtml(run.text);
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

export const STYLE = `
@page { size: A4; margin: 2.5cm 2.2cm; }
html { background: #fff; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 12pt; line-height: 1.45; color: #000; max-width: 40em; margin: 2em auto; padding: 0 1.5em; }
header { text-align: center; margin-bottom: 2em; }
header p { text-align: center; }
.conference { font-variant: small-caps; margin: 0 0 1em; }
h1 { font-size: 16pt; font-weight: bold; margin: 0 0 1em; }
.subtitle { margin: 0; }
p { margin: 0 0 0.8em; text-align: justify; }
.chapeau { margin-bottom: 1.2em; }
.formula { margin: 1.2em 0; }
.op { padding-left: 2.5em; text-indent: -2.5em; }
.op .num { display: inline-block; min-width: 2.5em; text-indent: 0; white-space: pre; }
.depth-1 { margin-left: 2.5em; }
.depth-2 { margin-left: 5em; }
.note { margin-top: 1.5em; }
.signatures { break-before: page; page-break-before: always; display: grid; grid-template-columns: repeat(2, 1fr); gap: 2em 2.5em; padding-top: 2em; }
.signature { break-inside: avoid; page-break-inside: avoid; text-align: center; }
.signature p { margin: 0; text-align: center; }
.signature .line { border-top: 1px solid #000; margin: 3em 1em 0.4em; }
.signature .name { font-weight: bold; }
.signature .state { font-style: italic; }
.banner { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; border: 1px solid #999; background: #f3f3f3; padding: 0.6em 0.8em; margin-bottom: 2em; text-align: left; }
.clause { border-left: 3px solid #bbb; padding-left: 0.6em; margin-bottom: 0.9em; break-inside: avoid; page-break-inside: avoid; }
.clause > p:last-child { margin-bottom: 0.3em; }
.clause.status-agreed { border-left-color: #2e7d32; }
.clause.status-ad-ref { border-left-color: #b26a00; }
.label { font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #333; margin: 0 0 0.2em; text-indent: 0; padding-left: 0; }
.label b { margin-right: 0.3em; }
.refused { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; background: #fdecea; border: 1px dashed #c62828; padding: 0.3em 0.6em; margin: 0.3em 0 0.6em; }
.refused p { margin: 0; text-indent: 0; padding-left: 0; }
.refused .attempted { font-family: "Times New Roman", Times, serif; font-size: 11pt; color: #555; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .clause, .refused, .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

// Only a text with headings, articles, unnumbered paragraphs, a closing line or footnotes needs these: the others keep the style they had.
const PARTS_STYLE = `
h3, h4 { font-size: 12pt; margin: 1.2em 0 0.6em; break-after: avoid; page-break-after: avoid; }
h3 { font-weight: bold; }
h4 { font-weight: normal; font-style: italic; }
.article { text-align: center; }
.op.unnumbered { padding-left: 0; text-indent: 0; }
.closing { margin-top: 1.2em; }
.fnref { font-size: 0.75em; line-height: 0; }
.fnref a { color: inherit; text-decoration: none; }
.footnotes { margin-top: 2em; font-size: 10pt; }
.footnotes hr { border: 0; border-top: 1px solid #000; width: 30%; margin: 0 0 0.6em; }
.footnotes p { margin: 0 0 0.3em; text-align: left; }
`;

/** Whether the text has any part that PARTS_STYLE lays out. */
function hasParts(input: ExportInput): boolean {
  const clauses = [...input.preamble, ...input.operative.flatMap(function all(clause): ExportClause[] {
    return [clause, ...clause.children.flatMap(all)];
  })];
  return input.paragraphs !== 'numbered' || input.meta.closing.length > 0 || input.footnotes.length > 0 || clauses.some((clause) => clause.heading !== '');
}

// Only the negotiation text has proposals, positions and deleted numbers: the clean page keeps the style it had (SPEC PROP14).
const PROPOSAL_STYLE = `
.proposal { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; background: #eef3fa; border: 1px solid #4a6f9c; padding: 0.3em 0.6em; margin: 0.3em 0 0.6em; }
.proposal p { margin: 0; text-indent: 0; padding-left: 0; }
.proposal .alt { font-weight: bold; }
.proposal .remark { font-style: italic; }
.proposal .redline { font-family: "Times New Roman", Times, serif; font-size: 11pt; margin: 0.2em 0; }
.proposal ins { text-decoration: underline; color: #1a4f8b; }
.proposal del { text-decoration: line-through; color: #8b1a1a; }
.position { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; margin: 0 0 0.2em; text-indent: 0; padding-left: 0; }
.position.objection { color: #8b1a1a; }
.clause.deleted { border-left-style: dashed; color: #555; }
@media print { .proposal { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

// Only a negotiation text made with its comment threads has them (EXP16).
const COMMENTS_STYLE = `
.thread { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; border: 1px solid #8a8a8a; background: #fafafa; padding: 0.3em 0.6em; margin: 0.3em 0 0.6em; }
.thread.resolved { border-style: dashed; color: #444; }
.thread p { margin: 0 0 0.2em; text-indent: 0; padding-left: 0; text-align: left; }
.thread .thread-heading { font-weight: bold; }
.thread .passage { font-style: italic; }
.thread .by { color: #333; }
.thread .comment.deleted { font-style: italic; color: #666; }
`;

/** A comment thread (EXP16): its heading, the passage, then each comment with who wrote it and when. */
function threadHtml(thread: ThreadLines): string {
  const lines = [
    `<p class="thread-heading">${escapeHtml(thread.heading)}</p>`,
    ...(thread.passage === null ? [] : [`<p class="passage">${escapeHtml(thread.passage)}</p>`]),
    ...thread.comments.map((comment) => `<p class="comment${comment.deleted ? ' deleted' : ''}"><span class="by">${escapeHtml(comment.by)}:</span> ${escapeHtml(comment.text)}</p>`),
  ];
  return `<div class="thread${thread.resolved ? ' resolved' : ''}">${lines.join('')}</div>`;
}

function redlineHtml(proposal: ExportProposal): string {
  return proposal.redline
    .map((segment) => {
      const html = inlineHtml(segment.runs);
      return segment.op === 'insert' ? `<ins>${html}</ins>` : segment.op === 'delete' ? `<del>${html}</del>` : html;
    })
    .join('');
}

function proposalHtml(clause: ExportClause, proposal: ExportProposal, words: DocumentWords): string {
  const lines = [
    `<p class="alt">${escapeHtml(describeAlternative(words, proposal))}</p>`,
    ...proposalRemarks(words, clause, proposal).map((remark) => `<p class="remark">${escapeHtml(remark)}</p>`),
    `<p class="redline">${redlineHtml(proposal)}</p>`,
  ];
  const justification = describeJustification(words, proposal);
  if (justification !== '') lines.push(`<p class="justification">${escapeHtml(justification)}</p>`);
  const reactions = describeReactions(words, proposal);
  if (reactions !== '') lines.push(`<p class="reactions">${escapeHtml(reactions)}</p>`);
  return `<div class="proposal">${lines.join('')}</div>`;
}

/** The article line and the heading above a clause (h3; a caption under an article line is an h4). */
function headingsHtml(clause: ExportClause, variant: ExportVariant): string[] {
  if (clause.deleted) return [];
  const article = articleLine(clause, variant);
  const out: string[] = [];
  if (article !== null) out.push(`<h3 class="article">${escapeHtml(article)}</h3>`);
  if (clause.heading !== '') out.push(article !== null ? `<h4 class="heading">${escapeHtml(clause.heading)}</h4>` : `<h3 class="heading">${escapeHtml(clause.heading)}</h3>`);
  return out;
}

function clauseHtml(clause: ExportClause, variant: ExportVariant, words: DocumentWords, notes: ReadonlyMap<string, number>, threads: readonly ThreadLines[] = []): string {
  const isOperative = clause.kind === 'operative';
  // Sub-items are indented: the paragraph itself in the clean text, its whole box in the negotiation text.
  const depth = isOperative && clause.depth > 0 ? ` depth-${Math.min(clause.depth, 2)}` : '';
  if (clause.deleted) return variant === 'negotiation' ? `<div class="clause deleted${depth}"><p class="label">${escapeHtml(describeDeleted(words, clause))}</p></div>` : '';
  const className = isOperative ? `op${variant === 'clean' ? depth : ''}` : 'pp';
  // The space after the number is a real one, kept (white-space: pre) inside the number's box: copied text reads "1. Takes note …", and the text still starts at the hanging indent (SPEC EXP8).
  const marker = printedMarker(clause, variant);
  // An unnumbered paragraph (articles, unnumbered style) has no number box and no hanging indent.
  const number = isOperative && marker !== '' ? `<span class="num">${escapeHtml(marker)} </span>` : '';
  const paragraph = `<p class="${isOperative && marker === '' ? `${className} unnumbered` : className}">${number}${inlineHtml(clause.body, notes)}</p>`;
  const headings = headingsHtml(clause, variant);
  if (variant === 'clean') return [...headings, paragraph].join('\n');
  const refused = clause.refused.map((note) =>
    note.attempted === ''
      ? `<div class="refused"><p>${escapeHtml(describeRefusal(words, note))}.</p></div>`
      : `<div class="refused"><p>${escapeHtml(describeRefusal(words, note))}:</p><p class="attempted">${escapeHtml(note.attempted)}</p></div>`,
  );
  return [
    ...headings,
    `<div class="clause status-${clause.status?.state ?? 'open'}${depth}">`,
    `<p class="label"><b>${escapeHtml(clause.label)}</b> ${escapeHtml(describeStatus(words, clause))}</p>`,
    paragraph,
    ...clause.positions.map((position) => `<p class="position ${position.position}">${escapeHtml(describePosition(words, position))}</p>`),
    ...refused,
    ...clause.proposals.map((proposal) => proposalHtml(clause, proposal, words)),
    ...threads.map(threadHtml),
    '</div>',
  ].join('\n');
}

/** The signature page: one block per signatory. */
export function signaturesHtml(signatories: readonly Pick<Signatory, 'name' | 'title' | 'state'>[]): string {
  const blocks = signatories.map(
    (s) =>
      `<div class="signature"><div class="line"></div><p class="name">${escapeHtml(s.name)}</p>` +
      `<p class="title">${escapeHtml(s.title)}</p><p class="state">${escapeHtml(s.state)}</p></div>`,
  );
  return `<section class="signatures">\n${blocks.join('\n')}\n</section>`;
}

/** One standalone printable page around the declaration's parts. */
export function htmlPage(page: { language: string; title: string; style: string; className: string; parts: string[] }): string {
  return (
    '<!doctype html>\n' +
    `<html lang="${escapeHtml(page.language)}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="generator" content="Consenso">\n' +
    `<title>${escapeHtml(page.title)}</title>\n` +
    `<style>${page.style}</style>\n</head>\n<body>\n<article class="declaration ${page.className}">\n${page.parts.join('\n')}\n</article>\n</body>\n</html>\n`
  );
}

export function renderHtml(input: ExportInput, variant: ExportVariant): string {
  const { meta } = input;
  const words = wordsOf(input);
  const title = toPlainText(meta.title).trim() || words.untitled;
  const notes = new Map(input.footnotes.map((footnote) => [footnote.id, footnote.number]));
  const inline = (text: RichText) => inlineHtml(text, notes);
  const parts: string[] = [];
  if (variant === 'negotiation') {
    parts.push(
      `<p class="banner"><b>${escapeHtml(negotiationHeading(input))}</b><br>${escapeHtml(describeCounts(input))} ${escapeHtml(words.negotiationNotice)}</p>`,
    );
  }
  const heading: string[] = [];
  if (meta.conference.length > 0) heading.push(`<p class="conference">${inline(meta.conference)}</p>`);
  heading.push(`<h1>${inline(meta.title)}</h1>`);
  if (meta.subtitle.length > 0) heading.push(`<p class="subtitle">${inline(meta.subtitle)}</p>`);
  const adopted = adoptionLine(input);
  if (adopted !== null) heading.push(`<p class="adopted"><i>${escapeHtml(adopted)}</i></p>`);
  parts.push(`<header>\n${heading.join('\n')}\n</header>`);
  if (meta.chapeau.length > 0) parts.push(`<p class="chapeau">${inline(meta.chapeau)}</p>`);
  const preamble = input.preamble.map((c) => clauseHtml(c, variant, words, notes, threadsOf(input, c.id))).filter((html) => html !== '');
  if (preamble.length > 0) parts.push(`<section class="preamble">\n${preamble.join('\n')}\n</section>`);
  if (meta.formula.length > 0) parts.push(`<p class="formula">${inline(meta.formula)}</p>`);
  const operative: string[] = [];
  const walk = (clauses: ExportClause[]) => {
    for (const clause of clauses) {
      const html = clauseHtml(clause, variant, words, notes, threadsOf(input, clause.id));
      if (html !== '') operative.push(html);
      walk(clause.children);
    }
  };
  walk(input.operative);
  if (operative.length > 0) parts.push(`<section class="operative">\n${operative.join('\n')}\n</section>`);
  if (meta.closing.length > 0) parts.push(`<p class="closing">${inline(meta.closing)}</p>`);
  if (meta.note.length > 0) parts.push(`<p class="note">${escapeHtml(words.note)}${inline(meta.note)}</p>`);
  if (input.footnotes.length > 0) {
    const items = input.footnotes.map((footnote) => `<p class="footnote" id="${noteAnchor(footnote.number)}"><sup>${escapeHtml(footnote.marker)}</sup> ${inlineHtml(footnote.body)}</p>`);
    parts.push(`<section class="footnotes">\n<hr>\n${items.join('\n')}\n</section>`);
  }
  if (variant === 'negotiation' && input.comments && input.comments.elsewhere.length > 0) {
    parts.push(`<section class="comments-elsewhere">\n<h2>${escapeHtml(input.comments.elsewhereHeading)}</h2>\n${input.comments.elsewhere.map(threadHtml).join('\n')}\n</section>`);
  }
  if (input.signatories.length > 0) parts.push(signaturesHtml(input.signatories));
  return htmlPage({ language: conventionsOf(input.language).htmlLang, title: variant === 'negotiation' ? `${title} ${words.workingTextSuffix}` : title, style: STYLE + (hasParts(input) ? PARTS_STYLE : '') + (variant === 'negotiation' ? PROPOSAL_STYLE : '') + (variant === 'negotiation' && input.comments ? COMMENTS_STYLE : ''), className: variant, parts });
}
