import type { Page, TestInfo } from '@playwright/test';
import { clauseTexts, expect as baseExpect, openAs, test } from './fixtures.ts';

/**
 * No one-click losses (docs/SPEC.md LOSS1–LOSS3, KEY5): every deletion is
 * offered back by a notice naming what it deleted, each notice's Undo takes
 * back its own deletion, and the others see what comes back.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const labels = async (page: Page) => (await clauseTexts(page)).map(({ label, text }) => `${label}:${text}`);
const toast = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text });
const signatoryNames = (page: Page) => page.getByTestId('signatory').evaluateAll((nodes) => nodes.map((node) => node.querySelector<HTMLTextAreaElement>('textarea.signature__name')?.value ?? node.querySelector('.signature__name')?.textContent ?? ''));

/** Puts the caret in a clause, then presses its ✕ (Delete) button with Enter. */
async function deleteByKeyboard(page: Page, label: string) {
  await clause(page, label).locator('.ProseMirror').click();
  await clause(page, label).getByTestId('delete').focus();
  await page.keyboard.press('Enter');
}

/** Looked at by a person after the run: the notices at a small laptop's width, a common one and a large screen. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
}

test.describe('no one-click losses', () => {
  test('KEY5 LOSS1 LOSS2: "Add a signatory" puts the caret in its name; a deleted signatory is named in a notice whose Undo brings it back where it was, for the others too', async ({ browser, delegations: { chair, chile } }) => {
    const a = await openAs(browser, chair);
    const b = await openAs(browser, chile);
    for (const name of ['República de Chile', 'República del Perú']) {
      await a.getByTestId('add-signatory').click();
      // The next keys, spaces included, type the name: the focus has left the button.
      await expect(a.locator(':focus')).toHaveAttribute('aria-label', 'Name');
      await a.keyboard.type(name);
    }
    await expect.poll(() => signatoryNames(b)).toEqual(['República de Chile', 'República del Perú']);

    await a.getByTestId('signatory').first().getByTestId('remove-signatory').click();
    await expect.poll(() => signatoryNames(b)).toEqual(['República del Perú']);
    const notice = toast(a, "Signatory 'República de Chile' deleted.");
    await expect(notice).toHaveCount(1);
    await notice.getByRole('button', { name: 'Undo' }).click();
    // Back in its place, before Perú, on both screens.
    await expect.poll(() => signatoryNames(a)).toEqual(['República de Chile', 'República del Perú']);
    await expect.poll(() => signatoryNames(b)).toEqual(['República de Chile', 'República del Perú']);
  });

  test('LOSS1 LOSS2: two deleted clauses give two notices naming each by label and text; the older one\'s Undo brings back its clause with all its sub-items, the newer one\'s its own', async ({ browser, delegations: { chile, peru } }, testInfo) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.insertText('Decides to convene a high-level meeting;');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('Agrees:');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Tab');
    await a.keyboard.insertText('first;');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('second.');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Shift+Tab');
    await a.keyboard.insertText('Requests a report.');
    const all = ['OP1:Decides to convene a high-level meeting;', 'OP2:Agrees:', 'OP2(a):first;', 'OP2(b):second.', 'OP3:Requests a report.'];
    await expect.poll(() => labels(b)).toEqual(all);

    // The ✕ from the keyboard, as a keyboard user presses it (the tools show on the clause with the caret).
    await deleteByKeyboard(a, 'OP2');
    await expect.poll(() => labels(b)).toEqual(['OP1:Decides to convene a high-level meeting;', 'OP2:Requests a report.']);
    await deleteByKeyboard(a, 'OP1');
    await expect.poll(() => labels(b)).toEqual(['OP1:Requests a report.']);

    const older = toast(a, "OP2 deleted with its 2 sub-items: 'Agrees:'.");
    const newer = toast(a, "OP1 deleted: 'Decides to convene a…'.");
    await expect(older).toHaveCount(1);
    await expect(newer).toHaveCount(1);
    await screenshots(a, testInfo, 'two-deletions');
    // The older notice's Undo takes back its own deletion (the paragraph and both sub-items at once), not the latest.
    await older.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => labels(b)).toEqual(['OP1:Agrees:', 'OP1(a):first;', 'OP1(b):second.', 'OP2:Requests a report.']);
    await newer.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => labels(b)).toEqual(all);
    await expect.poll(() => labels(a)).toEqual(all);
  });

  test('LOSS3: deleting a comment asks first; cancelled, nothing is sent; confirmed, the others see it deleted', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.insertText('Decides to cooperate;');
    await clause(a, 'OP1').getByTestId('add-comment').click();
    await a.getByTestId('new-thread-form').locator('textarea').fill('Cooperate how?');
    await a.keyboard.press('Control+Enter');
    const comment = (page: Page) => page.getByTestId('comments-panel').getByTestId('comment');
    await expect(comment(a)).toHaveCount(1);
    await clause(b, 'OP1').getByTestId('comment-count').click();
    await expect(comment(b)).toContainText('Cooperate how?');

    const asked: string[] = [];
    a.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await comment(a).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => asked).toEqual(['Delete this comment? Its place in the thread stays, marked as deleted.']);
    await expect(comment(a)).toContainText('Cooperate how?');
    await expect(comment(b)).toContainText('Cooperate how?');

    a.once('dialog', (dialog) => void dialog.accept());
    await comment(a).getByRole('button', { name: 'Delete' }).click();
    // The only comment of its thread: the thread goes, on the other screen too.
    await expect(comment(b)).toHaveCount(0);
    await expect(b.getByText('Cooperate how?')).toHaveCount(0);
  });
});
