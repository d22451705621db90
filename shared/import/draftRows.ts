import type { ParsedDraft, ParsedItem } from './parsedDraft.ts';

/**
 * The parsed draft as the rows of the import preview, where the chair fixes
 * what the parser split wrongly: merge a row with the one before, split a
 * row at a point, change a row's kind. Pure, so that each fix is tested.
 */
export type RowKind = 'preamble' | 'operative' | 'subitem';

export interface DraftRow {
  kind: RowKind;
  /** 0 for preambular and operative paragraphs, 1.. for sub-items. */
  depth: number;
  text: string;
  /** The heading printed above the clause (ParsedItem.heading), kept through the preview's fixes. */
  heading?: string;
  /** A working number typed in the source ("2 bis"), operative paragraphs and sub-items only. */
  number?: string;
}

function extras(from: { heading?: string; number?: string }): { heading?: string; number?: string } {
  const out: { heading?: string; number?: string } = {};
  if (from.heading !== undefined) out.heading = from.heading;
  if (from.number !== undefined) out.number = from.number;
  return out;
}

export const MAX_SUBITEM_DEPTH = 2;

export function rowsOfDraft(draft: ParsedDraft): DraftRow[] {
  const rows: DraftRow[] = draft.preamble.map((p) => ({ kind: 'preamble', depth: 0, text: p.text, ...extras(p) }));
  const walk = (items: ParsedItem[], depth: number) => {
    for (const item of items) {
      rows.push({ kind: depth === 0 ? 'operative' : 'subitem', depth, text: item.text, ...extras(item) });
      walk(item.subitems, depth + 1);
    }
  };
  walk(draft.operative, 0);
  return rows;
}

/**
 * Rows back into the draft's clauses. Preambular rows go to the preamble
 * wherever they stand; a sub-item with no operative paragraph before it
 * becomes an operative paragraph, and one deeper than its predecessor
 * allows moves up — no text is dropped.
 */
export function draftOfRows(rows: DraftRow[], rest: Omit<ParsedDraft, 'preamble' | 'operative'>): ParsedDraft {
  const preamble: { text: string; heading?: string }[] = [];
  const operative: ParsedItem[] = [];
  const stack: ParsedItem[] = [];
  for (const row of rows) {
    if (row.kind === 'preamble') {
      preamble.push(row.heading === undefined ? { text: row.text } : { text: row.text, heading: row.heading });
      continue;
    }
    const item: ParsedItem = { text: row.text, subitems: [], ...extras(row) };
    const depth = row.kind === 'operative' ? 0 : Math.max(1, Math.min(row.depth, stack.length, MAX_SUBITEM_DEPTH));
    if (depth === 0 || stack.length === 0) {
      operative.push(item);
      stack.length = 0;
      stack.push(item);
    } else {
      stack[depth - 1]!.subitems.push(item);
      stack.length = depth;
      stack.push(item);
    }
  }
  return { ...rest, preamble, operative };
}

/** Joins row `index` to the row before it, with a space. */
export function mergeWithPrevious(rows: DraftRow[], index: number): DraftRow[] {
  if (index <= 0 || index >= rows.length) return rows;
  const previous = rows[index - 1]!;
  const joined = { ...previous, text: `${previous.text.trimEnd()} ${rows[index]!.text.trimStart()}`.trim() };
  return [...rows.slice(0, index - 1), joined, ...rows.slice(index + 1)];
}

/** Cuts row `index` in two at character `at`; the second part keeps the row's kind. */
export function splitAt(rows: DraftRow[], index: number, at: number): DraftRow[] {
  const row = rows[index];
  if (!row) return rows;
  const head = row.text.slice(0, at).trim();
  const tail = row.text.slice(at).trim();
  if (head === '' || tail === '') return rows;
  return [...rows.slice(0, index), { ...row, text: head }, { ...row, text: tail }, ...rows.slice(index + 1)];
}

export function changeKind(rows: DraftRow[], index: number, kind: RowKind): DraftRow[] {
  const row = rows[index];
  if (!row) return rows;
  const depth = kind === 'subitem' ? Math.max(1, row.depth) : 0;
  return rows.map((r, i) => (i === index ? { ...r, kind, depth } : r));
}

export function editText(rows: DraftRow[], index: number, text: string): DraftRow[] {
  return rows.map((r, i) => (i === index ? { ...r, text } : r));
}
