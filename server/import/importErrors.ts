import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import { AppError } from '../errors.ts';

/**
 * Why a file cannot be imported, in words a person can act on (docs/SPEC.md
 * IMP3). The screen shows them after "<file> could not be read:"; the admin
 * command prints them on standard error.
 */
const MB = 1024 * 1024;
const SAVE_AS = 'Save the draft as .docx (Word), .md or .txt (plain text) and import that.';

export const tooLarge = () =>
  new AppError(413, 'import-too-large', `The file is larger than ${MAX_IMPORT_BYTES / MB} MB, the most that can be imported. Remove pictures from it, or save it as .txt.`, {
    mb: MAX_IMPORT_BYTES / MB,
  });

export const unpackedTooLarge = (limit: number) =>
  new AppError(413, 'import-too-large', `The Word document unpacks to more than ${limit / MB} MB; it cannot be a draft declaration. Save it again from Word without pictures, or as .txt.`, {
    mb: limit / MB,
  });

/** The worker reading a file was stopped (readDraftInWorker.ts, SPEC IMP7). */
export const tooSlow = (limitMs: number) =>
  new AppError(422, 'import-too-slow', `Reading the file took longer than ${limitMs / 1000} seconds, the most allowed: it holds far more than a draft declaration. Import a file with only the draft in it, or save it as .txt.`, {
    seconds: limitMs / 1000,
  });

export const needsTooMuchMemory = (limitMb: number) =>
  new AppError(413, 'import-too-large-unpacked', `Reading the file needs more than ${limitMb} MB of memory, the most allowed: it holds far more than a draft declaration. Import a file with only the draft in it, or save it as .txt.`);

export const emptyFile = () => new AppError(400, 'import-empty', 'The file is empty.');

export const noText = () => new AppError(400, 'import-no-text', 'There is no text in the file.');

export const tooManyLines = (limit: number) =>
  new AppError(400, 'import-too-long', `The file has more than ${limit.toLocaleString('en')} lines; it does not look like a draft declaration.`, { max: limit });

export const noFileName = () =>
  new AppError(400, 'import-no-file-name', 'The file name is missing: send it in the X-File-Name header, e.g. "draft.docx", so that the server knows the type.');

export const unsupportedType = (extension: string) =>
  new AppError(415, 'import-unsupported-type', `${extension === '' ? 'Files without an extension' : `.${extension} files`} cannot be imported. ${SAVE_AS}`);

export const isPdf = () => new AppError(415, 'import-unsupported-type', `This is a PDF file; PDF cannot be imported. ${SAVE_AS}`);

export const isOldWord = () =>
  new AppError(415, 'import-unsupported-type', 'This is an old Word document (.doc) or a password-protected one. Open it in Word, remove any password and save it as .docx.');

export const isOpenDocument = () => new AppError(415, 'import-unsupported-type', `This is an OpenDocument text (.odt). ${SAVE_AS}`);

export const isRtf = () => new AppError(415, 'import-unsupported-type', `This is a Rich Text (.rtf) file. ${SAVE_AS}`);

export const wordNamedAsText = (extension: string) =>
  new AppError(415, 'import-unsupported-type', `This file is a Word document, not plain text, although its name ends in .${extension}. Rename it to .docx.`);

export const notAZip = () =>
  new AppError(400, 'import-corrupt', 'This file is not a Word document, although its name ends in .docx (a .docx file is a zip archive; this one is not). Open it in Word and save it again as .docx.');

export const corruptDocx = () => new AppError(400, 'import-corrupt', 'The Word document is damaged and cannot be read. Open it in Word and save it again as .docx.');

export const notWordDocument = (mimetype: string) =>
  mimetype.startsWith('application/vnd.oasis.opendocument')
    ? isOpenDocument()
    : new AppError(400, 'import-corrupt', 'This zip file is not a Word document: it holds no word/document.xml. Open the draft in Word and save it as .docx.');

export const unreadableFile = () => new AppError(400, 'import-unreadable', 'There is no such file, or it cannot be read.');
