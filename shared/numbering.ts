import type { ClauseKind } from './clauseKind.ts';
import type { SubItemStyle } from './declarationLanguage.ts';
import type { Outline, OutlineNode } from './outline.ts';
import { latinMultiplier, type FrozenNumber, type FrozenNumbering, type OwnNumber } from './workingNumbers.ts';

/**
 * Clause numbers, derived from order and never stored: `marker` is what the
 * printed text shows ("3.", "(a)" or "a)", "(i)" or "i)" by the declaration's
 * language, DL3; nothing for a preambular paragraph)
 * and `label` is the working name delegates use across the table ("PP2",
 * "OP3", "OP12(a)", "OP12(a)(ii)").
 */
export interface ClauseNumber {
  label: string;
  marker: string;
  /** The clause's own number in its group (7, or 7 bis when numbering is frozen: shared/workingNumbers.ts). */
  own: OwnNumber;
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

/** How a clause's own number is written at a depth: "7", "7 bis", "a", "a bis", "ii ter", "0 bis". */
export function ownText(own: OwnNumber, depth: number): string {
  const base = depth === 0 || own.n === 0 ? String(own.n) : subMarker(depth, own.n - 1);
  return own.m > 1 ? `${base} ${latinMultiplier(own.m)}` : base;
}

/** The most a typed working number may name: far past any real text, small enough to search. */
const MAX_PARSED_NUMBER = 2000;

/**
 * The own number a typed working number names at a depth — the inverse of
 * `ownText`: "7" → 7, "7 bis" → (7, 2), "a ter" → (1, 3), "ii" → 2; case and
 * spacing as drafters type them ("2bis", "2 BIS"). null when it is not one.
 * An imported draft's "2 bis" is kept with it (WN, docs/SPEC.md SEED1).
 */
export function parseOwnNumber(text: string, depth: number): OwnNumber | null {
  const match = /^\s*([0-9]+|[a-z]+)\s*((?:[a-z]+)(?:\s+[a-z]+)?)?\s*$/i.exec(text);
  if (!match) return null;
  const base = match[1]!.toLowerCase();
  let n: number | null = null;
  if (/^[0-9]+$/.test(base)) n = depth === 0 || Number(base) === 0 ? Number(base) : null;
  else if (depth > 0) {
    for (let i = 0; i < MAX_PARSED_NUMBER && n === null; i++) if (subMarker(depth, i) === base) n = i + 1;
  }
  if (n === null || n > MAX_PARSED_NUMBER) return null;
  const word = match[2]?.toLowerCase().replace(/\s+/g, ' ');
  if (word === undefined) return n === 0 ? null : { n, m: 1 };
  for (let m = 2; m < 100; m++) if (latinMultiplier(m) === word) return { n, m };
  return null;
}

/**
 * The printed marker of a clause whose own number is `text` at `depth`: "3."
 * for a paragraph; for a sub-item "(a)" (`enclosed`, English) or "a)"
 * (`closing`, Spanish, Portuguese, French) — shared/declarationLanguage.ts.
 */
export function markerOf(text: string, depth: number, style: SubItemStyle): string {
  if (depth === 0) return `${text}.`;
  return style === 'enclosed' ? `(${text})` : `${text})`;
}

type GroupKey = string;
const groupKey = (kind: ClauseKind, parent: string | null): GroupKey => `${kind}/${parent ?? ''}`;

/** The frozen numbers by group (preamble, operative part, one clause's sub-items). */
function frozenGroups(frozen: FrozenNumbering | null | undefined): Map<GroupKey, [string, FrozenNumber][]> {
  const groups = new Map<GroupKey, [string, FrozenNumber][]>();
  for (const [id, number] of Object.entries(frozen?.numbers ?? {})) {
    const key = groupKey(number.kind, number.parent);
    const list = groups.get(key) ?? [];
    list.push([id, number]);
    groups.set(key, list);
  }
  return groups;
}

const compareOwn = (a: OwnNumber, b: OwnNumber) => a.n - b.n || a.m - b.m;

/**
 * The own numbers of one group in its current order (WN2–WN4). Without
 * frozen numbers for the group: 1…n. With them: a clause frozen in this
 * group keeps its number wherever it has moved; any other clause takes the
 * number of the frozen clause before it (0 before the first) with the
 * lowest multiplier not yet used in the group — bis, ter … in order of
 * reading, so every replica, which reads the same order, agrees.
 */
function groupNumbers(nodes: OutlineNode[], key: GroupKey, groups: Map<GroupKey, [string, FrozenNumber][]>): OwnNumber[] {
  const frozenHere = groups.get(key);
  if (frozenHere === undefined) return nodes.map((_, i) => ({ n: i + 1, m: 1 }));
  const mine = new Map(frozenHere);
  const used = new Set(frozenHere.map(([, number]) => `${number.n}:${number.m}`));
  let base = 0;
  return nodes.map((node) => {
    const kept = mine.get(node.clause.id);
    if (kept !== undefined) {
      base = kept.n;
      return { n: kept.n, m: kept.m };
    }
    let m = 2;
    while (used.has(`${base}:${m}`)) m++;
    used.add(`${base}:${m}`);
    return { n: base, m };
  });
}

/**
 * Clause numbers; with `frozen` (the numbering frozen by the chair), the
 * working numbers of WN2–WN4; `style`: how sub-item markers are printed
 * (the declaration's language, DL3). Labels (OP12(a)) do not depend on it.
 */
export function numberClauses(outline: Outline, frozen?: FrozenNumbering | null, style: SubItemStyle = 'closing'): Map<string, ClauseNumber> {
  const groups = frozenGroups(frozen);
  const numbers = new Map<string, ClauseNumber>();
  groupNumbers(outline.preamble, groupKey('preamble', null), groups).forEach((own, i) => {
    numbers.set(outline.preamble[i]!.clause.id, { label: `PP${ownText(own, 0)}`, marker: '', own });
  });
  const walk = (nodes: OutlineNode[], parent: OutlineNode | null, parentLabel: string) => {
    const owns = groupNumbers(nodes, groupKey('operative', parent?.clause.id ?? null), groups);
    nodes.forEach((node, i) => {
      const own = owns[i]!;
      const text = ownText(own, node.depth);
      const label = node.depth === 0 ? `OP${text}` : `${parentLabel}(${text})`;
      numbers.set(node.clause.id, { label, marker: markerOf(text, node.depth, style), own });
      walk(node.children, node, label);
    });
  };
  walk(outline.operative, null, '');
  return numbers;
}

/** A number left unused by a clause deleted after the numbering was frozen (WN3): shown "OP5 [deleted]" until renumbering. */
export interface DeletedNumber {
  /** The deleted clause's id. */
  id: string;
  label: string;
  kind: ClauseKind;
  /** For a sub-item: the paragraph it belonged to (which still exists). */
  parent: string | null;
  /** The clause of the same group it comes after in reading order (its sub-items before it); null: first of its group. */
  after: string | null;
}

/**
 * The frozen numbers whose clauses no longer exist, each placed after the
 * last clause of its group numbered below it. A deleted paragraph's
 * sub-items are not listed: its placeholder stands for them.
 */
export function deletedNumbers(outline: Outline, frozen: FrozenNumbering | null | undefined): DeletedNumber[] {
  if (!frozen) return [];
  const numbers = numberClauses(outline, frozen);
  const present = new Set(numbers.keys());
  const byId = new Map<string, OutlineNode>();
  const visit = (nodes: OutlineNode[]) => nodes.forEach((n) => (byId.set(n.clause.id, n), visit(n.children)));
  visit(outline.preamble);
  visit(outline.operative);
  const out: DeletedNumber[] = [];
  const entries = Object.entries(frozen.numbers).filter(([id]) => !present.has(id));
  entries.sort(([, a], [, b]) => compareOwn(a, b));
  for (const [id, number] of entries) {
    let siblings: OutlineNode[];
    let label: string;
    let depth: number;
    if (number.parent === null) {
      siblings = number.kind === 'preamble' ? outline.preamble : outline.operative;
      depth = 0;
      label = `${number.kind === 'preamble' ? 'PP' : 'OP'}${ownText(number, 0)}`;
    } else {
      const parent = byId.get(number.parent);
      if (parent === undefined) continue;
      siblings = parent.children;
      depth = parent.depth + 1;
      label = `${numbers.get(parent.clause.id)!.label}(${ownText(number, depth)})`;
    }
    let after: string | null = null;
    for (const sibling of siblings) if (compareOwn(numbers.get(sibling.clause.id)!.own, number) < 0) after = sibling.clause.id;
    out.push({ id, label, kind: number.kind, parent: number.parent, after });
  }
  return out;
}

/**
 * The numbers to freeze (WN1, WN5). `keep` null — freezing anew or
 * renumbering: every clause's consecutive number now. `keep` the numbering
 * in force — freezing again: every clause's working number now (so a
 * paragraph added as OP7 bis stays OP7 bis), and the numbers of clauses
 * deleted since stay unused.
 */
export function numbersToFreeze(outline: Outline, keep: FrozenNumbering | null): Record<string, FrozenNumber> {
  const numbers = numberClauses(outline, keep);
  const out: Record<string, FrozenNumber> = {};
  if (keep !== null) {
    for (const [id, number] of Object.entries(keep.numbers)) if (!numbers.has(id)) out[id] = number;
  }
  const record = (nodes: OutlineNode[], kind: ClauseKind, parent: string | null) => {
    for (const node of nodes) {
      const { own } = numbers.get(node.clause.id)!;
      out[node.clause.id] = { kind, parent, n: own.n, m: own.m };
      record(node.children, 'operative', node.clause.id);
    }
  };
  record(outline.preamble, 'preamble', null);
  record(outline.operative, 'operative', null);
  return out;
}

/**
 * The numbers to freeze for a draft that typed working numbers ("2 bis",
 * "a ter": docs/SPEC.md SEED1): `typed` gives each clause's number as
 * typed, or undefined. A clause with one keeps it (parseOwnNumber); one
 * without takes the number after the one before it in its group, as the
 * draft would have printed it ("2", "2 bis", "3"). Every clause is frozen,
 * so the text shows exactly the draft's numbers (WN2).
 */
export function typedNumbersToFreeze(outline: Outline, typed: (clauseId: string) => string | undefined): Record<string, FrozenNumber> {
  const out = numbersToFreeze(outline, null);
  const group = (nodes: OutlineNode[]) => {
    let previous = 0;
    for (const node of nodes) {
      const number = typed(node.clause.id);
      const own = (number === undefined ? null : parseOwnNumber(number, node.depth)) ?? { n: previous + 1, m: 1 };
      previous = own.n;
      out[node.clause.id] = { ...out[node.clause.id]!, n: own.n, m: own.m };
      group(node.children);
    }
  };
  group(outline.operative);
  return out;
}
