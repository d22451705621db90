import type { DraftLine } from '../../shared/import/draftLine.ts';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { recogniseDraft } from '../../shared/import/recognise.ts';
import { withSourceFormatting } from '../../shared/import/sourceFormatting.ts';
import { decodeText } from './decodeText.ts';
import { docxLines } from './docxLines.ts';
import { draftFileType, type DraftFileType } from './fileType.ts';
import { emptyFile, noText, tooLarge, tooManyLines } from './importErrors.ts';
import { textLines } from './textLines.ts';

/**
 * A zero draft from a file: its type (fileType.ts), its lines (docxLines.ts
 * or textLines.ts), its structure (shared/import/recognise.ts). Every
 * failure is an AppError with words a person can act on (importErrors.ts);
 * nothing is written anywhere. It runs in a worker thread
 * (readDraftInWorker.ts): callers in the server go through that.
 */
export const MAX_DRAFT_LINES = 100_000;

export async function readDraft(fileName: string, bytes: Uint8Array): Promise<ParsedDraft> {
  const type = checkDraftFile(fileName, bytes);
  const lines: DraftLine[] = type === 'docx' ? await docxLines(bytes) : textLines(decodeText(bytes), type);
  if (lines.length > MAX_DRAFT_LINES) throw tooManyLines(MAX_DRAFT_LINES);
  if (!lines.some((line) => line.text.trim() !== '')) throw noText();
  // Every line is in a part or in `unplaced`, never dropped silently (IMP1); the source's italics and bold go back on the parts (IMP8).
  return withSourceFormatting(recogniseDraft(lines), lines);
}

/** What is known of a file without reading it: its size and its type. Cheap: checked before a worker is started for it. */
export function checkDraftFile(fileName: string, bytes: Uint8Array): DraftFileType {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) throw emptyFile();
  return draftFileType(fileName, bytes);
}
