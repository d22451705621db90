/**
 * `@Name` mentions in plain comment text. Names may hold spaces ("Costa
 * Rica"), so the text is matched against the participants' names, longest
 * first, case-insensitively, and a mention must end where a word ends.
 */
export interface Mentionable {
  id: string;
  name: string;
}

export type MentionSegment = { text: string } | { text: string; mention: Mentionable };

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function mentionAt(text: string, at: number, byLength: Mentionable[]): Mentionable | null {
  if (text[at] !== '@') return null;
  if (at > 0 && WORD_CHAR.test(text[at - 1]!)) return null;
  for (const candidate of byLength) {
    const end = at + 1 + candidate.name.length;
    if (text.slice(at + 1, end).toLocaleLowerCase() !== candidate.name.toLocaleLowerCase()) continue;
    if (end < text.length && WORD_CHAR.test(text[end]!)) continue;
    return candidate;
  }
  return null;
}

/** The text cut into plain runs and mentions, for rendering as text (never as HTML). */
export function segmentMentions(text: string, participants: readonly Mentionable[]): MentionSegment[] {
  const byLength = [...participants].filter((p) => p.name !== '').sort((a, b) => b.name.length - a.name.length);
  const segments: MentionSegment[] = [];
  let plainStart = 0;
  let at = 0;
  while (at < text.length) {
    const found = mentionAt(text, at, byLength);
    if (!found) {
      at++;
      continue;
    }
    if (at > plainStart) segments.push({ text: text.slice(plainStart, at) });
    const end = at + 1 + found.name.length;
    segments.push({ text: text.slice(at, end), mention: found });
    at = plainStart = end;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

/** The ids of the participants a text mentions, each once, in order. */
export function findMentions(text: string, participants: readonly Mentionable[]): string[] {
  const ids: string[] = [];
  for (const segment of segmentMentions(text, participants)) {
    if ('mention' in segment && !ids.includes(segment.mention.id)) ids.push(segment.mention.id);
  }
  return ids;
}

/** The `@word` being typed just before the caret, if any: what a suggestion list completes. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && WORD_CHAR.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  // Names have at most a few words; a line break ends the attempt.
  if (query.includes('\n') || query.length > 40) return null;
  return { start: at, query };
}
