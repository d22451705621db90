import { Document, Packer, Paragraph, TextRun } from 'docx';
import { MAX_IMPORT_BYTES } from '../shared/import/limits.ts';
import { readDraft } from '../server/import/readDraft.ts';

/**
 * The time to read a draft (docs/SPEC.md IMP16): a 300-paragraph zero
 * draft typed as plain text and hard-wrapped at 80 columns (title, chapeau,
 * 100 preambular and 200 operative paragraphs, a third of them with
 * sub-items, a closing line, two footnotes, 12 signature blocks), and a
 * Word file of nearly 5 MB (the import limit) made of the same draft, its
 * paragraphs four times as long, repeated until it weighs that much. From the file's bytes to the parsed
 * draft, as `readDraft` does it in the import worker: type check, lines,
 * recogniser. One warm-up run, then the median of five (three for the
 * .docx). Goals: under 200 ms and under 3 s.
 */
export const DRAFT_GOAL_MS = 200;
export const DOCX_GOAL_MS = 3000;

export interface ImportTimes {
  paragraphs: number;
  draftBytes: number;
  draftMs: number;
  docxBytes: number;
  /** Word paragraphs in the .docx. */
  docxParagraphs: number;
  docxMs: number;
  ok: boolean;
}

const WORDS = (
  'peace security cooperation regional multilateral commitment operations mandate training exchange experience principles charter ' +
  'sovereignty dialogue development protection civilians gender perspective strengthening capacities network centres consent impartiality ' +
  'humanitarian assistance rule of law environmental sustainable implementation coordination technical support deployment national'
).split(' ');

/** Deterministic words, so that every run times the same text. */
function sentence(seed: number, length: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let k = 0; k < length; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

function wrap(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const OPENERS = ['Recognizing', 'Bearing in mind', 'Noting with concern', 'Reaffirming', 'Welcoming', 'Emphasizing'];
const VERBS = ['Decides', 'Requests', 'Encourages', 'Calls upon', 'Welcomes', 'Urges'];

/** The draft as paragraphs of text (no wrapping): the same for .txt and .docx. */
export function draftParagraphs(preamble = 100, operative = 200, longer = 1): string[] {
  const out = ['Declaration of Montevideo on Regional Cooperation in Peace Operations', 'The Ministers of Defense of Latin America and the Caribbean,'];
  for (let i = 0; i < preamble; i++) out.push(`${OPENERS[i % OPENERS.length]} ${sentence(i, (25 + (i % 20)) * longer)},${i === 3 ? '1' : ''}`);
  out.push('Declare:');
  for (let i = 0; i < operative; i++) {
    out.push(`${i + 1}. ${VERBS[i % VERBS.length]} ${sentence(1000 + i, (30 + (i % 25)) * longer)}${i % 3 === 0 ? ':' : ';'}`);
    if (i % 3 === 0) for (const letter of ['a', 'b', 'c']) out.push(`(${letter}) ${sentence(5000 + i * 3 + letter.charCodeAt(0), 12)};`);
  }
  out.push('Done at Montevideo, 12 September 2024.');
  return out;
}

export function draftText(): string {
  const blocks = draftParagraphs().map((p) => wrap(p).join('\n'));
  blocks.push('__________\n1 Official Records of the General Assembly, Supplement No. 53.\n* Document S/RES/2250 (2015).');
  for (let s = 0; s < 12; s++) blocks.push(`Minister ${sentence(9000 + s, 2)}\nMinistro de Defensa\nRepública ${sentence(9100 + s, 1)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** A paragraph as drafts format it: the preambular opening phrase and the operative verb in italics, so that the source's formatting is read and matched too (IMP8). */
function formattedRuns(text: string): TextRun[] {
  const opener = OPENERS.find((o) => text.startsWith(o));
  if (opener) return [new TextRun({ text: opener, italics: true }), new TextRun(text.slice(opener.length))];
  const verb = /^(\d+\.\s)((?:Calls upon|\S+))/u.exec(text);
  if (verb) return [new TextRun(verb[1]!), new TextRun({ text: verb[2]!, italics: true }), new TextRun(text.slice(verb[0].length))];
  return [new TextRun(text)];
}

/**
 * A Word file just under the import limit: the draft's paragraphs, four
 * times as long, repeated (short ones would pass the 100,000 lines a draft
 * may have before the file reached 5 MB).
 */
async function bigDocx(): Promise<{ bytes: Uint8Array; paragraphs: number }> {
  const base = draftParagraphs(100, 200, 4);
  const make = async (copies: number) => {
    const children: Paragraph[] = [];
    for (let c = 0; c < copies; c++) for (const text of base) children.push(new Paragraph({ children: formattedRuns(text) }));
    return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  };
  // The size of one copy, without the parts every file has (styles, settings).
  const one = (await make(2)).byteLength - (await make(1)).byteLength;
  const fixed = (await make(1)).byteLength - one;
  let copies = Math.max(1, Math.floor((MAX_IMPORT_BYTES * 0.98 - fixed) / one));
  let bytes = await make(copies);
  while (bytes.byteLength > MAX_IMPORT_BYTES && copies > 1) bytes = await make(--copies);
  return { bytes, paragraphs: copies * base.length };
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function measureImportTimes(): Promise<ImportTimes> {
  const text = new TextEncoder().encode(draftText());
  const draftMs = await median(5, () => readDraft('draft.txt', text));
  const { bytes: docx, paragraphs: docxParagraphs } = await bigDocx();
  const docxMs = await median(3, () => readDraft('big.docx', docx));
  return {
    paragraphs: 300,
    draftBytes: text.byteLength,
    draftMs,
    docxBytes: docx.byteLength,
    docxParagraphs,
    docxMs,
    ok: draftMs < DRAFT_GOAL_MS && docxMs < DOCX_GOAL_MS,
  };
}

export function formatImportTimes(result: ImportTimes): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return [
    `== Import: from the file's bytes to the parsed draft (readDraft), median after a warm-up`,
    `   ${result.paragraphs}-paragraph draft, .txt hard-wrapped (${kB(result.draftBytes)}): ${result.draftMs.toFixed(1)} ms (goal under ${DRAFT_GOAL_MS} ms)`,
    `   .docx of ${kB(result.docxBytes)} (${result.docxParagraphs} paragraphs): ${result.docxMs.toFixed(0)} ms (goal under ${DOCX_GOAL_MS} ms)`,
    `verdict: ${result.ok ? 'OK' : 'MISSED'}`,
  ].join('\n');
}
