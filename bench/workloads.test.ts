import { describe, expect, it } from 'vitest';
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
});
