import JSZip from 'jszip';
import { seededRandom } from '../../shared/seededRandom.ts';

/**
 * The .docx of the issue that stalled the server (SPEC IMP7): about 130 KB
 * that unpack to 40 MB of short paragraphs, a million of them. Mostly one
 * sentence, now and then another, drawn from a seeded generator: enough
 * variety that deflate cannot shrink it to nothing, the same file every run.
 */
export const BLOATED_UNPACKED_BYTES = 40 * 1024 * 1024;

export async function bloatedDocx(): Promise<Uint8Array> {
  const random = seededRandom(7);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < BLOATED_UNPACKED_BYTES) {
    const text = random() < 0.01 ? 'Recalling the Charter of the United Nations,' : 'Decide:';
    const paragraph = `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
