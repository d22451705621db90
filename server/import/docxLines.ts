import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { DraftLine } from '../../shared/import/draftLine.ts';
import type { SourceRun } from '../../shared/import/parsedDraft.ts';
import { docxDefinitions, numberingRefOf, type DocxDefinitions } from './docxDefinitions.ts';
import { corruptDocx, notWordDocument, unpackedTooLarge } from './importErrors.ts';
import { attrOf, childOf, childrenOf, findFirst, parseXml, tagOf, textOf, type XmlNode } from './xmlTree.ts';

/**
 * A Word document (.docx) into draft lines: each paragraph of
 * word/document.xml in order, with the level and kind of Word's automatic
 * numbering (a paragraph numbered by Word has no typed "1." in its text),
 * whether its style is a title or heading, and the cells of tables (where
 * signature pages often live) as groups of lines. Tracked deletions and
 * hidden text are left out; tracked insertions are read.
 */

/** A 5 MB .docx may unpack to much more; beyond this it is not a draft but a zip bomb. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const CONTAINERS = new Set(['hyperlink', 'ins', 'smartTag', 'fldSimple', 'customXml', 'sdt', 'sdtContent', 'moveTo', 'bdo', 'dir']);

/** Unpacks one part, counting as it goes: a part that unpacks past the limit is refused before it fills memory. */
function unpack(file: JSZip.JSZipObject): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // JSZip's stream (readable-stream 2) is not async-iterable: events it is.
    const stream = file.nodeStream('nodebuffer') as Readable;
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_UNPACKED_BYTES) {
        settled = true;
        stream.pause();
        stream.removeAllListeners('data');
        reject(unpackedTooLarge(MAX_UNPACKED_BYTES));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => {
      if (settled) return;
      settled = true;
      reject(corruptDocx());
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

async function readEntry(zip: JSZip, path: string): Promise<XmlNode[] | null> {
  const file = zip.file(path);
  if (!file) return null;
  const bytes = await unpack(file);
  try {
    return parseXml(bytes.toString('utf8'));
  } catch {
    throw corruptDocx();
  }
}

function isOn(rPr: XmlNode | undefined, tag: string): boolean {
  const node = rPr ? childOf(rPr, tag) : undefined;
  if (!node) return false;
  const value = attrOf(node, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

interface Collected {
  text: string;
  /** The text as runs of the same italics and bold (IMP8). */
  runs: SourceRun[];
  /** Characters of visible text, and how many of them are bold. */
  visible: number;
  bold: number;
}

/**
 * Word footnotes met in the body, in order (docs/SPEC.md IMP11): the
 * reference's marker — its custom mark (`w:customMarkFollows`, the mark
 * being the run's text) or its number in order — is put in the text where
 * the reference stands; the note's text comes from word/footnotes.xml.
 */
class FootnoteRefs {
  readonly refs: { id: string; marker: string }[] = [];
  private numbered = 0;

  /** The marker to print for a reference; null for a custom mark, which the run's own text prints. */
  add(node: XmlNode, runText: string): string | null {
    const id = attrOf(node, 'id') ?? '';
    const custom = attrOf(node, 'customMarkFollows');
    if (custom !== undefined && !['0', 'false', 'off'].includes(custom)) {
      this.refs.push({ id, marker: runText.trim() });
      return null;
    }
    this.numbered += 1;
    const marker = String(this.numbered);
    this.refs.push({ id, marker });
    return marker;
  }
}

/** Italic and bold, from the run's own properties (w:i, w:b and their complex-script twins; `w:val="0"` says not) or its character style (Emphasis, Strong). */
function marksOf(rPr: XmlNode | undefined, definitions: DocxDefinitions | undefined): { italic: boolean; bold: boolean } {
  const styleId = rPr ? attrOf(childOf(rPr, 'rStyle') ?? {}, 'val') : undefined;
  const style = styleId === undefined || !definitions ? {} : definitions.characterMarks(styleId);
  const own = (tag: string): boolean | undefined => {
    const node = rPr ? childOf(rPr, tag) : undefined;
    return node ? isOn(rPr, tag) : undefined;
  };
  const mark = (tag: string, cs: string, styled: boolean | undefined) => own(tag) ?? own(cs) ?? styled ?? false;
  return { italic: mark('i', 'iCs', style.italic), bold: mark('b', 'bCs', style.bold) };
}

function pushRun(out: Collected, text: string, italic: boolean, bold: boolean): void {
  if (text === '') return;
  const last = out.runs[out.runs.length - 1];
  if (last && !!last.italic === italic && !!last.bold === bold) last.text += text;
  else out.runs.push({ text, ...(italic ? { italic: true } : {}), ...(bold ? { bold: true } : {}) });
}

function collectRuns(nodes: XmlNode[], out: Collected, footnotes?: FootnoteRefs, definitions?: DocxDefinitions): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'r') {
      const rPr = childOf(node, 'rPr');
      if (isOn(rPr, 'vanish')) continue;
      const marks = marksOf(rPr, definitions);
      const bold = marks.bold;
      for (const part of childrenOf(node)) {
        const kind = tagOf(part);
        let piece = '';
        if (kind === 't') piece = textOf(part);
        else if (kind === 'footnoteReference' && footnotes) {
          const runText = childrenOf(node)
            .filter((p) => tagOf(p) === 't')
            .map((p) => textOf(p))
            .join('');
          piece = footnotes.add(part, runText) ?? '';
        }
        else if (kind === 'tab' || kind === 'ptab') piece = ' ';
        else if (kind === 'br' || kind === 'cr') piece = '\n';
        else if (kind === 'noBreakHyphen') piece = '-';
        out.text += piece;
        // A footnote's reference is its marker, never the text's italics: Word styles it as a superscript.
        if (kind === 'footnoteReference') pushRun(out, piece, false, false);
        else pushRun(out, piece, marks.italic, marks.bold);
        const visible = piece.replace(/\s/g, '').length;
        out.visible += visible;
        if (bold) out.bold += visible;
      }
    } else if (tag !== null && CONTAINERS.has(tag)) {
      collectRuns(childrenOf(node), out, footnotes, definitions);
    }
  }
}

class BodyReader {
  readonly lines: DraftLine[] = [];

  constructor(
    private readonly definitions: DocxDefinitions,
    readonly footnotes = new FootnoteRefs(),
  ) {}

  blocks(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'p') this.lines.push(...this.paragraph(node));
      else if (tag === 'tbl') this.table(node);
      else if (tag === 'sdt') this.blocks(childrenOf(childOf(node, 'sdtContent') ?? {}));
      else if (tag === 'customXml') this.blocks(childrenOf(node));
    }
  }

  private paragraph(node: XmlNode): DraftLine[] {
    const pPr = childOf(node, 'pPr');
    const styleId = pPr ? attrOf(childOf(pPr, 'pStyle') ?? {}, 'val') : undefined;
    const ref = numberingRefOf(pPr) ?? (styleId === undefined ? undefined : this.definitions.styleNumbering(styleId));
    const kind = ref ? this.definitions.listKind(ref) : null;
    const collected: Collected = { text: '', runs: [], visible: 0, bold: 0 };
    collectRuns(childrenOf(node), collected, this.footnotes, this.definitions);
    const texts = collected.text.split('\n');
    const heading = (styleId !== undefined && this.definitions.isHeadingStyle(styleId)) || (collected.visible > 0 && collected.bold === collected.visible);
    const runs = linesOfRuns(collected.runs);
    const lines: DraftLine[] = texts.map((text, i) => (runs[i] ? { text, runs: runs[i] } : { text }));
    const first = lines[0]!;
    if (kind !== null && ref && collected.visible > 0) first.list = { level: ref.level, kind };
    if (heading && collected.visible > 0) for (const line of lines) line.heading = true;
    lines[lines.length - 1]!.ends = true;
    return lines;
  }

  /**
   * A table's cells as groups of lines between blank lines: a row of short
   * single-line cells is one group (name | title | state), otherwise each
   * cell is one (a signature block per cell).
   */
  private table(node: XmlNode): void {
    for (const row of childrenOf(node)) {
      if (tagOf(row) !== 'tr') continue;
      const cells = childrenOf(row)
        .filter((cell) => tagOf(cell) === 'tc')
        .map((cell) => {
          const reader = new BodyReader(this.definitions, this.footnotes);
          reader.blocks(childrenOf(cell));
          return reader.lines.map((l) => l.text.trim()).filter((text) => text !== '');
        })
        .filter((lines) => lines.length > 0);
      const groups = cells.length >= 2 && cells.length <= 4 && cells.every((lines) => lines.length === 1) ? [cells.flat()] : cells;
      for (const group of groups) {
        this.lines.push({ text: '', ends: true });
        for (const text of group) this.lines.push({ text, table: true, ends: true });
      }
    }
    this.lines.push({ text: '', ends: true });
  }
}

export async function docxLines(bytes: Uint8Array): Promise<DraftLine[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw corruptDocx();
  }
  const document = await readEntry(zip, 'word/document.xml');
  if (!document) {
    const mimetype = zip.file('mimetype') ? (await zip.file('mimetype')!.async('string')).trim() : '';
    throw notWordDocument(mimetype);
  }
  const definitions = docxDefinitions(await readEntry(zip, 'word/styles.xml'), await readEntry(zip, 'word/numbering.xml'));
  const body = findFirst(document, 'body');
  if (!body) throw corruptDocx();
  const reader = new BodyReader(definitions);
  reader.blocks(childrenOf(body));
  if (reader.footnotes.refs.length > 0) reader.lines.push(...footnoteLines(await readEntry(zip, 'word/footnotes.xml'), reader.footnotes.refs, definitions));
  return reader.lines;
}

/** A paragraph's runs cut at its line breaks, one list a line; none for a line without italics or bold. */
function linesOfRuns(runs: SourceRun[]): (SourceRun[] | undefined)[] {
  const lines: SourceRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]!.push({ ...run, text: piece });
    });
  }
  return lines.map((line) => (line.some((run) => run.italic || run.bold) ? line : undefined));
}

/** The notes of word/footnotes.xml, in the order of their references, as lines marked `note` (shared/import/footnotes.ts). */
function footnoteLines(xml: XmlNode[] | null, refs: { id: string; marker: string }[], definitions: DocxDefinitions): DraftLine[] {
  const container = xml ? findFirst(xml, 'footnotes') : undefined;
  const texts = new Map<string, { text: string; runs: SourceRun[] }>();
  for (const node of container ? childrenOf(container) : []) {
    if (tagOf(node) !== 'footnote') continue;
    const type = attrOf(node, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const paragraphs = childrenOf(node)
      .filter((p) => tagOf(p) === 'p')
      .map((p) => {
        const collected: Collected = { text: '', runs: [], visible: 0, bold: 0 };
        collectRuns(childrenOf(p), collected, undefined, definitions);
        return { text: collected.text.replace(/\s+/gu, ' ').trim(), runs: collected.runs };
      })
      .filter((p) => p.text !== '');
    texts.set(attrOf(node, 'id') ?? '', { text: paragraphs.map((p) => p.text).join(' '), runs: paragraphs.flatMap((p, i) => (i === 0 ? p.runs : [{ text: ' ' }, ...p.runs])) });
  }
  const lines: DraftLine[] = [];
  for (const { id, marker } of refs) {
    const note = texts.get(id);
    if (note === undefined) continue;
    const text = note.text;
    // The note's own text without the mark Word prints before it (a custom mark is typed there).
    const body = marker !== '' && text.startsWith(marker) ? text.slice(marker.length).trim() : text;
    // Its runs, for the italics and bold only: sourceFormatting.ts finds the note's text in them.
    const runs = note.runs.some((run) => run.italic || run.bold) ? note.runs : undefined;
    lines.push({ text: '', ends: true }, { text: body, note: marker, ends: true, ...(runs ? { runs } : {}) });
  }
  return lines;
}
