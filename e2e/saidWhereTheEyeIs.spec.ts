import type { Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/**
 * What went wrong is said where the delegate is looking: a refused change
 * next to its clause and in a toast (docs/SPEC.md UI10).
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const connection = (page: Page) => page.getByTestId('connection');

async function setStatus(chair: Page, label: string, state: 'open' | 'agreed') {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator(`input[name=state][value=${state}]`).check();
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', state);
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
}

test.describe('said where the eye is', () => {
  test.describe.configure({ timeout: 180_000 });

  test('UI10 LOCK5: a change refused while offline shows next to its clause and as a toast, in words, with the text to copy', async ({ browser, delegations: { chair, chile } }, testInfo) => {
    const delegation = await openAs(browser, chile);
    await delegation.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await delegation.getByTestId('add-operative').click();
    await delegation.keyboard.type('Decide to cooperate;');
    await delegation.keyboard.press('Enter');
    await delegation.keyboard.type('Decide to meet;');
    const chairPage = await openAs(browser, chair);
    await expect.poll(() => texts(chairPage)).toEqual(['Decide to cooperate;', 'Decide to meet;']);

    await clause(delegation, 'OP1').locator('.ProseMirror').click();
    await delegation.keyboard.press('End');
    await delegation.context().setOffline(true);
    await expect(connection(delegation)).toHaveAttribute('data-state', 'offline');
    await delegation.keyboard.type(' and to report back');
    await setStatus(chairPage, 'OP1', 'agreed');
    await delegation.context().setOffline(false);

    const words = 'OP1 is agreed and locked; your text was not applied.';
    const atClause = clause(delegation, 'OP1').getByTestId('refused-at-clause');
    await expect(atClause).toContainText(words);
    await expect(delegation.getByTestId('toast')).toContainText(words);
    await expect(delegation.getByTestId('refused-item')).toContainText(words);
    await expect.poll(() => texts(delegation)).toEqual(['Decide to cooperate;', 'Decide to meet;']);
    // Only at its own clause, and only for its author.
    await expect(clause(delegation, 'OP2').getByTestId('refused-at-clause')).toHaveCount(0);
    await expect(chairPage.getByTestId('refused-at-clause')).toHaveCount(0);
    await expect(chairPage.getByTestId('toast')).toHaveCount(0);

    // The text is folded away until asked for, and copied as typed.
    const attempted = atClause.locator('blockquote');
    await expect(attempted).toBeHidden();
    await atClause.locator('summary', { hasText: 'Your text' }).click();
    await expect(attempted).toHaveText('Decide to cooperate; and to report back');
    await screenshots(delegation, testInfo, 'refused-at-clause');
    await atClause.getByRole('button', { name: 'Copy your text' }).click();
    await expect(atClause.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await delegation.evaluate(() => navigator.clipboard.readText())).toBe('Decide to cooperate; and to report back');

    // Dismissed next to the clause, it is dismissed at the top too.
    await atClause.getByRole('button', { name: 'Dismiss' }).click();
    await expect(clause(delegation, 'OP1').getByTestId('refused-at-clause')).toHaveCount(0);
    await expect(delegation.getByTestId('refused-item')).toHaveCount(0);
  });
});
