import { MAX_SUBITEM_DEPTH } from '../clauseKind.ts';
import { isSubItemStyle } from '../declarationLanguage.ts';
import { MAX_FOOTNOTE_MARKER_CHARS, MAX_FOOTNOTES } from '../document/limits.ts';
import { letter, parseOwnNumber, roman } from '../numbering.ts';
import { isParagraphStyle } from '../paragraphStyle.ts';
import {
  MAX_CLAUSE_CHARS,
  MAX_DRAFT_CLAUSES,
  MAX_LINE_CHARS,
  MAX_NOTE_CHARS,
  MAX_SIGNATORIES,
  MAX_SIGNATORY_FIELD_CHARS,
  MAX_TITLE_CHARS,
} from './limits.ts';
import { FORMATTED_FIELDS, type FormattedField, type ParsedDraft, type ParsedFootnote, type ParsedItem, type ParsedPreambular, type SourceRun } from './parsedDraft.ts';

/**
 * A draft that arrives from outside (the import API's body, after the chair
 * corrected it in the browser) checked strictly: exactly the shape of
 * `ParsedDraft`, no other keys, strings within their limits, sub-items two
 * levels deep at most, at most MAX_DRAFT_CLAUSES clauses. The problem is
 * said in words a person can act on, naming the clause as delegates do.
 */
export type DraftCheck = { ok: true; draft: ParsedDraft } | { ok: false; problem: string };

class Problem extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exactKeys(value: unknown, keys: string[], what: string, optional: string[] = []): Record<string, unknown> {
  if (!isObject(value)) throw new Problem(`${what} must be an object.`);
  const extra = Object.keys(value).filter((k) => !keys.includes(k) && !optional.includes(k));
  if (extra.length > 0) throw new Problem(`${what} has an unknown field "${extra[0]}".`);
  const missing = keys.filter((k) => !(k in value));
  if (missing.length > 0) throw new Problem(`${what} has no "${missing[0]}".`);
  return value;
}

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') throw new Problem(`${what} must be text.`);
  if (value.length > max) throw new Problem(`${what} is ${value.length} characters long; at most ${max} are allowed.`);
  return value;
}

function optionalText(value: unknown, max: number, what: string): string | null {
  return value === null ? null : text(value, max, what);
}

/** A clause's heading: absent, or text within the limit of a heading line; "OP3's heading is 2400 characters long…". */
function heading(value: unknown, own: string): { heading?: string } {
  if (value === undefined) return {};
  return { heading: text(value, MAX_LINE_CHARS, `${own}'s heading`) };
}

/**
 * A part's italics and bold (IMP8): absent, or a list of runs `{ text,
 * italic?, bold? }`, their texts together no longer than the part may be.
 * Runs that do not join to the part's text are accepted and ignored
 * (seedFromDraft), so a client that edits a text without them loses only
 * the formatting.
 */
function runs(value: unknown, max: number, what: string): { runs?: SourceRun[] } {
  if (value === undefined) return {};
  const entries = list(value, `The formatting of ${what}`);
  let length = 0;
  const checked = entries.map((entry, i): SourceRun => {
    const run = exactKeys(entry, ['text'], `Run ${i + 1} of the formatting of ${what}`, ['italic', 'bold']);
    if (typeof run.text !== 'string') throw new Problem(`Run ${i + 1} of the formatting of ${what} must be text.`);
    length += run.text.length;
    if (length > max) throw new Problem(`The formatting of ${what} is longer than ${max} characters; at most ${max} are allowed.`);
    for (const mark of ['italic', 'bold'] as const) {
      if (run[mark] !== undefined && typeof run[mark] !== 'boolean') throw new Problem(`"${mark}" in run ${i + 1} of the formatting of ${what} must be true or false.`);
    }
    return { text: run.text, ...(run.italic === true ? { italic: true } : {}), ...(run.bold === true ? { bold: true } : {}) };
  });
  return { runs: checked };
}

/** The formatting of the parts that are one text each: an object naming some of them, each with its runs. */
function formatting(value: unknown): Partial<Record<FormattedField, SourceRun[]>> {
  const fields = exactKeys(value, [], 'The formatting', [...FORMATTED_FIELDS]);
  const out: Partial<Record<FormattedField, SourceRun[]>> = {};
  for (const key of FORMATTED_FIELDS) {
    if (!(key in fields)) continue;
    const checked = runs(fields[key], key === 'title' ? MAX_TITLE_CHARS : key === 'note' ? MAX_NOTE_CHARS : MAX_LINE_CHARS, `the ${key}`).runs;
    if (checked) out[key] = checked;
  }
  return out;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Problem(`${what} must be a list.`);
  return value;
}

/** The parts issue 15 added: accepted when absent (drafts other programs sent before), checked when present. */
const OPTIONAL_PARTS = ['conference', 'subtitle', 'closing', 'footnotes', 'paragraphs', 'subItemStyle', 'formatting'];

function footnotes(value: unknown): ParsedFootnote[] {
  const entries = list(value, 'The footnotes');
  if (entries.length > MAX_FOOTNOTES) throw new Problem(`The draft has more than ${MAX_FOOTNOTES} footnotes.`);
  return entries.map((entry, i) => {
    const footnote = exactKeys(entry, ['marker', 'text'], `Footnote ${i + 1}`, ['runs']);
    const marker = text(footnote.marker, MAX_FOOTNOTE_MARKER_CHARS, `The marker of footnote ${i + 1}`);
    if (marker.trim() === '') throw new Problem(`Footnote ${i + 1} has no marker: give the mark printed where it is referenced ("1", "*").`);
    return { marker, text: text(footnote.text, MAX_NOTE_CHARS, `Footnote ${i + 1}`), ...runs(footnote.runs, MAX_NOTE_CHARS, `footnote ${i + 1}`) };
  });
}

/** The optional parts that are present, checked, in the shape `ParsedDraft` gives them. */
function optionalParts(draft: Record<string, unknown>): Partial<ParsedDraft> {
  const parts: Partial<ParsedDraft> = {};
  if ('conference' in draft) parts.conference = optionalText(draft.conference, MAX_LINE_CHARS, 'The conference line');
  if ('subtitle' in draft) parts.subtitle = optionalText(draft.subtitle, MAX_LINE_CHARS, 'The subtitle');
  if ('closing' in draft) parts.closing = optionalText(draft.closing, MAX_LINE_CHARS, 'The closing line');
  if ('footnotes' in draft) parts.footnotes = footnotes(draft.footnotes);
  if ('paragraphs' in draft) {
    if (!isParagraphStyle(draft.paragraphs)) throw new Problem('paragraphs must be "numbered", "articles" or "unnumbered".');
    parts.paragraphs = draft.paragraphs;
  }
  if ('subItemStyle' in draft) {
    if (!isSubItemStyle(draft.subItemStyle)) throw new Problem('subItemStyle must be "enclosed" ("(a)") or "closing" ("a)").');
    parts.subItemStyle = draft.subItemStyle;
  }
  if ('formatting' in draft) parts.formatting = formatting(draft.formatting);
  return parts;
}

function check(value: unknown): ParsedDraft {
  const draft = exactKeys(value, ['title', 'chapeau', 'preamble', 'formula', 'operative', 'note', 'signatories'], 'The draft', OPTIONAL_PARTS);
  let clauses = 0;
  const count = () => {
    clauses++;
    if (clauses > MAX_DRAFT_CLAUSES) throw new Problem(`The draft has more than ${MAX_DRAFT_CLAUSES} clauses.`);
  };
  const preamble = list(draft.preamble, 'The preamble').map((entry, i): ParsedPreambular => {
    count();
    const paragraph = exactKeys(entry, ['text'], `PP${i + 1}`, ['heading', 'runs']);
    return { text: text(paragraph.text, MAX_CLAUSE_CHARS, `PP${i + 1}`), ...heading(paragraph.heading, `PP${i + 1}`), ...runs(paragraph.runs, MAX_CLAUSE_CHARS, `PP${i + 1}`) };
  });
  const items = (entries: unknown, depth: number, label: string): ParsedItem[] =>
    list(entries, depth === 0 ? 'The operative part' : `The sub-items of ${label}`).map((entry, i) => {
      count();
      const own = depth === 0 ? `OP${i + 1}` : `${label}(${depth === 1 ? letter(i) : roman(i)})`;
      const item = exactKeys(entry, ['text', 'subitems'], own, ['heading', 'number', 'runs']);
      const subitems = list(item.subitems, `The sub-items of ${own}`);
      if (subitems.length > 0 && depth >= MAX_SUBITEM_DEPTH) throw new Problem(`${own} has sub-items; sub-items go ${MAX_SUBITEM_DEPTH} levels deep at most.`);
      const checked: ParsedItem = { text: text(item.text, MAX_CLAUSE_CHARS, own), subitems: items(subitems, depth + 1, own), ...heading(item.heading, own), ...runs(item.runs, MAX_CLAUSE_CHARS, own) };
      if (item.number !== undefined) {
        // A working number is a number, a letter or a roman numeral as its level writes them, with its Latin multiplier: "2 bis", "a ter".
        const number = text(item.number, 32, `${own}'s number`);
        if (parseOwnNumber(number, depth) === null) {
          throw new Problem(`${own}'s number "${number}" is not a working number for its level (such as "${depth === 0 ? '2 bis' : depth === 1 ? 'a bis' : 'ii bis'}").`);
        }
        checked.number = number;
      }
      return checked;
    });
  const operative = items(draft.operative, 0, '');
  const signatories = list(draft.signatories, 'The signatories');
  if (signatories.length > MAX_SIGNATORIES) throw new Problem(`The draft has more than ${MAX_SIGNATORIES} signatories.`);
  return {
    ...optionalParts(draft),
    title: optionalText(draft.title, MAX_TITLE_CHARS, 'The title'),
    chapeau: optionalText(draft.chapeau, MAX_LINE_CHARS, 'The chapeau'),
    preamble,
    formula: optionalText(draft.formula, MAX_LINE_CHARS, 'The formula'),
    operative,
    note: optionalText(draft.note, MAX_NOTE_CHARS, 'The note'),
    signatories: signatories.map((entry, i) => {
      const s = exactKeys(entry, ['name', 'title', 'state'], `Signatory ${i + 1}`);
      return {
        name: text(s.name, MAX_SIGNATORY_FIELD_CHARS, `The name of signatory ${i + 1}`),
        title: text(s.title, MAX_SIGNATORY_FIELD_CHARS, `The title of signatory ${i + 1}`),
        state: text(s.state, MAX_SIGNATORY_FIELD_CHARS, `The state of signatory ${i + 1}`),
      };
    }),
  };
}

export function validateDraft(value: unknown): DraftCheck {
  try {
    // The preview's unplaced lines may come back with the draft; the declaration is made of its parts only (IMP1).
    if (isObject(value) && 'unplaced' in value) {
      const { unplaced, ...parts } = value;
      if (!Array.isArray(unplaced) || unplaced.some((line) => !isObject(line) || typeof line.text !== 'string')) throw new Problem('The unplaced lines must be a list of { text, reason }.');
      return { ok: true, draft: check(parts) };
    }
    return { ok: true, draft: check(value) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message };
    throw error;
  }
}
