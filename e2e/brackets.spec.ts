import fs from 'node:fs';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, type Participant } from './fixtures.ts';

/** Square brackets between delegations and the chair, each in a browser of their own (docs/SPEC.md: BRK1–BRK6). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const marks = (page: Page, label: string) => clause(page, label).locator('.clause__editor .bracket-mark');

const TEXT = 'Decide to reduce emissions by half by 2030;';
const PASSAGE = 'by half';
const BRACKETED = 'Decide to reduce emissions [by half] by 2030;';

/** The clause's text as shown, brackets included (other delegations' caret labels left out). */
function shownText(page: Page, label: string): Promise<string | null> {
  return clause(page, label)
    .locator('.clause__editor')
    .evaluate((editor) => {
      const copy = editor.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent;
    })
    .catch(() => null);
}

/**
 * Selects `passage` in a clause's editor as a mouse drag would: the page's
 * selection, which the editor takes on selectionchange. The brackets are
 * widgets between text nodes, so the passage lies in one text node.
 */
async function select(page: Page, label: string, passage: string) {
  const editor = clause(page, label).locator('.clause__editor');
  await editor.click();
  await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.bracket-mark, .collaboration-carets__caret')) continue;
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the clause`);
  }, passage);
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(passage);
}

/** The chair writes one operative paragraph; the delegations open the declaration and see it. */
async function oneParagraph(browser: Browser, chair: Participant, ...delegations: Participant[]) {
  const c = await openAs(browser, chair);
  await c.getByTestId('add-operative').click();
  await c.keyboard.type(TEXT);
  const pages = [];
  for (const delegation of delegations) {
    const page = await openAs(browser, delegation);
    await expect.poll(() => shownText(page, 'OP1')).toBe(TEXT);
    pages.push(page);
  }
  return { c, pages };
}

/** Brackets the passage with the Brackets button beside the clause. */
async function bracketWithButton(page: Page, label: string, passage: string) {
  await select(page, label, passage);
  const button = clause(page, label).getByTestId('bracket-button');
  await button.click();
  await expect.poll(() => shownText(page, label)).toBe(BRACKETED);
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe('square brackets', () => {
  test('BRK1 BRK2 BRK3: Chile brackets a passage with the button; Peru sees bold brackets and asks for the same with Ctrl+Alt+B; the chair sees both and removes them', async ({
    browser,
    delegations: { chair, chile, peru },
  }, testInfo) => {
    const { c, pages } = await oneParagraph(browser, chair, chile, peru);
    const [a, b] = pages as [Page, Page];

    // Nothing selected: no Brackets button yet; it comes with a selected passage.
    await clause(a, 'OP1').locator('.clause__editor').click();
    await expect(clause(a, 'OP1').getByTestId('bracket-button')).toHaveCount(0);
    await bracketWithButton(a, 'OP1', PASSAGE);

    // Everyone sees bold brackets round the passage, and the count beside the clause.
    for (const page of [a, b, c]) {
      await expect.poll(() => shownText(page, 'OP1')).toBe(BRACKETED);
      await expect(marks(page, 'OP1')).toHaveText(['[', ']']);
      expect(Number(await marks(page, 'OP1').first().evaluate((m) => getComputedStyle(m).fontWeight))).toBeGreaterThanOrEqual(700);
      await expect(clause(page, 'OP1').getByTestId('bracket-count')).toHaveText('1 [ ]');
    }

    // Peru asks for the same brackets with the shortcut: still one pair, now asked for by both (BRK2).
    await select(b, 'OP1', PASSAGE);
    await b.keyboard.press('Control+Alt+b');
    await clause(c, 'OP1').getByTestId('bracket-count').click();
    const popover = c.getByTestId('bracket-popover');
    await expect(popover.getByTestId('bracket-askers')).toHaveText(/^Asked by Chile, \d[^;]*; Peru, \d[^;]*$/);
    await expect(popover.getByTestId('bracket-item')).toHaveCount(1);
    await expect(popover).toContainText(PASSAGE);
    await expect(marks(b, 'OP1')).toHaveCount(2);
    await screenshots(c, testInfo, 'brackets-chair-popover');
    await c.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
    await expect(clause(c, 'OP1').getByTestId('bracket-count')).toBeFocused();
    await screenshots(a, testInfo, 'brackets-delegation');

    // A delegation reads who asked, but may not remove them.
    await marks(a, 'OP1').first().click();
    await expect(a.getByTestId('bracket-popover').getByTestId('bracket-askers')).toHaveText(/Chile.*Peru/);
    await expect(a.getByTestId('bracket-remove')).toHaveCount(0);
    await a.keyboard.press('Escape');
    await expect(a.getByTestId('bracket-popover')).toHaveCount(0);

    // The chair removes them by the keyboard: the text stays, the brackets go on every screen (BRK4).
    await clause(c, 'OP1').getByTestId('bracket-count').focus();
    await c.keyboard.press('Enter');
    await expect(popover).toBeFocused();
    await c.keyboard.press('Tab');
    await c.keyboard.press('Tab');
    await expect(popover.getByTestId('bracket-remove')).toBeFocused();
    await c.keyboard.press('Enter');
    for (const page of [a, b, c]) {
      await expect.poll(() => shownText(page, 'OP1')).toBe(TEXT);
      await expect(clause(page, 'OP1').getByTestId('bracket-count')).toHaveCount(0);
    }
  });

  test('BRK4: a delegation deleting a whole bracketed passage sees it come back with the refusal notice; the other delegation sees no change', async ({
    browser,
    delegations: { chair, chile, peru },
  }) => {
    const { pages } = await oneParagraph(browser, chair, chile, peru);
    const [a, b] = pages as [Page, Page];
    await bracketWithButton(a, 'OP1', PASSAGE);
    await expect.poll(() => shownText(b, 'OP1')).toBe(BRACKETED);
    // Peru records every text it shows from now on: the deletion must never reach it for good.
    await b.evaluate(() => {
      const editor = document.querySelector('[data-label="OP1"] .clause__editor')!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const copy = editor.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        seen.push(copy.textContent ?? '');
      }).observe(editor, { subtree: true, childList: true, characterData: true });
    });

    await select(a, 'OP1', PASSAGE);
    await a.keyboard.press('Backspace');
    await expect(a.getByTestId('refused-item')).toContainText('Your change would have removed square brackets in OP1.');
    await expect(clause(a, 'OP1').getByTestId('refused-at-clause')).toBeVisible();
    // The server put the passage back, and its brackets with it, on both screens.
    await expect.poll(() => shownText(a, 'OP1')).toBe(BRACKETED);
    await expect(clause(a, 'OP1').getByTestId('bracket-count')).toHaveText('1 [ ]');
    await expect.poll(() => shownText(b, 'OP1')).toBe(BRACKETED);
    // Nothing on the delegation's screen takes the server's repair back: a while later it still reads the same.
    await a.waitForTimeout(1500);
    expect(await shownText(a, 'OP1')).toBe(BRACKETED);
    expect(await shownText(b, 'OP1')).toBe(BRACKETED);
    // Nor does Ctrl+Z: the deletion is not there to undo, and the passage does not come back a second time.
    await clause(a, 'OP1').locator('.clause__editor').click();
    await a.keyboard.press('Control+z');
    await a.waitForTimeout(1000);
    expect(await shownText(a, 'OP1')).toBe(BRACKETED);
    expect(await shownText(b, 'OP1')).toBe(BRACKETED);
    // Peru never saw the passage go: at most its brackets redrawn.
    const seen = await b.evaluate(() => (window as unknown as { seen: string[] }).seen);
    for (const text of seen) expect(text.replace(/[[\]]/g, '')).toBe(TEXT);
  });

  test('BRK1 BRK3 PROP9: with "proposals only" set, a delegation still brackets a passage of its read-only text with Ctrl+Alt+B, and the brackets show there', async ({
    browser,
    delegations: { chair, chile },
  }) => {
    const { c, pages } = await oneParagraph(browser, chair, chile);
    const a = pages[0]!;
    await c.getByTestId('open-proposals').click();
    await c.getByTestId('editing-settings').locator('summary').click();
    await c.getByTestId('editing-settings').getByText('Proposals only').click();
    await expect(clause(a, 'OP1').locator('.clause__editor')).toHaveAttribute('contenteditable', 'false');

    await select(a, 'OP1', PASSAGE);
    await a.keyboard.press('Control+Alt+b');
    await expect.poll(() => shownText(a, 'OP1')).toBe(BRACKETED);
    await expect.poll(() => shownText(c, 'OP1')).toBe(BRACKETED);
    await expect(marks(a, 'OP1')).toHaveText(['[', ']']);
    // Brackets are not a change of wording: no proposal was made of them.
    await expect(clause(a, 'OP1').getByTestId('proposal-count')).toHaveCount(0);
  });

  test('BRK6: a clean export while brackets remain asks first; Esc cancels back to the menu, Export anyway prints the brackets', async ({
    browser,
    delegations: { chair, chile },
  }, testInfo) => {
    const { c, pages } = await oneParagraph(browser, chair, chile);
    await bracketWithButton(pages[0]!, 'OP1', PASSAGE);
    await expect(clause(c, 'OP1').getByTestId('bracket-count')).toHaveText('1 [ ]');

    await c.getByTestId('open-export').click();
    await c.getByTestId('export-txt').click();
    const confirm = c.getByTestId('export-confirm');
    await expect(confirm).toContainText('1 passage is still in square brackets. It will be printed with its brackets.');
    await expect(c.getByTestId('export-anyway')).toBeFocused();
    await screenshots(c, testInfo, 'brackets-export-question');
    await expect(c.getByTestId('export-anyway')).toBeFocused();
    // Escape cancels the question, not the menu, and the focus goes back to the format chosen.
    await c.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(c.getByTestId('export-menu')).toBeVisible();
    await expect(c.getByTestId('export-txt')).toBeFocused();

    // Asked again by the keyboard, and answered.
    await c.keyboard.press('Enter');
    await expect(c.getByTestId('export-anyway')).toBeFocused();
    const [file] = await Promise.all([c.waitForEvent('download'), c.keyboard.press('Enter')]);
    expect(fs.readFileSync(await file.path(), 'utf8')).toContain('[by half]');

    // The negotiation text is not asked about: brackets belong in it.
    await c.getByLabel('Negotiation text').check();
    await Promise.all([c.waitForEvent('download'), c.getByTestId('export-txt').click()]);
    await expect(confirm).toHaveCount(0);
  });
});
