import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/** Who holds which link, restoring a participant, and "pending your confirmation" (docs/SPEC.md STAT3, PART2, ROLE4). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const notice = (page: Page) => page.getByTestId('pending-notice');

async function adRef(chair: Page, label: string, pendingWith: string[]) {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator('input[name=state][value=ad-ref]').check();
  const choices = clause(chair, label).getByTestId('status-pending');
  // Only the declaration's delegations are offered: not the chair itself.
  await expect(choices.getByRole('checkbox')).toHaveCount(2);
  await expect(choices.getByLabel('Argentina')).toHaveCount(0);
  for (const name of pendingWith) await choices.getByLabel(name).check();
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', 'ad-ref');
}

test.describe('roles', () => {
  // Three browser contexts and a dozen round trips each: generous on a shared machine.
  test.describe.configure({ timeout: 300_000 });

  test('STAT3: the chair ticks the delegations an ad ref is pending with; each sees it beside the clause and in the top bar, until the chair changes it', async ({ browser, delegations: { chair, chile, peru } }) => {
    const chilePage = await openAs(browser, chile);
    await chilePage.getByTestId('add-operative').click();
    await chilePage.keyboard.type('Decide to cooperate;');
    await chilePage.keyboard.press('Enter');
    await chilePage.keyboard.type('Decide to meet.');
    const chairPage = await openAs(browser, chair);
    const peruPage = await openAs(browser, peru);
    await expect.poll(() => texts(peruPage)).toEqual(['Decide to cooperate;', 'Decide to meet.']);

    await adRef(chairPage, 'OP1', ['Chile']);
    await expect(notice(chilePage)).toHaveText('◐OP1 is ad referendum pending your confirmation.');
    await expect(chilePage.getByTestId('pending-count')).toHaveText('◐ 1 to confirm');
    await expect(chilePage.getByTestId('pending-count')).toHaveAccessibleName('1 clause is ad referendum pending your confirmation. Go to OP1.');
    await expect(peruPage.getByTestId('clause').first()).toHaveAttribute('data-state', 'ad-ref');
    await expect(notice(peruPage)).toHaveCount(0);
    await expect(peruPage.getByTestId('pending-count')).toHaveCount(0);
    await expect(notice(chairPage)).toHaveCount(0);

    // The form starts from whom the clause is pending with now.
    await clause(chairPage, 'OP1').getByTestId('status-chip').click();
    await clause(chairPage, 'OP1').locator('input[name=state][value=ad-ref]').check();
    await expect(clause(chairPage, 'OP1').getByTestId('status-pending').getByLabel('Chile')).toBeChecked();
    await expect(clause(chairPage, 'OP1').getByTestId('status-pending').getByLabel('Peru')).not.toBeChecked();
    await clause(chairPage, 'OP1').getByRole('button', { name: 'Cancel' }).click();

    await adRef(chairPage, 'OP2', ['Chile', 'Peru']);
    await expect(chilePage.getByTestId('pending-count')).toHaveText('◐ 2 to confirm');
    await expect(notice(chilePage)).toHaveCount(2);
    await expect(notice(peruPage)).toHaveText('◐OP2 is ad referendum pending your confirmation.');
    await expect(peruPage.getByTestId('pending-count')).toHaveText('◐ 1 to confirm');

    // The count takes the delegation to each clause in turn.
    await chilePage.getByTestId('pending-count').click();
    await expect(clause(chilePage, 'OP1').locator('.ProseMirror')).toBeFocused();
    await expect(chilePage.getByTestId('pending-count')).toHaveAccessibleName(/Go to OP2\.$/);
    await chilePage.getByTestId('pending-count').click();
    await expect(clause(chilePage, 'OP2').locator('.ProseMirror')).toBeFocused();

    // The chair agrees OP1: Chile no longer waits there.
    await clause(chairPage, 'OP1').getByTestId('status-chip').click();
    await clause(chairPage, 'OP1').locator('input[name=state][value=agreed]').check();
    await clause(chairPage, 'OP1').getByTestId('status-apply').click();
    await expect(clause(chilePage, 'OP1')).toHaveAttribute('data-state', 'agreed');
    await expect(notice(chilePage)).toHaveText('◐OP2 is ad referendum pending your confirmation.');
    await expect(chilePage.getByTestId('pending-count')).toHaveText('◐ 1 to confirm');
  });

  test("ROLE4 PART2: the secretariat's panel has no link and no button on the chair's row; a removed delegation is restored with a new link, the old one stays dead", async ({ browser, server }) => {
    const created = await server.createDeclaration('Roles test', { chair: 'Argentina', delegations: ['Chile', 'Peru'], secretariat: 'Secretariat' });
    const find = (name: string) => created.participants.find((p) => p.name === name)!;
    const secretariat = await openAs(browser, find('Secretariat'));
    const peru = await openAs(browser, find('Peru'));
    await secretariat.getByTestId('open-participants').click();
    const panel = secretariat.getByTestId('participants-panel');
    const row = (name: string, revoked = false) => panel.locator(`[data-testid=participant-row][data-name="${name}"][data-revoked=${revoked}]`);
    await expect(panel.getByTestId('participant-row')).toHaveCount(4);
    await expect(row('Argentina')).toContainText('Only the chair has this link');
    await expect(row('Argentina').getByRole('button')).toHaveCount(0);
    // Its own row: copy and renew, not remove.
    await expect(row('Secretariat').getByTestId('copy-link')).toBeVisible();
    await expect(row('Secretariat').getByTestId('new-link')).toBeVisible();
    await expect(row('Secretariat').getByTestId('revoke')).toHaveCount(0);

    secretariat.once('dialog', (dialog) => void dialog.accept());
    await row('Peru').getByTestId('revoke').click();
    await expect(peru.getByTestId('closed-banner')).toContainText('Your link no longer works');
    await expect(row('Peru', true)).toContainText('removed');
    await expect(panel.getByRole('heading', { name: 'Removed' })).toBeVisible();

    secretariat.once('dialog', (dialog) => void dialog.accept());
    await row('Peru', true).getByTestId('restore').click();
    await expect(row('Peru')).toBeVisible();
    await expect(row('Peru', true)).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: 'Removed' })).toHaveCount(0);
    // The new link works; the old one does not.
    const listed = await secretariat.evaluate(async (id) => {
      const response = await fetch(`/api/declarations/${id}/participants`);
      return ((await response.json()) as { participants: { name: string; url: string | null }[] }).participants;
    }, created.id);
    const newUrl = listed.find((p) => p.name === 'Peru')!.url!;
    expect(newUrl).not.toBe(find('Peru').url);
    const restored = await openAs(browser, { ...find('Peru'), url: newUrl });
    await expect(restored.getByTestId('me')).toContainText('Peru');
    const old = await browser.newContext();
    const oldPage = await old.newPage();
    await oldPage.goto(find('Peru').url.replace('localhost', '127.0.0.1'));
    await expect(oldPage.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  });
});
