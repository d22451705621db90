import { MAX_SUBITEM_DEPTH } from '../clauseKind.ts';
import { letter, roman } from '../numbering.ts';
import {
  MAX_CLAUSE_CHARS,
  MAX_DRAFT_CLAUSES,
  MAX_LINE_CHARS,
  MAX_NOTE_CHARS,
  MAX_SIGNATORIES,
  MAX_SIGNATORY_FIELD_CHARS,
  MAX_TITLE_CHARS,
} from './limits.ts';
import type { ParsedDraft, ParsedItem } from './parsedDraft.ts';

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

function exactKeys(value: unknown, keys: string[], what: string): Record<string, unknown> {
  if (!isObject(value)) throw new Problem(`${what} must be an object.`);
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
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

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Problem(`${what} must be a list.`);
  return value;
}

function check(value: unknown): ParsedDraft {
  const draft = exactKeys(value, ['title', 'chapeau', 'preamble', 'formula', 'operative', 'note', 'signatories'], 'The draft');
  let clauses = 0;
  const count = () => {
    clauses++;
    if (clauses > MAX_DRAFT_CLAUSES) throw new Problem(`The draft has more than ${MAX_DRAFT_CLAUSES} clauses.`);
  };
  const preamble = list(draft.preamble, 'The preamble').map((entry, i) => {
    count();
    const paragraph = exactKeys(entry, ['text'], `PP${i + 1}`);
    return { text: text(paragraph.text, MAX_CLAUSE_CHARS, `PP${i + 1}`) };
  });
  const items = (entries: unknown, depth: number, label: string): ParsedItem[] =>
    list(entries, depth === 0 ? 'The operative part' : `The sub-items of ${label}`).map((entry, i) => {
      count();
      const own = depth === 0 ? `OP${i + 1}` : `${label}(${depth === 1 ? letter(i) : roman(i)})`;
      const item = exactKeys(entry, ['text', 'subitems'], own);
      const subitems = list(item.subitems, `The sub-items of ${own}`);
      if (subitems.length > 0 && depth >= MAX_SUBITEM_DEPTH) throw new Problem(`${own} has sub-items; sub-items go ${MAX_SUBITEM_DEPTH} levels deep at most.`);
      return { text: text(item.text, MAX_CLAUSE_CHARS, own), subitems: items(subitems, depth + 1, own) };
    });
  const operative = items(draft.operative, 0, '');
  const signatories = list(draft.signatories, 'The signatories');
  if (signatories.length > MAX_SIGNATORIES) throw new Problem(`The draft has more than ${MAX_SIGNATORIES} signatories.`);
  return {
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
