import fs from 'node:fs/promises';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { AppError } from '../errors.ts';
import { tooLarge, unreadableFile } from './importErrors.ts';
import { DEFAULT_DRAFT_READ_LIMITS, readDraftInWorker, type DraftReadLimits } from './readDraftInWorker.ts';

/**
 * A zero draft from a path (the admin command): the size is checked before
 * the file is read, then it is read in a worker like an upload (IMP7).
 */
export async function readDraftFile(path: string, limits: DraftReadLimits = DEFAULT_DRAFT_READ_LIMITS): Promise<ParsedDraft> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw unreadableFile();
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadableFile();
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw unreadableFile();
  }
  return readDraftInWorker(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
}
