/**
 * The syntax of a message of shared/i18n, read once into parts: text,
 * `{name}` placeholders, and `{count, plural, one {…} other {…}}` blocks
 * (ICU-like: categories zero/one/two/few/many/other, exact `=0`, and `#` for
 * the count inside a branch). A brace that starts neither stays text, so a
 * message may show JSON such as `{"id", …}` (the admin command's usage).
 */
export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'plural'; name: string; branches: Record<string, MessagePart[]> }
  /** `#` inside a plural branch: the count, formatted. */
  | { kind: 'count'; name: string };

const VALUE = /^\{(\w+)\}/;
const PLURAL_START = /^\{(\w+),\s*plural,\s*/;
const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

export class MessageSyntaxError extends Error {
  override name = 'MessageSyntaxError';
}

export function parseMessage(template: string): MessagePart[] {
  const [parts, end] = parseParts(template, 0, null);
  if (end !== template.length) throw new MessageSyntaxError(`Unexpected "}" at ${end} in "${template}".`);
  return parts;
}

/** Parts from `start` up to the `}` closing a plural branch (when `count` names its count), or to the end. */
function parseParts(template: string, start: number, count: string | null): [MessagePart[], number] {
  const parts: MessagePart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  let i = start;
  while (i < template.length) {
    const rest = template.slice(i);
    const char = template[i]!;
    if (char === '}' && count !== null) break;
    if (char === '#' && count !== null) {
      flush();
      parts.push({ kind: 'count', name: count });
      i += 1;
      continue;
    }
    if (char === '{') {
      const value = VALUE.exec(rest);
      if (value) {
        flush();
        parts.push({ kind: 'value', name: value[1]! });
        i += value[0].length;
        continue;
      }
      const plural = PLURAL_START.exec(rest);
      if (plural) {
        flush();
        const [part, end] = parsePlural(template, i + plural[0].length, plural[1]!);
        parts.push(part);
        i = end;
        continue;
      }
    }
    text += char;
    i += 1;
  }
  flush();
  return [parts, i];
}

function parsePlural(template: string, start: number, name: string): [MessagePart, number] {
  const branches: Record<string, MessagePart[]> = {};
  let i = start;
  for (;;) {
    const rest = template.slice(i);
    const closing = /^\s*\}/.exec(rest);
    if (closing && Object.keys(branches).length > 0) {
      if (!('other' in branches)) throw new MessageSyntaxError(`The plural of {${name}} has no "other" branch in "${template}".`);
      return [{ kind: 'plural', name, branches }, i + closing[0].length];
    }
    const branch = BRANCH.exec(rest);
    if (!branch) throw new MessageSyntaxError(`The plural of {${name}} is not closed or has an unknown branch at ${i} in "${template}".`);
    const [parts, end] = parseParts(template, i + branch[0].length, name);
    if (template[end] !== '}') throw new MessageSyntaxError(`A branch of the plural of {${name}} is not closed in "${template}".`);
    branches[branch[1]!] = parts;
    i = end + 1;
  }
}

/** The message back as text, e.g. after the pseudo-locale changed its text parts. */
export function printMessage(parts: MessagePart[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'value':
          return `{${part.name}}`;
        case 'count':
          return '#';
        case 'plural':
          return `{${part.name}, plural, ${Object.entries(part.branches)
            .map(([category, branch]) => `${category} {${printMessage(branch)}}`)
            .join(' ')}}`;
      }
    })
    .join('');
}

/** The names of the values a message uses, placeholders and counts alike. */
export function valueNames(parts: MessagePart[]): Set<string> {
  const names = new Set<string>();
  for (const part of parts) {
    if (part.kind === 'value' || part.kind === 'count') names.add(part.name);
    if (part.kind === 'plural') {
      names.add(part.name);
      for (const branch of Object.values(part.branches)) for (const name of valueNames(branch)) names.add(name);
    }
  }
  return names;
}
