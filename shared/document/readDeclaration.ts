import * as Y from 'yjs';
import { isClauseKind } from '../clauseKind.ts';
import { META_FIELDS, type Clause, type Declaration, type Footnote, type Meta, type Signatory } from '../declaration.ts';
import { isOrderKey, UNPLACED_ORDER } from '../orderKey.ts';
import type { RichText } from '../richText.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, ROOT, SIGNATORY_FIELD } from './names.ts';
import { readRichText } from './richTextFragment.ts';

/**
 * The edge where the collaborative document becomes plain data, so that
 * nothing past this point has to doubt its input. A clause whose kind or
 * order cannot be read is not hidden: it reads as an operative paragraph
 * placed at the end (OUT2) — its text is someone's work. An entry that is
 * not a clause at all (not a map) holds no text and is skipped.
 */
export function readClause(id: string, entry: unknown, withBody = true): Clause | null {
  if (!(entry instanceof Y.Map)) return null;
  const kind: unknown = entry.get(CLAUSE_FIELD.kind);
  const order: unknown = entry.get(CLAUSE_FIELD.order);
  const parent: unknown = entry.get(CLAUSE_FIELD.parent);
  const body: unknown = entry.get(CLAUSE_FIELD.body);
  const heading: unknown = entry.get(CLAUSE_FIELD.heading);
  const placed = isClauseKind(kind) && isOrderKey(order);
  const clause: Clause = {
    id,
    kind: placed ? kind : 'operative',
    parent: placed && typeof parent === 'string' ? parent : null,
    order: placed ? order : UNPLACED_ORDER,
    body: withBody && body instanceof Y.XmlFragment ? readRichText(body) : [],
  };
  // Absent, or not text (the server undoes such a write): no heading.
  if (typeof heading === 'string' && heading !== '') clause.heading = heading;
  return clause;
}

/** A footnote entry as plain data; one without an order key or a marker cannot be placed or referenced and holds no text worth a guess: skipped. */
function readFootnote(id: string, entry: unknown): Footnote | null {
  if (!(entry instanceof Y.Map)) return null;
  const order: unknown = entry.get(FOOTNOTE_FIELD.order);
  const marker: unknown = entry.get(FOOTNOTE_FIELD.marker);
  const body: unknown = entry.get(FOOTNOTE_FIELD.body);
  if (!isOrderKey(order)) return null;
  return { id, order, marker: typeof marker === 'string' ? marker : '', body: body instanceof Y.XmlFragment ? readRichText(body) : [] };
}

/** The footnotes in the order they print. */
export function readFootnotes(doc: Y.Doc): Footnote[] {
  const footnotes: Footnote[] = [];
  doc.getMap<unknown>(ROOT.footnotes).forEach((entry, id) => {
    const footnote = readFootnote(id, entry);
    if (footnote) footnotes.push(footnote);
  });
  return footnotes.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

function readMetaField(meta: Y.Map<unknown>, field: string): RichText {
  const value = meta.get(field);
  if (value instanceof Y.XmlFragment) return readRichText(value);
  return typeof value === 'string' && value !== '' ? [{ text: value }] : [];
}

function readSignatory(id: string, entry: unknown): Signatory | null {
  if (!(entry instanceof Y.Map)) return null;
  const text = (field: string) => {
    const value: unknown = entry.get(field);
    return typeof value === 'string' ? value : '';
  };
  const order = text(SIGNATORY_FIELD.order);
  if (!isOrderKey(order)) return null;
  return { id, order, name: text(SIGNATORY_FIELD.name), title: text(SIGNATORY_FIELD.title), state: text(SIGNATORY_FIELD.state) };
}

export function readDeclaration(doc: Y.Doc): Declaration {
  const metaMap = doc.getMap<unknown>(ROOT.meta);
  const meta = Object.fromEntries(META_FIELDS.map((field) => [field, readMetaField(metaMap, field)])) as Meta;
  const clauses: Clause[] = [];
  doc.getMap<unknown>(ROOT.clauses).forEach((entry, id) => {
    const clause = readClause(id, entry);
    if (clause) clauses.push(clause);
  });
  const signatories: Signatory[] = [];
  doc.getMap<unknown>(ROOT.signatories).forEach((entry, id) => {
    const signatory = readSignatory(id, entry);
    if (signatory) signatories.push(signatory);
  });
  signatories.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
  const footnotes = readFootnotes(doc);
  return footnotes.length > 0 ? { meta, clauses, signatories, footnotes } : { meta, clauses, signatories };
}
