import type { RichText } from './richText.ts';

/**
 * A declaration as a person would type it, without ids or order keys:
 * the shape of fixtures and of imported drafts (import/seedFromDraft.ts). `writeSeed` turns it
 * into a collaborative document.
 */
export interface SeedSubitem {
  body: RichText;
  subitems?: SeedSubitem[];
  /** The heading printed above it (Clause.heading); absent: none. */
  heading?: string;
  /**
   * A working number the source gave it ("2 bis", "a ter"): not text of the
   * document — the server freezes the numbering with it when it makes the
   * declaration (server/declarations/createDeclaration.ts, WN). Absent: the
   * number after the one before.
   */
  number?: string;
}

export type SeedOperative = SeedSubitem;

/**
 * A footnote with the id its references name: the runs of the text that
 * carry `footnote: id` are its markers (Run.footnote), so the seed, unlike
 * the rest, holds an id.
 */
export interface SeedFootnote {
  id: string;
  marker: string;
  body: RichText;
}

export interface SeedSignatory {
  name: string;
  title: string;
  /** The state as printed under the signature, e.g. "República Argentina". */
  state: string;
}

export interface DeclarationSeed {
  /** The conference line above the title. */
  conference: RichText;
  title: RichText;
  /** The line saying who approved it, where and when. */
  subtitle: RichText;
  /** The actor line: "The Honorable Ministers …,". */
  chapeau: RichText;
  preamble: RichText[];
  /** The heading above each preambular paragraph, by its index in `preamble`; absent or empty: none. */
  preambleHeadings?: (string | undefined)[];
  /** "Declare:" */
  formula: RichText;
  operative: SeedOperative[];
  note: RichText;
  /** "Done at …"; absent: empty. */
  closing?: RichText;
  signatories: SeedSignatory[];
  /** In the order they print; absent: none. */
  footnotes?: SeedFootnote[];
}

/** A declaration with only a title: the start of a new negotiation. */
export function emptySeed(title: RichText): DeclarationSeed {
  return { conference: [], title, subtitle: [], chapeau: [], preamble: [], formula: [], operative: [], note: [], signatories: [] };
}
