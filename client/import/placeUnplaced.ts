import { changeKind, draftOfRows, editText, mergeWithPrevious, rowsOfDraft, splitAt, type DraftRow, type RowKind } from '../../shared/import/draftRows.ts';
import { cleanText } from '../../shared/import/cleanText.ts';
import type { ParsedDraft, ParsedFootnote, ParsedItem, SourceRun, UnplacedReason, UnplacedText } from '../../shared/import/parsedDraft.ts';
import { joinRuns, keepFormatting } from './keepFormatting.ts';

/**
 * The import preview's state and every change the chair makes to it, pure so
 * that each is tested (client/import/placeUnplaced.test.ts, IMP9): the parts
 * the reader found, the clauses as editable rows (shared/import/draftRows.ts)
 * and the lines it could not place. No word is dropped without the chair
 * saying so: each unplaced line stays where it stood in the file until it is
 * placed in a part or explicitly discarded, and a discard can be undone.
 * The source's italics and bold (IMP8) follow each text through every
 * change: edited, merged, split, joined by a placed line
 * (client/import/keepFormatting.ts).
 */

/** Every part of the draft except the clauses (rows) and the unplaced lines. */
export type Parts = Omit<ParsedDraft, 'preamble' | 'operative' | 'unplaced'>;

/** A clause row with what the rows of draftRows.ts do not carry: its heading, its working number ("2 bis") and the source's italics and bold on its text. */
export interface PreviewRow extends DraftRow {
  heading?: string;
  number?: string;
  runs?: SourceRun[];
}

/**
 * Where an unplaced line stands. `row: k` — just before clause row k (k =
 * number of rows: after the last), so that it follows the rows as the chair
 * merges and splits them; otherwise before a part (`top`: before everything,
 * `footnotes` with `index`: before that footnote).
 */
export type Slot = { row: number } | { part: 'top' | 'title' | 'chapeau' | 'formula' | 'closing' | 'note' | 'footnotes' | 'signatories' | 'end'; index?: number };

export interface PreviewLine {
  /** Its rank among the file's unplaced lines: file order, and a key for the screen. */
  id: number;
  text: string;
  reason: UnplacedReason;
  slot: Slot;
  discarded: boolean;
}

export interface Preview {
  parts: Parts;
  rows: PreviewRow[];
  /** The lines not yet placed: pending or discarded. A placed line leaves the list and is part of the draft. */
  lines: PreviewLine[];
}

/** Where the chair may put a line. `preamble` / `operative`: a new paragraph where the line stood; `append`: at the end of the clause before it. */
export const PLACES = ['title', 'conference', 'subtitle', 'chapeau', 'formula', 'preamble', 'operative', 'append', 'note', 'closing', 'footnote'] as const;
export type Place = (typeof PLACES)[number];

/** The parts that are one text each, a placed line joining the text already there. */
const FIELDS = ['conference', 'title', 'subtitle', 'chapeau', 'formula', 'closing', 'note'] as const;
export type Field = (typeof FIELDS)[number];

function isField(place: Place): place is Field {
  return (FIELDS as readonly string[]).includes(place);
}

function slotOf(line: UnplacedText, draft: ParsedDraft): Slot {
  const before = line.before;
  if (!before) return { part: 'top' };
  const preamble = draft.preamble.length;
  switch (before.part) {
    case 'preamble':
      return { row: Math.min(before.index ?? 0, preamble) };
    case 'operative': {
      // Before the index-th operative paragraph: the row of that paragraph, its sub-items counted.
      let row = preamble;
      for (const item of draft.operative.slice(0, before.index ?? 0)) row += size(item);
      return { row };
    }
    case 'footnotes':
      return before.index === undefined ? { part: 'footnotes' } : { part: 'footnotes', index: before.index };
    default:
      return { part: before.part };
  }
}

function size(item: ParsedItem): number {
  return 1 + item.subitems.reduce((sum, sub) => sum + size(sub), 0);
}

export function previewOf(draft: ParsedDraft): Preview {
  const { preamble, operative, unplaced, ...parts } = draft;
  // rowsOfDraft writes the preamble, then the operative part depth first: the same walk finds each row's heading and number.
  const extras: Extras[] = preamble.map((p) => ({ ...(p.heading === undefined ? {} : { heading: p.heading }), ...(p.runs === undefined ? {} : { runs: p.runs }) }));
  const walk = (items: ParsedItem[]) => {
    for (const item of items) {
      extras.push({
        ...(item.heading === undefined ? {} : { heading: item.heading }),
        ...(item.number === undefined ? {} : { number: item.number }),
        ...(item.runs === undefined ? {} : { runs: item.runs }),
      });
      walk(item.subitems);
    }
  };
  walk(operative);
  const rows = rowsOfDraft(draft).map((row, i) => ({ ...row, ...extras[i] }));
  return {
    parts: { conference: null, subtitle: null, closing: null, footnotes: [], ...parts },
    rows,
    lines: (unplaced ?? []).map((line, id) => ({ id, text: line.text, reason: line.reason, slot: slotOf(line, draft), discarded: false })),
  };
}

/** Runs that join to the text as the seed will read it (after cleanText, IMP8); none without a mark. */
function sentRuns(runs: SourceRun[] | undefined, text: string): { runs?: SourceRun[] } {
  const kept = keepFormatting(runs, cleanText(text));
  return kept ? { runs: kept } : {};
}

/** The draft sent to `import/create`: the parts and the rows, each row's heading, number and italics and bold with it; no unplaced lines (there must be none pending). */
export function draftOf(preview: Preview): ParsedDraft {
  const plain = preview.rows.map(({ kind, depth, text }) => ({ kind, depth, text }));
  const { formatting, ...parts } = preview.parts;
  const draft = draftOfRows(plain, {
    ...parts,
    ...(parts.footnotes ? { footnotes: parts.footnotes.map(({ runs, ...f }) => ({ ...f, ...sentRuns(runs, f.text) })) } : {}),
  });
  const fields: NonNullable<ParsedDraft['formatting']> = {};
  for (const field of FIELDS) {
    const runs = sentRuns(formatting?.[field], parts[field] ?? '').runs;
    if (runs) fields[field] = runs;
  }
  if (Object.keys(fields).length > 0) draft.formatting = fields;
  // draftOfRows keeps the rows' order: preambular rows in turn, the others depth first.
  const preamble = preview.rows.filter((row) => row.kind === 'preamble');
  const others = preview.rows.filter((row) => row.kind !== 'preamble');
  draft.preamble = draft.preamble.map((p, i) => ({ ...p, ...(preamble[i]?.heading ? { heading: preamble[i].heading } : {}), ...sentRuns(preamble[i]?.runs, p.text) }));
  let next = 0;
  const walk = (items: ParsedItem[]): ParsedItem[] =>
    items.map((item) => {
      const row = others[next++];
      const subitems = walk(item.subitems);
      return { ...item, subitems, ...(row?.heading ? { heading: row.heading } : {}), ...(row?.number ? { number: row.number } : {}), ...sentRuns(row?.runs, item.text) };
    });
  draft.operative = walk(draft.operative);
  return draft;
}

export function pendingLines(preview: Preview): PreviewLine[] {
  return preview.lines.filter((line) => !line.discarded);
}

/** Index of the first row after the preamble rows: where the formula shows. */
export function formulaRow(rows: readonly DraftRow[]): number {
  const first = rows.findIndex((row) => row.kind !== 'preamble');
  return first === -1 ? rows.length : first;
}

/**
 * What the screen shows, in order: the parts, the rows (the formula before
 * the first operative row) and each pending line where it stood. The same
 * order decides where a placed line goes.
 */
export type Entry = { kind: 'field'; field: Field } | { kind: 'row'; index: number } | { kind: 'line'; id: number } | { kind: 'footnote'; index: number } | { kind: 'signatories' };

/** A line's or a part's position in that order (smaller: higher on the page). */
function positions(preview: Preview) {
  const n = preview.rows.length;
  const f = formulaRow(preview.rows);
  const m = preview.parts.footnotes?.length ?? 0;
  const afterRows = 10 + 2 * n;
  const footnotes = afterRows + 5;
  const field: Record<Field, number> = { conference: 1, title: 3, subtitle: 4, chapeau: 6, formula: 10 + 2 * f - 0.25, closing: afterRows + 2, note: afterRows + 4 };
  const slot = (s: Slot): number => {
    if ('row' in s) return 10 + 2 * Math.min(s.row, n);
    switch (s.part) {
      case 'top':
        return 0;
      case 'title':
        return 2;
      case 'chapeau':
        return 5;
      case 'formula':
        return 10 + 2 * f - 0.5;
      case 'closing':
        return afterRows + 1;
      case 'note':
        return afterRows + 3;
      case 'footnotes':
        return footnotes + 2 * Math.min(s.index ?? m, m);
      case 'signatories':
        return footnotes + 2 * m + 2;
      case 'end':
        return footnotes + 2 * m + 4;
    }
  };
  return { field, slot, row: (i: number) => 10 + 2 * i + 1, footnote: (j: number) => footnotes + 2 * j + 1, signatories: footnotes + 2 * m + 3 };
}

export function layout(preview: Preview): Entry[] {
  const at = positions(preview);
  const entries: { position: number; tie: number; entry: Entry }[] = [
    ...FIELDS.map((field) => ({ position: at.field[field], tie: 0, entry: { kind: 'field', field } as Entry })),
    ...preview.rows.map((_, index) => ({ position: at.row(index), tie: 0, entry: { kind: 'row', index } as Entry })),
    ...(preview.parts.footnotes ?? []).map((_, index) => ({ position: at.footnote(index), tie: 0, entry: { kind: 'footnote', index } as Entry })),
    { position: at.signatories, tie: 0, entry: { kind: 'signatories' } },
    ...pendingLines(preview).map((line) => ({ position: at.slot(line.slot), tie: line.id, entry: { kind: 'line', id: line.id } as Entry })),
  ];
  return entries.sort((a, b) => a.position - b.position || a.tie - b.tie).map((e) => e.entry);
}

/** The row a line would be appended to: the last clause row above it, or none. */
export function previousRow(preview: Preview, id: number): number | null {
  const line = preview.lines.find((l) => l.id === id);
  if (!line) return null;
  const at = positions(preview);
  const position = at.slot(line.slot);
  let previous: number | null = null;
  preview.rows.forEach((_, i) => {
    if (at.row(i) < position) previous = i;
  });
  return previous;
}

export function canPlace(preview: Preview, id: number, place: Place): boolean {
  return place !== 'append' || previousRow(preview, id) !== null;
}

function join(a: string, b: string): string {
  return `${a.trimEnd()} ${b.trimStart()}`.trim();
}

/** A footnote's marker as printed at the start of its line ("1 Official Records…", "* Document…", "²"), else the next number. */
export function footnoteOfLine(text: string, count: number): ParsedFootnote {
  const match = /^([0-9]{1,3}|[*†‡§]{1,3}|[a-z]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[.)]?\s+(\S.*)$/u.exec(text.trim());
  return match ? { marker: match[1]!, text: match[2]! } : { marker: String(count + 1), text: text.trim() };
}

/** Shifts the row slots after a row was inserted at `index` by a placed line at `position` (lines after it move with the rows after it). */
function shiftRows(preview: Preview, index: number, placed: { position: number; id: number }, by: number): PreviewLine[] {
  const at = positions(preview);
  return preview.lines.map((line) => {
    if (!('row' in line.slot) || line.id === placed.id) return line;
    const r = line.slot.row;
    const after = at.slot(line.slot) > placed.position || (at.slot(line.slot) === placed.position && line.id > placed.id);
    return r > index || (r === index && after) ? { ...line, slot: { row: r + by } } : line;
  });
}

/** Places pending line `id` as `place`. The line joins the text already in a part (before it when it stood above that part). */
export function place(preview: Preview, id: number, where: Place): Preview {
  const line = preview.lines.find((l) => l.id === id && !l.discarded);
  if (!line || !canPlace(preview, id, where)) return preview;
  const at = positions(preview);
  const position = at.slot(line.slot);
  const lines = preview.lines.filter((l) => l.id !== id);
  const text = line.text.trim();
  if (isField(where)) {
    const field = where;
    const current = preview.parts[field] ?? '';
    const before = position < at.field[field];
    const value = current.trim() === '' ? text : before ? join(text, current) : join(current, text);
    const runs = preview.parts.formatting?.[field];
    const joined = runs === undefined || current.trim() === '' ? undefined : before ? joinRuns(undefined, text, runs, current) : joinRuns(runs, current, undefined, text);
    return { ...withFormatting(preview, field, value, joined), lines };
  }
  if (where === 'append') {
    const row = previousRow(preview, id)!;
    return { ...preview, rows: withExtras(editText(preview.rows, row, join(preview.rows[row]!.text, text)), extrasOf(preview.rows)), lines };
  }
  if (where === 'footnote') {
    const footnotes = preview.parts.footnotes ?? [];
    const index = footnotes.filter((_, j) => at.footnote(j) < position).length;
    const shifted = lines.map((l) => {
      if ('row' in l.slot || l.slot.part !== 'footnotes' || l.slot.index === undefined) return l;
      const after = at.slot(l.slot) > position || (at.slot(l.slot) === position && l.id > id);
      return l.slot.index > index || (l.slot.index === index && after) ? { ...l, slot: { part: 'footnotes' as const, index: l.slot.index + 1 } } : l;
    });
    const note = footnoteOfLine(text, footnotes.length);
    return { ...preview, parts: { ...preview.parts, footnotes: [...footnotes.slice(0, index), note, ...footnotes.slice(index)] }, lines: shifted };
  }
  // A new preambular or operative paragraph where the line stood.
  const index = preview.rows.filter((_, i) => at.row(i) < position).length;
  const row: PreviewRow = { kind: where, depth: 0, text };
  const rows = [...preview.rows.slice(0, index), row, ...preview.rows.slice(index)];
  return { ...preview, rows, lines: shiftRows({ ...preview, lines }, index, { position, id }, 1) };
}

export function discard(preview: Preview, id: number): Preview {
  return { ...preview, lines: preview.lines.map((l) => (l.id === id ? { ...l, discarded: true } : l)) };
}

/** "Discard masthead", "Discard all page furniture": every pending line of that reason. */
export function discardAll(preview: Preview, reason: UnplacedReason): Preview {
  return { ...preview, lines: preview.lines.map((l) => (l.reason === reason ? { ...l, discarded: true } : l)) };
}

/** A discarded line back where it stood, pending again. */
export function undoDiscard(preview: Preview, id: number): Preview {
  return { ...preview, lines: preview.lines.map((l) => (l.id === id ? { ...l, discarded: false } : l)) };
}

export function setPart<K extends keyof Parts>(preview: Preview, key: K, value: Parts[K]): Preview {
  if (isField(key as Place)) return withFormatting(preview, key as Field, value as string | null, preview.parts.formatting?.[key as Field]);
  return { ...preview, parts: { ...preview.parts, [key]: value } };
}

/** A part that is one text given a new value, its italics and bold (`runs`, as they were before the change) kept on the words that stayed. */
function withFormatting(preview: Preview, field: Field, value: string | null, runs: SourceRun[] | undefined): Preview {
  const { [field]: _old, ...others } = preview.parts.formatting ?? {};
  const kept = keepFormatting(runs, value ?? '');
  const formatting = kept ? { ...others, [field]: kept } : others;
  const { formatting: _formatting, ...parts } = preview.parts;
  return { ...preview, parts: { ...parts, [field]: value, ...(Object.keys(formatting).length > 0 ? { formatting } : {}) } };
}

/** A footnote edited; the italics and bold of its text follow the edit. */
export function setFootnote(preview: Preview, index: number, footnote: ParsedFootnote): Preview {
  return setPart(
    preview,
    'footnotes',
    (preview.parts.footnotes ?? []).map((f, i) => {
      if (i !== index) return f;
      const { runs: _runs, ...rest } = footnote;
      const runs = keepFormatting(f.runs, footnote.text);
      return runs ? { ...rest, runs } : rest;
    }),
  );
}

/** The rows' own fields given back their heading, number and italics and bold after draftRows.ts changed them; `extras` is the new rows' list of them, the runs as they were before the change (re-aligned here with the row's new text). */
function withExtras(rows: DraftRow[], extras: Extras[]): PreviewRow[] {
  return rows.map((row, i) => {
    const { heading, number, runs } = extras[i] ?? {};
    const kept = keepFormatting(runs, row.text);
    return { kind: row.kind, depth: row.depth, text: row.text, ...(heading === undefined ? {} : { heading }), ...(number === undefined ? {} : { number }), ...(kept ? { runs: kept } : {}) };
  });
}

type Extras = Pick<PreviewRow, 'heading' | 'number' | 'runs'>;
const extrasOf = (rows: PreviewRow[]): Extras[] => rows.map(({ heading, number, runs }) => ({ heading, number, runs }));

/** A row under a heading is not merged into the one before: its heading would be lost. */
export function canMerge(preview: Preview, index: number): boolean {
  return index > 0 && index < preview.rows.length && !preview.rows[index]!.heading;
}

/** Merges row `index` into the row before it; the lines that stood between them follow it. */
export function mergeRow(preview: Preview, index: number): Preview {
  if (!canMerge(preview, index)) return preview;
  const extras = extrasOf(preview.rows);
  const [previous, merged] = [preview.rows[index - 1]!, preview.rows[index]!];
  extras.splice(index - 1, 2, { ...extras[index - 1], runs: joinRuns(previous.runs, previous.text, merged.runs, merged.text) });
  const rows = withExtras(mergeWithPrevious(preview.rows, index), extras);
  const lines = preview.lines.map((l) => ('row' in l.slot && l.slot.row > index ? { ...l, slot: { row: l.slot.row - 1 } } : l));
  return { ...preview, rows, lines };
}

/** Splits row `index` at `at`; the second part has no heading and no working number of its own, and keeps its words' italics and bold. */
export function splitRow(preview: Preview, index: number, at: number): Preview {
  const split = splitAt(preview.rows, index, at);
  if (split.length === preview.rows.length) return preview;
  const extras = extrasOf(preview.rows);
  const row = preview.rows[index]!;
  // Each part is aligned with the whole row's runs: the head keeps the head's marks, the tail the tail's.
  extras.splice(index + 1, 0, row.runs ? { runs: row.runs } : {});
  const lines = preview.lines.map((l) => ('row' in l.slot && l.slot.row > index ? { ...l, slot: { row: l.slot.row + 1 } } : l));
  return { ...preview, rows: withExtras(split, extras), lines };
}

export function setRowKind(preview: Preview, index: number, kind: RowKind): Preview {
  return { ...preview, rows: withExtras(changeKind(preview.rows, index, kind), extrasOf(preview.rows)) };
}

export function setRowText(preview: Preview, index: number, text: string): Preview {
  return { ...preview, rows: withExtras(editText(preview.rows, index, text), extrasOf(preview.rows)) };
}

/** A row's heading edited; emptied, the row has none. */
export function setRowHeading(preview: Preview, index: number, heading: string): Preview {
  return { ...preview, rows: preview.rows.map((row, i) => (i === index ? withExtras([row], [{ heading: heading === '' ? undefined : heading, number: row.number, runs: row.runs }])[0]! : row)) };
}
