import type { DraftLine } from './draftLine.ts';
import { readMarker } from './markers.ts';

/**
 * What a page puts around a text and a converted PDF leaves in it: running
 * headers and footers (the conference name, a letterhead, repeated on
 * every page), and the descriptions or placeholders of images
 * ("[Signature]", "A stylized signature in blue ink …"), and what a PDF's
 * text layer puts between the lines of the text: page numbers, job numbers,
 * the document symbol as a running head. None of it is part of the
 * declaration.
 */

const PLACEHOLDER = /^\[(?:signature|signed|firma|firmado|assinatura|assinado|seal|sello|selo|sceau|stamp|logo|image|imagen|imagem|photo|foto)\b[^\]]*\]/i;
const SIGNATURE_IMAGE = /^(?:an?\s+)?(?:(?:stylized|stylised|handwritten|illegible|cursive)\s+)+signature\b/i;

/** Lines to sign on ("________"), dotted lines, rules ("-----"): no text. */
const RULE = /^[\s_.\-–—=*·•…]{3,}$/u;

/** A line that only stands for an image, or draws a line: dropped wherever it is. */
export function isImageText(text: string): boolean {
  return PLACEHOLDER.test(text) || SIGNATURE_IMAGE.test(text) || RULE.test(text);
}

/** Blocks this long or longer are text, even when repeated. */
const MAX_FURNITURE_CHARS = 300;

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The indices of the lines of running headers and footers: a block of lines
 * (between blank lines) that occurs more than once, is short, carries no
 * clause number and does not end like a sentence or a clause. Repeated
 * clauses ("a) Deleted.") end with punctuation and are kept.
 */
export function furnitureOf(lines: readonly DraftLine[]): Set<number> {
  const blocks: { from: number; to: number; key: string }[] = [];
  let from = -1;
  const close = (to: number) => {
    if (from < 0) return;
    const group = lines.slice(from, to);
    const text = group.map((l) => l.text.trim()).join(' ');
    const numbered = group.some((l) => l.list !== undefined || readMarker(l.text.trim()) !== null);
    const ending = /[,;:.]["'”’»)\]]*$/u.test(text);
    if (!numbered && !ending && text.length < MAX_FURNITURE_CHARS && key(text) !== '') blocks.push({ from, to, key: key(text) });
    from = -1;
  };
  lines.forEach((line, i) => {
    if (line.text.trim() === '') close(i);
    else if (from < 0) from = i;
  });
  close(lines.length);
  const counts = new Map<string, number>();
  for (const block of blocks) counts.set(block.key, (counts.get(block.key) ?? 0) + 1);
  const furniture = new Set<number>();
  for (const block of blocks) {
    if (counts.get(block.key)! < 2) continue;
    for (let i = block.from; i < block.to; i++) furniture.add(i);
  }
  return furniture;
}

/**
 * Page numbers as printed at a page's head or foot: "2/5" (page 2 of 5),
 * "- 3 -", "— 3 —", "Page 3", "Page 3 of 5", "Página 3 de 5", "Page 3 sur 5", "p. 3".
 */
const PAGE_NUMBER = /^(?:(\d{1,4})\s*\/\s*(\d{1,4})|[-–—]\s*\d{1,4}\s*[-–—]|(?:page|página|pág\.|p\.)\s*\d{1,4}(?:\s*(?:of|de|sur|\/)\s*\d{1,4})?)$/iu;
/** UN job numbers: "25-16680", "19-21981 (E)", "00-32018 (E) /...", "GE.22-12345 (F)", "11-46183 (S) *1146183*". */
const JOB_NUMBER = /^(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}\s*(?:\(\p{Lu}\))?(?:\s*\*?\d{6,8}\*?)?(?:\s*\/\.{3})?$/u;
/** A document symbol alone on a line: "A/RES/80/3", "S/RES/1292 (2000)", "E/CN.6/2020/L.1"; printed again at the head of each page. */
const SYMBOL = /^(?:[A-Z]{1,5}\/)+[A-Z0-9.]+(?:\/[A-Za-z0-9.]+)*(?:\s*\(\d{4}\))?$/u;
/** A bare number, a page number only beside other furniture. */
const BARE_NUMBER = /^\d{1,4}$/u;

export function isPageNumber(text: string): boolean {
  const match = PAGE_NUMBER.exec(text.trim());
  // "80/3" is a resolution's number, not page 80 of 3.
  return match !== null && (match[1] === undefined || Number(match[1]) <= Number(match[2]));
}

export function isJobNumber(text: string): boolean {
  return JOB_NUMBER.test(text.trim());
}

/**
 * The indices of the page furniture a PDF's text layer leaves between the
 * lines of the text, recognised by shape wherever it stands (IMP20): page
 * numbers, job numbers, the document symbol printed again (its first
 * occurrence is the masthead's), and lines repeated in the text that stand
 * beside such furniture (the running head: "Awaza Political Declaration"
 * above "A/RES/80/3" on every page). A bare number is a page number only
 * beside other furniture. A line ending like a sentence or a clause, or
 * carrying a clause number, is never a running head.
 */
export function pageFurnitureOf(texts: readonly string[]): Set<number> {
  const furniture = new Set<number>();
  const lines = texts.map((t) => t.trim());
  const seenSymbols = new Set<string>();
  const counts = new Map<string, number>();
  lines.forEach((text, i) => {
    if (text === '') return;
    if (isPageNumber(text) || isJobNumber(text)) furniture.add(i);
    else if (SYMBOL.test(text)) {
      const symbol = text.replace(/\s+/gu, '');
      if (seenSymbols.has(symbol)) furniture.add(i);
      seenSymbols.add(symbol);
    }
    if (runningHeadShaped(text)) counts.set(key(text), (counts.get(key(text)) ?? 0) + 1);
  });
  if (furniture.size === 0) return furniture;
  // The nearest line with text above and below each line.
  const nonBlank = lines.map((t, i) => (t === '' ? -1 : i)).filter((i) => i >= 0);
  const besideFurniture = (k: number) => (k > 0 && furniture.has(nonBlank[k - 1]!)) || (k + 1 < nonBlank.length && furniture.has(nonBlank[k + 1]!));
  // A running head beside a page number may sit beside another line of it ("A/RES/80/3" / "Awaza Political Declaration" / "25-16680" / "2/5"): grow until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    nonBlank.forEach((i, k) => {
      if (furniture.has(i) || !besideFurniture(k)) return;
      const text = lines[i]!;
      if (BARE_NUMBER.test(text) || (runningHeadShaped(text) && (counts.get(key(text)) ?? 0) >= 2)) {
        furniture.add(i);
        changed = true;
      }
    });
  }
  return furniture;
}

function runningHeadShaped(text: string): boolean {
  return text.length < MAX_FURNITURE_CHARS && key(text) !== '' && readMarker(text) === null && !/[,;:.]["'”’»)\]]*$/u.test(text);
}
