import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/**
 * The audit screen as the chair lives it (docs/SPEC.md AUD1–AUD5): a
 * delegation's change refused by a lock is found by filtering on the
 * delegation, read in words, its text copied, and its clause reached from
 * the entry. Two participants, the real server, real Chromium.
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

test.describe('the audit screen', () => {
  test.describe.configure({ timeout: 240_000 });

  test('AUD1 AUD2 AUD3 AUD5: the chair filters the log by the delegation, sees its refused change in words, copies the text and goes to the clause', async ({ browser, delegations: { chair, chile } }, testInfo) => {
    const delegation = await openAs(browser, chile);
    await delegation.getByTestId('add-operative').click();
    await delegation.keyboard.type('Decide;');
    const chairPage = await openAs(browser, chair);
    await chairPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await expect.poll(() => texts(chairPage)).toEqual(['Decide;']);

    // Chile types offline while the chair locks OP1: back online, the server refuses the change.
    await delegation.context().setOffline(true);
    await delegation.keyboard.type(' and more');
    await clause(chairPage, 'OP1').getByTestId('status-chip').click();
    await clause(chairPage, 'OP1').locator('input[name=state][value=agreed]').check();
    await clause(chairPage, 'OP1').getByTestId('status-apply').click();
    await expect(clause(chairPage, 'OP1')).toHaveAttribute('data-state', 'agreed');
    await delegation.context().setOffline(false);
    await expect(delegation.getByTestId('refused-item')).toContainText('OP1 is agreed and locked');

    // AUD5: a delegation has no way in.
    await expect(delegation.getByTestId('open-audit')).toHaveCount(0);
    await expect(delegation.getByTestId('more-audit')).toHaveCount(0);

    // AUD1: newest first, in words; Esc closes and gives the focus back to the button.
    const open = chairPage.getByTestId('open-audit');
    await open.focus();
    await chairPage.keyboard.press('Enter');
    const panel = chairPage.getByTestId('audit-panel');
    await expect(panel.getByTestId('audit-entry').first()).toContainText("Chile's change to OP1 was refused: locked");
    // The server made the refused words a proposal by Chile (PROP11), just before it recorded the refusal.
    await expect(panel.getByTestId('audit-entry').nth(1)).toContainText('Chile made a proposal on OP1');
    await expect(panel.getByTestId('audit-entry').nth(2)).toContainText('Argentina locked OP1 as agreed');
    await chairPage.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(open).toBeFocused();

    // AUD2: by participant, then by kind too; a combination matching nothing says so and offers to clear.
    await open.click();
    await panel.getByTestId('audit-filter-actor').selectOption('Chile');
    await expect(panel.getByTestId('audit-entry')).toHaveCount(2);
    await panel.getByTestId('audit-kind-comments').check();
    await expect(panel.getByTestId('audit-empty')).toContainText('No entry matches these filters.');
    await panel.getByTestId('audit-kind-comments').uncheck();
    await panel.getByTestId('audit-kind-refusals').check();
    const entry = panel.getByTestId('audit-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Chile's change to OP1 was refused: locked");
    await expect(entry).toContainText('The server made the refused words a proposal by their author.');
    await expect(panel.getByTestId('audit-progress')).toHaveText('1 entry shown · all entries shown');
    for (const width of [1024, 1366, 1920]) {
      await chairPage.setViewportSize({ width, height: 800 });
      await chairPage.screenshot({ path: testInfo.outputPath(`audit-${width}.png`) });
    }

    // AUD3: the refused text, folded, copied whole.
    await entry.getByTestId('audit-refused').locator('summary').click();
    await expect(entry.getByTestId('audit-refused').locator('blockquote')).toHaveText('Decide; and more');
    await entry.getByTestId('audit-copy').click();
    await expect(entry.getByTestId('audit-copy')).toHaveText('Copied');
    expect(await chairPage.evaluate(() => navigator.clipboard.readText())).toBe('Decide; and more');

    // AUD1: the label is a link to the clause as it stands; the filters wait for the next opening.
    await entry.getByTestId('audit-clause').click();
    await expect(panel).toHaveCount(0);
    await expect(clause(chairPage, 'OP1').locator('.ProseMirror')).toBeFocused();
    await open.click();
    await expect(panel.getByTestId('audit-filter-actor')).toHaveValue('Chile');
    await expect(panel.getByTestId('audit-entry')).toHaveCount(1);
    await panel.getByTestId('audit-clear').click();
    await expect(panel.getByTestId('audit-entry')).toHaveCount(3);
  });
});

test.describe('the audit screen by paragraph', () => {
  test.describe.configure({ timeout: 240_000 });

  test('AUD2: the clause filter offers sub-items in reading order, as the screen labels them; a paragraph with its sub-items, or alone', async ({ browser, server, delegations: { id, chair } }) => {
    const chairPage = await openAs(browser, chair);
    await chairPage.getByTestId('add-operative').click();
    await chairPage.keyboard.type('Agrees:');
    await chairPage.keyboard.press('Enter');
    await chairPage.keyboard.press('Tab');
    await chairPage.keyboard.type('first;');
    await chairPage.keyboard.press('Enter');
    await chairPage.keyboard.press('Shift+Tab');
    await chairPage.keyboard.type('Closes.');
    await expect.poll(() => texts(chairPage)).toEqual(['Agrees:', 'first;', 'Closes.']);
    await expect(chairPage.getByTestId('connection')).toHaveAttribute('data-pending', '0');
    const idOf = async (label: string) => (await clause(chairPage, label).getAttribute('data-clause-id'))!;
    const status = async (label: string, body: unknown) => {
      const response = await fetch(`${server.baseUrl}/api/declarations/${id}/clauses/${await idOf(label)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${chair.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.text()).toBe(200);
    };
    // One entry on each clause: the sub-item's is the one a filter on its paragraph must not lose.
    await status('OP1(a)', { state: 'agreed' });
    await status('OP1', { state: 'ad-ref', pending: ['Chile'] });
    await status('OP2', { state: 'ad-ref', pending: ['Peru'] });

    await chairPage.getByTestId('open-audit').click();
    const panel = chairPage.getByTestId('audit-panel');
    await expect(panel.getByTestId('audit-entry')).toHaveCount(3);
    const select = panel.getByTestId('audit-filter-clause');
    await expect(select.locator('option')).toHaveText(['All clauses', 'OP1 with its sub-items', 'OP1 alone', 'OP1(a)', 'OP2']);
    const shownClauses = () => panel.getByTestId('audit-clause').allTextContents();

    await select.selectOption({ label: 'OP1 with its sub-items' });
    await expect.poll(shownClauses).toEqual(['OP1', 'OP1(a)']);
    await select.selectOption({ label: 'OP1 alone' });
    await expect.poll(shownClauses).toEqual(['OP1']);
    await select.selectOption({ label: 'OP1(a)' });
    await expect.poll(shownClauses).toEqual(['OP1(a)']);
    // Kept with the others, as every filter is (AUD2).
    await panel.getByTestId('audit-filter-actor').selectOption('Argentina');
    await select.selectOption({ label: 'OP1 with its sub-items' });
    await expect.poll(shownClauses).toEqual(['OP1', 'OP1(a)']);
    await expect(panel.getByTestId('audit-progress')).toHaveText('2 entries shown · all entries shown');
  });
});
