import type { Messages } from './en.ts';
import { parseMessage, printMessage, type MessagePart } from './messageFormat.ts';

/**
 * The pseudo-locale's messages (I18N5): every letter of the text parts
 * replaced by an accented look-alike and the whole in ⟦…⟧; placeholders and
 * plural syntax untouched, so the app runs as in English. A word of plain
 * ASCII letters on a pseudo-locale screen did not come from en.ts.
 */
const LOOK_ALIKES: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [letter, [...'áƀçďéƒĝĥíĵķĺɱñóƥɋŕšťúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŤÚṼŴẊÝŽ'][i]!]),
);

function accent(parts: MessagePart[]): MessagePart[] {
  return parts.map((part) => {
    if (part.kind === 'text') return { kind: 'text', text: part.text.replace(/[A-Za-z]/g, (letter) => LOOK_ALIKES[letter] ?? letter) };
    if (part.kind === 'plural') return { ...part, branches: Object.fromEntries(Object.entries(part.branches).map(([category, branch]) => [category, accent(branch)])) };
    return part;
  });
}

export function pseudoMessages(en: Messages): Messages {
  return Object.fromEntries(Object.entries(en).map(([key, value]) => [key, `⟦${printMessage(accent(parseMessage(value)))}⟧`])) as Messages;
}
