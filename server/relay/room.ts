import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isClauseState, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { DEFAULT_SETTINGS, type DeclarationSettings } from '../../shared/settings.ts';
import type { Thread } from '../../shared/comments/thread.ts';
import { readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import type { StatedPosition } from '../../shared/positions/position.ts';
import { standingBrackets, type Bracket } from '../../shared/brackets/bracket.ts';
import type { FrozenNumbering } from '../../shared/workingNumbers.ts';
import { CURRENT_KEY, type CurrentClause } from '../../shared/room/currentClause.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { clauseWithSubitems } from '../../shared/document/clauseOps.ts';
import { snapshotClauses, type SubtreeSnapshot } from '../../shared/document/clauseSnapshot.ts';
import { ROOT } from '../../shared/document/names.ts';
import { appendParagraph } from '../../shared/document/richTextFragment.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import { newId } from '../../shared/ids.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { appendAudit } from '../db/auditLog.ts';
import { listStatuses, saveStatus } from '../db/clauseStatuses.ts';
import { listThreads } from '../db/comments.ts';
import { listProposals } from '../db/proposals.ts';
import { mirrorRemarks } from '../remarks/dismissRemark.ts';
import { listPositions } from '../db/positions.ts';
import { listBrackets } from '../db/brackets.ts';
import { getNumbering } from '../db/numbering.ts';
import { lastProcedure } from '../db/silence.ts';
import { SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { isFrozen } from '../../shared/silence/silenceRules.ts';
import type { Db } from '../db/database.ts';
import { getSettings } from '../db/settings.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { DEFAULT_DECLARATION_LANGUAGE, LANGUAGE_SETTING, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { UpdateLog } from '../db/updateLog.ts';
import { claimClients, listClientOwners } from '../db/yjsClients.ts';
import type { Logger } from '../logger.ts';
import { proposeFromRefusal } from '../proposals/proposeFromRefusal.ts';
import { recordDeletedBrackets } from '../brackets/bracketsOnDelete.ts';
import { moveBrackets } from '../brackets/moveBrackets.ts';
import { TextHistoryRecorder } from '../versions/recordHistory.ts';
import { Enforcer, type Enforced, type Refusal } from './enforce.ts';
import { encodeNetUpdate } from './netUpdate.ts';
import { SERVER_ORIGIN } from './origins.ts';
import { send, type Connection } from './connection.ts';
import { encodeAwareness, encodeUpdate } from './messages.ts';
import { DurableWriter } from './persist.ts';

/**
 * One open declaration: the authoritative Y.Doc, who is connected, and
 * their awareness. Every change to the document, whoever made it, leaves
 * through the persist step, then the broadcast: a server write at once, a
 * client's update once the enforce step has had its say (applyUpdate).
 */
/** Refusals kept in the document; older ones stay in the audit log. */
const MAX_REFUSALS_KEPT = 500;

/** Applying an update failed half-way: the document in memory is not to be trusted any more (the relay reloads the room). */
export class RoomFault extends Error {
  override name = 'RoomFault';
}

export interface RoomDeps {
  db: Db;
  log: UpdateLog;
  logger: Logger;
  /** The clock of the text history (HIST1); Date.now unless a test passes time. */
  now?: () => number;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  private readonly enforcer: Enforcer;
  private readonly writer: DurableWriter;
  private readonly logger: Logger;
  private readonly db: Db;
  /** Updates of the document held back while a client's update is being enforced (applyUpdate). */
  private held: Uint8Array[] | null = null;
  /** Yjs client id → the participant who writes with it (null: the server or the declaration's creation). */
  private readonly owners: Map<number, string | null>;
  /**
   * The declaration's settings as stored: read on load and kept by
   * mirrorSettings, through which every change passes (setSettings.ts),
   * so that the enforce step does not query SQLite on every keystroke.
   */
  private settingsNow: DeclarationSettings;
  /** Who changed which clause's text when (HIST1): told by applyUpdate whose each update is. */
  readonly history: TextHistoryRecorder;
  /**
   * The running or last silence procedure as stored: read on load and kept
   * by mirrorSilence, through which every change passes (server/silence/*),
   * so that the enforce step knows whether the text is frozen (SIL4) without
   * querying SQLite on every keystroke.
   */
  private silenceNow: SilenceProcedure | null = null;

  constructor(
    readonly id: string,
    { db, log, logger, now = Date.now }: RoomDeps,
  ) {
    this.logger = logger;
    this.db = db;
    this.doc = new Y.Doc();
    const { updates } = log.read(id);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    });
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      // Only a log written before WIRE4 can hold an update whose dependencies never came: it can never be integrated.
      logger.warn('dropping structs of the stored log that wait for missing dependencies', { declaration: id });
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
    }
    this.writer = new DurableWriter(log, id, logger, (update) => this.broadcast(encodeUpdate(update)), () => Y.encodeStateAsUpdate(this.doc));
    if (updates.length > 100) this.writer.compact();
    this.doc.on('update', (update: Uint8Array) => {
      if (this.held) this.held.push(update);
      else this.writer.write(update);
    });
    this.enforcer = new Enforcer(this.doc);
    this.settingsNow = getSettings(db, id);
    this.owners = listClientOwners(db, id);
    // Client ids already in the document without an owner wrote it before owners were kept (or the server did): nobody may take them now.
    for (const client of this.doc.store.clients.keys()) if (!this.owners.has(client)) this.owners.set(client, null);
    this.owners.set(this.doc.clientID, null);
    this.mirrorStatuses();
    this.mirrorComments();
    this.mirrorLanguage(getDeclarationLanguage(db, id));
    this.mirrorProposals();
    this.mirrorNegotiation();
    this.mirrorSilence(lastProcedure(db, id));
    mirrorRemarks(this, db);
    this.addMissingMetaFields();
    this.enforcer.setBrackets(standingBrackets(this.doc.getMap(ROOT.brackets)));
    this.history = new TextHistoryRecorder(this.doc, id, { db, logger, now });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself is not a participant: it has no awareness state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /**
   * SQLite holds the truth about statuses: the document's `status` map is
   * made to match it, and agreed clauses are locked (and put back if they
   * differ from what was agreed).
   */
  private mirrorStatuses(): void {
    const stored = listStatuses(this.db, this.id);
    const statusMap = this.doc.getMap<unknown>(ROOT.status);
    this.doc.transact(() => {
      const known = new Set(stored.map((s) => s.clauseId));
      for (const key of [...statusMap.keys()]) if (!known.has(key)) statusMap.delete(key);
      for (const { clauseId, status } of stored) {
        if (JSON.stringify(statusMap.get(clauseId)) !== JSON.stringify(status)) statusMap.set(clauseId, status);
      }
    }, SERVER_ORIGIN);
    for (const { clauseId, status, snapshot } of stored) {
      if (status.state !== 'agreed' || !snapshot) continue;
      // A clause agreed before LOCK7 was stored without its sub-items: they are locked as they stand now.
      const missing = clauseWithSubitems(this.doc, clauseId).filter((id) => !(id in snapshot));
      const subtree = missing.length === 0 ? snapshot : { ...snapshot, ...snapshotClauses(clausesMap(this.doc), missing) };
      if (subtree !== snapshot) saveStatus(this.db, this.id, clauseId, status, subtree);
      this.enforcer.setAgreed(clauseId, subtree);
    }
  }

  /** The clause and its sub-items as they stand, to lock them (LOCK7). */
  snapshotSubtree(clauseId: string): SubtreeSnapshot {
    return snapshotClauses(clausesMap(this.doc), clauseWithSubitems(this.doc, clauseId));
  }

  /** Locks an agreed clause with its subtree as snapshotted, or unlocks it (null): server/declarations/setClauseStatus.ts. */
  setAgreed(clauseId: string, subtree: SubtreeSnapshot | null): void {
    this.enforcer.setAgreed(clauseId, subtree);
  }

  /** The agreed clause that locks a clause (itself or an ancestor), or null when it is open. */
  lockOf(clauseId: string): string | null {
    return this.enforcer.lockedClauses.get(clauseId)?.agreedClause ?? null;
  }

  /** Whether a connection may write new structs under a Yjs client id (WIRE6). */
  mayWriteAs(client: number, participantId: string): boolean {
    const owner = this.owners.get(client);
    return owner === undefined || owner === participantId;
  }

  /**
   * The apply, enforce and persist steps for one client update that passed
   * inspection (inspectUpdate.ts): it joins the document as its sender, what
   * it may not change is undone, and then — and only then — what it came to
   * is stored and broadcast: the update itself when everything stands, the
   * net effect after a refusal (WIRE5), so that refused content reaches
   * neither SQLite nor the other clients.
   */
  applyUpdate(connection: Connection, update: Uint8Array, writers: number[]): void {
    this.history.beginUpdate();
    try {
      this.applyEnforcePersist(connection, update, writers);
    } catch (error) {
      this.history.abandonUpdate();
      throw error;
    }
    // What the update came to, once stored, is its sender's change (a refused one came to nothing).
    this.history.endUpdate(connection.participant.id);
  }

  private applyEnforcePersist(connection: Connection, update: Uint8Array, writers: number[]): void {
    const { participant } = connection;
    const claimed = writers.filter((client) => !this.owners.has(client));
    if (claimed.length > 0) {
      claimClients(this.db, this.id, claimed, participant.id);
      for (const client of claimed) this.owners.set(client, participant.id);
    }
    const transactions: Y.Transaction[] = [];
    const collect = (transaction: Y.Transaction) => transactions.push(transaction);
    const held: Uint8Array[] = [];
    this.held = held;
    this.doc.on('afterTransaction', collect);
    let refusals: Refusal[];
    try {
      const enforced = this.enforcer.apply(connection, participant.role, update, this.settingsNow, isFrozen(this.silenceNow));
      refusals = enforced.refusals;
      if (refusals.length > 0) this.recordRefusals(connection, refusals);
      this.settleBrackets(connection, enforced);
    } catch (error) {
      throw new RoomFault(error instanceof Error ? (error.stack ?? error.message) : String(error));
    } finally {
      this.doc.off('afterTransaction', collect);
      this.held = null;
    }
    if (transactions.length === 0 || (refusals.length === 0 && held.length === 0)) return;
    const deleteSets = transactions.map((transaction) => transaction.deleteSet);
    // What the enforce step kept deleted-but-restorable can be collected now: refused text goes for good.
    Y.tryGc(Y.mergeDeleteSets(deleteSets), this.doc.store, this.doc.gcFilter);
    if (refusals.length > 0) this.writer.write(encodeNetUpdate(this.doc, transactions[0]!.beforeState, deleteSets));
    else this.writer.write(held.length === 1 ? held[0]! : Y.mergeUpdates(held));
  }

  /** Mirrors a status the server has stored (server/declarations/setClauseStatus.ts). */
  mirrorStatus(clauseId: string, status: ClauseStatus): void {
    if (!isClauseState(status.state)) throw new RangeError(`Bad clause state ${String(status.state)}`);
    this.doc.transact(() => this.doc.getMap<unknown>(ROOT.status).set(clauseId, status), SERVER_ORIGIN);
  }

  /**
   * SQLite holds the truth about comment threads and settings too: the
   * `comments` and `settings` maps are made to match it (a write that
   * slipped in before a crash, or a thread removed meanwhile, is put right).
   */
  private mirrorComments(): void {
    const threads = listThreads(this.db, this.id);
    const settings = this.settingsNow;
    const comments = this.doc.getMap<unknown>(ROOT.comments);
    const settingsMap = this.doc.getMap<unknown>(ROOT.settings);
    this.doc.transact(() => {
      const known = new Set(threads.map((t) => t.id));
      for (const key of [...comments.keys()]) if (!known.has(key)) comments.delete(key);
      for (const thread of threads) setIfChanged(comments, thread.id, thread);
      // The language shares the map (DL2) and is mirrored by mirrorLanguage.
      for (const key of [...settingsMap.keys()]) if (!Object.hasOwn(settings, key) && key !== LANGUAGE_SETTING) settingsMap.delete(key);
      for (const [key, value] of Object.entries(settings)) {
        // A missing key reads as its default (readSettings): loading a declaration nobody configured writes nothing.
        if (settingsMap.has(key) || value !== DEFAULT_SETTINGS[key as keyof DeclarationSettings]) setIfChanged(settingsMap, key, value);
      }
    }, SERVER_ORIGIN);
  }

  /** Mirrors a thread the server has stored, or its removal (null); server/comments/*. */
  mirrorThread(threadId: string, thread: Thread | null): void {
    const comments = this.doc.getMap<unknown>(ROOT.comments);
    this.doc.transact(() => {
      if (thread === null) comments.delete(threadId);
      else setIfChanged(comments, threadId, thread);
    }, SERVER_ORIGIN);
  }

  /** The `proposals` map is made to match SQLite on load, like `comments` (PROP12). */
  private mirrorProposals(): void {
    const stored = listProposals(this.db, this.id);
    const proposals = this.doc.getMap<unknown>(ROOT.proposals);
    this.doc.transact(() => {
      const known = new Set(stored.map((p) => p.id));
      for (const key of [...proposals.keys()]) if (!known.has(key)) proposals.delete(key);
      for (const proposal of stored) setIfChanged(proposals, proposal.id, proposal);
    }, SERVER_ORIGIN);
  }

  /** Mirrors a proposal the server has stored (server/proposals/*). */
  mirrorProposal(proposal: Proposal): void {
    const proposals = this.doc.getMap<unknown>(ROOT.proposals);
    this.doc.transact(() => setIfChanged(proposals, proposal.id, proposal), SERVER_ORIGIN);
  }

  /**
   * Positions, brackets and the frozen numbering are made to match SQLite
   * on load, like `comments` (POS6, BRK7, WN6).
   */
  private mirrorNegotiation(): void {
    const positions = listPositions(this.db, this.id);
    const brackets = listBrackets(this.db, this.id);
    const numbering = getNumbering(this.db, this.id);
    this.doc.transact(() => {
      const positionsMap = this.doc.getMap<unknown>(ROOT.positions);
      for (const key of [...positionsMap.keys()]) if (!positions.has(key)) positionsMap.delete(key);
      for (const [clauseId, list] of positions) setIfChanged(positionsMap, clauseId, list);
      const bracketsMap = this.doc.getMap<unknown>(ROOT.brackets);
      const known = new Set(brackets.map((b) => b.id));
      for (const key of [...bracketsMap.keys()]) if (!known.has(key)) bracketsMap.delete(key);
      for (const bracket of brackets) setIfChanged(bracketsMap, bracket.id, bracket);
      const numberingMap = this.doc.getMap<unknown>(ROOT.numbering);
      for (const key of [...numberingMap.keys()]) if (key !== 'frozen') numberingMap.delete(key);
      if (numbering === null) numberingMap.delete('frozen');
      else setIfChanged(numberingMap, 'frozen', numbering);
    }, SERVER_ORIGIN);
  }

  /** Mirrors a clause's positions as just stored (server/positions/*); an empty list removes the entry. */
  mirrorPositions(clauseId: string, positions: StatedPosition[]): void {
    const map = this.doc.getMap<unknown>(ROOT.positions);
    this.doc.transact(() => {
      if (positions.length === 0) map.delete(clauseId);
      else setIfChanged(map, clauseId, positions);
    }, SERVER_ORIGIN);
  }

  /** Mirrors a bracket as just stored (server/brackets/*); the enforce step guards it from the next update on. */
  mirrorBracket(bracket: Bracket): void {
    const map = this.doc.getMap<unknown>(ROOT.brackets);
    this.doc.transact(() => setIfChanged(map, bracket.id, bracket), SERVER_ORIGIN);
    this.enforcer.setBracket(bracket);
  }

  /**
   * What an update did to square brackets, recorded once the enforce step
   * is done: the chair or the secretariat deleted a whole bracketed passage
   * (BRK4: removed, `how: "deleted"`), or an undo put bracketed text back
   * (BRK7: new positions, so that every replica finds the passage).
   */
  private settleBrackets(connection: Connection, { collapsed, moved }: Enforced): void {
    const mirror = (bracket: Bracket) => this.mirrorBracket(bracket);
    if (moved.length > 0) moveBrackets(this.db, this.id, moved, mirror);
    if (collapsed.length > 0) recordDeletedBrackets(this.db, this.id, collapsed, connection.participant, mirror);
  }

  /** Mirrors the frozen numbering as just stored (server/numbering/*). */
  mirrorNumbering(numbering: FrozenNumbering | null): void {
    const map = this.doc.getMap<unknown>(ROOT.numbering);
    this.doc.transact(() => {
      if (numbering === null) map.delete('frozen');
      else setIfChanged(map, 'frozen', numbering);
    }, SERVER_ORIGIN);
  }

  /** Writes the clause under discussion, or none (server/room/setCurrentClause.ts); kept by the update log alone (ROOM1). */
  mirrorCurrentClause(current: CurrentClause | null): void {
    const map = this.doc.getMap<unknown>(ROOT.room);
    this.doc.transact(() => {
      if (current === null) map.delete(CURRENT_KEY);
      else setIfChanged(map, CURRENT_KEY, current);
    }, SERVER_ORIGIN);
  }

  /** The running or last silence procedure, as stored (SIL4: whether the text is frozen). */
  silence(): SilenceProcedure | null {
    return this.silenceNow;
  }

  /**
   * Mirrors the running or last silence procedure as just stored
   * (server/silence/*), or as SQLite has it when the room loads — an
   * adoption made while the room was not loaded included (SIL7, SIL8); the
   * enforce step follows from the next update on.
   */
  mirrorSilence(procedure: SilenceProcedure | null): void {
    this.silenceNow = procedure;
    const map = this.doc.getMap<unknown>(ROOT.silence);
    this.doc.transact(() => {
      for (const key of [...map.keys()]) if (key !== SILENCE_KEY) map.delete(key);
      if (procedure === null) map.delete(SILENCE_KEY);
      else setIfChanged(map, SILENCE_KEY, procedure);
    }, SERVER_ORIGIN);
  }

  /**
   * Every heading field exists before any client binds an editor to it: a
   * field added to the model later (the closing line, issue 15) is missing
   * from declarations made before, and two clients creating it at once would
   * each bind to their own fragment, one of which Yjs then drops with its
   * text. The server adds it, empty, once; persisted like any write.
   */
  private addMissingMetaFields(): void {
    const meta = this.doc.getMap<unknown>(ROOT.meta);
    const missing = META_FIELDS.filter((field) => !meta.has(field));
    if (missing.length === 0) return;
    this.doc.transact(() => {
      for (const field of missing) {
        const fragment = new Y.XmlFragment();
        meta.set(field, fragment);
        appendParagraph(fragment, []);
      }
    }, SERVER_ORIGIN);
  }

  /** The declaration's current settings, as stored (the enforce step reads the editing mode, PROP9). */
  settings(): DeclarationSettings {
    return { ...this.settingsNow };
  }

  /** Mirrors the declaration's settings, as just stored (server/comments/setSettings.ts); the enforce step follows from the next update on. */
  mirrorSettings(settings: DeclarationSettings): void {
    this.settingsNow = { ...settings };
    const settingsMap = this.doc.getMap<unknown>(ROOT.settings);
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(settings)) setIfChanged(settingsMap, key, value);
    }, SERVER_ORIGIN);
  }

  /**
   * Mirrors the declaration's language (SQLite's `declarations.language`,
   * DL2) into the `settings` map, on load and when it is changed: every
   * replica then prints the same formula, markers and words. English, the
   * default, is written only over another value, so that loading an old
   * declaration writes nothing.
   */
  mirrorLanguage(language: DeclarationLanguage): void {
    const settingsMap = this.doc.getMap<unknown>(ROOT.settings);
    if (!settingsMap.has(LANGUAGE_SETTING) && language === DEFAULT_DECLARATION_LANGUAGE) return;
    this.doc.transact(() => setIfChanged(settingsMap, LANGUAGE_SETTING, language), SERVER_ORIGIN);
  }

  /**
   * Keeps refused text where its author sees it, and in the audit log; a
   * refused change of wording becomes (or extends) a proposal by its author,
   * which the notice leads to (PROP10, PROP11). Called once the enforce step
   * has put the text back.
   */
  private recordRefusals(connection: Connection, refusals: Refusal[]): void {
    const { participant } = connection;
    const at = Date.now();
    const changes: RefusedChange[] = refusals.map(({ wording, ...refusal }) => {
      const change: RefusedChange = { id: newId(), participantId: participant.id, author: participant.name, at, ...refusal };
      const proposal = wording && refusal.clauseId !== null ? this.proposeRefused(connection, { clauseId: refusal.clauseId, reason: refusal.reason, ...wording }, at) : null;
      if (proposal) change.proposalId = proposal.id;
      return change;
    });
    const refused = this.doc.getMap<RefusedChange>(ROOT.refused);
    this.doc.transact(() => {
      for (const change of changes) refused.set(change.id, change);
      if (refused.size > MAX_REFUSALS_KEPT) {
        const oldest = [...refused.entries()].sort((a, b) => a[1].at - b[1].at).slice(0, refused.size - MAX_REFUSALS_KEPT);
        for (const [key] of oldest) refused.delete(key);
      }
    }, SERVER_ORIGIN);
    for (const change of changes) {
      appendAudit(this.db, this.id, {
        actor: change.author,
        action: 'refused',
        clauseId: change.clauseId,
        detail: { part: change.part, reason: change.reason, attempted: change.attempted, kept: change.kept, ...(change.proposalId ? { proposalId: change.proposalId } : {}) },
      });
    }
    this.logger.info('refused a change', { declaration: this.id, participant: changes[0]?.author, count: changes.length });
  }

  /** The proposal refused wording becomes, mirrored; a failure to make it costs the proposal, never the refusal or the room. */
  private proposeRefused(connection: Connection, refused: Parameters<typeof proposeFromRefusal>[3], at: number): Proposal | null {
    try {
      const known: Proposal[] = [];
      this.doc.getMap<unknown>(ROOT.proposals).forEach((value) => {
        const proposal = readProposal(value);
        if (proposal) known.push(proposal);
      });
      const proposal = proposeFromRefusal(this.db, this.id, connection.participant, refused, known, at);
      if (proposal) this.mirrorProposal(proposal);
      return proposal;
    } catch (error) {
      this.logger.error('could not make a proposal of refused wording', { declaration: this.id, clause: refused.clauseId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return null;
    }
  }

  /** The broadcast step: the same bytes to everyone, the sender included (it takes them as acknowledgement). */
  broadcast(message: Uint8Array): void {
    for (const connection of this.connections) send(connection, message, this.logger);
  }

  ownerOfAwarenessClient(clientId: number): Connection | undefined {
    for (const connection of this.connections) if (connection.awarenessClients.has(clientId)) return connection;
    return undefined;
  }

  leave(connection: Connection): void {
    this.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
  }

  /** Writes the whole state as one log entry, so the next load is quick. */
  compact(): void {
    this.writer.compact();
  }

  /** Takes over a connection of the room this one replaces (Rooms.reload), with its awareness. */
  adopt(connection: Connection, from: Room): void {
    this.connections.add(connection);
    const ids = [...connection.awarenessClients].filter((id) => from.awareness.getStates().has(id));
    if (ids.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessProtocol.encodeAwarenessUpdate(from.awareness, ids), connection);
  }

  destroy(): void {
    this.history.dispose();
    this.enforcer.destroy();
    this.writer.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Every write is an update in the log and on the wire: skip the ones that change nothing. */
function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
}
