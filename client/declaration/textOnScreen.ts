import type * as Y from 'yjs';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, inReadingOrder, type OutlineNode } from '../../shared/outline.ts';
import { toPlainText } from '../../shared/richText.ts';
import { readFrozenNumbering } from '../../shared/workingNumbers.ts';

/**
 * The declaration as this page holds it, as plain text with the working
 * labels: what a delegate copies to keep their text when the connection has
 * ended for good (docs/SPEC.md UI11). It includes edits the server never got.
 */
export function textOnScreen(doc: Y.Doc): string {
  const { meta, clauses } = readDeclaration(doc);
  const outline = buildOutline(clauses);
  // The working labels on screen: OP7 bis once the chair froze the numbering (WN7).
  const numbers = numberClauses(outline, readFrozenNumbering(doc.getMap<unknown>(ROOT.numbering)));
  const labelled = (nodes: OutlineNode[]) => nodes.map((node) => `${numbers.get(node.clause.id)?.label ?? ''}\t${toPlainText(node.clause.body)}`);
  const lines = [
    toPlainText(meta.title),
    toPlainText(meta.chapeau),
    ...labelled(inReadingOrder({ preamble: outline.preamble, operative: [] })),
    toPlainText(meta.formula),
    ...labelled(inReadingOrder({ preamble: [], operative: outline.operative })),
    toPlainText(meta.note),
  ];
  return lines.filter((line) => line.trim() !== '').join('\n\n');
}
