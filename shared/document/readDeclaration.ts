import * as Y from 'yjs';
import { isClauseKind } from '../clauseKind.ts';
import { META_FIELDS, type Clause, type Declaration, type Meta, type Signatory } from '../declaration.ts';
import { isOrderKey, UNPLACED_ORDER } from '../orderKey.ts';
import type { RichText } from '../richText.ts';
import { CLAUSE_FIELD, ROOT, SIGNATORY_FIELD } from './names.ts';
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
  const placed = isClauseKind(kind) && isOrderKey(order);
  return {
    id,
    kind: placed ? kind : 'operative',
    parent: placed && typeof parent === 'string' ? parent : null,
    order: placed ? order : UNPLACED_ORDER,
    body: withBody && body instanceof Y.XmlFragment ? readRichText(body) : [],
  };
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
  return { meta, clauses, signatories };
}
