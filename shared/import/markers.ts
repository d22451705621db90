import { letter, roman } from '../numbering.ts';

/**
 * Typed clause numbers at the start of a line: "1.", "1)", "(1)", "7 bis.",
 * "IV.", "II)", "(a)", "a)", "(iv)", "ii)". A lower-case marker is a letter
 * or a roman numeral ("i", "v", "x" are both): which one depends on what
 * came before, and the recogniser decides (recognise.ts).
 */
export type MarkerStyle = 'number' | 'upper-roman' | 'alpha';

export interface Marker {
  style: MarkerStyle;
  /** The number as typed, lower case for `alpha`: "12", "iv", "b". */
  value: string;
  /** The text after the marker, trimmed at the start. */
  rest: string;
  /** A working number's suffix as typed: "bis" in "7 bis.", kept as the paragraph's `number` (ParsedItem.number). */
  suffix?: string;
  /** Written in parentheses, "(a)", rather than closed, "a)": the source's sub-item style. */
  enclosed: boolean;
}

// Four digits or more ("1000.", "2030.") are read only when asked (`long`): a line that starts with "2030." may be a wrapped year; whether it is paragraph 2030 depends on the paragraph before it (recognise.ts, IMP19).
const NUMBER = /^\(?(\d{1,6})(?:\s?(bis|ter|quater|quinquies|alt))?\s*[.)](?=\s|$)\s*/i;
/** The most digits a clause number has without a sequence to continue. */
export const SHORT_NUMBER_DIGITS = 3;
const UPPER_ROMAN = /^\(?([IVX]{1,7})\s*[.)](?=\s|$)\s*/;
const ALPHA_PARENTHESISED = /^\(([a-z]{1,6})\)\s*/;
const ALPHA = /^([a-z]{1,6})[.)](?=\s|$)\s*/;
// Up to 39 (xxxix): sub-items do not go further, and "c", "d", "l", "m" stay letters.
const ROMAN_LOWER = /^(x{0,3})(ix|iv|v?i{0,3})$/;

export function isRomanValue(value: string): boolean {
  return value !== '' && ROMAN_LOWER.test(value);
}

/** a … z, then aa, bb … (the way drafts go on after z). */
export function isLetterValue(value: string): boolean {
  return /^([a-z])\1*$/.test(value);
}

export function romanIndex(value: string): number {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const here = digits[value[i]!]!;
    const next = digits[value[i + 1] ?? ''] ?? 0;
    total += here < next ? -here : here;
  }
  return total - 1;
}

export function letterIndex(value: string): number {
  return (value.length - 1) * 26 + (value.charCodeAt(0) - 97);
}

export function nextLetter(value: string): string {
  const index = letterIndex(value) + 1;
  // numbering.ts goes on "z, aa, ab"; typed drafts go on "z, aa, bb".
  return index < 26 ? letter(index) : String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

export function nextRoman(value: string): string {
  return roman(romanIndex(value) + 1);
}

/**
 * The typed marker at the start of `text`, or null. A number of four digits
 * or more is a marker only with `long` (the caller then checks that it
 * continues the numbering, IMP19); without it "2030. Agenda" is no marker.
 */
export function readMarker(text: string, options: { long?: boolean } = {}): Marker | null {
  const number = NUMBER.exec(text);
  if (number && (number[1]!.length <= SHORT_NUMBER_DIGITS || options.long === true)) {
    const marker: Marker = { style: 'number', value: number[1]!, rest: text.slice(number[0].length), enclosed: text.startsWith('(') };
    if (number[2]) marker.suffix = number[2].toLowerCase();
    return marker;
  }
  const upper = UPPER_ROMAN.exec(text);
  if (upper && isRomanValue(upper[1]!.toLowerCase())) return { style: 'upper-roman', value: upper[1]!, rest: text.slice(upper[0].length), enclosed: text.startsWith('(') };
  const enclosed = ALPHA_PARENTHESISED.exec(text);
  const alpha = enclosed ?? ALPHA.exec(text);
  if (alpha && (isLetterValue(alpha[1]!) || isRomanValue(alpha[1]!))) return { style: 'alpha', value: alpha[1]!, rest: text.slice(alpha[0].length), enclosed: enclosed !== null };
  return null;
}
