import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { deleteClause, indentClause, insertClauses, moveClause } from '../../shared/document/clauseOps.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { setSignatoryField } from '../../shared/document/signatoryOps.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { History } from './history.ts';
import { STRUCTURE_ORIGIN, TYPING_ORIGIN } from './origins.ts';

/**
 * The declaration's undo history on Yjs alone (docs/SPEC.md UNDO1–UNDO3).
 * An editor's keystroke is a transaction with Tiptap's sync origin, a
 * structural edit one with STRUCTURE_ORIGIN, the server's updates arrive
 * with the provider as origin — here a stand-in object, as the provider is
 * to Yjs just an origin. The clock is taken out (captureMs = Infinity):
 * steps are cut by place and by kind of edit, never by timing.
 */
const PROVIDER = { name: 'provider' };

function declaration(...operative: string[]): Y.Doc {
  const doc = new Y.Doc();
  writeSeed(doc, {
    ...emptySeed(plain('Declaration of Lima')),
    operative: operative.map((text) => ({ body: plain(text) })),
    signatories: [{ name: 'Jorge Taiana', title: 'Minister', state: 'Argentina' }],
  });
  return doc;
}

/** The clauses as a delegate reads them: "OP1 text", in order. */
function view(doc: Y.Doc): string[] {
  const outline = buildOutline(readDeclaration(doc).clauses);
  const numbers = numberClauses(outline);
  return flattenOutline(outline).map((n) => `${numbers.get(n.clause.id)!.label} ${toPlainText(n.clause.body)}`);
}

function idOf(doc: Y.Doc, text: string): string {
  const clause = readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text);
  if (!clause) throw new Error(`no clause reads "${text}"`);
  return clause.id;
}

function textOf(fragment: Y.XmlFragment): Y.XmlText {
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function clauseText(doc: Y.Doc, id: string): Y.XmlText {
  return textOf(clausesMap(doc).get(id)!.get(CLAUSE_FIELD.body) as Y.XmlFragment);
}

/** What an editor does on a keystroke: change the clause's text with the sync origin. */
function typeIn(doc: Y.Doc, id: string, index: number, text: string): void {
  doc.transact(() => clauseText(doc, id).insert(index, text), ySyncPluginKey);
}

function eraseIn(doc: Y.Doc, id: string, index: number, length: number): void {
  doc.transact(() => clauseText(doc, id).delete(index, length), ySyncPluginKey);
}

function title(doc: Y.Doc): Y.XmlText {
  return textOf(doc.getMap(ROOT.meta).get('title') as Y.XmlFragment);
}

/** Two replicas, as two browsers behind the server: each applies the other's updates with the provider as origin. */
function twoBrowsers(): { chile: Y.Doc; peru: Y.Doc } {
  const chile = declaration('Decide to meet;');
  const peru = new Y.Doc();
  Y.applyUpdate(peru, Y.encodeStateAsUpdate(chile), PROVIDER);
  chile.on('update', (update: Uint8Array, origin: unknown) => origin !== PROVIDER && Y.applyUpdate(peru, update, PROVIDER));
  peru.on('update', (update: Uint8Array, origin: unknown) => origin !== PROVIDER && Y.applyUpdate(chile, update, PROVIDER));
  return { chile, peru };
}

describe('the declaration undo history', () => {
  it('UNDO1: one history across clauses, heading and signatories, undone in reverse order and redone in order', () => {
    const doc = declaration('One;', 'Two;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const one = idOf(doc, 'One;');
    const two = idOf(doc, 'Two;');
    const signatory = readDeclaration(doc).signatories[0]!.id;
    const snapshot = () => ({ clauses: view(doc), title: title(doc).toString(), signatory: readDeclaration(doc).signatories[0]!.name });
    const states = [snapshot()];
    typeIn(doc, one, 3, ' more');
    states.push(snapshot());
    doc.transact(() => title(doc).insert(19, ' (2025)'), ySyncPluginKey);
    states.push(snapshot());
    setSignatoryField(doc, signatory, 'name', 'Jorge Taiana Jr', TYPING_ORIGIN);
    states.push(snapshot());
    typeIn(doc, two, 0, 'And ');
    states.push(snapshot());
    moveClause(doc, two, 'up', STRUCTURE_ORIGIN);
    states.push(snapshot());
    expect(states.at(-1)).toEqual({ clauses: ['OP1 And Two;', 'OP2 One more;'], title: 'Declaration of Lima (2025)', signatory: 'Jorge Taiana Jr' });

    for (let i = states.length - 2; i >= 0; i--) {
      expect(history.undo()).not.toBeNull();
      expect(snapshot()).toEqual(states[i]);
    }
    expect(history.canUndo()).toBe(false);
    for (let i = 1; i < states.length; i++) {
      expect(history.redo()).not.toBeNull();
      expect(snapshot()).toEqual(states[i]);
    }
    expect(history.canRedo()).toBe(false);
  });

  it('UNDO1: a new edit after an undo drops the redo steps', () => {
    const doc = declaration('One;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const one = idOf(doc, 'One;');
    typeIn(doc, one, 0, 'A ');
    history.undo();
    typeIn(doc, one, 0, 'B ');
    expect(history.canRedo()).toBe(false);
    history.undo();
    expect(view(doc)).toEqual(['OP1 One;']);
  });

  it('UNDO1: the caret goes back where the undone step began, and to the end of what a redo brings back', () => {
    const doc = declaration('Decide to meet;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const id = idOf(doc, 'Decide to meet;');
    typeIn(doc, id, 14, ' again');
    // ProseMirror positions: the paragraph opens at 0, its text starts at 1.
    expect(history.undo()).toEqual({ key: id, at: 15 });
    expect(history.redo()).toEqual({ key: id, at: 21 });
    // A deletion undone puts the caret where it was, before the words it brings back, again after a redo.
    eraseIn(doc, id, 10, 5);
    expect(history.undo()).toEqual({ key: id, at: 11 });
    expect(history.redo()).toEqual({ key: id, at: 11 });
    expect(history.undo()).toEqual({ key: id, at: 11 });
    doc.transact(() => title(doc).insert(0, 'The '), ySyncPluginKey);
    expect(history.undo()).toEqual({ key: 'meta:title', at: 1 });
    const [added] = insertClauses(doc, { id, side: 'after' }, [plain('New;')], STRUCTURE_ORIGIN);
    deleteClause(doc, added!, STRUCTURE_ORIGIN);
    // The deleted clause comes back, and the caret with it.
    expect(history.undo()).toEqual({ key: added, at: null });
  });

  it('UNDO2: an Enter that splits a clause is one step: the text cut from it and the new clause holding it', () => {
    const doc = declaration('Decide to meet again in Lima;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const id = idOf(doc, 'Decide to meet again in Lima;');
    typeIn(doc, id, 0, 'We ');
    // What clauseActions.split does with the editor's cut: one step.
    history.step(() => {
      eraseIn(doc, id, 23, 9);
      insertClauses(doc, { id, side: 'after' }, [plain(' in Lima;')], STRUCTURE_ORIGIN);
    });
    typeIn(doc, idOf(doc, ' in Lima;'), 0, 'Meet');
    expect(view(doc)).toEqual(['OP1 We Decide to meet again', 'OP2 Meet in Lima;']);
    history.undo();
    expect(view(doc)).toEqual(['OP1 We Decide to meet again', 'OP2  in Lima;']);
    expect(history.undo()).toEqual({ key: id, at: 24 });
    expect(view(doc)).toEqual(['OP1 We Decide to meet again in Lima;']);
    history.undo();
    expect(view(doc)).toEqual(['OP1 Decide to meet again in Lima;']);
    history.redo();
    history.redo();
    expect(view(doc)).toEqual(['OP1 We Decide to meet again', 'OP2  in Lima;']);
  });

  it('UNDO2: a paste of several paragraphs is one step: the text put in the clause and the new clauses', () => {
    const doc = declaration('Start end');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const id = idOf(doc, 'Start end');
    history.step(() => {
      doc.transact(() => {
        clauseText(doc, id).delete(6, 3);
        clauseText(doc, id).insert(6, 'first;');
      }, ySyncPluginKey);
      insertClauses(doc, { id, side: 'after' }, [plain('second;'), plain('third end')], STRUCTURE_ORIGIN);
    });
    expect(view(doc)).toEqual(['OP1 Start first;', 'OP2 second;', 'OP3 third end']);
    history.undo();
    expect(view(doc)).toEqual(['OP1 Start end']);
    expect(history.canUndo()).toBe(false);
    history.redo();
    expect(view(doc)).toEqual(['OP1 Start first;', 'OP2 second;', 'OP3 third end']);
  });

  it('UNDO2: each structural edit is a step of its own, apart from the typing just before and after it', () => {
    const doc = declaration('One;', 'Two;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const two = idOf(doc, 'Two;');
    typeIn(doc, two, 0, 'Also ');
    moveClause(doc, two, 'up', STRUCTURE_ORIGIN);
    moveClause(doc, two, 'down', STRUCTURE_ORIGIN);
    indentClause(doc, two, STRUCTURE_ORIGIN);
    typeIn(doc, two, 0, 'And ');
    const states = [
      ['OP1 One;', 'OP1(a) And Also Two;'],
      ['OP1 One;', 'OP1(a) Also Two;'],
      ['OP1 One;', 'OP2 Also Two;'],
      ['OP1 Also Two;', 'OP2 One;'],
      ['OP1 One;', 'OP2 Also Two;'],
      ['OP1 One;', 'OP2 Two;'],
    ];
    expect(view(doc)).toEqual(states[0]);
    for (const state of states.slice(1)) {
      history.undo();
      expect(view(doc)).toEqual(state);
    }
    expect(history.canUndo()).toBe(false);
  });

  it('UNDO2: typing groups into one step per place: typing elsewhere starts a new one', () => {
    const doc = declaration('One;', 'Two;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const one = idOf(doc, 'One;');
    const two = idOf(doc, 'Two;');
    for (const letter of 'abc') typeIn(doc, one, 0, letter);
    for (const letter of 'xyz') typeIn(doc, two, 0, letter);
    typeIn(doc, one, 0, '!');
    history.undo();
    expect(view(doc)).toEqual(['OP1 cbaOne;', 'OP2 zyxTwo;']);
    history.undo();
    expect(view(doc)).toEqual(['OP1 cbaOne;', 'OP2 Two;']);
    history.undo();
    expect(view(doc)).toEqual(['OP1 One;', 'OP2 Two;']);
  });

  it('UNDO3: only this browser\'s own edits: remote changes and changes marked outside the history are never undone', () => {
    const { chile, peru } = twoBrowsers();
    const history = new History(chile, Number.POSITIVE_INFINITY);
    const id = idOf(chile, 'Decide to meet;');
    typeIn(peru, id, 0, 'Peru: ');
    expect(history.canUndo()).toBe(false);
    typeIn(chile, id, 21, ' Chile');
    typeIn(peru, id, 0, 'Again ');
    chile.transact((tr) => {
      tr.meta.set('addToHistory', false);
      clauseText(chile, id).insert(0, '>');
    }, ySyncPluginKey);
    expect(view(peru)).toEqual(['OP1 >Again Peru: Decide to meet; Chile']);
    history.undo();
    expect(view(peru)).toEqual(['OP1 >Again Peru: Decide to meet;']);
    expect(history.canUndo()).toBe(false);
  });

  it('UNDO3: an undo does not bring back what the server took back (its compensating update is not ours)', () => {
    const { chile, peru } = twoBrowsers();
    const history = new History(chile, Number.POSITIVE_INFINITY);
    const id = idOf(chile, 'Decide to meet;');
    typeIn(chile, id, 0, 'Refused ');
    // The server's undo arrives like any remote update.
    peru.transact(() => clauseText(peru, id).delete(0, 8), PROVIDER);
    Y.applyUpdate(chile, Y.encodeStateAsUpdate(peru, Y.encodeStateVector(chile)), PROVIDER);
    expect(view(chile)).toEqual(['OP1 Decide to meet;']);
    expect(history.undo()).toBeNull();
    expect(view(chile)).toEqual(['OP1 Decide to meet;']);
  });

  it('UNDO3: undoing the clause one made keeps it, with only the others\' text, when another delegation typed into it', () => {
    const { chile, peru } = twoBrowsers();
    const history = new History(chile, Number.POSITIVE_INFINITY);
    const first = idOf(chile, 'Decide to meet;');
    const [made] = insertClauses(chile, { id: first, side: 'after' }, [plain('Chile;')], STRUCTURE_ORIGIN);
    typeIn(peru, made!, 0, 'Peru ');
    expect(view(chile)).toEqual(['OP1 Decide to meet;', 'OP2 Peru Chile;']);
    history.undo();
    expect(view(chile)).toEqual(['OP1 Decide to meet;', 'OP2 Peru ']);
    expect(view(peru)).toEqual(['OP1 Decide to meet;', 'OP2 Peru ']);
    // A clause nobody else touched goes whole.
    const [alone] = insertClauses(chile, { id: first, side: 'after' }, [plain('Alone;')], STRUCTURE_ORIGIN);
    expect(clausesMap(peru).has(alone!)).toBe(true);
    history.undo();
    expect(clausesMap(peru).has(alone!)).toBe(false);
  });

  it('UNDO3: the Undo of a deletion notice takes back that deletion only, and the later steps stay', () => {
    const doc = declaration('One;', 'Two;');
    const history = new History(doc, Number.POSITIVE_INFINITY);
    const two = idOf(doc, 'Two;');
    deleteClause(doc, two, STRUCTURE_ORIGIN);
    const deletion = history.latest()!;
    typeIn(doc, idOf(doc, 'One;'), 0, 'First ');
    expect(history.undoStep(deletion)).toEqual({ key: two, at: null });
    expect(view(doc)).toEqual(['OP1 First One;', 'OP2 Two;']);
    expect(history.undoStep(deletion)).toBeNull();
    history.undo();
    expect(view(doc)).toEqual(['OP1 One;', 'OP2 Two;']);
  });

  it('HEAD1 UNDO3: a delegation\'s undo of a deleted headed clause brings the clause back without the heading the server moved on; the chair\'s brings it back whole', () => {
    for (const restoresHeadings of [false, true]) {
      const { chile, peru } = twoBrowsers();
      const history = new History(chile, Number.POSITIVE_INFINITY);
      history.restoresHeadings = restoresHeadings;
      const first = idOf(chile, 'Decide to meet;');
      // Another participant's work (the chair's heading), which reaches Chile as remote updates.
      const [second] = insertClauses(peru, { id: first, side: 'after' }, [plain('Decide to act;')]);
      clausesMap(peru).get(first)!.set(CLAUSE_FIELD.heading, 'A. Meetings');
      expect(clausesMap(chile).get(first)!.get(CLAUSE_FIELD.heading)).toBe('A. Meetings');
      deleteClause(chile, first, STRUCTURE_ORIGIN);
      // The server moves the section's heading to the next clause (server/relay/headingOnDelete.ts).
      peru.transact(() => clausesMap(peru).get(second!)!.set(CLAUSE_FIELD.heading, 'A. Meetings'));
      const sent: Uint8Array[] = [];
      chile.on('update', (update: Uint8Array, origin: unknown) => origin !== PROVIDER && sent.push(update));
      history.undo();
      expect(view(peru)).toEqual(['OP1 Decide to meet;', 'OP2 Decide to act;']);
      expect(sent).toHaveLength(1);
      expect(clausesMap(peru).get(first)!.get(CLAUSE_FIELD.heading)).toBe(restoresHeadings ? 'A. Meetings' : undefined);
      expect(clausesMap(peru).get(second!)!.get(CLAUSE_FIELD.heading)).toBe('A. Meetings');
      // Redo deletes it again; undo brings it back again, the same way.
      history.redo();
      expect(view(peru)).toEqual(['OP1 Decide to act;']);
      history.undo();
      expect(view(peru)).toEqual(['OP1 Decide to meet;', 'OP2 Decide to act;']);
      expect(clausesMap(peru).get(first)!.get(CLAUSE_FIELD.heading)).toBe(restoresHeadings ? 'A. Meetings' : undefined);
    }
  });
});
