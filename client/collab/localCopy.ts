import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { forgetSession, rememberedSession } from './rememberedSession.ts';
import { everythingSent } from './unsentText.ts';

/**
 * The copy of a declaration this browser keeps in IndexedDB, so that
 * nothing typed offline is lost to a reload, a crash or a restart
 * (SPEC OFF1). Two documents are kept: the declaration as this device has
 * it, and the shadow of what the server has sent (savedTracker.ts); what
 * the first has beyond the second is unsent. The count of unsent edits the
 * top bar shows rides along in localStorage.
 *
 * One copy per declaration and participant: two delegations sharing a
 * browser profile never read each other's edits, and an edit is only ever
 * sent on the connection of the participant who typed it.
 */
function names(declarationId: string, participantId: string) {
  const base = `consenso:${declarationId}:${participantId}`;
  return { doc: base, shadow: `${base}:server`, count: `${base}:unsent` };
}

/** Read back, or false when this browser keeps nothing (no IndexedDB, as in some private modes). */
function readBack(store: IndexeddbPersistence): Promise<boolean> {
  return Promise.race([
    store.whenSynced.then(() => true),
    store._db.then(
      () => new Promise<boolean>(() => undefined),
      () => false,
    ),
  ]);
}

function openStore(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  return new IndexeddbPersistence(name, doc);
}

/** Stops writing and closes the database (a database that never opened has nothing to close). */
function closeStore(store: IndexeddbPersistence | null): Promise<void> {
  return store ? store.destroy().catch(() => undefined) : Promise.resolve();
}

export class LocalCopy {
  private readonly names: ReturnType<typeof names>;
  private readonly docStore: IndexeddbPersistence | null;
  private readonly shadowStore: IndexeddbPersistence | null;
  /** Resolves once both documents are read back: true, or false when nothing can be kept here. */
  readonly ready: Promise<boolean>;

  constructor(declarationId: string, participantId: string, doc: Y.Doc, shadow: Y.Doc) {
    this.names = names(declarationId, participantId);
    this.docStore = openStore(this.names.doc, doc);
    this.shadowStore = openStore(this.names.shadow, shadow);
    const { docStore, shadowStore } = this;
    this.ready =
      docStore && shadowStore ? Promise.all([readBack(docStore), readBack(shadowStore)]).then(([a, b]) => a && b) : Promise.resolve(false);
  }

  /** The updates the copy applies while reading back are old edits, not new ones. */
  isReadingBack(origin: unknown): boolean {
    return origin !== null && origin === this.docStore;
  }

  keptCount(): number {
    try {
      return Number(localStorage.getItem(this.names.count)) || 0;
    } catch {
      return 0;
    }
  }

  keepCount(count: number): void {
    try {
      if (count > 0) localStorage.setItem(this.names.count, String(count));
      else localStorage.removeItem(this.names.count);
    } catch {
      // Only the number shown after a reload is lost; the edits are in IndexedDB.
    }
  }

  /** Stops writing; what was written stays. */
  async close(): Promise<void> {
    await Promise.all([closeStore(this.docStore), closeStore(this.shadowStore)]);
  }
}

/**
 * The one place a local copy is removed (SPEC OFF3): only when what it
 * holds, as written on the device, has nothing the server lacks. Answers
 * whether nothing is kept any more. The copy must not be open in this page
 * (close it first): an open database cannot be deleted.
 */
export async function discardIfAllSent(declarationId: string, participantId: string): Promise<boolean> {
  const { doc: docName, shadow: shadowName, count } = names(declarationId, participantId);
  const doc = new Y.Doc();
  const shadow = new Y.Doc();
  const docStore = openStore(docName, doc);
  const shadowStore = openStore(shadowName, shadow);
  try {
    if (!docStore || !shadowStore) return true;
    const [a, b] = await Promise.all([readBack(docStore), readBack(shadowStore)]);
    if (!a || !b) return true;
    if (!everythingSent(doc, shadow)) return false;
    await Promise.all([closeStore(docStore), closeStore(shadowStore)]);
    await Promise.all([clearDocument(docName), clearDocument(shadowName)]);
    try {
      localStorage.removeItem(count);
    } catch {
      // Nothing was kept there.
    }
    if (rememberedSession(declarationId)?.id === participantId) forgetSession(declarationId);
    return true;
  } finally {
    await Promise.all([closeStore(docStore), closeStore(shadowStore)]);
    doc.destroy();
    shadow.destroy();
  }
}
