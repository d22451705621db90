/**
 * How a text begins, to name what a notice is about ("OP6 deleted: 'Decides
 * to…'"): its first words, up to about 24 characters, cut at a word and
 * marked with an ellipsis when cut. Two notices for two deletions then
 * read differently even when the labels have since changed (LOSS2).
 */
const MAX = 24;

export function textStart(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX) return clean;
  const cut = clean.slice(0, MAX + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX / 2 ? cut.slice(0, lastSpace) : clean.slice(0, MAX)).replace(/[\s,;:.]+$/, '')}…`;
}
