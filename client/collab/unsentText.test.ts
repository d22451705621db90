import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed, type DeclarationSeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { aheadOfServer, everythingSent, unsentTexts } from './unsentText.ts';

// ---- fixtures, built in code -------------------------------------------------

function declaration(preamble: string[], operative: string[]): DeclarationSeed {
  return { ...emptySeed(plain('Test')), preamble: preamble.map(plain), operative: operative.map((text) => ({ body: plain(text) })) };
}

/** The server's document, and a device that has received all of it (its document and its shadow). */
function inSync(seed: DeclarationSeed): { server: Y.Doc; local: Y.Doc; shadow: Y.Doc } {
  const server = new Y.Doc();
  writeSeed(server, seed);
  const local = new Y.Doc();
  const shadow = new Y.Doc();
  const everything = Y.encodeStateAsUpdate(server);
  Y.applyUpdate(local, everything);
  Y.applyUpdate(shadow, everything);
  return { server, local, shadow };
}

function idOf(doc: Y.Doc, text: string): string {
  return readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
}

function textOf(doc: Y.Doc, id: string): Y.XmlText {
  const body = clausesMap(doc).get(id)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
  return (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function type(doc: Y.Doc, id: string, text: string): void {
  const xml = textOf(doc, id);
  xml.insert(xml.length, text);
}

/** What the relay does with a device's edits: apply them, and echo them back (into the shadow). */
function sendAndEcho(local: Y.Doc, server: Y.Doc, shadow: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(server, Y.encodeStateVector(shadow)));
}

// ---- tests -------------------------------------------------------------------

describe('what this device has that the server lacks', () => {
  it('OFF3: a typed edit is unsent until the server echoes it back', () => {
    const { server, local, shadow } = inSync(declaration([], ['Decide;']));
    expect(everythingSent(local, shadow)).toBe(true);
    type(local, idOf(local, 'Decide;'), ' more');
    expect(everythingSent(local, shadow)).toBe(false);
    sendAndEcho(local, server, shadow);
    expect(everythingSent(local, shadow)).toBe(true);
  });

  it('OFF3: a deletion alone is unsent too, though it moves no clock', () => {
    const { local, shadow } = inSync(declaration([], ['Decide;', 'Agree;']));
    deleteClause(local, idOf(local, 'Agree;'));
    expect(aheadOfServer(local, shadow)).toBe(false);
    expect(everythingSent(local, shadow)).toBe(false);
  });

  it('OFF3: the unsent text per clause, in reading order with its label; unchanged, deleted and emptied clauses are not listed', () => {
    const { local, shadow } = inSync(declaration(['Recognizing that,'], ['Decide;', 'Agree;', 'Note;']));
    type(local, idOf(local, 'Recognizing that,'), ' and');
    type(local, idOf(local, 'Note;'), ' well');
    deleteClause(local, idOf(local, 'Agree;'));
    const decide = textOf(local, idOf(local, 'Decide;'));
    decide.delete(0, decide.length);
    const heading = local.getMap<Y.XmlFragment>(ROOT.meta).get('title')!;
    ((heading.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(4, ' declaration');
    expect(unsentTexts(local, shadow)).toEqual([
      { part: 'meta', field: 'title', text: 'Test declaration' },
      { part: 'clause', clauseId: idOf(local, 'Recognizing that, and'), label: 'PP1', text: 'Recognizing that, and' },
      { part: 'clause', clauseId: idOf(local, 'Note; well'), label: 'OP2', text: 'Note; well' },
    ]);
    expect(unsentTexts(shadow, shadow)).toEqual([]);
  });

  it('OFF1: edits the server took but never echoed (the tab closed first) put the device ahead of its shadow', () => {
    const { server, local, shadow } = inSync(declaration([], ['Decide;']));
    expect(aheadOfServer(local, shadow)).toBe(false);
    type(local, idOf(local, 'Decide;'), ' more');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
    expect(aheadOfServer(local, shadow)).toBe(true);
    // What a server answers to the shadow's state vector is what the shadow lacks.
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(server, Y.encodeStateVector(shadow)));
    expect(aheadOfServer(local, shadow)).toBe(false);
    expect(everythingSent(local, shadow)).toBe(true);
  });
});
