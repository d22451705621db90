import type { Outline, OutlineNode } from './outline.ts';

/**
 * Clause numbers, derived from order and never stored: `marker` is what the
 * printed text shows ("3.", "a)", "i)"; nothing for a preambular paragraph)
 * and `label` is the working name delegates use across the table ("PP2",
 * "OP3", "OP12(a)", "OP12(a)(ii)").
 */
export interface ClauseNumber {
  label: string;
  marker: string;
}

/** a, b, … z, aa, ab … */
export function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(97 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** i, ii, iii, iv … */
export function roman(index: number): string {
  let n = index + 1;
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

function subMarker(depth: number, index: number): string {
  if (depth === 1) return letter(index);
  if (depth === 2) return roman(index);
  return String(index + 1);
}

export function numberClauses(outline: Outline): Map<string, ClauseNumber> {
  const numbers = new Map<string, ClauseNumber>();
  outline.preamble.forEach((node, i) => numbers.set(node.clause.id, { label: `PP${i + 1}`, marker: '' }));
  const walk = (nodes: OutlineNode[], parentLabel: string) => {
    nodes.forEach((node, i) => {
      const own = node.depth === 0 ? String(i + 1) : subMarker(node.depth, i);
      const label = node.depth === 0 ? `OP${own}` : `${parentLabel}(${own})`;
      numbers.set(node.clause.id, { label, marker: node.depth === 0 ? `${own}.` : `${own})` });
      walk(node.children, label);
    });
  };
  walk(outline.operative, '');
  return numbers;
}
