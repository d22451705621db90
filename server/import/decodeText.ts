import { AppError } from '../errors.ts';

/**
 * The characters of a .txt or .md file: UTF-8 (with or without a byte order
 * mark), UTF-16 with a byte order mark (Windows' "Unicode"), or else
 * Windows-1252, what older Windows editors save Spanish, Portuguese and
 * French text in.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) {
    throw new AppError(415, 'import-not-text', 'The file is not plain text. Save the draft as .docx (Word), .md or .txt (plain text) and import that.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** NUL bytes or many control characters in the first few kilobytes: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length / 20;
}
