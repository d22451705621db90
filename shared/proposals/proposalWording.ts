import { mergeRuns } from '../document/richTextFragment.ts';
import type { RichText } from '../richText.ts';

/**
 * Text as a proposal holds it (PROP1, FN2): italics, bold and footnote
 * references are wording — a marker that lost its mark would no longer point
 * to its note — while comment marks are threads anchored on the clause, not
 * part of what is proposed. Empty runs go.
 */
export function proposalWording(text: RichText): RichText {
  return mergeRuns(
    text
      .filter((run) => run.text !== '')
      .map((run) => ({
        text: run.text,
        ...(run.italic ? { italic: true } : {}),
        ...(run.bold ? { bold: true } : {}),
        ...(run.footnote !== undefined ? { footnote: run.footnote } : {}),
      })),
  );
}
