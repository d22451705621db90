import type { Outline, OutlineNode } from '../outline.ts';
import { flattenOutline } from '../outline.ts';
import type { RichText } from '../richText.ts';
import { toPlainText } from '../richText.ts';
import { openingPhraseLength } from '../import/openingPhrase.ts';

/**
 * Gentle warnings for the conventions of the genre (docs/SPEC.md DRAFT1):
 * a preambular paragraph opens with a phrase in italics and ends with a
 * comma; an operative paragraph ends with a semicolon, the last one with a
 * period (one that introduces sub-items may end with a colon); no clause is
 * empty. They never block anything: the real Declaration of Buenos Aires
 * breaks some of them.
 */
export const DRAFTING_CHECKS = ['empty', 'preamble-comma', 'preamble-italic', 'operative-semicolon', 'operative-last-period'] as const;
export type DraftingCheck = (typeof DRAFTING_CHECKS)[number];

export interface DraftingWarning {
  clauseId: string;
  check: DraftingCheck;
}

/** Closing quotes and brackets do not count: `… RELACOPAZ".` ends with a period. */
function lastMark(text: string): string {
  const trimmed = text.trimEnd().replace(/["'”’»)\]]+$/u, '');
  return trimmed.slice(-1);
}

function openingItalic(body: RichText, length: number): boolean {
  let at = 0;
  for (const run of body) {
    if (at >= length) return true;
    if (run.text.trim() !== '' && !run.italic) return false;
    at += run.text.length;
  }
  return true;
}

function checkClause(node: OutlineNode, isLastOperative: boolean): DraftingCheck[] {
  const { body, kind } = node.clause;
  const text = toPlainText(body);
  if (text.trim() === '') return ['empty'];
  const found: DraftingCheck[] = [];
  const mark = lastMark(text);
  if (kind === 'preamble') {
    if (mark !== ',') found.push('preamble-comma');
    const leading = text.length - text.trimStart().length;
    if (!openingItalic(body, leading + openingPhraseLength(text.trimStart()))) found.push('preamble-italic');
  } else if (isLastOperative) {
    if (mark !== '.') found.push('operative-last-period');
  } else if (mark !== ';' && !(node.children.length > 0 && mark === ':')) {
    found.push('operative-semicolon');
  }
  return found;
}

/** Every warning of the declaration, in reading order. */
export function draftingWarnings(outline: Outline): DraftingWarning[] {
  const warnings: DraftingWarning[] = [];
  for (const node of flattenOutline({ preamble: outline.preamble, operative: [] })) {
    for (const check of checkClause(node, false)) warnings.push({ clauseId: node.clause.id, check });
  }
  const operative = flattenOutline({ preamble: [], operative: outline.operative });
  operative.forEach((node, i) => {
    for (const check of checkClause(node, i === operative.length - 1)) warnings.push({ clauseId: node.clause.id, check });
  });
  return warnings;
}
