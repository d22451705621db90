/**
 * Fractional order keys: strings that sort between any two others, so that a
 * clause can be placed anywhere by writing one field, with no renumbering of
 * its siblings. A key is the base-62 digits of a fraction in (0, 1); it never
 * ends in "0", so every fraction has one spelling and plain string comparison
 * (not localeCompare) orders keys by value.
 *
 * Two delegations inserting at the same place at the same moment would pick
 * the same midpoint; a random pick in a window of WINDOW values makes such a
 * tie rare, and ties are broken by clause id anyway (see compareOrder), so a
 * tie never loses or duplicates a clause, it only fixes their order.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = BigInt(DIGITS.length);
const WINDOW = 62n * 62n;
/** Longer keys are refused: they only come from a broken or hostile client. */
export const MAX_ORDER_KEY_LENGTH = 128;

const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isOrderKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ORDER_KEY_LENGTH && KEY_PATTERN.test(value);
}

function toScaled(key: string, length: number): bigint {
  let value = 0n;
  for (let i = 0; i < length; i++) {
    value = value * BASE + BigInt(i < key.length ? DIGITS.indexOf(key[i]!) : 0);
  }
  return value;
}

function fromScaled(value: bigint, length: number): string {
  const digits: string[] = [];
  for (let i = 0; i < length; i++) {
    digits.push(DIGITS[Number(value % BASE)]!);
    value /= BASE;
  }
  return digits.reverse().join('').replace(/0+$/, '');
}

/**
 * A key strictly between `before` and `after` (null means the start or the
 * end). `random` returns a number in [0, 1); tests pass a seeded one.
 */
export function keyBetween(before: string | null, after: string | null, random: () => number = Math.random): string {
  return pickKeys(before, after, 1, random)[0]!;
}

/**
 * `count` increasing keys between `before` and `after`. They are consecutive
 * values of one length, so a key another delegation picks between the same
 * neighbours at the same moment cannot fall between them: clauses inserted
 * together (a paste) stay together.
 */
export function keysBetween(before: string | null, after: string | null, count: number, random: () => number = Math.random): string[] {
  return count <= 0 ? [] : pickKeys(before, after, count, random);
}

function pickKeys(before: string | null, after: string | null, count: number, random: () => number): string[] {
  if (before !== null && !isOrderKey(before)) throw new RangeError(`Invalid order key ${JSON.stringify(before)}`);
  if (after !== null && !isOrderKey(after)) throw new RangeError(`Invalid order key ${JSON.stringify(after)}`);
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`Order key ${before} is not before ${after}`);
  }
  let length = Math.max(before?.length ?? 0, after?.length ?? 0, 1);
  for (;;) {
    const low = before === null ? 0n : toScaled(before, length);
    const high = after === null ? BASE ** BigInt(length) : toScaled(after, length);
    const room = high - low - 1n;
    if (room >= WINDOW + BigInt(count) - 1n) {
      // Stay close to `before`: typing Enter again and again after the same
      // clause then keeps keys short instead of halving the gap each time.
      const start = low + 1n + BigInt(Math.floor(random() * Number(WINDOW)));
      return Array.from({ length: count }, (_, i) => fromScaled(start + BigInt(i), length));
    }
    length++;
  }
}

/**
 * The place readers give a clause whose own order key is unreadable (a
 * broken or hostile client, before the server refused such writes): "~"
 * sorts after every key, so the clause shows at the end of its part rather
 * than disappearing (docs/SPEC.md OUT2). It is never written.
 */
export const UNPLACED_ORDER = '~';

export interface Ordered {
  id: string;
  order: string;
}

/** Order by key, ties broken by id, so that every replica sorts alike. */
export function compareOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
