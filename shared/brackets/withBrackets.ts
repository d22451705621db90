import type { RichText, Run } from '../richText.ts';

/**
 * A clause's text with its square brackets printed as bold `[` and `]`
 * around each passage (BRK3), for the screen's static text and every
 * export. `ranges` are character offsets of the text as given; brackets
 * that nest or overlap each print their own pair.
 */
export function withBrackets(text: RichText, ranges: readonly { start: number; end: number }[]): RichText {
  if (ranges.length === 0) return text;
  // Opening brackets before closing ones at the same offset would print "[]"; close first, then open.
  const marks: { at: number; mark: '[' | ']' }[] = [];
  for (const r of ranges) marks.push({ at: r.start, mark: '[' }, { at: r.end, mark: ']' });
  marks.sort((a, b) => a.at - b.at || (a.mark === ']' ? -1 : 1));
  const out: Run[] = [];
  let offset = 0;
  let next = 0;
  const emitMarks = (at: number) => {
    while (next < marks.length && marks[next]!.at === at) out.push({ text: marks[next++]!.mark, bold: true });
  };
  for (const run of text) {
    let from = 0;
    while (from < run.text.length) {
      emitMarks(offset + from);
      // Every mark at this offset is out, so the next one lies beyond it: `until` > `from`.
      const until = next < marks.length ? Math.min(run.text.length, marks[next]!.at - offset) : run.text.length;
      out.push({ ...run, text: run.text.slice(from, until) });
      from = until;
    }
    offset += run.text.length;
  }
  while (next < marks.length) out.push({ text: marks[next++]!.mark, bold: true });
  return out;
}
