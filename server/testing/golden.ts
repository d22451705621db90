import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Golden files of the exporters (server/export/golden/): the output is
 * compared exactly. After a deliberate change, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run server/export`, read the diff, and commit it.
 */
export const GOLDEN_DIR = path.join(import.meta.dirname, '..', 'export', 'golden');

export function expectGolden(file: string, actual: string): void {
  const target = path.join(GOLDEN_DIR, file);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(target, actual);
    return;
  }
  if (!fs.existsSync(target)) throw new Error(`No golden file ${path.relative(process.cwd(), target)}: write it with UPDATE_GOLDEN=1 after checking the output.`);
  expect(actual).toBe(fs.readFileSync(target, 'utf8'));
}
