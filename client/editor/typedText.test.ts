import { getSchema } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode, ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommentMark } from './commentMark.ts';
import { typedChange, writeTypedChange } from './typedText.ts';

/**
 * Two delegations type at the same place of a clause, each on its own
 * replica, then the replicas meet (offline editing, or two keystrokes
 * crossing on the wire). A keystroke is the editor's own transaction
 * (`insertText`, which picks the marks as ProseMirror does), written into
 * Yjs either by the binding's own diff (`updateYFragment`, what
 * @tiptap/y-tiptap runs after each transaction) or by typedText.
 */
const schema = getSchema([Document.extend({ content: 'paragraph+' }), Paragraph, Text, Italic, Bold, CommentMark]);
const italic = schema.marks.italic!.create();
const comment = schema.marks.comment!.create({ threads: 'Vb3kQ9sLx2Ty7PqA' });
const text = (value: string, ...marks: typeof italic[]) => schema.text(value, marks);
const clause = (...runs: ProseMirrorNode[]) => schema.node('doc', null, [schema.node('paragraph', null, runs)]);

const recognizing = clause(text('Recognizing', italic), text(' that peace matters,'));
const bearing = clause(text('Bearing in mind', italic), text(' the past,'));
const plain = clause(text('Their agreement to meet;'));
const commented = clause(text('Their '), text('agreement', comment), text(' to meet;'));

type Writer = 'binding' | 'typedText';

function replica(seed: Uint8Array, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, seed);
  return doc;
}

/** The clause as the server holds it, written by a third client. */
function seedOf(content: ProseMirrorNode): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 100;
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment('body'), content, { mapping: new Map(), isOMark: new Map() }));
  return Y.encodeStateAsUpdate(doc);
}

const read = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), schema);

/** Types `letters` one keystroke at a time at `offset` of the paragraph. */
function type(doc: Y.Doc, offset: number, letters: string, writer: Writer): void {
  const fragment = doc.getXmlFragment('body');
  let caret = 1 + offset;
  for (const letter of letters) {
    const before = read(doc);
    const tr = EditorState.create({ schema, doc: before, selection: TextSelection.create(before, caret) }).tr.insertText(letter);
    doc.transact(() => {
      if (writer === 'typedText') {
        const change = typedChange(fragment, before, caret, caret, letter, tr.doc.nodeAt(caret)!.marks);
        expect(change).not.toBeNull();
        writeTypedChange(change!);
      }
      updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() });
    }, ySyncPluginKey);
    caret += 1;
  }
}

/** Brazil and Chile each type their name at `offset`, apart, then exchange their edits. */
function typeApart(content: ProseMirrorNode, offset: number, writer: Writer, [brazilId, chileId]: [number, number]) {
  const seed = seedOf(content);
  const brazil = replica(seed, brazilId);
  const chile = replica(seed, chileId);
  type(brazil, offset, 'brazil ', writer);
  type(chile, offset, 'chile ', writer);
  Y.applyUpdate(brazil, Y.encodeStateAsUpdate(chile));
  Y.applyUpdate(chile, Y.encodeStateAsUpdate(brazil));
  const merged = read(brazil);
  expect(read(chile).eq(merged)).toBe(true);
  return { brazil, merged, paragraph: merged.child(0) };
}

/** The text of the paragraph's runs that carry `mark`. */
function marked(paragraph: ProseMirrorNode, mark: typeof italic): string {
  let runs = '';
  paragraph.forEach((node) => {
    if (mark.isInSet(node.marks)) runs += node.text;
  });
  return runs;
}

const clientOrders: [number, number][] = [[1, 2], [2, 1]];

describe('typed text and concurrent runs', () => {
  it("EDIT9: the binding's own writes interleave two runs typed at the start of an italic phrase (why typedText exists)", () => {
    const { brazil, paragraph } = typeApart(recognizing, 0, 'binding', [1, 2]);
    expect(paragraph.textContent).toBe('bcrazil hile Recognizing that peace matters,');
    // The cause, in the items: the first letter is inserted before the phrase's italic start and then
    // formatted, which deletes that start; the next letter's origin is the deleted start, not the first letter.
    const phraseStart = Y.decodeUpdate(seedOf(recognizing)).structs.find((s) => s instanceof Y.Item && s.content instanceof Y.ContentFormat)!.id;
    const items = Y.decodeUpdate(Y.encodeStateAsUpdate(brazil)).structs.filter((s): s is Y.Item => s instanceof Y.Item && s.id.client === 1);
    const first = items.find((item) => item.content instanceof Y.ContentString && (item.content as Y.ContentString).str === 'b')!;
    const rest = items.find((item) => item.content instanceof Y.ContentString && (item.content as Y.ContentString).str === 'razil ')!;
    expect(first.origin).toBeNull();
    expect(rest.origin).toEqual(phraseStart);
  });

  it('EDIT9: the binding puts a letter typed before the same letter after it, and two runs interleave there', () => {
    const { paragraph } = typeApart(bearing, 4, 'binding', [1, 2]);
    expect(paragraph.textContent).toBe('Bearbrazchil ile ing in mind the past,');
  });

  // Where both type, and the italic phrase of the clause.
  const places: [string, ProseMirrorNode, number, string][] = [
    ['at the start of a clause that opens with an italic phrase', recognizing, 0, 'Recognizing'],
    ['inside an italic phrase, before a letter they also type', bearing, 4, 'Bearing in mind'],
    ['right after an italic phrase', recognizing, 'Recognizing'.length, 'Recognizing'],
    ['at the start of a plain clause', plain, 0, ''],
    ['right after a comment passage (a mark that does not extend)', commented, 'Their agreement'.length, ''],
  ];
  it("EDIT9: written by typedText, each delegation's run stays whole wherever both type", () => {
    for (const [where, content, offset, phrase] of places) {
      const [before, after] = [content.textContent.slice(0, offset), content.textContent.slice(offset)];
      for (const order of clientOrders) {
        const { paragraph } = typeApart(content, offset, 'typedText', order);
        const runs = ['brazil chile ', 'chile brazil '].find((both) => paragraph.textContent === before + both + after);
        expect(runs, `${where}: ${paragraph.textContent}`).toBeDefined();
        // The phrase keeps its italics; letters typed into it or at its edge take them too.
        expect(marked(paragraph, italic).replace(runs!, ''), where).toBe(phrase);
        expect(marked(paragraph, comment), where).toBe(content === commented ? 'agreement' : '');
      }
    }
  });

  it('EDIT9: after typedText has written the letters, the binding finds nothing left to write', () => {
    const doc = replica(seedOf(recognizing), 1);
    const fragment = doc.getXmlFragment('body');
    const before = read(doc);
    const tr = EditorState.create({ schema, doc: before, selection: TextSelection.create(before, 1) }).tr.insertText('b');
    doc.transact(() => writeTypedChange(typedChange(fragment, before, 1, 1, 'b', tr.doc.nodeAt(1)!.marks)!), ySyncPluginKey);
    const written = Y.encodeStateVector(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }), ySyncPluginKey);
    expect(updates).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(written);
    expect(read(doc).eq(tr.doc)).toBe(true);
  });

  it('EDIT9: typedText leaves to the binding a paragraph whose Yjs text differs from the editor', () => {
    const doc = replica(seedOf(plain), 1);
    const empty = clause();
    expect(typedChange(doc.getXmlFragment('body'), empty, 1, 1, 'x', [])).toBeNull();
    const other = clause(text('Their agreement to part;'));
    expect(typedChange(doc.getXmlFragment('body'), other, 1, 1, 'x', [])).toBeNull();
  });
});
