import { describe, expect, it } from 'vitest';
import { buenosAires2023 } from '../fixtures/buenosAires2023.ts';
import { toPlainText } from '../richText.ts';
import { emptyDraft, type ParsedDraft } from './parsedDraft.ts';
import { seedFromDraft } from './seedFromDraft.ts';

describe('seedFromDraft', () => {
  it('IMP4: the demo as a parsed draft becomes the demo seed: opening phrases and chapeau in italics, no conference line or subtitle', () => {
    const seed = buenosAires2023;
    const items = (list: NonNullable<typeof seed.operative>): ParsedDraft['operative'] =>
      list.map((op) => ({ text: toPlainText(op.body), subitems: items(op.subitems ?? []) }));
    const draft: ParsedDraft = {
      title: toPlainText(seed.title),
      chapeau: toPlainText(seed.chapeau),
      preamble: seed.preamble.map((p) => ({ text: toPlainText(p) })),
      formula: toPlainText(seed.formula),
      operative: items(seed.operative),
      note: toPlainText(seed.note),
      signatories: seed.signatories,
    };
    expect(seedFromDraft(draft)).toEqual({ ...seed, conference: [], subtitle: [] });
  });

  it('IMP4: empty parts stay empty; text is trimmed and whitespace-collapsed; a paragraph without a word has no italics', () => {
    const seed = seedFromDraft({
      ...emptyDraft(),
      title: '  Declaration \n of Lima ',
      preamble: [{ text: ' 1325  (2000), ' }, { text: 'Noting\tthe report,' }],
      operative: [{ text: 'To act:', subitems: [{ text: 'now;', subitems: [{ text: 'today.', subitems: [] }] }] }],
    });
    expect(seed.title).toEqual([{ text: 'Declaration of Lima' }]);
    expect(seed.chapeau).toEqual([]);
    expect(seed.formula).toEqual([]);
    expect(seed.note).toEqual([]);
    expect(seed.preamble).toEqual([[{ text: '1325 (2000),' }], [{ text: 'Noting', italic: true }, { text: ' the report,' }]]);
    expect(seed.operative).toEqual([{ body: [{ text: 'To act:' }], subitems: [{ body: [{ text: 'now;' }], subitems: [{ body: [{ text: 'today.' }] }] }] }]);
  });
});
