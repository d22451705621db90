import type { DeclarationLanguage } from '../declarationLanguage.ts';
import type { Outline, OutlineNode } from '../outline.ts';
import { flattenOutline } from '../outline.ts';
import { introducesWhatFollows, lastOfOperative, learnConvention, openingLength, opensInItalics, type Convention } from './convention.ts';
import { finalMark, textWithoutFootnotes } from './finalMark.ts';
import { hasDoubledSpace, spaceBeforeMark, unbalancedMark } from './typography.ts';

/**
 * Gentle remarks on the drafting of each clause (docs/SPEC.md DRAFT1–DRAFT8).
 * They never block anything. Endings and italics are judged against the
 * declaration's own convention (convention.ts), so a text consistent with
 * itself draws none; typing slips are flagged in any style.
 */
export const DRAFTING_CHECKS = [
  'empty',
  'final-mark',
  'preamble-end',
  'operative-end',
  'subitem-end',
  'last-period',
  'preamble-italic',
  'operative-italic',
  'double-space',
  'space-before-mark',
  'unbalanced',
] as const;
export type DraftingCheck = (typeof DRAFTING_CHECKS)[number];

export function isDraftingCheck(value: unknown): value is DraftingCheck {
  return typeof value === 'string' && (DRAFTING_CHECKS as readonly string[]).includes(value);
}

export interface DraftingWarning {
  clauseId: string;
  check: DraftingCheck;
  /** What the message names: the mark found and the one expected, the unpaired or misplaced mark. */
  params?: { found?: string; expected?: string; mark?: string };
}

type Found = Omit<DraftingWarning, 'clauseId'>;

/** Where a clause stands: the last of the operative part ends the sentence; the last preambular paragraph leads into the formula. */
interface Place {
  lastOperative: boolean;
  lastPreamble: boolean;
}

function endingChecks(node: OutlineNode, convention: Convention, place: Place): Found[] {
  const mark = finalMark(node.clause.body);
  if (place.lastOperative) {
    if (mark === '.' || mark === '!') return [];
    return mark === '' ? [{ check: 'final-mark' }] : [{ check: 'last-period', params: { found: mark } }];
  }
  if (introducesWhatFollows(node, mark)) return [];
  if (mark === '') return [{ check: 'final-mark' }];
  const { kind } = node.clause;
  const usage = kind === 'preamble' ? convention.preambleEnd : node.depth === 0 ? convention.operativeEnd : convention.subitemEnd;
  // Whatever the preamble's usage, its last paragraph may lead into the formula with a comma ("… besoins," then "Proclame :").
  if (usage.length === 0 || usage.includes(mark) || (place.lastPreamble && mark === ',')) return [];
  const check: DraftingCheck = kind === 'preamble' ? 'preamble-end' : node.depth === 0 ? 'operative-end' : 'subitem-end';
  return [{ check, params: { found: mark, expected: usage[0]! } }];
}

function italicChecks(node: OutlineNode, convention: Convention): Found[] {
  const { body, kind } = node.clause;
  const opensItalic = () => opensInItalics(body, openingLength(body));
  if (kind === 'preamble' && convention.preambleItalic && !opensItalic()) return [{ check: 'preamble-italic' }];
  if (kind === 'operative' && node.depth === 0 && convention.operativeItalic && !opensItalic()) return [{ check: 'operative-italic' }];
  return [];
}

function typingChecks(text: string, language: DeclarationLanguage): Found[] {
  const found: Found[] = [];
  if (hasDoubledSpace(text)) found.push({ check: 'double-space' });
  const spaced = spaceBeforeMark(text, language);
  if (spaced !== null) found.push({ check: 'space-before-mark', params: { mark: spaced } });
  const unpaired = unbalancedMark(text);
  if (unpaired !== null) found.push({ check: 'unbalanced', params: { mark: unpaired } });
  return found;
}

/** Every remark of the declaration, in reading order; `language` is the declaration's (DL1), not the screen's. */
export function draftingWarnings(outline: Outline, language: DeclarationLanguage = 'en'): DraftingWarning[] {
  const convention = learnConvention(outline);
  const last = lastOfOperative(outline);
  const lastPreamble = outline.preamble[outline.preamble.length - 1];
  const warnings: DraftingWarning[] = [];
  for (const node of flattenOutline(outline)) {
    const text = textWithoutFootnotes(node.clause.body);
    const place = { lastOperative: node === last, lastPreamble: node === lastPreamble };
    // A clause with no words of its own but a heading or sub-items is an article's or a section's frame (UDHR "Article 1.").
    const frame = node.children.length > 0 || (node.clause.heading ?? '').trim() !== '';
    const found: Found[] =
      text.trim() === ''
        ? frame
          ? []
          : [{ check: 'empty' }]
        : [...endingChecks(node, convention, place), ...italicChecks(node, convention), ...typingChecks(text, language)];
    for (const f of found) warnings.push({ clauseId: node.clause.id, ...f });
  }
  return warnings;
}
