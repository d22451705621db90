import fs from 'node:fs/promises';
import type { DraftLine } from '../../shared/import/draftLine.ts';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { recogniseDraft } from '../../shared/import/recognise.ts';
import { AppError } from '../errors.ts';
import { decodeText } from './decodeText.ts';
import { docxLines } from './docxLines.ts';
import { draftFileType } from './fileType.ts';
import { emptyFile, noText, tooLarge, tooManyLines, unreadableFile } from './importErrors.ts';
import { textLines } from './textLines.ts';

/**
 * A zero draft from a file: its type (fileType.ts), its lines (docxLines.ts
 * or textLines.ts), its structure (shared/import/recognise.ts). Every
 * failure is an AppError with words a person can act on (importErrors.ts);
 * nothing is written anywhere.
 */
export const MAX_DRAFT_LINES = 100_000;

export async function readDraft(fileName: string, bytes: Uint8Array): Promise<ParsedDraft> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) throw emptyFile();
  const type = draftFileType(fileName, bytes);
  const lines: DraftLine[] = type === 'docx' ? await docxLines(bytes) : textLines(decodeText(bytes));
  if (lines.length > MAX_DRAFT_LINES) throw tooManyLines(MAX_DRAFT_LINES);
  if (!lines.some((line) => line.text.trim() !== '')) throw noText();
  return recogniseDraft(lines);
}

/** The same from a path (the admin command): the size is checked before the file is read. */
export async function readDraftFile(path: string): Promise<ParsedDraft> {
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
  return readDraft(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
