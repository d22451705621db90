import * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';

/**
 * Where in the declaration a change happened, named as the screen names it
 * (client/editor/focusRegistry.ts): a clause by its id, a heading field as
 * `meta:<field>`, a signatory's field as `signatory:<id>:<field>`, a
 * footnote's text as `footnote:<id>`; for text,
 * the caret position in ProseMirror's terms. The undo history groups typing
 * by place and puts the caret where an undo or a redo changed something.
 */
export interface EditPlace {
  key: string;
  /** Position in the clause's or field's text; null when the change is not in the text (a move, a new clause). */
  at: number | null;
}

/** The places one transaction changed: where its first text change starts, and where its last one ends. */
export interface ChangedPlaces {
  start: EditPlace;
  end: EditPlace;
}

// Yjs' types are invariant in their event type; here any type will do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

function roots(doc: Y.Doc) {
  return { clauses: doc.getMap(ROOT.clauses), meta: doc.getMap(ROOT.meta), signatories: doc.getMap(ROOT.signatories), footnotes: doc.getMap(ROOT.footnotes) };
}

/** The place a type belongs to, or null when it is outside the parts a participant edits (or deleted). */
function placeKeyOf(type: AnyType): string | null {
  const doc = type.doc;
  if (!doc) return null;
  const { clauses, meta, signatories, footnotes } = roots(doc);
  let current: AnyType = type;
  while (current._item) {
    const item = current._item;
    if (item.deleted) return null;
    const parent = item.parent as AnyType;
    if (parent === clauses) return item.parentSub;
    if (parent === meta) return `meta:${item.parentSub}`;
    if (parent === signatories) return `signatory:${item.parentSub}`;
    if (parent === footnotes) return `footnote:${item.parentSub}`;
    current = parent;
  }
  return null;
}

/** ProseMirror's size of a node: a text's length, an element's content plus its two boundaries. */
function nodeSize(node: unknown): number {
  if (node instanceof Y.XmlText) return node.length;
  if (node instanceof Y.XmlElement) return 2 + node.toArray().reduce((sum, child) => sum + nodeSize(child), 0);
  return 0;
}

/** Where a text starts in its editor: after the paragraphs before its own and its paragraph's opening. */
function textStart(text: Y.XmlText): number {
  let position = 0;
  let child: AnyType = text;
  let parent = child.parent;
  // An element is a fragment too (YXmlElement extends YXmlFragment): the walk stops at the one that is not.
  while (parent instanceof Y.XmlFragment) {
    for (const sibling of parent.toArray()) {
      if (sibling === child) break;
      position += nodeSize(sibling);
    }
    if (!(parent instanceof Y.XmlElement)) break;
    position += 1; // the element's opening
    child = parent;
    parent = child.parent;
  }
  return position;
}

interface TextChange {
  start: number;
  end: number;
}

/** Where a text event changed the text: from its first change to the end of its last (after an insertion, at a deletion). */
function textChange(event: Y.YTextEvent): TextChange | null {
  let offset = 0;
  let start: number | null = null;
  let end = 0;
  for (const op of event.delta) {
    if (op.retain !== undefined) {
      if (op.attributes) {
        start ??= offset;
        end = offset + op.retain;
      }
      offset += op.retain;
    } else if (op.insert !== undefined) {
      start ??= offset;
      offset += typeof op.insert === 'string' ? op.insert.length : 1;
      end = offset;
    } else if (op.delete !== undefined) {
      start ??= offset;
      end = offset;
    }
  }
  return start === null ? null : { start, end };
}

/** The places of one event: the text it changed, or the clauses, fields and signatories whose entries it changed. */
function placesOfEvent(event: Y.YEvent<AnyType>): { text: boolean; places: EditPlace[] } {
  const target = event.target;
  if (target instanceof Y.XmlText) {
    const key = placeKeyOf(target);
    const change = key === null ? null : textChange(event as Y.YTextEvent);
    if (key === null || change === null) return { text: true, places: [] };
    const base = textStart(target);
    return { text: true, places: [{ key, at: base + change.start }, { key, at: base + change.end }] };
  }
  const doc = target.doc;
  if (!doc) return { text: false, places: [] };
  const { clauses, meta, signatories, footnotes } = roots(doc);
  const changedKeys = [...event.keys.keys()].filter((key): key is string => typeof key === 'string');
  if (target === clauses) return { text: false, places: changedKeys.map((key) => ({ key, at: null })) };
  if (target === meta) return { text: false, places: changedKeys.map((key) => ({ key: `meta:${key}`, at: null })) };
  if (target === signatories) return { text: false, places: changedKeys.map((key) => ({ key: `signatory:${key}:name`, at: null })) };
  if (target === footnotes) return { text: false, places: changedKeys.map((key) => ({ key: `footnote:${key}`, at: null })) };
  const key = placeKeyOf(target);
  if (key === null) return { text: false, places: [] };
  if (target._item?.parent === signatories) return { text: false, places: changedKeys.map((field) => ({ key: `${key}:${field}`, at: null })) };
  return { text: false, places: [{ key, at: null }] };
}

/**
 * The places a transaction changed, from its events (`changedParentTypes`
 * of a transaction or of an undo manager's event). Text changes come first:
 * an Enter that splits a clause is about the text it cut, and an undone
 * deletion of text is where the caret goes back to. Call it while the
 * transaction's observers run: Yjs computes an event's delta only then.
 */
export function changedPlaces(changedParentTypes: Map<AnyType, Y.YEvent<AnyType>[]>): ChangedPlaces | null {
  const events = new Set<Y.YEvent<AnyType>>();
  for (const list of changedParentTypes.values()) for (const event of list) events.add(event);
  const text: EditPlace[] = [];
  const other: EditPlace[] = [];
  for (const event of events) {
    const { text: isText, places } = placesOfEvent(event);
    (isText ? text : other).push(...places);
  }
  const all = [...text, ...other];
  if (all.length === 0) return null;
  return { start: all[0]!, end: text.length > 0 ? text[text.length - 1]! : all[0]! };
}

/** Whether a place is still in the document (a clause deleted since is not). */
export function placeExists(doc: Y.Doc, key: string): boolean {
  const { clauses, meta, signatories, footnotes } = roots(doc);
  if (key.startsWith('footnote:')) return footnotes.has(key.slice('footnote:'.length));
  if (key.startsWith('meta:')) return meta.has(key.slice('meta:'.length));
  if (key.startsWith('signatory:')) return signatories.has(key.split(':')[1] ?? '');
  return clauses.has(key);
}
