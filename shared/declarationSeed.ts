import type { RichText } from './richText.ts';

/**
 * A declaration as a person would type it, without ids or order keys:
 * the shape of fixtures and of imported drafts (import/seedFromDraft.ts). `writeSeed` turns it
 * into a collaborative document.
 */
export interface SeedSubitem {
  body: RichText;
  subitems?: SeedSubitem[];
}

export interface SeedOperative {
  body: RichText;
  subitems?: SeedSubitem[];
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
  /** "Declare:" */
  formula: RichText;
  operative: SeedOperative[];
  note: RichText;
  /** "Done at …"; absent: empty. */
  closing?: RichText;
  signatories: SeedSignatory[];
}

/** A declaration with only a title: the start of a new negotiation. */
export function emptySeed(title: RichText): DeclarationSeed {
  return { conference: [], title, subtitle: [], chapeau: [], preamble: [], formula: [], operative: [], note: [], signatories: [] };
}
