import * as Y from 'yjs';
import { snapshotClauses } from '../shared/document/clauseSnapshot.ts';
import { clausesMap } from '../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../shared/document/names.ts';
import { writeSeed } from '../shared/document/writeSeed.ts';
import { emptySeed } from '../shared/declarationSeed.ts';
import { plain } from '../shared/richText.ts';
import { Enforcer } from '../server/relay/enforce.ts';
import { inspectUpdate } from '../server/relay/inspectUpdate.ts';

/**
 * The cost of the rules on the hot path (SPEC PERF2): the same stream of
 * typing updates from 50 delegations into open clauses of a 200-clause
 * declaration with 100 agreed clauses is applied to two copies of the
 * document, one through the validate and enforce steps (inspectUpdate:
 * decoding, dependencies, model depth and shapes; Enforcer: locks, roles,
 * structure) and one with a bare Y.applyUpdate; the difference per update
 * is the added cost. Alternating the two on each update keeps warm-up and
 * GC from favouring either.
 */
export interface EnforcementCost {
  updates: number;
  plainMedianUs: number;
  enforcedMedianUs: number;
  addedMedianUs: number;
  addedP99Us: number;
}

const DELEGATIONS = 50;
const ROUNDS = 60;
const LOCKED = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function measureEnforcementCost(): EnforcementCost {
  const origin = new Y.Doc();
  writeSeed(origin, {
    ...emptySeed(plain('Bench')),
    preamble: Array.from({ length: 60 }, (_, i) => plain(`Recalling resolution ${i + 1} of the General Assembly on peacekeeping operations,`)),
    operative: Array.from({ length: 140 }, (_, i) => ({ body: plain(`Decides to consider item ${i + 1} of the agenda at its next session;`) })),
  });
  const state = Y.encodeStateAsUpdate(origin);
  const ids = [...clausesMap(origin).keys()].sort();
  const lockedIds = ids.slice(0, LOCKED);
  const openIds = ids.slice(LOCKED);

  const enforcedDoc = new Y.Doc();
  Y.applyUpdate(enforcedDoc, state);
  const plainDoc = new Y.Doc();
  Y.applyUpdate(plainDoc, state);
  const enforcer = new Enforcer(enforcedDoc);
  for (const id of lockedIds) enforcer.setAgreed(id, snapshotClauses(clausesMap(enforcedDoc), [id]));

  // Each delegation types into its own open clause, one character an update.
  const updates: { from: number; update: Uint8Array }[] = [];
  const replicas = Array.from({ length: DELEGATIONS }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  });
  for (let round = 0; round < ROUNDS; round++) {
    replicas.forEach((doc, from) => {
      const body = clausesMap(doc).get(openIds[from % openIds.length]!)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
      const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const capture = (update: Uint8Array) => updates.push({ from, update });
      doc.on('update', capture);
      text.insert(Math.floor(text.length / 2), 'abcdefghij'[round % 10]!);
      doc.off('update', capture);
    });
  }
  // Transaction origins, one per delegation, as the relay's connections are.
  const connections = Array.from({ length: DELEGATIONS }, (_, i) => ({ delegation: i }));
  const rules = { mayWriteAs: () => true };

  const plainTimes: number[] = [];
  const enforcedTimes: number[] = [];
  for (const { from, update } of updates) {
    const connection = connections[from]!;
    let start = process.hrtime.bigint();
    if (!inspectUpdate(enforcedDoc, update, rules).empty && enforcer.apply(connection, 'delegation', update).refusals.length > 0) {
      throw new Error('A typing update into an open clause was refused.');
    }
    enforcedTimes.push(Number(process.hrtime.bigint() - start) / 1000);
    start = process.hrtime.bigint();
    Y.applyUpdate(plainDoc, update, connection);
    plainTimes.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  // Both copies must end the same: nothing allowed was undone.
  if (JSON.stringify(enforcedDoc.getMap('clauses').toJSON()) !== JSON.stringify(plainDoc.getMap('clauses').toJSON())) {
    throw new Error('The enforced document differs from the plain one: an allowed edit was undone.');
  }
  const added = enforcedTimes.map((t, i) => t - plainTimes[i]!).sort((a, b) => a - b);
  const sortedPlain = [...plainTimes].sort((a, b) => a - b);
  const sortedEnforced = [...enforcedTimes].sort((a, b) => a - b);
  enforcer.destroy();
  return {
    updates: updates.length,
    plainMedianUs: percentile(sortedPlain, 50),
    enforcedMedianUs: percentile(sortedEnforced, 50),
    addedMedianUs: percentile(added, 50),
    addedP99Us: percentile(added, 99),
  };
}
