import * as Y from 'yjs';
import { isClauseKind } from '../clauseKind.ts';
import { META_FIELDS, type MetaField } from '../declaration.ts';
import { isOrderKey } from '../orderKey.ts';
import {
  ENTRY_ID,
  MAX_CLAUSE_CHARS,
  MAX_FOOTNOTE_MARKER_CHARS,
  MAX_LINE_CHARS,
  MAX_NOTE_CHARS,
  MAX_SIGNATORY_FIELD_CHARS,
  MAX_TITLE_CHARS,
} from './limits.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, PARAGRAPH, SIGNATORY_FIELD } from './names.ts';

/**
 * The shape every part of the document must keep (docs/document-model.md,
 * docs/SPEC.md STRUCT1). The server checks each write it accepts against
 * these, looking only at what the write changed, so that typing costs a few
 * property reads; a write that breaks them is undone for everyone.
 */
export type ShapeProblem = 'structure' | 'too-long';

function hasAttributes(type: Y.XmlElement | Y.XmlText): boolean {
  return Object.keys(type.getAttributes()).length > 0;
}

/**
 * Rich text as the model stores it: a fragment holding exactly one
 * paragraph, which holds at most one text (Tiptap's binding writes it so),
 * no attributes anywhere, at most `maxChars` characters.
 */
export function richTextProblem(value: unknown, maxChars: number): ShapeProblem | null {
  // Exact constructors: an XmlElement is also an XmlFragment, an XmlHook also a Map.
  if (!(value instanceof Y.XmlFragment) || value.constructor !== Y.XmlFragment || value.length !== 1) return 'structure';
  const paragraph = value.get(0);
  if (!(paragraph instanceof Y.XmlElement) || paragraph.constructor !== Y.XmlElement || paragraph.nodeName !== PARAGRAPH) return 'structure';
  if (hasAttributes(paragraph) || paragraph.length > 1) return 'structure';
  if (paragraph.length === 0) return null;
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText) || hasAttributes(text)) return 'structure';
  return text.length > maxChars ? 'too-long' : null;
}

const CLAUSE_KEYS: ReadonlySet<string> = new Set(Object.values(CLAUSE_FIELD));

/** One field of a clause entry as it stands after a write (undefined: the field was deleted). */
export function clauseFieldProblem(key: string, value: unknown): ShapeProblem | null {
  switch (key) {
    case CLAUSE_FIELD.kind:
      return isClauseKind(value) ? null : 'structure';
    case CLAUSE_FIELD.order:
      return isOrderKey(value) ? null : 'structure';
    case CLAUSE_FIELD.parent:
      return value === undefined || (typeof value === 'string' && ENTRY_ID.test(value)) ? null : 'structure';
    case CLAUSE_FIELD.body:
      return richTextProblem(value, MAX_CLAUSE_CHARS);
    case CLAUSE_FIELD.heading:
      // Plain text, absent when the clause has none: a shared type or a number here is no heading.
      if (value === undefined) return null;
      if (typeof value !== 'string') return 'structure';
      return value.length > MAX_LINE_CHARS ? 'too-long' : null;
    default:
      return 'structure';
  }
}

/** Whether a value can be a clause entry at all: a plain Y.Map under a well-formed id. */
export function isClauseEntry(id: string, entry: unknown): entry is Y.Map<unknown> {
  return ENTRY_ID.test(id) && entry instanceof Y.Map && entry.constructor === Y.Map;
}

/** A whole clause entry, as a new one must be: kind, order and body present, nothing else but a parent and a heading. */
export function clauseEntryProblem(id: string, entry: unknown): ShapeProblem | null {
  if (!isClauseEntry(id, entry)) return 'structure';
  for (const key of entry.keys()) if (!CLAUSE_KEYS.has(key)) return 'structure';
  let tooLong = false;
  for (const key of CLAUSE_KEYS) {
    const problem = clauseFieldProblem(key, entry.get(key));
    if (problem === 'structure') return problem;
    if (problem === 'too-long') tooLong = true;
  }
  return tooLong ? 'too-long' : null;
}

const META_LIMITS: Record<MetaField, number> = {
  conference: MAX_LINE_CHARS,
  title: MAX_TITLE_CHARS,
  subtitle: MAX_LINE_CHARS,
  chapeau: MAX_LINE_CHARS,
  formula: MAX_LINE_CHARS,
  note: MAX_NOTE_CHARS,
  closing: MAX_LINE_CHARS,
};

function isMetaField(key: string): key is MetaField {
  return (META_FIELDS as readonly string[]).includes(key);
}

/** One field of the heading (title, chapeau, formula, note…): always present, rich text within its limit. */
export function metaFieldProblem(key: string, value: unknown): ShapeProblem | null {
  return isMetaField(key) ? richTextProblem(value, META_LIMITS[key]) : 'structure';
}

const FOOTNOTE_KEYS: ReadonlySet<string> = new Set(Object.values(FOOTNOTE_FIELD));

/** One field of a footnote entry as it stands after a write: an order key, a short plain marker, rich text. */
export function footnoteFieldProblem(key: string, value: unknown): ShapeProblem | null {
  switch (key) {
    case FOOTNOTE_FIELD.order:
      return isOrderKey(value) ? null : 'structure';
    case FOOTNOTE_FIELD.marker:
      if (typeof value !== 'string' || value === '') return 'structure';
      return value.length > MAX_FOOTNOTE_MARKER_CHARS ? 'too-long' : null;
    case FOOTNOTE_FIELD.body:
      return richTextProblem(value, MAX_NOTE_CHARS);
    default:
      return 'structure';
  }
}

/** A whole footnote entry, as a new one must be: order, marker and body, nothing else. */
export function footnoteEntryProblem(id: string, entry: unknown): ShapeProblem | null {
  if (!ENTRY_ID.test(id) || !(entry instanceof Y.Map) || entry.constructor !== Y.Map) return 'structure';
  for (const key of entry.keys()) if (!FOOTNOTE_KEYS.has(key)) return 'structure';
  let tooLong = false;
  for (const key of FOOTNOTE_KEYS) {
    const problem = footnoteFieldProblem(key, entry.get(key));
    if (problem === 'structure') return problem;
    if (problem === 'too-long') tooLong = true;
  }
  return tooLong ? 'too-long' : null;
}

const SIGNATORY_KEYS: ReadonlySet<string> = new Set(Object.values(SIGNATORY_FIELD));

/** One field of a signature block: plain strings, an order key. */
export function signatoryFieldProblem(key: string, value: unknown): ShapeProblem | null {
  if (key === SIGNATORY_FIELD.order) return isOrderKey(value) ? null : 'structure';
  if (!SIGNATORY_KEYS.has(key) || typeof value !== 'string') return 'structure';
  return value.length > MAX_SIGNATORY_FIELD_CHARS ? 'too-long' : null;
}

/** A whole signature block, as a new one must be. */
export function signatoryEntryProblem(id: string, entry: unknown): ShapeProblem | null {
  if (!ENTRY_ID.test(id) || !(entry instanceof Y.Map) || entry.constructor !== Y.Map) return 'structure';
  let tooLong = false;
  for (const key of entry.keys()) {
    const problem = signatoryFieldProblem(key, entry.get(key));
    if (problem === 'structure') return problem;
    if (problem === 'too-long') tooLong = true;
  }
  if (!isOrderKey(entry.get(SIGNATORY_FIELD.order))) return 'structure';
  return tooLong ? 'too-long' : null;
}
