import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { bloatedDocx } from '../testing/bloatedDocx.ts';
import { readDraft } from './readDraft.ts';
import { readDraftInWorker } from './readDraftInWorker.ts';

const DEMO_TXT = path.join(import.meta.dirname, 'fixtures/declaration-of-buenos-aires-2023.txt');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reading an imported file in a worker', () => {
  let bloated: Uint8Array;
  const demo = new Uint8Array(fs.readFileSync(DEMO_TXT));
  beforeAll(async () => {
    bloated = await bloatedDocx();
  });

  it('IMP7: the worker answers what reading the file on the main thread would, refusals included', async () => {
    expect(await readDraftInWorker('demo.txt', demo)).toEqual(await readDraft('demo.txt', demo));
    expect(await failure(readDraftInWorker('draft.pdf', new TextEncoder().encode('%PDF-1.7\n')))).toMatchObject({
      status: 415,
      id: 'import-unsupported-type',
      message: expect.stringMatching(/PDF cannot be imported/),
    });
  });

  it('IMP7: a file that takes longer than the time limit to read is refused with a message saying so', async () => {
    const refused = await failure(readDraftInWorker('bloated.docx', bloated, { timeMs: 100, heapMb: 512 }));
    expect(refused).toMatchObject({ status: 422, id: 'import-too-slow' });
    expect(refused.message).toBe(
      'Reading the file took longer than 0.1 seconds, the most allowed: it holds far more than a draft declaration. Import a file with only the draft in it, or save it as .txt.',
    );
  });

  it('IMP7: a file that needs more memory than the limit is refused with a message saying so, while a draft reads within the same limit', { timeout: 300_000 }, async () => {
    expect(bloated.byteLength).toBeGreaterThan(100_000);
    expect(bloated.byteLength).toBeLessThan(150_000);
    const limits = { timeMs: 100_000, heapMb: 64 };
    expect(await readDraftInWorker('demo.txt', demo, limits)).toEqual(await readDraft('demo.txt', demo));
    const refused = await failure(readDraftInWorker('bloated.docx', bloated, limits));
    expect(refused).toMatchObject({ status: 413, id: 'import-too-large-unpacked' });
    expect(refused.message).toMatch(/^Reading the file needs more than 64 MB of memory/);
  });
});
