import path from 'node:path';
import type { Page } from '@playwright/test';
import { draftFile, expect, openAs, test, texts, chooseDraft } from './fixtures.ts';

/** The import preview places every line of the file (docs/SPEC.md IMP6, IMP1): nothing is left out without the chair saying so. */
const CORPUS = path.resolve(import.meta.dirname, '../server/import/corpus/en-ga-res-74-132.txt');
const ADOPTION = 'Resolution adopted by the General Assembly on 18 December 2019';
const COMMITTEE = '[on the report of the Third Committee (A/74/394)]';

const lineOf = (page: Page, text: string) => page.getByTestId('import-line').filter({ has: page.getByTestId('import-line-text').getByText(text, { exact: true }) });

async function noSidewaysScroll(page: Page) {
  const box = page.locator('.modal__box');
  expect(await box.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
}

test.describe('import preview', () => {
  test('IMP6 IMP1: the masthead of a real resolution waits where it stood; the chair places one line as the subtitle by keyboard, discards the rest of the masthead at once, and the new declaration has that subtitle', async ({ browser, delegations: { chair } }, testInfo) => {
    const page = await openAs(browser, chair);
    await chooseDraft(page, CORPUS);
    await expect(page.getByTestId('import-title')).toHaveValue('Report of the Human Rights Council');
    // A closing on two lines of the file: one line in its field, no word glued to the next.
    await expect(page.getByTestId('import-closing')).toHaveValue('50th plenary meeting 18 December 2019');

    // Each line the reader could not place is shown with its reason in words, above the title it stood above.
    await expect(page.getByTestId('import-unplaced')).toContainText('lines of the file were not placed in any part');
    const adoption = lineOf(page, ADOPTION);
    await expect(adoption).toHaveAttribute('data-reason', 'masthead');
    await expect(adoption).toContainText('Masthead');
    await expect(lineOf(page, COMMITTEE)).toHaveAttribute('data-reason', 'masthead');
    const lineTop = (await adoption.boundingBox())!.y;
    const titleTop = (await page.getByTestId('import-title').boundingBox())!.y;
    expect(lineTop).toBeLessThan(titleTop);

    // Nothing is created while a line has neither a place nor an explicit discard.
    const pendingCount = await page.getByTestId('import-line').count();
    await expect(page.getByTestId('import-pending')).toHaveText(`${pendingCount} lines of the file still need a place or an explicit discard.`);
    await expect(page.getByTestId('import-create')).toBeDisabled();

    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 1800 });
      await noSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`import-preview-${width}.png`) });
    }

    // By keyboard: the list takes a choice by its first letters, Enter places it, and the focus moves on to the next line to place.
    await adoption.getByTestId('import-place-as').focus();
    await page.keyboard.type('Subt');
    await expect(adoption.getByTestId('import-place-as')).toHaveValue('subtitle');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-subtitle')).toHaveValue(ADOPTION);
    await expect(lineOf(page, ADOPTION)).toHaveCount(0);
    await expect(lineOf(page, COMMITTEE).getByTestId('import-place-as')).toBeFocused();

    // The masthead at once; a discarded line is listed, folded, and comes back with Undo.
    await page.getByTestId('import-discard-all-masthead').click();
    await expect(lineOf(page, COMMITTEE)).toHaveCount(0);
    const discarded = page.getByTestId('import-discarded');
    await expect(discarded.locator('summary')).toHaveText(`Discarded (${pendingCount - 1})`);
    await expect(discarded.getByText(COMMITTEE)).toBeHidden();
    await discarded.locator('summary').click();
    await discarded.getByRole('listitem').filter({ hasText: COMMITTEE }).getByTestId('import-undo-discard').click();
    await expect(lineOf(page, COMMITTEE).getByTestId('import-place-as')).toBeFocused();
    await expect(page.getByTestId('import-create')).toBeDisabled();
    // Discard from the keyboard: Tab to the line's Discard button (Place waits for a choice); with nothing left to place, the focus is on Create.
    await expect(lineOf(page, COMMITTEE).getByTestId('import-place')).toBeDisabled();
    await page.keyboard.press('Tab');
    await expect(lineOf(page, COMMITTEE).getByTestId('import-discard')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-pending')).toHaveCount(0);
    await expect(page.getByTestId('import-create')).toBeEnabled();
    await expect(page.getByTestId('import-create')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('topbar-title')).toHaveText('Report of the Human Rights Council');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByTestId('meta-subtitle')).toContainText(ADOPTION);
    await expect(page.getByTestId('meta-closing')).toContainText('50th plenary meeting 18 December 2019');
  });

  test('IMP8 IMP6: the preview shows the italics and bold of a Markdown draft (emphasis hard-wrapped over lines too) in each row, the row stays editable, and the declaration has them', async ({ browser, delegations: { chair } }, testInfo) => {
    const file = draftFile('lima-draft.md', [
      '# Declaration of Lima on Peace',
      '',
      'The Ministers,',
      '',
      '*Recalling',
      'its resolution 70/1* on peace,',
      '',
      'Declare:',
      '',
      '1. Their **support to the',
      '   Network** of training centres;',
      '',
      '2. To meet *each year*.',
    ]);
    const page = await openAs(browser, chair);
    await chooseDraft(page, file);
    const rows = page.getByTestId('import-row');
    await expect(rows).toHaveCount(3);
    // Shown, not only kept: the words in italics and bold are drawn so in the row.
    await expect(rows.nth(0).getByTestId('import-formatted').locator('em')).toHaveText('Recalling its resolution 70/1');
    await expect(rows.nth(1).getByTestId('import-formatted').locator('strong')).toHaveText('support to the Network');
    await expect(rows.nth(2).getByTestId('import-formatted').locator('em')).toHaveText('each year');
    await expect(rows.nth(1).getByTestId('import-formatted')).toHaveCSS('font-weight', '400');
    await expect(rows.nth(1).getByTestId('import-formatted').locator('strong')).toHaveCSS('font-weight', '700');
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await noSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`import-preview-formatting-${width}.png`) });
    }

    // Split at the caret and merge back work on a formatted row as on any other: each part shows the bold it kept.
    const second = rows.nth(1).getByRole('textbox');
    await second.click();
    await second.evaluate((box: HTMLTextAreaElement) => {
      const at = box.value.indexOf('of training');
      box.setSelectionRange(at, at);
    });
    await rows.nth(1).getByTestId('import-split').click();
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1).getByTestId('import-formatted').locator('strong')).toHaveText('support to the Network');
    await expect(rows.nth(2).getByRole('textbox')).toHaveValue('of training centres;');
    await expect(rows.nth(2).getByTestId('import-formatted')).toHaveCount(0);
    await rows.nth(2).getByTestId('import-merge').click();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1).getByRole('textbox')).toHaveValue('Their support to the Network of training centres;');
    await expect(rows.nth(1).getByTestId('import-formatted').locator('strong')).toHaveText('support to the Network');

    // Still a text box: a click puts the caret in it and typing edits it; the words that stayed keep their italics (IMP8, keepFormatting.ts).
    const third = rows.nth(2).getByRole('textbox');
    // The click lands on the drawn words and goes through them to the box.
    await third.click();
    await expect(third).toBeFocused();
    await expect(rows.nth(2).getByTestId('import-formatted')).toBeHidden();
    await third.press('End');
    await third.press('Backspace');
    await third.pressSequentially(' and report.');
    await expect(third).toHaveValue('To meet each year and report.');
    await third.blur();
    await expect(rows.nth(2).getByTestId('import-formatted').locator('em')).toHaveText('each year');
    await expect(rows.nth(2).getByTestId('import-formatted')).toHaveText(/^To meet each year and report\.\u200b?$/);
    // A row without italics or bold is a plain text box.
    await expect(page.getByTestId('import-formula')).toHaveValue('Declare:');

    await page.getByTestId('import-create').click();
    await expect(page.getByTestId('topbar-title')).toHaveText('Declaration of Lima on Peace');
    await expect.poll(() => texts(page)).toEqual(['Recalling its resolution 70/1 on peace,', 'Their support to the Network of training centres;', 'To meet each year and report.']);
    const clause = (label: string) => page.locator(`[data-testid=clause][data-label="${label}"] .ProseMirror`);
    await expect(clause('PP1').locator('em')).toHaveText('Recalling its resolution 70/1');
    await expect(clause('OP1').locator('strong')).toHaveText('support to the Network');
    await expect(clause('OP2').locator('em')).toHaveText('each year');
  });

  test('IMP6: headings, a working number, the closing line and the styles found are shown and changeable before creating, and the declaration has them', async ({ browser, delegations: { chair } }, testInfo) => {
    const file = draftFile('quito-draft.txt', [
      'Declaration of Quito on Water',
      '',
      'The Ministers,',
      '',
      'Recalling the Charter,',
      '',
      'Declare:',
      '',
      'A. Access',
      '',
      '1. To cooperate;',
      '',
      '2. To share data:',
      '',
      '(a) monthly;',
      '',
      '(b) openly;',
      '',
      '2 bis. To meet yearly;',
      '',
      'B. Finance',
      '',
      '3. To fund the plan.',
      '',
      'Done at Quito, 3 May 2025.',
    ]);
    const page = await openAs(browser, chair);
    await chooseDraft(page, file);
    await expect(page.getByTestId('import-formula')).toHaveValue('Declare:');
    await expect(page.getByTestId('import-heading')).toHaveCount(2);
    await expect(page.getByTestId('import-heading').nth(0)).toHaveValue('A. Access');
    await expect(page.getByTestId('import-heading').nth(1)).toHaveValue('B. Finance');
    await expect(page.getByTestId('import-number')).toHaveText(['2 bis']);
    await expect(page.getByTestId('import-closing')).toHaveValue('Done at Quito, 3 May 2025.');
    await expect(page.getByTestId('import-sub-item-style')).toHaveValue('enclosed');
    // Nothing to place: Create is open at once.
    await expect(page.getByTestId('import-line')).toHaveCount(0);
    await expect(page.getByTestId('import-create')).toBeEnabled();

    await page.setViewportSize({ width: 1024, height: 1400 });
    await noSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath('import-preview-headings-1024.png') });

    await page.getByTestId('import-heading').nth(1).fill('B. Financing');
    await page.getByTestId('import-paragraphs').selectOption('articles');
    await page.getByTestId('import-sub-item-style').selectOption('closing');
    await page.getByTestId('import-create').click();

    await expect(page.getByTestId('topbar-title')).toHaveText('Declaration of Quito on Water');
    await expect.poll(() => texts(page)).toEqual(['Recalling the Charter,', 'To cooperate;', 'To share data:', 'monthly;', 'openly;', 'To meet yearly;', 'To fund the plan.']);
    // The chair's headings are fields of their own; the working number prints in the article line.
    await expect
      .poll(() => page.getByTestId('clause-heading-input').evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((input) => input.value).filter((value) => value !== '')))
      .toEqual(['A. Access', 'B. Financing']);
    await expect(page.getByTestId('article-line').filter({ hasText: /^Article 2 bis$/ })).toHaveCount(1);
    await expect(page.getByTestId('meta-closing')).toContainText('Done at Quito, 3 May 2025.');
    await expect(page.getByTestId('paragraph-style-select')).toHaveValue('articles');
    await expect(page.getByTestId('subitem-style-select')).toHaveValue('closing');
  });
});
