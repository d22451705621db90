import { isOldWord, isOpenDocument, isPdf, isRtf, notAZip, unsupportedType, wordNamedAsText } from './importErrors.ts';

/**
 * What kind of draft a file is, by its name's extension and its first bytes
 * alike: a .docx must be a zip archive (whether it holds
 * word/document.xml is checked when it is opened, docxLines.ts), a .md or
 * .txt must not be a zip, a PDF or an old Word file. A mismatch is said
 * plainly rather than guessed around.
 */
export type DraftFileType = 'docx' | 'md' | 'txt';

const EXTENSIONS: Record<string, DraftFileType> = { docx: 'docx', md: 'md', markdown: 'md', txt: 'txt', text: 'txt' };

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old .doc, and password-protected .docx
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function draftFileType(fileName: string, bytes: Uint8Array): DraftFileType {
  const extension = extensionOf(fileName);
  const type = EXTENSIONS[extension];
  if (startsWith(bytes, PDF)) throw isPdf();
  if (startsWith(bytes, OLE)) throw isOldWord();
  if (startsWith(bytes, RTF)) throw isRtf();
  const zip = startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
  if (type === undefined) {
    if (extension === 'doc') throw isOldWord();
    if (extension === 'odt') throw isOpenDocument();
    throw unsupportedType(extension);
  }
  if (type === 'docx' && !zip) throw notAZip();
  if (type !== 'docx' && zip) throw wordNamedAsText(extension);
  return type;
}
