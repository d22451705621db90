import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_AWARENESS_BYTES } from '../server/relay/relay.ts';
import { MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../shared/protocol.ts';
import { FLOOD_WORKLOAD, splitByTurn } from './flood.ts';
import { chooseWordChanges, longClause, withWordChanges } from './proposals.ts';
import { awarenessMessage, clientFrame, junkMessage, updateMessage } from './floodMessages.ts';
import type { WorkerRecords } from './ipc.ts';
import { relayAt, type Timeline } from './schedule.ts';
import { tokenize } from '../shared/proposals/wordDiff.ts';
import { plain, toPlainText } from '../shared/richText.ts';
import { seededRandom } from '../shared/seededRandom.ts';
import { measureMsFor, MIN_RECEIPTS, readSettings, receiptsPerSecond, WORKLOADS } from './workloads.ts';

describe('the benchmark settings', () => {
  it('PERF1: every workload types long enough for each relay\'s p99 to rest on 20,000 receipts', () => {
    const settings = readSettings({});
    for (const workload of WORKLOADS) {
      const seconds = measureMsFor(workload, settings) / 1000;
      expect(seconds).toBeGreaterThanOrEqual(30);
      expect(seconds * receiptsPerSecond(workload)).toBeGreaterThanOrEqual(MIN_RECEIPTS);
    }
    // 10 delegations, 5 writing 5 edits a second: 225 receipts a second, so 89 s rather than 30.
    expect(measureMsFor(WORKLOADS[0]!, settings)).toBe(89_000);
    expect(measureMsFor(WORKLOADS[2]!, settings)).toBe(30_000);
    // BENCH_SECONDS is a floor, and a light workload is capped at two minutes.
    expect(measureMsFor(WORKLOADS[2]!, readSettings({ BENCH_SECONDS: '45' }))).toBe(45_000);
    expect(measureMsFor({ ...WORKLOADS[0]!, writers: 1, rate: 1, delegations: 2 }, settings)).toBe(120_000);
  });

  it('PERF1: the client workers yield the cores to the relays, and bad settings are refused by name', () => {
    expect(readSettings({})).toMatchObject({ workers: 4, workerNice: 10, workerFlags: ['--max-semi-space-size=16'] });
    expect(readSettings({ BENCH_WORKER_NICE: '0', BENCH_WORKERS: '2' })).toMatchObject({ workers: 2, workerNice: 0 });
    expect(() => readSettings({ BENCH_WORKERS: 'two' })).toThrow(/BENCH_WORKERS must be a whole number from 1 to 32/);
    expect(() => readSettings({ BENCH_WORKER_NICE: '-5' })).toThrow(/BENCH_WORKER_NICE/);
    expect(() => readSettings({ BENCH_SECONDS: '0' })).toThrow(/BENCH_SECONDS/);
  });

  it('PERF3: the flood runs by default and alone with BENCH_ONLY=flood, long enough for each phase\'s p99 to rest on 20,000 receipts', () => {
    expect(readSettings({}).sections).toContain('flood');
    expect(readSettings({ BENCH_ONLY: 'flood' })).toMatchObject({ workloads: [], sections: ['flood'] });
    const perPhase = measureMsFor(FLOOD_WORKLOAD, readSettings({})) / 1000;
    expect(perPhase * receiptsPerSecond(FLOOD_WORKLOAD)).toBeGreaterThanOrEqual(MIN_RECEIPTS);
  });
});

describe('the proposals section', () => {
  it('PROP15: the proposals section runs by default and alone with BENCH_ONLY=proposals', () => {
    expect(readSettings({}).sections).toContain('proposals');
    expect(readSettings({ BENCH_ONLY: 'proposals' })).toMatchObject({ workloads: [], sections: ['proposals'] });
    expect(readSettings({ BENCH_ONLY: '1,proposals' })).toMatchObject({ workloads: [WORKLOADS[0]], sections: ['proposals'] });
  });

  it('PROP15: the timed clause is 2,000 characters of the declaration\'s own words, cut at a word', () => {
    const clause = longClause(2000);
    const text = toPlainText(clause);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text.length).toBeGreaterThan(1980);
    expect(text.startsWith('Recognizing that United Nations (UN) Peacekeeping Operations')).toBe(true);
    // The preambular openings keep their italics.
    expect(clause.filter((run) => run.italic).map((run) => run.text)).toContain('Bearing in mind');
  });

  it('PROP15: the chair\'s word changes follow the clause as delegations type at its end', () => {
    const base = plain('That the treatment of the information shall be in accordance with the national laws.');
    const changes = chooseWordChanges(base, seededRandom(1));
    expect(changes.size).toBe(3);
    expect(tokenize(withWordChanges(base, changes)).map((t) => t.text)).toContain('should');
    const typed = [...base, { text: '[d1.1][d2.1]' }];
    const amended = toPlainText(withWordChanges(typed, changes));
    expect(amended.endsWith('laws.[d1.1][d2.1]')).toBe(true);
    expect(amended.replace('[d1.1][d2.1]', '')).toBe(toPlainText(withWordChanges(base, changes)));
  });
});

describe('the flood section', () => {
  const limit = 256 * 1024;
  const payloadOf = (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) expect(decoding.readVarUint(decoder)).toBe(2);
    return { type, payload: decoding.readVarUint8Array(decoder), rest: decoding.hasContent(decoder) };
  };

  it('PERF3: the attacker sends just under the limit: a valid Yjs update of many structs, an oversized awareness message, junk', () => {
    const update = updateMessage(limit);
    expect(update.byteLength).toBeLessThanOrEqual(limit);
    expect(update.byteLength).toBeGreaterThan(0.95 * limit);
    const sync = payloadOf(update);
    expect(sync).toMatchObject({ type: MESSAGE_SYNC, rest: false });
    expect(Y.decodeUpdate(sync.payload).structs.length).toBeGreaterThan(10_000);

    const awareness = awarenessMessage(limit);
    expect(awareness.byteLength).toBeLessThanOrEqual(limit);
    expect(payloadOf(awareness)).toMatchObject({ type: MESSAGE_AWARENESS, rest: false });
    expect(payloadOf(awareness).payload.byteLength).toBeGreaterThan(MAX_AWARENESS_BYTES);

    const junk = junkMessage(limit);
    expect(junk.byteLength).toBe(limit);
    expect([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS]).not.toContain(junk[0]);

    // The frame is masked as a client must, and unmasks to the message.
    const frame = clientFrame(junk);
    const mask = frame.subarray(10, 14);
    const unmasked = frame.subarray(14).map((byte, i) => byte ^ mask[i & 3]!);
    expect(Buffer.from(unmasked).equals(Buffer.from(junk))).toBe(true);
  });

  it('PERF3: every edit counts in the phase of the slice it was due in, baseline or flood', () => {
    const timeline: Timeline = { startUs: 0, sliceUs: 1000, warmupSlices: 0, measuredSlices: 8, seed: 7 };
    // Writer 1 types once per slice; writer 2 receives each edit 10 µs later.
    const sent = Array.from({ length: 8 }, (_, slice) => [1, slice * 1000 + 1, slice * 1000 + 1]).flat();
    const received = Array.from({ length: 8 }, (_, slice) => [2, 1, slice * 1000 + 1, slice * 1000 + 11]).flat();
    const records: WorkerRecords[] = [{ type: 'records', sent: Float64Array.from(sent), received: Float64Array.from(received), disconnects: { ours: 0, plain: 0 }, malformed: 0 }];
    const split = splitByTurn(records, timeline);
    const floodSlices = Array.from({ length: 8 }, (_, slice) => slice).filter((slice) => relayAt(timeline, slice * 1000 + 1) === 'ours');
    expect(floodSlices).toHaveLength(4);
    expect([...split.flood[0]!.sent].filter((_, i) => i % 3 === 2)).toEqual(floodSlices.map((slice) => slice * 1000 + 1));
    expect(split.flood[0]!.received.length / 4 + split.baseline[0]!.received.length / 4).toBe(8);
    expect([...split.baseline[0]!.received].filter((_, i) => i % 4 === 2).every((sendUs) => relayAt(timeline, sendUs) === 'plain')).toBe(true);
  });
});
