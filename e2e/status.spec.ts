import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/** The chair's status controls and the locks as delegations live them (docs/SPEC.md: LOCK*, UI5, UI6, PART1). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

async function setStatus(chair: Page, label: string, state: 'open' | 'ad-ref' | 'agreed', reason?: string) {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator(`input[name=state][value=${state}]`).check();
  if (reason) await clause(chair, label).getByTestId('status-reason').fill(reason);
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', state);
}

test.describe('clause status and locks', () => {
  // Long walks through many states: room for a loaded machine.
  test.describe.configure({ timeout: 240_000 });
  test('UI5 LOCK1: the chair locks a clause, the delegation\'s editor for it turns read-only at once; reopening with a reason unlocks it', async ({ browser, delegations: { chair, chile } }) => {
    const delegation = await openAs(browser, chile);
    await delegation.getByTestId('add-operative').click();
    await delegation.keyboard.type('Decide to cooperate;');
    await delegation.keyboard.press('Enter');
    await delegation.keyboard.type('Decide to meet;');
    const chairPage = await openAs(browser, chair);
    await expect.poll(() => texts(chairPage)).toEqual(['Decide to cooperate;', 'Decide to meet;']);
    await expect(chairPage.getByTestId('status-counts')).toHaveText('2 open · 0 ad ref · 0 agreed');

    // Only the chair has the control, and it says what it will do.
    await expect(clause(delegation, 'OP1').locator('button[data-testid=status-chip]')).toHaveCount(0);
    await clause(chairPage, 'OP1').getByTestId('status-chip').click();
    await clause(chairPage, 'OP1').locator('input[name=state][value=agreed]').check();
    await expect(clause(chairPage, 'OP1').getByTestId('status-form')).toContainText('Lock OP1 as agreed? Delegations will no longer be able to edit it.');
    await clause(chairPage, 'OP1').getByTestId('status-apply').click();

    await expect(clause(delegation, 'OP1')).toHaveAttribute('data-state', 'agreed');
    await expect(clause(delegation, 'OP1').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await expect(clause(delegation, 'OP1').getByTestId('status-by')).toContainText('Argentina');
    await expect(clause(delegation, 'OP1').getByTestId('delete')).toHaveCount(0);
    await expect(delegation.getByTestId('status-counts')).toHaveText('1 open · 0 ad ref · 1 agreed');
    await clause(delegation, 'OP1').locator('.ProseMirror').click();
    await delegation.keyboard.type('XYZ');
    expect((await texts(delegation))[0]).toBe('Decide to cooperate;');

    // Reopening needs a reason.
    await clause(chairPage, 'OP1').getByTestId('status-chip').click();
    await clause(chairPage, 'OP1').locator('input[name=state][value=open]').check();
    await clause(chairPage, 'OP1').getByTestId('status-apply').click();
    await expect(clause(chairPage, 'OP1').getByRole('alert')).toContainText('A reason is required');
    await clause(chairPage, 'OP1').getByTestId('status-reason').fill('Chile asked to revisit');
    await clause(chairPage, 'OP1').getByTestId('status-apply').click();
    await expect(clause(delegation, 'OP1')).toHaveAttribute('data-state', 'open');
    await expect(clause(delegation, 'OP1').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
    await clause(delegation, 'OP1').locator('.ProseMirror').click();
    await delegation.keyboard.press('End');
    await delegation.keyboard.type(' again');
    await expect.poll(async () => (await texts(chairPage))[0]).toBe('Decide to cooperate; again');

    // Ad ref with pending delegations shows on everyone's screen.
    await clause(chairPage, 'OP2').getByTestId('status-chip').click();
    await clause(chairPage, 'OP2').locator('input[name=state][value=ad-ref]').check();
    await clause(chairPage, 'OP2').getByTestId('status-pending').getByLabel('Peru').check();
    await clause(chairPage, 'OP2').getByTestId('status-apply').click();
    await expect(clause(delegation, 'OP2').getByTestId('status-chip')).toContainText('Ad ref');
    await expect(clause(delegation, 'OP2').getByTestId('status-chip')).toHaveAttribute('title', /pending Peru/);

    // A paragraph with an agreed sub-item cannot be deleted: the screen says why.
    await clause(delegation, 'OP2').hover();
    await clause(delegation, 'OP2').getByTestId('add-subitem').click();
    await delegation.keyboard.type('Sub-item;');
    await expect.poll(() => texts(chairPage)).toEqual(['Decide to cooperate; again', 'Decide to meet;', 'Sub-item;']);
    await setStatus(chairPage, 'OP2(a)', 'agreed');
    await expect(clause(delegation, 'OP2(a)')).toHaveAttribute('data-state', 'agreed');
    await clause(delegation, 'OP2').hover();
    await clause(delegation, 'OP2').getByTestId('delete').click();
    await expect(delegation.getByTestId('toast')).toContainText('OP2 cannot be deleted: part of it is agreed');
    expect(await texts(delegation)).toEqual(['Decide to cooperate; again', 'Decide to meet;', 'Sub-item;']);
  });

  test('UI6 LOCK5: text typed offline into a clause the chair locked meanwhile comes back to its author, who can copy it', async ({ browser, delegations: { chair, chile } }) => {
    const delegation = await openAs(browser, chile);
    await delegation.getByTestId('add-operative').click();
    await delegation.keyboard.type('Decide;');
    const chairPage = await openAs(browser, chair);
    await expect.poll(() => texts(chairPage)).toEqual(['Decide;']);
    await delegation.context().setOffline(true);
    await delegation.keyboard.type(' and more');
    await setStatus(chairPage, 'OP1', 'agreed');
    await delegation.context().setOffline(false);
    await expect(delegation.getByTestId('refused-item')).toContainText('OP1 is agreed and locked; your text was not applied.');
    await expect(delegation.getByTestId('refused-item').locator('blockquote')).toHaveText('Decide; and more');
    await expect.poll(() => texts(delegation)).toEqual(['Decide;']);
    await expect(chairPage.getByTestId('refused-item')).toHaveCount(0);
    await delegation.getByTestId('refused-item').getByRole('button', { name: 'Dismiss' }).click();
    await expect(delegation.getByTestId('refused-item')).toHaveCount(0);
  });

  test('PART1: the chair adds a delegation and removes one; the removed one is disconnected with words on its screen', async ({ browser, delegations: { chair, peru } }) => {
    const removed = await openAs(browser, peru);
    const chairPage = await openAs(browser, chair);
    await chairPage.getByTestId('open-participants').click();
    const panel = chairPage.getByTestId('participants-panel');
    await expect(panel.getByTestId('participant-row')).toHaveCount(3);
    await panel.getByTestId('participant-name').fill('Uruguay');
    await panel.getByTestId('participant-add').click();
    await expect(panel.locator('[data-testid=participant-row][data-name=Uruguay]')).toBeVisible();
    chairPage.once('dialog', (dialog) => void dialog.accept());
    await panel.locator('[data-testid=participant-row][data-name=Peru]').getByTestId('revoke').click();
    await expect(removed.getByTestId('closed-banner')).toContainText('Your link no longer works');
    await expect(removed.getByTestId('connection')).toHaveAttribute('data-state', 'closed');
    await expect(panel.locator('[data-testid=participant-row][data-name=Peru]')).toContainText('removed');
  });
});
