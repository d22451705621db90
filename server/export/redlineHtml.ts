import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { documentWords } from '../../shared/documentWords.ts';
import { conventionsOf } from '../../shared/declarationLanguage.ts';
import type { MetaField } from '../../shared/declaration.ts';
import { escapeHtml, htmlPage, inlineHtml, signaturesHtml, STYLE } from './html.ts';
import {
  describeChange,
  describeLegendEntry,
  describeMovedFrom,
  describeMovedTo,
  legendTitle,
  type RedlineExport,
  type RedlineFootnote,
  type RedlineParagraph,
  type RedlinePiece,
} from './redline.ts';

/**
 * The redline as one standalone page (docs/SPEC.md RED1), in the clean
 * page's layout (server/export/html.ts): insertions underlined (`<ins>`),
 * deletions struck (`<del>`), each in its author's colour and with a title
 * naming who and when; a legend under the heading line says who made which
 * change. A moved clause's old place is one struck line naming where it
 * went. All text is escaped.
 */

/** Distinct on paper and on screen; an author past the last shares a colour, never a name. */
export const AUTHOR_COLOURS = ['#1a4f8b', '#8b1a1a', '#2e6b1f', '#7a3e9d', '#a15c00', '#006d77', '#6b4f1d', '#b0306a'] as const;

const REDLINE_STYLE = `
ins { text-decoration: underline; }
del { text-decoration: line-through; }
.changes { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; border: 1px solid #999; background: #f3f3f3; padding: 0.6em 0.8em; margin-bottom: 2em; text-align: left; }
.changes p { text-align: left; margin: 0 0 0.3em; }
.changes ul { margin: 0.2em 0 0; padding-left: 1.2em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; vertical-align: baseline; }
.moved { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #555; }
h3.heading { font-size: 1em; margin: 1.2em 0 0.4em; }
.footnotes { margin-top: 2em; font-size: 10pt; }
.footnotes hr { border: 0; border-top: 1px solid #000; width: 30%; margin: 0 0 0.6em; }
.footnotes p { margin: 0 0 0.3em; text-align: left; }
@media print { .changes, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function colourClasses(redline: RedlineExport): { css: string; of: (author: string) => string } {
  const index = new Map(redline.legend.map((entry, i) => [entry.author, i % AUTHOR_COLOURS.length]));
  const css = AUTHOR_COLOURS.map((colour, i) => `.by-${i} { color: ${colour}; } .swatch.by-${i} { background: ${colour}; }`).join('\n');
  return { css, of: (author) => `by-${index.get(author) ?? 0}` };
}

function piecesHtml(pieces: readonly RedlinePiece[], colourOf: (author: string) => string): string {
  return pieces
    .map((piece) => {
      const html = inlineHtml(piece.runs);
      if (piece.op === 'equal' || piece.change === null) return html;
      const tag = piece.op === 'insert' ? 'ins' : 'del';
      return `<${tag} class="${colourOf(piece.change.author)}" title="${escapeHtml(describeChange(piece.change))}">${html}</${tag}>`;
    })
    .join('');
}

/** A footnote (EXP13) as changed: its marker superscript, then its text. */
function footnoteHtml(footnote: RedlineFootnote, colourOf: (author: string) => string): string {
  return `<p class="footnote"><sup>${piecesHtml(footnote.marker, colourOf)}</sup> ${piecesHtml(footnote.pieces, colourOf)}</p>`;
}

function clauseHtml(language: DeclarationLanguage, paragraph: RedlineParagraph, colourOf: (author: string) => string): string {
  const depth = paragraph.kind === 'operative' && paragraph.depth > 0 ? ` depth-${Math.min(paragraph.depth, 2)}` : '';
  // Its heading (HEAD1, EXP11) above it, as changed.
  const heading = paragraph.heading === null ? '' : `<h3 class="heading${depth}">${piecesHtml(paragraph.heading.pieces, colourOf)}</h3>\n`;
  return heading + clauseBodyHtml(language, paragraph, colourOf, depth);
}

function clauseBodyHtml(language: DeclarationLanguage, paragraph: RedlineParagraph, colourOf: (author: string) => string, depth: string): string {
  if (paragraph.change === 'moved-from') {
    const who = paragraph.mark ? ` class="${colourOf(paragraph.mark.author)}" title="${escapeHtml(describeChange(paragraph.mark))}"` : '';
    return `<p class="moved${depth}"><del${who}>${escapeHtml(describeMovedFrom(language, paragraph))}</del></p>`;
  }
  const className = paragraph.kind === 'operative' ? `op${depth}` : 'pp';
  let number = '';
  if (paragraph.kind === 'operative') {
    const marker = escapeHtml(paragraph.marker);
    // The number of a paragraph added or deleted comes and goes with it.
    // A space inside the number's box, as the clean HTML has it (EXP8): copied text reads "1. Takes note".
    number = `<span class="num">${paragraph.change === 'added' ? `<ins>${marker}</ins>` : paragraph.change === 'deleted' ? `<del>${marker}</del>` : marker} </span>`;
  }
  const moved = paragraph.change === 'moved-to' ? ` <span class="moved">${escapeHtml(describeMovedTo(language, paragraph))}</span>` : '';
  return `<p class="${className}">${number}${piecesHtml(paragraph.pieces, colourOf)}${moved}</p>`;
}

function metaHtml(redline: RedlineExport, field: MetaField, colourOf: (author: string) => string): string {
  const meta = redline.meta[field];
  if (meta.change === 'absent') return field === 'title' ? '<h1></h1>' : '';
  const html = piecesHtml(meta.pieces, colourOf);
  switch (field) {
    case 'title':
      return `<h1>${html}</h1>`;
    case 'note': {
      const note = escapeHtml(documentWords(redline.language).note.trimEnd());
      const label = meta.change === 'added' ? `<ins>${note}</ins>` : meta.change === 'deleted' ? `<del>${note}</del>` : note;
      return `<p class="note">${label} ${html}</p>`;
    }
    default:
      return `<p class="${field}">${html}</p>`;
  }
}

export function renderRedlineHtml(redline: RedlineExport): string {
  const { css, of: colourOf } = colourClasses(redline);
  const legend = redline.legend.map((entry) => `<li><span class="swatch ${colourOf(entry.author)}"></span>${escapeHtml(describeLegendEntry(redline.language, entry))}</li>`);
  const parts: string[] = [
    `<div class="changes"><p><b>${escapeHtml(redline.heading)}</b></p><p>${escapeHtml(redline.summary)}</p>` +
      (legend.length > 0 ? `<p>${escapeHtml(legendTitle(redline.language))}</p><ul>${legend.join('')}</ul>` : '') +
      '</div>',
  ];
  const heading = (['conference', 'title', 'subtitle'] as const).map((field) => metaHtml(redline, field, colourOf)).filter((html) => html !== '');
  parts.push(`<header>\n${heading.join('\n')}\n</header>`);
  const chapeau = metaHtml(redline, 'chapeau', colourOf);
  if (chapeau !== '') parts.push(chapeau);
  if (redline.preamble.length > 0) parts.push(`<section class="preamble">\n${redline.preamble.map((p) => clauseHtml(redline.language, p, colourOf)).join('\n')}\n</section>`);
  const formula = metaHtml(redline, 'formula', colourOf);
  if (formula !== '') parts.push(formula);
  if (redline.operative.length > 0) parts.push(`<section class="operative">\n${redline.operative.map((p) => clauseHtml(redline.language, p, colourOf)).join('\n')}\n</section>`);
  const closing = metaHtml(redline, 'closing', colourOf);
  if (closing !== '') parts.push(closing);
  const note = metaHtml(redline, 'note', colourOf);
  if (note !== '') parts.push(note);
  if (redline.footnotes.length > 0) parts.push(`<section class="footnotes">\n<hr>\n${redline.footnotes.map((f) => footnoteHtml(f, colourOf)).join('\n')}\n</section>`);
  if (redline.signatories.length > 0) parts.push(signaturesHtml(redline.signatories));
  return htmlPage({ language: conventionsOf(redline.language).htmlLang, title: `${redline.title || documentWords(redline.language).untitled} (${redline.heading})`, style: `${STYLE}${REDLINE_STYLE}${css}\n`, className: 'redline', parts });
}
