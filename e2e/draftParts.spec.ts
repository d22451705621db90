import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/** The parts real texts have, on screen: closing line, clause headings, footnotes, the numbering style (docs/SPEC.md DP1–DP4). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const headingOf = (page: Page, id: string) => page.locator(`[data-testid=clause-heading][data-clause-id="${id}"]`);

async function twoParagraphs(chair: Page) {
  await chair.getByTestId('add-operative').click();
  await chair.keyboard.type('Decide to cooperate.');
  await chair.keyboard.press('Enter');
  await chair.keyboard.type('Decide to meet.');
}

test.describe('parts of the text', () => {
  // Two browser contexts and many round trips: generous on a shared machine.
  test.describe.configure({ timeout: 300_000 });

  test('DP1 DP2 DP3: the chair adds a heading, a footnote and a closing line; the delegation sees them and cannot change them', async ({ browser, delegations: { chair, chile } }) => {
    const chairPage = await openAs(browser, chair);
    await twoParagraphs(chairPage);
    const chilePage = await openAs(browser, chile);
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.', 'Decide to meet.']);
    const op1 = await clause(chairPage, 'OP1').getAttribute('data-clause-id');

    // A heading, from the clause's tools; Enter saves it and puts the caret back in the clause.
    await clause(chairPage, 'OP1').locator('.ProseMirror').click();
    await clause(chairPage, 'OP1').getByTestId('add-heading').click();
    const input = headingOf(chairPage, op1!).getByTestId('clause-heading-input');
    await expect(input).toBeFocused();
    await chairPage.keyboard.type('A. Cooperation');
    await chairPage.keyboard.press('Enter');
    await expect(clause(chairPage, 'OP1').locator('.ProseMirror')).toBeFocused();
    await expect(headingOf(chilePage, op1!).getByTestId('clause-heading-text')).toHaveText('A. Cooperation');
    // Esc throws away what was typed; the heading stays as it was.
    await input.click();
    await chairPage.keyboard.press('End');
    await chairPage.keyboard.type(' and more');
    await chairPage.keyboard.press('Escape');
    await expect(input).toHaveValue('A. Cooperation');
    await expect(headingOf(chilePage, op1!).getByTestId('clause-heading-text')).toHaveText('A. Cooperation');
    // A paragraph that has a heading offers no second one.
    await expect(clause(chairPage, 'OP1').getByTestId('add-heading')).toHaveCount(0);

    // A footnote at the caret: its marker in the text, its note under the note, the caret in the note's text.
    await expect(chairPage.getByTestId('footnotes-empty')).toBeVisible();
    await clause(chairPage, 'OP1').locator('.ProseMirror').click();
    await chairPage.keyboard.press('End');
    await chairPage.getByTestId('add-footnote').click();
    await expect(chairPage.getByTestId('footnote')).toHaveCount(1);
    await expect(chairPage.getByTestId('footnote').locator('.ProseMirror')).toBeFocused();
    await chairPage.keyboard.type('See resolution 242 (1967).');
    await expect(clause(chairPage, 'OP1').locator('sup.footnote-ref')).toHaveText('1');

    // A closing line after the operative part.
    await chairPage.getByTestId('meta-closing').locator('.ProseMirror').click();
    await chairPage.keyboard.type('Done at Buenos Aires, 3 May 2023.');
    // Ctrl+Alt+F in the text: a second footnote, here in the closing line, numbered after the first.
    await chairPage.keyboard.press('Control+Alt+KeyF');
    await expect(chairPage.getByTestId('footnote')).toHaveCount(2);
    await expect(chairPage.getByTestId('footnote').nth(1).locator('.ProseMirror')).toBeFocused();
    await chairPage.keyboard.type('Signed in one original.');
    await expect(chairPage.getByTestId('meta-closing').locator('sup.footnote-ref')).toHaveText('2');

    await chairPage.screenshot({ path: test.info().outputPath('draft-parts-chair.png'), fullPage: true });

    // The delegation sees all of it.
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.1', 'Decide to meet.']);
    await expect(clause(chilePage, 'OP1').locator('sup.footnote-ref')).toHaveText('1');
    await expect(chilePage.getByTestId('footnote').first()).toHaveAttribute('data-marker', '1');
    await expect(chilePage.getByTestId('footnote').first()).toContainText('See resolution 242 (1967).');
    await expect(chilePage.getByTestId('footnote').nth(1)).toHaveAttribute('data-marker', '2');
    await expect(chilePage.getByTestId('footnote').nth(1)).toContainText('Signed in one original.');
    // (The chair's caret may still be there, with its name flag.)
    await expect(chilePage.getByTestId('meta-closing')).toContainText('Done at Buenos Aires, 3 May 2023.');

    // …and cannot change any of it: no heading field or tool, no footnote tools, read-only texts.
    await expect(chilePage.getByTestId('clause-heading-input')).toHaveCount(0);
    await expect(chilePage.getByTestId('add-heading')).toHaveCount(0);
    await expect(chilePage.getByTestId('add-footnote')).toHaveCount(0);
    await expect(chilePage.getByTestId('footnote-delete')).toHaveCount(0);
    await expect(chilePage.getByTestId('footnote').first().locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await expect(chilePage.getByTestId('meta-closing').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await expect(chilePage.getByTestId('draft-style')).toHaveCount(0);

    // The marker takes the reader to its note, and the note's marker back.
    await clause(chilePage, 'OP1').locator('sup.footnote-ref').click();
    await expect(chilePage.getByTestId('footnote-back').first()).toBeFocused();
    await chilePage.getByTestId('footnote-back').first().click();
    await expect(clause(chilePage, 'OP1').locator('sup.footnote-ref')).toHaveClass(/is-flashing/);

    // Deleting the footnote takes its marker along, for everyone; the notice's Undo brings both back.
    await chairPage.getByTestId('footnote-delete').first().click();
    await expect(chilePage.getByTestId('footnote')).toHaveCount(1);
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.', 'Decide to meet.']);
    await chairPage.getByTestId('toast').filter({ hasText: 'Footnote 1 deleted.' }).getByRole('button', { name: 'Undo' }).click();
    await expect(chilePage.getByTestId('footnote').first()).toContainText('See resolution 242 (1967).');
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.1', 'Decide to meet.']);

    // Emptying the heading removes it.
    await input.fill('');
    await input.press('Enter');
    await expect(headingOf(chilePage, op1!)).toHaveCount(0);
  });

  test('DP4: the chair prints the paragraphs as articles or unnumbered and chooses the sub-item letters; the working labels stay', async ({ browser, delegations: { chair, chile } }) => {
    const chairPage = await openAs(browser, chair);
    await twoParagraphs(chairPage);
    await clause(chairPage, 'OP1').locator('.ProseMirror').click();
    await clause(chairPage, 'OP1').getByTestId('add-subitem').click();
    await chairPage.keyboard.type('in peace;');
    const chilePage = await openAs(browser, chile);
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.', 'in peace;', 'Decide to meet.']);
    await expect(clause(chilePage, 'OP1').locator('.clause__marker')).toHaveText('1.');
    await expect(clause(chilePage, 'OP1(a)').locator('.clause__marker')).toHaveText('(a)');

    await chairPage.getByTestId('paragraph-style-select').selectOption('articles');
    await expect(chilePage.getByTestId('article-line')).toHaveText(['Article 1', 'Article 2']);
    await expect(clause(chilePage, 'OP1').locator('.clause__marker')).toHaveCount(0);
    await expect(clause(chilePage, 'OP1(a)').locator('.clause__marker')).toHaveText('(a)');
    await expect(clause(chilePage, 'OP2').locator('.clause__label')).toHaveText('OP2');

    await chairPage.getByTestId('subitem-style-select').selectOption('closing');
    await expect(clause(chilePage, 'OP1(a)').locator('.clause__marker')).toHaveText('a)');

    // A heading under an article line: the article's caption.
    await clause(chairPage, 'OP2').locator('.ProseMirror').click();
    await clause(chairPage, 'OP2').getByTestId('add-heading').click();
    await chairPage.keyboard.type('Meetings');
    await chairPage.keyboard.press('Enter');
    const op2 = await clause(chairPage, 'OP2').getAttribute('data-clause-id');
    await expect(headingOf(chilePage, op2!).getByTestId('article-line')).toHaveText('Article 2');
    await expect(headingOf(chilePage, op2!).getByTestId('clause-heading-text')).toHaveText('Meetings');

    // The text as the chair sees it at the three widths of issue 16 (looked at by the author of this test).
    for (const width of [1024, 1366, 1920]) {
      await chairPage.setViewportSize({ width, height: 800 });
      // The caret in OP1, which has no heading yet: its tools, "Add heading" among them, are shown.
      await clause(chairPage, 'OP1').locator('.ProseMirror').click();
      await chairPage.screenshot({ path: test.info().outputPath(`draft-parts-${width}.png`), fullPage: true });
      // The article line and the heading lie within the page, above their paragraph.
      const page = await chairPage.getByTestId('declaration').boundingBox();
      const line = await headingOf(chairPage, op2!).boundingBox();
      const text = await clause(chairPage, 'OP2').boundingBox();
      expect(line!.x).toBeGreaterThanOrEqual(page!.x);
      expect(line!.x + line!.width).toBeLessThanOrEqual(page!.x + page!.width);
      expect(line!.y + line!.height).toBeLessThanOrEqual(text!.y + 1);
      // The clause's tools stay on the page.
      const tools = await clause(chairPage, 'OP1').locator('.clause-tools').boundingBox();
      expect(tools!.x + tools!.width).toBeLessThanOrEqual(width);
    }

    await chairPage.getByTestId('paragraph-style-select').selectOption('unnumbered');
    await expect(chilePage.getByTestId('article-line')).toHaveCount(0);
    await expect(clause(chilePage, 'OP2').locator('.clause__marker')).toHaveCount(0);
    await expect(clause(chilePage, 'OP2').locator('.clause__label')).toHaveText('OP2');
    await expect(headingOf(chilePage, op2!).getByTestId('clause-heading-text')).toHaveText('Meetings');
  });

  test('HEAD1 DP3: a delegation deleting the first paragraph of a section leaves the section\'s heading on the next one, for everyone; the shortcut line lists Ctrl+Alt+F for the chair only', async ({ browser, delegations: { chair, chile } }) => {
    const chairPage = await openAs(browser, chair);
    await twoParagraphs(chairPage);
    await clause(chairPage, 'OP1').locator('.ProseMirror').click();
    await clause(chairPage, 'OP1').getByTestId('add-heading').click();
    await chairPage.keyboard.type('A. Cooperation');
    await chairPage.keyboard.press('Enter');
    const op2 = await clause(chairPage, 'OP2').getAttribute('data-clause-id');
    const chilePage = await openAs(browser, chile);
    await expect(chilePage.getByTestId('clause-heading-text')).toHaveText(['A. Cooperation']);

    // The chair's shortcut line names the footnote key; the delegation's does not.
    await expect(chairPage.getByTestId('shortcuts')).toContainText('Ctrl+Alt+F: footnote');
    await expect(chilePage.getByTestId('shortcuts')).toContainText('Ctrl+Alt+M: comment');
    await expect(chilePage.getByTestId('shortcuts')).not.toContainText('Ctrl+Alt+F');

    // Chile deletes OP1: the heading now opens the section on what was OP2, on both screens.
    await clause(chilePage, 'OP1').hover();
    await clause(chilePage, 'OP1').getByTestId('delete').click();
    for (const page of [chilePage, chairPage]) await expect.poll(() => texts(page)).toEqual(['Decide to meet.']);
    await expect(headingOf(chilePage, op2!).getByTestId('clause-heading-text')).toHaveText('A. Cooperation');
    // The chair edits it in place, as any heading.
    await expect(headingOf(chairPage, op2!).getByTestId('clause-heading-input')).toHaveValue('A. Cooperation');

    // Chile's Ctrl+Z brings OP1 back — without the heading, which stays where the server moved it: no refusal, one heading.
    await chilePage.keyboard.press('Control+z');
    for (const page of [chilePage, chairPage]) await expect.poll(() => texts(page)).toEqual(['Decide to cooperate.', 'Decide to meet.']);
    await expect(chilePage.getByTestId('clause-heading-text')).toHaveText(['A. Cooperation']);
    await expect(headingOf(chilePage, op2!).getByTestId('clause-heading-text')).toHaveText('A. Cooperation');
    await expect(chairPage.getByTestId('clause-heading-input')).toHaveCount(1);
    await expect(headingOf(chairPage, op2!).getByTestId('clause-heading-input')).toHaveValue('A. Cooperation');
    // Whatever the server refused would show by now, after the chair's screen has the clause back.
    await expect(chilePage.getByTestId('refused-item')).toHaveCount(0);
  });

  test('FN2 PROP1: a delegation\'s suggested wording keeps the clause\'s footnote marker, in the copy, in the redline and in the proposal', async ({ browser, delegations: { chair, chile } }) => {
    const chairPage = await openAs(browser, chair);
    await twoParagraphs(chairPage);
    await clause(chairPage, 'OP1').locator('.ProseMirror').click();
    await chairPage.keyboard.press('End');
    await chairPage.getByTestId('add-footnote').click();
    await chairPage.keyboard.type('See resolution 242 (1967).');
    const chilePage = await openAs(browser, chile);
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to cooperate.1', 'Decide to meet.']);

    await clause(chilePage, 'OP1').hover();
    await clause(chilePage, 'OP1').getByTestId('suggest-button').click();
    const copy = chilePage.getByTestId('suggest-editor');
    await expect(copy).toBeFocused();
    await expect(copy.locator('sup.footnote-ref')).toHaveText('1');
    // "cooperate" becomes "act together", before the marker.
    await chilePage.keyboard.press('ArrowLeft');
    await chilePage.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'cooperate'.length; i++) await chilePage.keyboard.press('Shift+ArrowLeft');
    await chilePage.keyboard.type('act together');
    await expect(copy).toHaveText('Decide to act together.1');
    await expect(copy.locator('sup.footnote-ref')).toHaveText('1');
    await chilePage.screenshot({ path: test.info().outputPath('suggest-footnote.png') });
    await chilePage.getByTestId('suggest-send').click();
    await expect(chilePage.getByTestId('suggest')).toHaveCount(0);

    // The chair's card shows the marker raised, and accepting writes it back as a marker pointing to its note.
    await clause(chairPage, 'OP1').getByTestId('proposal-count').click();
    const card = clause(chairPage, 'OP1').getByTestId('clause-proposals').getByTestId('proposal');
    await expect(card.getByTestId('redline').locator('sup.footnote-ref')).toHaveText('1');
    await expect(card.getByTestId('redline').locator('ins')).toContainText('act together');
    // The card as the chair reads it, at the three widths of issue 16 (looked at by the author of this test).
    for (const width of [1024, 1366, 1920]) {
      await chairPage.setViewportSize({ width, height: 800 });
      await card.scrollIntoViewIfNeeded();
      await chairPage.screenshot({ path: test.info().outputPath(`proposal-footnote-${width}.png`) });
    }
    await card.getByTestId('proposal-accept').click();
    await expect.poll(() => texts(chilePage)).toEqual(['Decide to act together.1', 'Decide to meet.']);
    await expect(clause(chilePage, 'OP1').locator('sup.footnote-ref')).toHaveText('1');
    const note = await chilePage.getByTestId('footnote').first().getAttribute('id');
    await expect(clause(chilePage, 'OP1').locator('sup.footnote-ref')).toHaveAttribute('data-footnote', note!.replace(/^footnote-/, ''));
  });
});
