import * as Y from 'yjs';
import { META_FIELDS } from '../declaration.ts';
import type { DeclarationSeed, SeedSubitem } from '../declarationSeed.ts';
import { newId } from '../ids.ts';
import { keysBetween } from '../orderKey.ts';
import type { ClauseKind } from '../clauseKind.ts';
import { writeClause } from './clauseEntry.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, ROOT, SIGNATORY_FIELD } from './names.ts';
import { appendParagraph } from './richTextFragment.ts';
import type { RichText } from '../richText.ts';

/** Fills an empty document with a seed, in one transaction. */
export function writeSeed(doc: Y.Doc, seed: DeclarationSeed): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(ROOT.meta);
    for (const field of META_FIELDS) {
      const fragment = new Y.XmlFragment();
      meta.set(field, fragment);
      appendParagraph(fragment, seed[field] ?? []);
    }
    const addClause = (kind: ClauseKind, parent: string | null, order: string, body: RichText, heading: string | undefined): string => {
      const id = newId();
      writeClause(doc, id, kind, parent, order, body);
      if (heading) doc.getMap<Y.Map<unknown>>(ROOT.clauses).get(id)!.set(CLAUSE_FIELD.heading, heading);
      return id;
    };
    const preambleKeys = keysBetween(null, null, seed.preamble.length);
    seed.preamble.forEach((body, i) => addClause('preamble', null, preambleKeys[i]!, body, seed.preambleHeadings?.[i]));
    const addItems = (items: SeedSubitem[], parent: string | null) => {
      const keys = keysBetween(null, null, items.length);
      items.forEach((item, i) => {
        const id = addClause('operative', parent, keys[i]!, item.body, item.heading);
        addItems(item.subitems ?? [], id);
      });
    };
    addItems(seed.operative, null);
    const signatories = doc.getMap<Y.Map<unknown>>(ROOT.signatories);
    const signatoryKeys = keysBetween(null, null, seed.signatories.length);
    seed.signatories.forEach((signatory, i) => {
      const entry = new Y.Map<unknown>();
      signatories.set(newId(), entry);
      entry.set(SIGNATORY_FIELD.name, signatory.name);
      entry.set(SIGNATORY_FIELD.title, signatory.title);
      entry.set(SIGNATORY_FIELD.state, signatory.state);
      entry.set(SIGNATORY_FIELD.order, signatoryKeys[i]!);
    });
    const footnotes = seed.footnotes ?? [];
    const footnoteMap = doc.getMap<Y.Map<unknown>>(ROOT.footnotes);
    const footnoteKeys = keysBetween(null, null, footnotes.length);
    footnotes.forEach((footnote, i) => {
      const entry = new Y.Map<unknown>();
      footnoteMap.set(footnote.id, entry);
      entry.set(FOOTNOTE_FIELD.order, footnoteKeys[i]!);
      entry.set(FOOTNOTE_FIELD.marker, footnote.marker);
      const body = new Y.XmlFragment();
      entry.set(FOOTNOTE_FIELD.body, body);
      appendParagraph(body, footnote.body);
    });
  });
}
