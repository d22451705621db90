/**
 * Participants' colours (LAY4): a chip, a dot, a caret and a caret's name
 * flag in each participant's colour. A plenary has 35 delegations and more,
 * so the colours are generated rather than listed: the first sixteen are the
 * colours participants have had since the beginning (kept, so that their
 * colour does not change), and each next one is the candidate farthest (CIE76 ΔE)
 * from all before it, among dark enough colours that white text on them and
 * the colour itself on white keep WCAG AA contrast (4.5:1).
 *
 * Pure and deterministic: the server stamps the colour of a participant's
 * index on their presence, and every screen draws the same one.
 */

/**
 * The colours participants had before colours were generated, kept. The list
 * had sixteen; its last two (#2e7d32, #c62828) were within ΔE 9 of the third
 * and second green and red, too close to tell apart on a projector, and are
 * generated now like the rest.
 */
const FIRST_COLORS = [
  '#1f5fbf', '#b3261e', '#0b7a3e', '#8e3cb8', '#b35900', '#00707a', '#a3246b', '#5b6b00',
  '#3d4db7', '#8a4b08', '#00695c', '#ad1457', '#37474f', '#6a1b9a',
] as const;

/** Any two of the first forty participants' colours are at least this far apart (CIE76 ΔE; 2.3 is just noticeable). */
export const MIN_DELTA_E = 12;

/** WCAG AA for normal text, with a hair of margin for rounding to 8-bit channels. */
export const MIN_CONTRAST_WITH_WHITE = 4.6;
/**
 * After this many, colours repeat: the distance has shrunk by then (ΔE 12
 * holds up to 48, 8 at 96), and no negotiation has more participants.
 */
const PALETTE_SIZE = 96;

type Rgb = readonly [number, number, number];
type Lab = readonly [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function gamma(c: number): number {
  const v = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(v * 255);
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map(linear) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// CIE L*a*b* under D65, the space in which ΔE76 is a plain distance.
const WHITE_POINT = [0.95047, 1, 1.08883] as const;
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const fInverse = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

export function hexToLab(hex: string): Lab {
  const [r, g, b] = hexToRgb(hex).map(linear) as unknown as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE_POINT[0];
  const y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / WHITE_POINT[1];
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE_POINT[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** A colour of L*a*b*, or null outside the sRGB gamut. */
function labToHex([l, a, b]: Lab): string | null {
  const fy = (l + 16) / 116;
  const x = fInverse(fy + a / 500) * WHITE_POINT[0];
  const y = fInverse(fy) * WHITE_POINT[1];
  const z = fInverse(fy - b / 200) * WHITE_POINT[2];
  const rgb = [3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z, 0.0557 * x - 0.204 * y + 1.057 * z];
  if (rgb.some((c) => c < -0.0005 || c > 1.0005)) return null;
  return rgbToHex(rgb.map((c) => gamma(Math.min(1, Math.max(0, c)))) as unknown as Rgb);
}

/** CIE76 colour difference: about 2.3 is just noticeable; we keep participants far more apart (LAY4). */
export function deltaE(a: string, b: string): number {
  return labDistance(hexToLab(a), hexToLab(b));
}

function labDistance([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/**
 * Candidates: hues round the LCh circle every 7.5°, three lightnesses and
 * three chromas, those in gamut and dark enough for AA with white. Greys are
 * left out: on a projector a grey reads as "nobody" or as disabled.
 */
function candidates(): string[] {
  const found: string[] = [];
  for (let hue = 0; hue < 360; hue += 7.5) {
    for (const lightness of [30, 38, 46]) {
      for (const chroma of [30, 45, 60]) {
        const radians = (hue * Math.PI) / 180;
        const hex = labToHex([lightness, chroma * Math.cos(radians), chroma * Math.sin(radians)]);
        if (hex && contrast(hex, '#ffffff') >= MIN_CONTRAST_WITH_WHITE) found.push(hex);
      }
    }
  }
  return found;
}

function generate(): readonly string[] {
  const palette: string[] = [...FIRST_COLORS];
  const pool = candidates();
  const labs = pool.map(hexToLab);
  // Each candidate's distance to the nearest colour already chosen; the farthest is chosen next.
  const nearest = labs.map((lab) => Math.min(...palette.map((chosen) => labDistance(lab, hexToLab(chosen)))));
  while (palette.length < PALETTE_SIZE) {
    let best = 0;
    for (let i = 1; i < pool.length; i++) if (nearest[i]! > nearest[best]!) best = i;
    palette.push(pool[best]!);
    labs.forEach((lab, i) => {
      nearest[i] = Math.min(nearest[i]!, labDistance(lab, labs[best]!));
    });
  }
  return palette;
}

let generated: readonly string[] | null = null;

/** Every participant colour, in the order indices take them (computed once, on first use). */
export function participantPalette(): readonly string[] {
  generated ??= generate();
  return generated;
}

/** The colour of the participant with this index in their declaration. */
export function colorForIndex(index: number): string {
  const palette = participantPalette();
  return palette[((index % palette.length) + palette.length) % palette.length]!;
}
