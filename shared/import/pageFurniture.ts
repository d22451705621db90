import type { DraftLine } from './draftLine.ts';
import { readMarker } from './markers.ts';

/**
 * What a page puts around a text and a converted PDF leaves in it: running
 * headers and footers (the conference name, a letterhead, repeated on
 * every page), and the descriptions or placeholders of images
 * ("[Signature]", "A stylized signature in blue ink …"). None of it is part
 * of the declaration.
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
