import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The fonts of the PDF exports (docs/SPEC.md EXP10), in one place: DejaVu
 * Serif for the text and DejaVu Sans for the notes and headings, from the
 * `dejavu-fonts-ttf` package, embedded and subset by pdfkit (only the
 * glyphs drawn go into the file). The condensed cut has the same glyphs
 * as the normal one and is about as wide as the Times the PDF used before:
 * the normal cut, 10% wider, took the demo from 6 pages to 7 and opened
 * wide gaps in justified lines. Between them they cover Latin with
 * Extended-A/B, Greek, Cyrillic, general punctuation, super- and
 * subscripts, currency and mathematical symbols (and some emoji).
 *
 * A character the asked font lacks is drawn from the next font of its
 * fallback list (the same style in Sans, then Sans itself). A character no
 * embedded font has is drawn in the asked font, where it shows as the
 * font's .notdef box, and is recorded for the document: the export's HTTP
 * response lists it (`X-Consenso-Missing-Glyphs`), so it is never replaced
 * silently.
 */
export const FONTS = {
  roman: 'DejaVuSerifCondensed',
  italic: 'DejaVuSerifCondensed-Italic',
  bold: 'DejaVuSerifCondensed-Bold',
  boldItalic: 'DejaVuSerifCondensed-BoldItalic',
  sans: 'DejaVuSansCondensed',
  sansBold: 'DejaVuSansCondensed-Bold',
  sansItalic: 'DejaVuSansCondensed-Oblique',
  sansBoldItalic: 'DejaVuSansCondensed-BoldOblique',
} as const;

export type FontName = (typeof FONTS)[keyof typeof FONTS];

const FALLBACKS: Record<FontName, readonly FontName[]> = {
  [FONTS.roman]: [FONTS.roman, FONTS.sans],
  [FONTS.italic]: [FONTS.italic, FONTS.sansItalic, FONTS.sans],
  [FONTS.bold]: [FONTS.bold, FONTS.sansBold, FONTS.sans],
  [FONTS.boldItalic]: [FONTS.boldItalic, FONTS.sansBoldItalic, FONTS.sansBold, FONTS.sans],
  [FONTS.sans]: [FONTS.sans],
  [FONTS.sansBold]: [FONTS.sansBold, FONTS.sans],
  [FONTS.sansItalic]: [FONTS.sansItalic, FONTS.sans],
  [FONTS.sansBoldItalic]: [FONTS.sansBoldItalic, FONTS.sansBold, FONTS.sans],
};

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The .ttf file of a font. */
function fontPath(name: FontName): string {
  return join(FONT_DIR, `${name}.ttf`);
}

// Read and parsed once per process (the files are 350–750 kB each), on first use.
const parsed = new Map<FontName, Font>();

function parsedFont(name: FontName): Font {
  let font = parsed.get(name);
  if (!font) {
    font = create(readFileSync(fontPath(name))) as Font;
    parsed.set(name, font);
  }
  return font;
}

/** Invisible characters (joiners, variation selectors, soft hyphen…): the layout hides them, so they need no glyph. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

const ALL_FONTS = Object.values(FONTS);

// Which font draws a character, by asked font and code point: looked up once per process (a
// 200-clause export asks for every character of it, and fontkit's lookup is not free).
const chosen = new Map<FontName, Map<number, FontName | null>>(ALL_FONTS.map((name) => [name, new Map()]));

/** The font that draws a character when `asked` is wanted: the asked font's fallbacks first, then any embedded font; null if none has it. */
function fontFor(char: string, asked: FontName): FontName | null {
  const code = char.codePointAt(0)!;
  const known = chosen.get(asked)!;
  let font = known.get(code);
  if (font === undefined) {
    const has = (name: FontName) => parsedFont(name).hasGlyphForCodePoint(code);
    font = code < 0x20 || IGNORABLE.test(char) ? asked : (FALLBACKS[asked].find(has) ?? ALL_FONTS.find(has) ?? null);
    known.set(code, font);
  }
  return font;
}

/** "U+4E2D" */
function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The characters of a text that no embedded font can draw, as "U+XXXX",
 * each once, in the order they first appear. The one coverage check of the
 * PDF exports: `inFonts` records, with the same test, what a document drew
 * as .notdef, and that list is the HTTP response's header.
 */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    if (fontFor(char, FONTS.roman) === null) missing.add(codePointName(char));
  }
  return [...missing];
}

type Doc = PDFKit.PDFDocument;

const missingByDoc = new WeakMap<Doc, Set<string>>();
const missingByFile = new WeakMap<Buffer, string[]>();

/**
 * Makes the fonts known to a new document by name and selects the serif
 * (pdfkit embeds only the fonts a document uses, subset to the glyphs
 * drawn). The parsed fonts are shared by every document: parsing them
 * again for each export took most of its time.
 */
export function registerFonts(doc: Doc): void {
  // pdfkit takes a parsed fontkit font as well as a file (its types say only the file).
  for (const name of ALL_FONTS) doc.registerFont(name, parsedFont(name) as unknown as Buffer);
  doc.font(FONTS.roman);
  missingByDoc.set(doc, new Set());
}

/**
 * A text split into the pieces that one font each draws: the asked font
 * wherever it has the character, else the first of its fallbacks that has
 * it. A character no font has stays in the asked font (drawn as .notdef) and
 * is recorded for the document. The text is composed first (NFC), so that a
 * decomposed accent prints as the precomposed letter the fonts have.
 */
export function inFonts(doc: Doc, text: string, asked: FontName): { text: string; font: FontName }[] {
  const pieces: { text: string; font: FontName }[] = [];
  // Whether the last piece takes the next character of its font.
  let open = false;
  for (const char of text.normalize('NFC')) {
    const font = fontFor(char, asked);
    if (font === null) {
      missingByDoc.get(doc)?.add(codePointName(char));
      // A piece of its own: pdfkit writes the .notdef's width unscaled (1229 for 600 in DejaVu's
      // 2048 units), so a viewer would push the rest of its piece to the right, over the next one.
      pieces.push({ text: char, font: asked });
      open = false;
      continue;
    }
    const last = pieces[pieces.length - 1];
    if (open && last && last.font === font) last.text += char;
    else pieces.push({ text: char, font });
    open = true;
  }
  return pieces;
}

/** Keeps a finished document's missing characters with its file, for the HTTP response. */
export function recordMissingGlyphs(doc: Doc, file: Buffer): void {
  missingByFile.set(file, [...(missingByDoc.get(doc) ?? [])]);
}

/** The characters a rendered PDF drew as .notdef ("U+XXXX", in order of first appearance); empty for any other buffer. */
export function missingGlyphsOf(file: Buffer): string[] {
  return missingByFile.get(file) ?? [];
}

/** At most this many characters are named in the header; "+N" counts the rest, so that a text in Chinese keeps the header small. */
const LISTED = 64;

/** The value of `X-Consenso-Missing-Glyphs`: "U+4E2D U+1F99C", "U+4E00 … U+4E3F +12", or null when nothing is missing. */
export function describeMissingGlyphs(missing: readonly string[]): string | null {
  if (missing.length === 0) return null;
  const listed = missing.slice(0, LISTED).join(' ');
  return missing.length > LISTED ? `${listed} +${missing.length - LISTED}` : listed;
}
