import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { History } from '../collab/history.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import { createFootnote, deleteFootnote, nextMarker, readFootnoteEntries } from './footnoteOps.ts';

/**
 * Footnotes as the editor writes them (docs/SPEC.md DP3), on Yjs alone: the
 * marker in a clause's text is what RichEditor's insertFootnote writes — the
 * marker's characters with the `footnote` mark — with Tiptap's sync origin.
 */
function declaration(...operative: string[]): Y.Doc {
  const doc = new Y.Doc();
  writeSeed(doc, { ...emptySeed(plain('Declaration of Lima')), operative: operative.map((text) => ({ body: plain(text) })) });
  return doc;
}

function firstClause(doc: Y.Doc): { id: string; text: Y.XmlText } {
  const [id] = [...clausesMap(doc).keys()];
  const fragment = clausesMap(doc).get(id!)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
  return { id: id!, text: (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText };
}

/** Adds a footnote as the screen does: the note, then its marker at `at`, one step of the history. */
function addFootnote(doc: Y.Doc, history: History, id: string, at: number): string {
  const marker = nextMarker(readFootnoteEntries(doc));
  history.step(() => {
    createFootnote(doc, id, marker, STRUCTURE_ORIGIN);
    doc.transact(() => firstClause(doc).text.insert(at, marker, { footnote: { id } }), ySyncPluginKey);
  });
  return marker;
}

describe('footnotes in the editor', () => {
  it('DP3: a new footnote takes the next free number, after the highest numeric marker', () => {
    expect(nextMarker([])).toBe('1');
    expect(nextMarker([{ marker: '1' }, { marker: '*' }, { marker: '4' }])).toBe('5');
    expect(nextMarker([{ marker: '*' }])).toBe('1');
  });

  it('DP3: adding a footnote is one undoable step — the note and its marker come and go together', () => {
    const doc = declaration('Decide to cooperate.');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    expect(addFootnote(doc, history, 'fnA', 'Decide to cooperate.'.length)).toBe('1');
    expect(addFootnote(doc, history, 'fnB', 'Decide'.length)).toBe('2');
    const read = readDeclaration(doc);
    expect(read.footnotes?.map((f) => [f.id, f.marker])).toEqual([
      ['fnA', '1'],
      ['fnB', '2'],
    ]);
    expect(read.clauses[0]!.body).toEqual([{ text: 'Decide' }, { text: '2', footnote: 'fnB' }, { text: ' to cooperate.' }, { text: '1', footnote: 'fnA' }]);

    history.undo();
    expect(readFootnoteEntries(doc).map((f) => f.id)).toEqual(['fnA']);
    expect(toPlainText(readDeclaration(doc).clauses[0]!.body)).toBe('Decide to cooperate.1');
    history.redo();
    expect(readFootnoteEntries(doc).map((f) => f.id)).toEqual(['fnA', 'fnB']);
    expect(toPlainText(readDeclaration(doc).clauses[0]!.body)).toBe('Decide2 to cooperate.1');
  });

  it('DP3: deleting a footnote removes its note and every marker of it, in one step that Undo takes back', () => {
    const doc = declaration('Decide to cooperate.');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    addFootnote(doc, history, 'fnA', 'Decide to cooperate.'.length);
    addFootnote(doc, history, 'fnB', 'Decide'.length);
    deleteFootnote(doc, 'fnA', STRUCTURE_ORIGIN);
    expect(readFootnoteEntries(doc).map((f) => f.marker)).toEqual(['2']);
    expect(readDeclaration(doc).clauses[0]!.body).toEqual([{ text: 'Decide' }, { text: '2', footnote: 'fnB' }, { text: ' to cooperate.' }]);
    history.undo();
    expect(readFootnoteEntries(doc).map((f) => f.marker)).toEqual(['1', '2']);
    expect(toPlainText(readDeclaration(doc).clauses[0]!.body)).toBe('Decide2 to cooperate.1');
  });
});
