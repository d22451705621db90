import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clauseXmlText } from '../../shared/document/bracketRange.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { plain } from '../../shared/richText.ts';
import { passageToBracket, relativePassageToBracket } from './bracketPassage.ts';

/** What the screen sends to `POST …/brackets` (BRK1): offsets into the clause's plain text and the passage read there. */
function oneClause(body: Parameters<typeof writeSeed>[1]['operative'][number]['body']) {
  const doc = new Y.Doc();
  writeSeed(doc, { ...emptySeed(plain('Declaration')), operative: [{ body }] });
  return { doc, id: readDeclaration(doc).clauses[0]!.id };
}

describe('passageToBracket', () => {
  it('BRK1: a selection with spaces at its edges brackets the words only; formatting is not text', () => {
    const { doc, id } = oneClause([{ text: 'Decide to ' }, { text: 'reduce', italic: true }, { text: ' emissions by half;' }]);
    expect(passageToBracket(doc, id, 9, 27)).toEqual({ clauseId: id, start: 10, end: 26, quote: 'reduce emissions' });
    expect(passageToBracket(doc, id, 26, 27)).toBeNull();
  });

  it('BRK1: a passage held as relative positions is read where it stands now, after others typed before it', () => {
    const { doc, id } = oneClause(plain('Decide to reduce emissions by half;'));
    const text = clauseXmlText(doc, id)!;
    const from = Y.createRelativePositionFromTypeIndex(text, 27);
    const to = Y.createRelativePositionFromTypeIndex(text, 34, -1);
    text.insert(0, 'We ');
    expect(relativePassageToBracket(doc, id, from, to)).toEqual({ clauseId: id, start: 30, end: 37, quote: 'by half' });
  });
});
