import * as Y from 'yjs';
import { ENTRY_ID, MAX_NESTING } from '../../shared/document/limits.ts';
import { FOOTNOTE_MARK, MARK_NAMES, ROOT } from '../../shared/document/names.ts';
import { MalformedMessage } from './messages.ts';

/**
 * The validate step (docs/SPEC.md WIRE4): a client's Yjs update is decoded
 * completely and checked against the room's document *before* it touches
 * it. Yjs itself integrates an update as it reads it: a truncated delete
 * set throws after the structs went in (half-applied, the undo never runs);
 * an update whose dependencies are missing waits in Yjs' pending buffer and
 * is integrated later inside someone else's transaction (as them); twelve
 * thousand nested elements overflow the stack of every reader. None of that
 * can happen to an update that passed here:
 *
 *   - it decodes, structs and delete set, and every client's structs are
 *     one contiguous run (no gaps, no client twice);
 *   - everything it refers to — left and right neighbours, parents, deleted
 *     ranges — is in the document or earlier in the update, without cycles;
 *   - it writes only into the document model's roots, only the model's kinds
 *     of shared types, no deeper than the model nests (MAX_NESTING), only the
 *     model's marks, and no value larger than a field can be;
 *   - it writes only under Yjs client ids this connection owns (WIRE6).
 *
 * An observer's update never comes here: it may change nothing, and is
 * judged from its bytes without being decoded (observerUpdate.ts).
 *
 * What passes may still break a rule that needs the document to judge (a
 * locked clause, a bad order key): the enforce step applies it and undoes
 * that part (enforce.ts).
 */
export class RefusedUpdate extends MalformedMessage {
  override name = 'RefusedUpdate';
}

/** Refers to structs or deletes items the server does not have. */
export class MissingDependencies extends RefusedUpdate {
  override name = 'MissingDependencies';
}

export interface InspectRules {
  /** Whether this connection may write new structs under a Yjs client id (WIRE6). */
  mayWriteAs(client: number): boolean;
}

export interface Inspection {
  /** Nothing in it that the document does not have already. */
  empty: boolean;
  /** The Yjs client ids under which it writes new structs. */
  writers: number[];
}

const KNOWN_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOT));
const MARKS: ReadonlySet<string> = new Set(MARK_NAMES);
/** No real client gets near this many operations; past it clock arithmetic would leave safe integers. */
const MAX_CLOCK = 2 ** 40;
/** The largest value a client writes in a map or a mark: order keys, kinds, ids, signatory fields, thread lists. */
const MAX_VALUE_CHARS = 64 * 1024;
/** The shared types the model uses (exact constructors: an XmlHook is also a Map). */
const MODEL_TYPES: ReadonlySet<unknown> = new Set<unknown>([Y.Map, Y.XmlFragment, Y.XmlElement, Y.XmlText]);

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/**
 * Where an item goes: the root it is under and the depth of its parent type
 * (0: the root itself). null: Yjs will garbage-collect it on arrival,
 * because its neighbour or parent was collected.
 */
type Place = { root: string; depth: number } | null;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, rules: InspectRules): Inspection {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch (error) {
    throw new RefusedUpdate(`the update does not decode: ${describe(error)}`);
  }
  const { store } = doc;
  const stateOf = (client: number) => Y.getState(store, client);

  // One contiguous run of structs per client, starting where the document is.
  const runs = new Map<number, Struct[]>();
  let previous: number | null = null;
  for (const struct of decoded.structs) {
    const { client } = struct.id;
    const run = runs.get(client);
    if (run === undefined) runs.set(client, [struct]);
    else if (client !== previous) throw new RefusedUpdate(`client ${client} appears twice in the update`);
    else run.push(struct);
    previous = client;
  }
  /** Structs the document already has, resent. */
  const known: Y.Item[] = [];
  /** Per client, how far the document and the update together reach. */
  const reach = new Map<number, number>();
  const fresh: Y.Item[] = [];
  const writers: number[] = [];
  for (const [client, run] of runs) {
    const state = stateOf(client);
    const first = run[0]!.id.clock;
    const last = run[run.length - 1]!;
    const end = last.id.clock + last.length;
    if (first > state) throw new MissingDependencies(`client ${client}'s structs start at clock ${first}; the server has up to ${state}`);
    if (end > MAX_CLOCK) throw new RefusedUpdate(`client ${client}'s clock is out of range`);
    let writes = false;
    for (const struct of run) {
      if (struct.id.clock + struct.length <= state) {
        // Already here, but Yjs still looks for its neighbours and parent before it skips it, and parks it pending if one is missing (FUZZ1).
        if (struct instanceof Y.Item) known.push(struct);
        continue;
      }
      if (struct instanceof Y.Skip) throw new MissingDependencies(`a gap in client ${client}'s structs`);
      writes = true;
      if (struct instanceof Y.Item) fresh.push(struct);
    }
    reach.set(client, Math.max(state, end));
    if (writes) {
      if (!rules.mayWriteAs(client)) throw new RefusedUpdate(`it writes as Yjs client ${client}, which belongs to someone else`);
      writers.push(client);
    }
  }

  /** A struct's own client integrates in clock order; other clients' structs must be in the document or the update. */
  const isKnown = (id: Y.ID, self: Y.ID) => (id.client === self.client ? id.clock < self.clock : id.clock < (reach.get(id.client) ?? stateOf(id.client)));
  const inUpdate = (id: Y.ID) => id.clock >= stateOf(id.client);
  const structAt = (id: Y.ID): Struct => {
    if (!inUpdate(id)) return Y.getItem(store, id) as Struct;
    const run = runs.get(id.client)!;
    return run[Y.findIndexSS(run as (Y.Item | Y.GC)[], id.clock)]!;
  };

  const places = new Map<Y.Item, Place>();
  const onPath = new Set<Y.Item>();
  /** The place of the children of a type that is in the document. */
  const placeOfType = (type: Y.AbstractType<unknown>): Place => {
    let depth = 0;
    let top = type;
    while (top._item !== null) {
      const parent = top._item.parent;
      if (!(parent instanceof Y.AbstractType) || ++depth > MAX_NESTING + 1) return { root: '', depth };
      top = parent;
    }
    return { root: Y.findRootTypeKey(top), depth };
  };
  const placeOfStored = (struct: Struct, asParent: boolean): Place => {
    if (!(struct instanceof Y.Item)) return null;
    if (asParent) {
      if (!(struct.content instanceof Y.ContentType)) throw new RefusedUpdate('an item names a parent that is not a shared type');
      return placeOfType(struct.content.type);
    }
    return struct.parent instanceof Y.AbstractType ? placeOfType(struct.parent) : null;
  };
  /** Resolves where an item of the update goes, without recursion (an origin chain can be long). */
  const resolve = (start: Y.Item): Place => {
    const stack: Y.Item[] = [start];
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      if (places.has(item)) {
        stack.pop();
        continue;
      }
      onPath.add(item);
      const parent: unknown = item.parent;
      let place: Place;
      if (typeof parent === 'string') {
        place = { root: parent, depth: 0 };
      } else {
        const asParent = parent instanceof Y.ID;
        const ref = asParent ? (parent as Y.ID) : (item.origin ?? item.rightOrigin);
        if (ref === null) throw new RefusedUpdate('an item has neither a parent nor neighbours');
        const target = structAt(ref);
        if (!inUpdate(ref) || !(target instanceof Y.Item)) {
          place = placeOfStored(target, asParent);
        } else if (!places.has(target)) {
          if (onPath.has(target)) throw new RefusedUpdate('items of the update depend on each other in a cycle');
          stack.push(target);
          continue;
        } else {
          const targetPlace = places.get(target)!;
          if (!asParent) place = targetPlace;
          else if (!(target.content instanceof Y.ContentType)) throw new RefusedUpdate('an item names a parent that is not a shared type');
          else place = targetPlace === null ? null : { root: targetPlace.root, depth: targetPlace.depth + 1 };
        }
      }
      places.set(item, place);
      onPath.delete(item);
      stack.pop();
    }
    return places.get(start)!;
  };

  for (const item of known) {
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref !== null && ref.client !== item.id.client && !isKnown(ref, item.id)) {
        throw new MissingDependencies(`a struct the server has comes back naming clock ${ref.clock} of client ${ref.client}, which the server does not have`);
      }
    }
  }
  for (const item of fresh) {
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (ref !== null && !isKnown(ref, item.id)) throw new MissingDependencies(`an item refers to clock ${ref.clock} of client ${ref.client}, which the server does not have`);
    }
    checkContent(item.content);
    const place = resolve(item);
    if (place === null) continue;
    if (!KNOWN_ROOTS.has(place.root)) throw new RefusedUpdate(`it writes outside the declaration's parts (${JSON.stringify(place.root.slice(0, 40))})`);
    const depth = place.depth + (item.content instanceof Y.ContentType ? 1 : 0);
    if (depth > MAX_NESTING) throw new RefusedUpdate(`it nests shared types ${depth} deep; the document model nests ${MAX_NESTING}`);
  }

  let deletes = false;
  for (const [client, ranges] of decoded.ds.clients) {
    const state = stateOf(client);
    const limit = reach.get(client) ?? state;
    for (const { clock, len } of ranges) {
      if (len <= 0 || clock + len > limit) throw new MissingDependencies(`it deletes items of client ${client} that the server does not have`);
      if (!deletes) deletes = deletesStoredItem(store, client, clock, Math.min(clock + len, state));
    }
  }
  return { empty: writers.length === 0 && !deletes, writers };
}

function checkContent(content: Y.Item['content']): void {
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return;
  if (content instanceof Y.ContentType) {
    if (!MODEL_TYPES.has(content.type.constructor)) throw new RefusedUpdate(`it creates a shared type the document model does not use (${content.type.constructor.name})`);
    return;
  }
  if (content instanceof Y.ContentFormat) {
    if (!MARKS.has(content.key)) throw new RefusedUpdate(`it formats text with an unknown mark (${JSON.stringify(content.key.slice(0, 40))})`);
    const { value } = content;
    if (value !== null && (typeof value !== 'object' || Array.isArray(value) || JSON.stringify(value).length > MAX_VALUE_CHARS)) {
      throw new RefusedUpdate('it gives a mark a value the model does not use');
    }
    // A footnote reference names one footnote and nothing else: `{ id }`, the id as the model writes ids.
    if (content.key === FOOTNOTE_MARK && value !== null && !isFootnoteMarkValue(value)) {
      throw new RefusedUpdate('it gives a footnote mark a value other than { id: <footnote id> }');
    }
    return;
  }
  if (content instanceof Y.ContentAny) {
    if (JSON.stringify(content.arr).length > MAX_VALUE_CHARS) throw new RefusedUpdate('it writes a value larger than any field of the model');
    return;
  }
  throw new RefusedUpdate(`it writes content the document model does not use (${content.constructor.name})`);
}

function isFootnoteMarkValue(value: object): boolean {
  const keys = Object.keys(value);
  const id = (value as { id?: unknown }).id;
  return keys.length === 1 && keys[0] === 'id' && typeof id === 'string' && ENTRY_ID.test(id);
}

/** Whether the range [from, to) of a client's structs in the document holds an item not deleted yet. */
export function deletesStoredItem(store: Y.Doc['store'], client: number, from: number, to: number): boolean {
  if (from >= to) return false;
  const structs = store.clients.get(client)!;
  for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < to; i++) {
    const struct = structs[i]!;
    if (struct instanceof Y.Item && !struct.deleted) return true;
  }
  return false;
}
