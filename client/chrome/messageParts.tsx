import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/en.ts';
import type { Values } from '../../shared/i18n/translate.ts';
import { t } from '../i18n.ts';

// Private-use characters: no message or value the screen shows contains them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/**
 * A message some of whose placeholders hold elements (a count in bold, the
 * runs of a redline) rather than text. The translation places them, with its
 * own punctuation around them — French writes "2 appuis\u00a0: Chili" — where
 * code that glued ": " on would break it. Each element stands in as a mark
 * while the message is filled, then the text is cut at the marks: the parts
 * come back in order, text as strings, elements keyed.
 */
export function messageParts(key: MessageKey, elements: Record<string, ReactNode>, values: Values = {}): ReactNode[] {
  const names = Object.keys(elements);
  const marked = t(key, { ...values, ...Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`])) });
  // split with a capturing group alternates text and the captured index: even places text, odd places elements.
  return marked
    .split(MARK)
    .map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={`element-${i}`}>{elements[names[Number(piece)]!]}</Fragment>))
    .filter((piece) => piece !== '');
}
