import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a PDF made by pdfkit with embedded fonts, read back for
 * tests (server/export/pdf.test.ts, redline.test.ts): compressed streams
 * are inflated first, so a file as served can be read. pdfkit
 * draws each piece of text as a BT…ET block: `/F3 12 Tf` picks the font,
 * and TJ arrays hold the glyphs as 4-hex-digit ids of the font's subset,
 * which its ToUnicode CMap turns back into the characters (a ligature into
 * all of its letters). Justified lines are drawn word by word, so their
 * spaces are gaps, not characters. The .notdef glyph reads back as U+0000.
 */

export interface DrawnPiece {
  text: string;
  /** The line pdfkit drew just before the text (its `underline` / `strike` options), if any. */
  line: 'underline' | 'strike' | null;
  /** The font's PostScript name, without the subset tag ("DejaVuSerif-Italic"). */
  font: string;
}

/** A4 height in points: page space is top-down, text space bottom-up. */
const PAGE_HEIGHT = 841.89;

/** The file as text (Latin-1, one character a byte), every Flate stream inflated in place. */
function inflated(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  let out = '';
  let from = 0;
  for (const match of source.matchAll(/\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/g)) {
    const start = match.index + match[0].length;
    if (start < from) continue;
    const end = start + Number(match[1]);
    out += source.slice(from, match.index) + '>>\nstream\n' + inflateSync(pdf.subarray(start, end)).toString('latin1');
    from = end;
  }
  return out + source.slice(from);
}

function objects(source: string): Map<string, string> {
  return new Map([...source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map(([, id, body]) => [id!, body!]));
}

function utf16(hex: string): string {
  const units = hex.replace(/\s+/g, '').match(/.{4}/g) ?? [];
  return String.fromCharCode(...units.map((unit) => parseInt(unit, 16)));
}

/** Glyph id → text, from a ToUnicode CMap's `<first> <last> [<text> …]` ranges (the only form pdfkit writes). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, entries] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
    [...entries!.matchAll(/<([0-9a-f ]*)>/g)].forEach(([, hex], i) => map.set(parseInt(first!, 16) + i, utf16(hex!)));
  }
  return map;
}

interface FontInfo {
  name: string;
  glyphs: Map<number, string>;
}

/** Each font resource ("F3") with its name and glyph map. */
function fonts(source: string): Map<string, FontInfo> {
  const all = objects(source);
  const out = new Map<string, FontInfo>();
  for (const [, resource, id] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = all.get(id!) ?? '';
    const cmapId = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    const name = /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(font)?.[1] ?? '';
    if (cmapId === undefined) throw new Error(`Font ${resource} (${name}) has no ToUnicode map: not an embedded font.`);
    out.set(resource!, { name, glyphs: toUnicode(all.get(cmapId) ?? '') });
  }
  return out;
}

/** Every piece of text drawn, in drawing order, with its font and the line drawn with it. */
export function drawnPieces(pdf: Buffer): DrawnPiece[] {
  const source = inflated(pdf);
  const known = fonts(source);
  const pieces: DrawnPiece[] = [];
  let from = 0;
  for (const block of source.matchAll(/\nBT\n([\s\S]*?)\nET\n/g)) {
    const before = source.slice(from, block.index);
    from = block.index + block[0].length;
    const body = block[1]!;
    const resource = /\/(F\d+) [\d.]+ Tf/.exec(body)?.[1] ?? '';
    const font = known.get(resource);
    if (!font) throw new Error(`Text in an unknown font ${resource}.`);
    const text = [...body.matchAll(/\[([^\]]*)\] TJ/g)]
      .flatMap(([, array]) => [...array!.matchAll(/<([0-9a-f]*)>/g)].flatMap(([, hex]) => hex!.match(/.{4}/g) ?? []))
      .map((glyph) => font.glyphs.get(parseInt(glyph, 16)) ?? '\uFFFD')
      .join('');
    const baseline = [...body.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)][0]?.[1];
    const stroke = /[\d.]+ ([\d.]+) m\n[\d.]+ [\d.]+ l\nS/.exec(before)?.[1];
    pieces.push({ text, font: font.name, line: stroke === undefined || baseline === undefined ? null : Number(stroke) > PAGE_HEIGHT - Number(baseline) ? 'underline' : 'strike' });
  }
  return pieces;
}

/** The text of each piece drawn (pdfkit draws a line of one font and look as one piece). */
export function drawnLines(pdf: Buffer): string[] {
  return drawnPieces(pdf).map((piece) => piece.text);
}
