import { createDecoder, readVarUint8Array } from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLAUSE_KINDS } from '../../shared/clauseKind.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import { clausesMap, writeClause } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, PARAGRAPH, ROOT } from '../../shared/document/names.ts';
import { addSignatory, setSignatoryField, signatoriesMap } from '../../shared/document/signatoryOps.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts';
import { keyBetween } from '../../shared/orderKey.ts';
import type { Role } from '../../shared/roles.ts';
import { awarenessMessage, syncMessage } from './rawClient.ts';

/**
 * The hostile messages of the fuzz test (docs/SPEC.md FUZZ1), each drawn
 * from a seeded generator: random bytes, truncated varints, bad frames,
 * bit-flipped and truncated copies of real updates, valid frames carrying
 * random Yjs updates of every root type, updates with missing dependencies,
 * truncated delete sets, deep nesting, huge and malformed awareness, edits
 * under a well-behaved client's Yjs id, and oversized messages.
 *
 * The valid-looking updates aim at what the server must protect — the
 * agreed clause, the heading and signatories (for roles that may not edit
 * them), the server-only maps, unknown roots, the model's shapes — and at
 * clauses the fuzzer may legitimately change. They stay out of the
 * well-behaved typists' paragraphs, which any delegation may edit: text
 * deleted there by a participant allowed to delete it is no lost edit.
 */
export const FUZZ_KINDS = [
  'random-bytes',
  'truncated-varint',
  'bad-frame',
  'bit-flipped-update',
  'truncated-update',
  'random-update',
  'missing-dependency',
  'truncated-delete-set',
  'deep-nesting',
  'huge-awareness',
  'bad-awareness',
  'impersonation',
  'oversized',
] as const;
export type FuzzKind = (typeof FUZZ_KINDS)[number];

/** How often each kind is drawn, relative to the others. */
const WEIGHTS: Record<FuzzKind, number> = {
  'random-bytes': 10,
  'truncated-varint': 6,
  'bad-frame': 6,
  'bit-flipped-update': 12,
  'truncated-update': 8,
  'random-update': 30,
  'missing-dependency': 6,
  'truncated-delete-set': 6,
  'deep-nesting': 5,
  'huge-awareness': 4,
  'bad-awareness': 4,
  impersonation: 3,
  // Each is megabytes to decode: a handful per run is enough.
  oversized: 0.05,
};

export interface FuzzContext {
  random: () => number;
  /**
   * Where the fuzzer makes its changes: a copy of the document as the
   * server sent it, renewed now and then (copying it for every message
   * would cost more than the server's work). What the server refused stays
   * in it until then, so some updates build on what the server never had.
   */
  scratch: Y.Doc;
  role: Role;
  /** The agreed clause, which nobody may change. */
  agreed: string;
  /** Clauses the fuzzer may write into: the open clause, and those it created. */
  writable: string[];
  /** The typists' paragraphs: never targeted (see above). */
  typistClauses: ReadonlySet<string>;
  /** The typists' Yjs client ids, to write under (WIRE6). */
  typistClientIds: number[];
  /** Updates the fuzzer made earlier, to mutate: never a typist's. */
  realUpdates: Uint8Array[];
  maxMessageBytes: number;
}

export interface FuzzMessage {
  kind: FuzzKind;
  bytes: Uint8Array;
  /** Sent as a text frame rather than binary. */
  text?: boolean;
  /** A valid update worth mutating later. */
  real?: Uint8Array;
}

export function drawKind(random: () => number): FuzzKind {
  const total = FUZZ_KINDS.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  let draw = random() * total;
  for (const kind of FUZZ_KINDS) {
    draw -= WEIGHTS[kind];
    if (draw < 0) return kind;
  }
  return 'random-update';
}

const int = (random: () => number, below: number) => Math.floor(random() * below);
const pick = <T>(random: () => number, items: readonly T[]): T => items[int(random, items.length)]!;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';
const words = (random: () => number, length: number) => Array.from({ length }, () => LETTERS[int(random, LETTERS.length)]).join('');
const randomBytes = (random: () => number, length: number) => Uint8Array.from({ length }, () => int(random, 256));

export function fuzzMessage(kind: FuzzKind, ctx: FuzzContext): FuzzMessage {
  const { random } = ctx;
  switch (kind) {
    case 'random-bytes': {
      const bytes = randomBytes(random, random() < 0.9 ? int(random, 200) : int(random, 20_000));
      return { kind, bytes, text: random() < 0.05 };
    }
    case 'truncated-varint':
      return { kind, bytes: truncatedVarint(random) };
    case 'bad-frame':
      return { kind, ...badFrame(random) };
    case 'bit-flipped-update': {
      const source = ctx.realUpdates.length > 0 ? pick(random, ctx.realUpdates) : randomUpdate(ctx);
      const flipped = source.slice();
      const flips = 1 + int(random, 3);
      for (let i = 0; i < flips && flipped.length > 0; i++) flipped[int(random, flipped.length)]! ^= 1 << int(random, 8);
      return { kind, bytes: syncMessage(pick(random, [1, 2]), flipped) };
    }
    case 'truncated-update': {
      const source = ctx.realUpdates.length > 0 ? pick(random, ctx.realUpdates) : randomUpdate(ctx);
      return { kind, bytes: syncMessage(pick(random, [1, 2]), source.slice(0, int(random, source.length))) };
    }
    case 'random-update': {
      const update = randomUpdate(ctx);
      return { kind, bytes: syncMessage(pick(random, [1, 2]), update), real: update };
    }
    case 'missing-dependency':
      return { kind, bytes: syncMessage(2, missingDependency(ctx)) };
    case 'truncated-delete-set': {
      const update = write(ctx.scratch, (doc) => {
        const text = bodyText(doc, pick(random, [ctx.agreed, ...ctx.writable]));
        if (text && text.length > 0) text.delete(int(random, text.length), 1);
        text?.insert(0, words(random, 3));
      });
      return { kind, bytes: syncMessage(2, update.slice(0, update.length - 1 - int(random, Math.min(4, update.length - 1)))) };
    }
    case 'deep-nesting': {
      const depth = random() < 0.95 ? 5 + int(random, 60) : 2000 + int(random, 3000);
      // On a copy: nesting this deep left in the scratch document would overflow the stack of Yjs' own garbage collection there.
      const copy = copyOf(ctx.scratch);
      const update = write(copy, (doc) => {
        const body = clausesMap(doc).get(pick(random, ctx.writable))?.get(CLAUSE_FIELD.body);
        if (!(body instanceof Y.XmlFragment)) return;
        // Each level inserted once its parent is in the document: a prelim tree this deep overflows Yjs' own integration.
        let outer = new Y.XmlElement(PARAGRAPH);
        body.insert(body.length, [outer]);
        for (let i = 0; i < depth; i++) {
          const inner = new Y.XmlElement(PARAGRAPH);
          outer.insert(0, [inner]);
          outer = inner;
        }
      });
      copy.destroy();
      return { kind, bytes: syncMessage(2, update) };
    }
    case 'huge-awareness': {
      const size = random() < 0.8 ? 16 * 1024 + int(random, 256 * 1024) : int(random, 32 * 1024);
      return { kind, bytes: awarenessMessage(awarenessUpdate(int(random, 2 ** 30), int(random, 100), JSON.stringify({ cursor: 'x'.repeat(size) }))) };
    }
    case 'bad-awareness': {
      const state = pick(random, ['{"user":', '[1,2,3]', '42', 'null', '"text"', '{"user":{"name":"Chair","role":"chair"}}', '\u0000\u0001']);
      const update = awarenessUpdate(random() < 0.5 ? int(random, 2 ** 30) : pick(random, ctx.typistClientIds), int(random, 1000), state);
      return { kind, bytes: awarenessMessage(random() < 0.3 ? update.slice(0, int(random, update.length)) : update) };
    }
    case 'impersonation': {
      // On a copy: the scratch document is behind the typists, so its items under their ids would alias their real ones.
      const copy = copyOf(ctx.scratch);
      const update = write(copy, (doc) => bodyText(doc, pick(random, ctx.writable))?.insert(0, words(random, 5)), pick(random, ctx.typistClientIds));
      copy.destroy();
      return { kind, bytes: syncMessage(2, update) };
    }
    case 'oversized':
      return { kind, bytes: randomBytes(random, ctx.maxMessageBytes + 1 + int(random, 1024)) };
  }
}

function truncatedVarint(random: () => number): Uint8Array {
  const continuation = Array.from({ length: 1 + int(random, 9) }, () => 0x80 | int(random, 128));
  switch (int(random, 4)) {
    case 0:
      return Uint8Array.from(continuation);
    case 1:
      return Uint8Array.from([MESSAGE_SYNC, ...continuation]);
    case 2:
      // A payload length promising more than follows.
      return Uint8Array.from([MESSAGE_SYNC, pick(random, [0, 1, 2]), ...continuation, 1, 2, 3]);
    default:
      return Uint8Array.from([MESSAGE_AWARENESS, 0xff, 0xff, 0xff, 0xff, 0x0f, 1]);
  }
}

function badFrame(random: () => number): { bytes: Uint8Array; text?: boolean } {
  switch (int(random, 6)) {
    case 0:
      return { bytes: Uint8Array.from([4 + int(random, 200)]) };
    case 1:
      return { bytes: Uint8Array.from([MESSAGE_SYNC, 3 + int(random, 100), 0]) };
    case 2:
      return { bytes: Uint8Array.from([MESSAGE_SYNC, 0, 0, 0, 0]) };
    case 3:
      return { bytes: Uint8Array.from([MESSAGE_QUERY_AWARENESS, 0]) };
    case 4:
      return { bytes: new TextEncoder().encode('{"type":"sync"}'), text: true };
    default:
      // A sync step 1 whose state vector does not decode.
      return { bytes: syncMessage(0, Uint8Array.from([5, 0x80])) };
  }
}

function awarenessUpdate(clientId: number, clock: number, state: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, state);
  return encoding.toUint8Array(encoder);
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What a transaction on the scratch document sends, under its own or the given Yjs client id. */
function write(scratch: Y.Doc, change: (doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const own = scratch.clientID;
  if (clientId !== undefined) scratch.clientID = clientId;
  const before = Y.encodeStateVector(scratch);
  try {
    scratch.transact(() => change(scratch));
  } finally {
    scratch.clientID = own;
  }
  return Y.encodeStateAsUpdate(scratch, before);
}

function bodyText(doc: Y.Doc, clauseId: string): Y.XmlText | null {
  const body = clausesMap(doc).get(clauseId)?.get(CLAUSE_FIELD.body);
  const paragraph = body instanceof Y.XmlFragment ? body.get(0) : null;
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/** An edit that builds on another edit of its own the server never receives. */
function missingDependency(ctx: FuzzContext): Uint8Array {
  const { random, scratch } = ctx;
  const target = pick(random, ctx.writable);
  // The first edit stays in the scratch document: the server never hears of it.
  write(scratch, (doc) => bodyText(doc, target)?.insert(0, words(random, 4)));
  const clientId = random() < 0.5 ? 1 + int(random, 2 ** 30) : undefined;
  return write(
    scratch,
    (doc) => {
      bodyText(doc, target)?.insert(2, words(random, 4));
      if (random() < 0.5) bodyText(doc, target)?.delete(0, 3);
    },
    clientId,
  );
}

/** A random change to a random part of the document, as some client might send it. */
function randomUpdate(ctx: FuzzContext): Uint8Array {
  const { random } = ctx;
  const mayTouchHeading = ctx.role === 'delegation' || ctx.role === 'observer';
  const ops = [clauseOp, clauseOp, clauseOp, serverOnlyOp, unknownRootOp, ...(mayTouchHeading ? [headingOp, signatoryOp] : [])];
  const count = 1 + int(random, 3);
  return write(ctx.scratch, (doc) => {
    for (let i = 0; i < count; i++) pick(random, ops)(doc, ctx);
  }, random() < 0.3 ? 1 + int(random, 2 ** 30) : undefined);
}

type Op = (doc: Y.Doc, ctx: FuzzContext) => void;

const clauseOp: Op = (doc, ctx) => {
  const { random } = ctx;
  const clauses = clausesMap(doc);
  const target = pick(random, [ctx.agreed, ...ctx.writable]);
  const entry = clauses.get(target);
  const text = bodyText(doc, target);
  switch (int(random, 10)) {
    case 0:
      text?.insert(int(random, text.length + 1), words(random, 1 + int(random, 30)));
      break;
    case 1:
      if (text && text.length > 0) text.delete(int(random, text.length), 1 + int(random, 5));
      break;
    case 2:
      text?.format(0, 1 + int(random, 5), pick(random, [{ bold: true }, { italic: null }, { evil: true }, { bold: 'x'.repeat(70_000) }, { comment: [1, 2] }]));
      break;
    case 3: {
      const id = `fz${int(random, 1e9)}`;
      writeClause(doc, id, pick(random, CLAUSE_KINDS), random() < 0.2 ? pick(random, ctx.writable) : null, keyBetween(null, null, random), [{ text: words(random, 10) }]);
      break;
    }
    case 4: {
      // A clause entry the model does not have: a missing body, a wrong kind, an extra key, a body of the wrong type.
      const broken = new Y.Map<unknown>();
      clauses.set(`fz${int(random, 1e9)}`, broken);
      broken.set(CLAUSE_FIELD.kind, pick(random, ['operative', 'annex', 7]));
      broken.set(CLAUSE_FIELD.order, pick(random, ['a0', '', '~~~~', 3]));
      if (random() < 0.5) broken.set(CLAUSE_FIELD.body, pick(random, [new Y.XmlText('loose'), new Y.Map(), new Y.XmlElement('p')]));
      if (random() < 0.5) broken.set('extra', 'field');
      break;
    }
    case 5:
      entry?.set(pick(random, [CLAUSE_FIELD.kind, CLAUSE_FIELD.order, CLAUSE_FIELD.parent, 'extra']), pick(random, ['preamble', 'operative', 'bogus', '', 'a0', target, ctx.agreed, 12, null]));
      break;
    case 6:
      if (!ctx.typistClauses.has(target)) clauses.delete(target);
      break;
    case 7: {
      const body = entry?.get(CLAUSE_FIELD.body);
      if (body instanceof Y.XmlFragment) body.insert(body.length, [new Y.XmlElement(pick(random, [PARAGRAPH, 'heading', 'script']))]);
      break;
    }
    case 8: {
      const paragraph = (entry?.get(CLAUSE_FIELD.body) as Y.XmlFragment | undefined)?.get(0);
      if (paragraph instanceof Y.XmlElement) paragraph.setAttribute('onclick', 'x');
      break;
    }
    default:
      // Replaced outright: a new entry under the same id.
      if (!ctx.typistClauses.has(target)) writeClause(doc, target, 'operative', null, keyBetween(null, null, random), [{ text: words(random, 8) }]);
  }
};

const headingOp: Op = (doc, { random }) => {
  const meta = doc.getMap<unknown>(ROOT.meta);
  const field = pick(random, META_FIELDS);
  const value = meta.get(field);
  const paragraph = value instanceof Y.XmlFragment ? value.get(0) : null;
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  switch (int(random, 4)) {
    case 0:
      if (text instanceof Y.XmlText) text.insert(0, words(random, 6));
      else if (paragraph instanceof Y.XmlElement) paragraph.insert(0, [new Y.XmlText(words(random, 6))]);
      break;
    case 1:
      meta.set(field, words(random, 5));
      break;
    case 2:
      meta.delete(field);
      break;
    default:
      meta.set(`extra${int(random, 10)}`, new Y.XmlFragment());
  }
};

const signatoryOp: Op = (doc, { random }) => {
  const signatories = signatoriesMap(doc);
  const ids = [...signatories.keys()];
  switch (int(random, 3)) {
    case 0:
      setSignatoryField(doc, addSignatory(doc), 'name', words(random, 8));
      break;
    case 1:
      if (ids.length > 0) setSignatoryField(doc, pick(random, ids), pick(random, ['name', 'title', 'state'] as const), words(random, 8));
      break;
    default:
      if (ids.length > 0) signatories.delete(pick(random, ids));
  }
};

const serverOnlyOp: Op = (doc, ctx) => {
  const { random } = ctx;
  const root = doc.getMap<unknown>(pick(random, [ROOT.status, ROOT.refused, ROOT.comments, ROOT.settings]));
  const keys = [...root.keys()];
  if (keys.length > 0 && random() < 0.3) root.delete(pick(random, keys));
  else root.set(pick(random, [ctx.agreed, ...ctx.writable, 'commentsOpen', `k${int(random, 100)}`]), pick(random, [{ state: 'open' }, { state: 'agreed' }, true, 'x', 1]));
};

const unknownRootOp: Op = (doc, { random }) => {
  switch (int(random, 4)) {
    case 0:
      doc.getMap(`evil${int(random, 3)}`).set('k', words(random, 4));
      break;
    case 1:
      doc.getArray('array').insert(0, [1, 'two', { three: 3 }]);
      break;
    case 2:
      doc.getText('text').insert(0, words(random, 10));
      break;
    default:
      doc.getXmlFragment('fragment').insert(0, [new Y.XmlText(words(random, 4))]);
  }
};

/** The root an item of the document is under, and its key in that root (a clause's id in the clauses map). */
function placeOfItem(item: Y.Item): { root: string; key: string | null } | null {
  let current: Y.Item = item;
  for (;;) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), key: current.parentSub };
    current = parent._item;
  }
}

/**
 * Whether a message, should it decode as a sync update, would write into
 * or delete from the typists' paragraphs, or from roots the sender may
 * legitimately change but the test holds unchanged (the heading and
 * signatories, for a chair or a secretariat): a bit flip can turn a delete
 * set or an origin into one that does. Such a change would be no lost edit
 * and no protected change, so the draw is replaced by another (FUZZ1).
 */
export function touchesTypists(replica: Y.Doc, bytes: Uint8Array, typistClauses: ReadonlySet<string>, allowedRoots: readonly string[] = []): boolean {
  // A sync frame: [0, type, length, payload]; anything else writes nothing.
  if (bytes[0] !== MESSAGE_SYNC || bytes[1] === undefined || bytes[1] === 0) return false;
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: ReturnType<typeof Y.createDeleteSet> };
  try {
    decoded = Y.decodeUpdate(readVarUint8Array(createDecoder(bytes.subarray(2)))) as typeof decoded;
  } catch {
    return false;
  }
  const { store } = replica;
  const stored = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(store, id.client)) return null;
    const struct = Y.getItem(store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : null;
  };
  const offLimits = (item: Y.Item | null) => {
    const place = item === null ? null : placeOfItem(item);
    return place !== null && ((place.root === ROOT.clauses && typistClauses.has(place.key ?? '')) || allowedRoots.includes(place.root));
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && ((struct.parent === ROOT.clauses && typistClauses.has(struct.parentSub ?? '')) || allowedRoots.includes(struct.parent))) return true;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (ref === null) continue;
      const item = stored(ref);
      // A neighbour or a parent there (a clause entry's own item counts as in its clause).
      if (offLimits(item)) return true;
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, Y.getState(store, client));
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i]!;
        // Yjs sends a document's whole delete set with every update: what is deleted already changes nothing.
        if (struct instanceof Y.Item && !struct.deleted && offLimits(struct)) return true;
      }
    }
  }
  return false;
}

