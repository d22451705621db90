import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { keyBetween } from '../orderKey.ts';
import { readDeclaration } from './readDeclaration.ts';
import { ROOT, SIGNATORY_FIELD } from './names.ts';

/** Editing the signature blocks: each field is a plain string, last writer wins. */
export type SignatoryField = 'name' | 'title' | 'state';

export function signatoriesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.signatories);
}

export function addSignatory(doc: Y.Doc, origin?: unknown): string {
  const existing = readDeclaration(doc).signatories;
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    signatoriesMap(doc).set(id, entry);
    entry.set(SIGNATORY_FIELD.name, '');
    entry.set(SIGNATORY_FIELD.title, '');
    entry.set(SIGNATORY_FIELD.state, '');
    entry.set(SIGNATORY_FIELD.order, keyBetween(existing[existing.length - 1]?.order ?? null, null));
  }, origin);
  return id;
}

export function setSignatoryField(doc: Y.Doc, id: string, field: SignatoryField, value: string, origin?: unknown): void {
  doc.transact(() => signatoriesMap(doc).get(id)?.set(SIGNATORY_FIELD[field], value), origin);
}

export function removeSignatory(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => signatoriesMap(doc).delete(id), origin);
}
