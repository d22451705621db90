import * as Y from 'yjs';
import { footnoteOfMark, appendParagraph } from '../../shared/document/richTextFragment.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, FOOTNOTE_MARK, ROOT } from '../../shared/document/names.ts';
import { compareOrder, keyBetween } from '../../shared/orderKey.ts';

/**
 * The footnotes as the editor reads and writes them (shared/document/names.ts
 * ROOT.footnotes): id → { order, marker, body }. The reference to a note is
 * its marker's characters in the text, carrying the `footnote` mark with its
 * id. Writes are this browser's own, with the origin the caller gives, so
 * that the declaration's history (client/collab/history.ts) undoes them.
 */
export interface FootnoteEntry {
  id: string;
  order: string;
  marker: string;
  body: Y.XmlFragment | null;
}

export function footnotesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.footnotes);
}

/** The footnotes in their printed order. */
export function readFootnoteEntries(doc: Y.Doc): FootnoteEntry[] {
  const entries: FootnoteEntry[] = [];
  footnotesMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const order = entry.get(FOOTNOTE_FIELD.order);
    const marker = entry.get(FOOTNOTE_FIELD.marker);
    const body = entry.get(FOOTNOTE_FIELD.body);
    entries.push({
      id,
      order: typeof order === 'string' ? order : '',
      marker: typeof marker === 'string' ? marker : '',
      body: body instanceof Y.XmlFragment ? body : null,
    });
  });
  return entries.sort(compareOrder);
}

/**
 * The marker a new footnote takes: the next number after the highest
 * numeric marker ("1", "2" … whatever symbols like "*" are also in use).
 */
export function nextMarker(entries: readonly { marker: string }[]): string {
  const numbers = entries.map((each) => (/^\d+$/.test(each.marker) ? Number(each.marker) : 0));
  return String(Math.max(0, ...numbers) + 1);
}

/** Adds a footnote with an empty body after the last one. Its reference is put in the text by the editor (RichEditor's insertFootnote). */
export function createFootnote(doc: Y.Doc, id: string, marker: string, origin: unknown): void {
  const last = readFootnoteEntries(doc).at(-1);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    footnotesMap(doc).set(id, entry);
    entry.set(FOOTNOTE_FIELD.order, keyBetween(last?.order ?? null, null));
    entry.set(FOOTNOTE_FIELD.marker, marker);
    const body = new Y.XmlFragment();
    entry.set(FOOTNOTE_FIELD.body, body);
    // An editor needs its paragraph; made here so no two editors race to create it.
    appendParagraph(body, []);
  }, origin);
}

/** Every rich text of the document a reference may sit in: clause bodies, the heading fields and the notes themselves. */
function richTexts(doc: Y.Doc): Y.XmlFragment[] {
  const fragments: Y.XmlFragment[] = [];
  const collect = (value: unknown) => {
    if (value instanceof Y.XmlFragment) fragments.push(value);
  };
  doc.getMap<Y.Map<unknown>>(ROOT.clauses).forEach((entry) => entry instanceof Y.Map && collect(entry.get(CLAUSE_FIELD.body)));
  doc.getMap<unknown>(ROOT.meta).forEach(collect);
  footnotesMap(doc).forEach((entry) => entry instanceof Y.Map && collect(entry.get(FOOTNOTE_FIELD.body)));
  return fragments;
}

function textsOf(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return node.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsOf(child) : []));
}

/** Removes a footnote and every marker referring to it, in one transaction (one undo step). */
export function deleteFootnote(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => {
    for (const fragment of richTexts(doc)) {
      for (const text of textsOf(fragment)) {
        const ranges: { at: number; length: number }[] = [];
        let offset = 0;
        for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
          const length = typeof op.insert === 'string' ? op.insert.length : 1;
          if (footnoteOfMark(op.attributes?.[FOOTNOTE_MARK]) === id) ranges.push({ at: offset, length });
          offset += length;
        }
        // From the end, so that earlier offsets stay true.
        for (const range of ranges.reverse()) text.delete(range.at, range.length);
      }
    }
    footnotesMap(doc).delete(id);
  }, origin);
}
