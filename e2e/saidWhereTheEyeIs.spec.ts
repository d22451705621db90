import type { Page, TestInfo, WebSocketRoute } from '@playwright/test';
import { expect, openAs, test, texts, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * What went wrong is said where the delegate is looking: a refused change
 * next to its clause and in a toast (docs/SPEC.md UI10), a connection ended
 * for good in a dialog that says what to do (UI11).
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

/** A participant's id, as the chair's participants list gives it. */
async function participantId(server: ServerHandle, declarationId: string, chair: Participant, name: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/declarations/${declarationId}/participants`, { headers: { authorization: `Bearer ${chair.token}` } });
  const { participants } = (await response.json()) as { participants: { id: string; name: string }[] };
  return participants.find((p) => p.name === name)!.id;
}

async function revoke(server: ServerHandle, declarationId: string, chair: Participant, name: string): Promise<void> {
  const id = await participantId(server, declarationId, chair, name);
  const response = await fetch(`${server.baseUrl}/api/declarations/${declarationId}/participants/${id}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${chair.token}` },
  });
  expect(response.status).toBe(200);
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

  test('UI11 PART1: a delegation whose link is removed is told so in a dialog, with what to do, not "Offline"; edits that never reached the server are counted and can be copied', async ({ browser, server, delegations: { id, chair, chile, peru } }, testInfo) => {
    const removed = await openAs(browser, chile);
    await removed.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await removed.getByTestId('add-operative').click();
    await removed.keyboard.type('Decide to cooperate;');
    await expect(connection(removed)).toContainText('All changes saved');

    await revoke(server, id, chair, 'Chile');
    const dialog = removed.getByRole('alertdialog', { name: 'Your link no longer works' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Your link has been replaced or removed by the secretariat. Ask them for a new link. Your text on this screen is kept until you close the page.');
    await expect(dialog.getByTestId('closed-unsent')).toHaveCount(0);
    // The focus is in the dialog, on its first action.
    await expect(dialog.getByTestId('closed-copy')).toBeFocused();
    await expect(connection(removed)).toHaveAttribute('data-state', 'closed');
    await expect(connection(removed)).toHaveText(/Link no longer valid/);
    await expect(connection(removed)).not.toContainText('Offline');
    await screenshots(removed, testInfo, 'closed-dialog');
    await dialog.getByTestId('closed-copy').click();
    await expect(dialog.getByTestId('closed-copy')).toHaveText('Copied: paste it somewhere safe');
    expect(await removed.evaluate(() => navigator.clipboard.readText())).toContain('OP1\tDecide to cooperate;');

    // Put aside, the dialog leaves the reason at the top and the text readable; it comes back on demand.
    await removed.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(removed.getByTestId('closed-banner')).toContainText('Your link no longer works');
    await expect(clause(removed, 'OP1').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await removed.getByTestId('closed-details').click();
    await expect(dialog).toBeVisible();

    // Removed while offline, in a browser that keeps nothing on the device: the edits typed meanwhile
    // never reach the server and are only on the screen, and the dialog says so (kept ones: offline.spec.ts OFF3).
    const offline = await openAs(browser, peru, { indexedDb: false });
    await clause(offline, 'OP1').locator('.ProseMirror').click();
    await offline.keyboard.press('End');
    await offline.context().setOffline(true);
    await expect(connection(offline)).toHaveAttribute('data-state', 'offline');
    await offline.keyboard.type(' and to report back');
    await revoke(server, id, chair, 'Peru');
    await offline.context().setOffline(false);
    const offlineDialog = offline.getByRole('alertdialog', { name: 'Your link no longer works' });
    await expect(offlineDialog.getByTestId('closed-unsent')).toContainText('did not reach the server. This browser cannot keep them: they are only on this screen, so copy your text before you close or reload the page.');
    expect(await texts(offline)).toEqual(['Decide to cooperate; and to report back']);
    await screenshots(offline, testInfo, 'closed-dialog-unsent');
  });

  test('UI11: a connection the server ends to be retried (1011, 1013) reads as "Reconnecting…" and comes back; each final close has its dialog', async ({ browser, delegations: { chile } }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The real server behind every connection; the test only decides when a connection ends, and when the next one may go through.
    const routes: WebSocketRoute[] = [];
    let gate: Promise<void> = Promise.resolve();
    let open = () => {};
    await page.routeWebSocket(/\/collab\//, async (route) => {
      routes.push(route);
      await gate;
      route.connectToServer();
    });
    await page.goto(chile.url.replace('localhost', '127.0.0.1'));
    await expect(connection(page)).toHaveAttribute('data-state', 'connected');

    for (const { code, reason } of [
      { code: 1011, reason: 'server-error' },
      { code: 1013, reason: 'try-again-later' },
    ]) {
      gate = new Promise((resolve) => (open = resolve));
      await routes[routes.length - 1]!.close({ code, reason });
      await expect(connection(page)).toHaveAttribute('data-state', 'reconnecting');
      await expect(connection(page)).toContainText('Reconnecting…');
      await expect(page.getByTestId('closed-dialog')).toHaveCount(0);
      open();
      await expect(connection(page)).toHaveAttribute('data-state', 'connected');
    }

    for (const { code, title } of [
      { code: 4400, title: 'The server could not read this page' },
      { code: 4403, title: 'The server did not let this page in' },
      { code: 4404, title: 'This declaration is no longer on the server' },
      { code: 4413, title: 'A change was too large to send' },
      { code: 4499, title: 'The connection was closed' },
    ]) {
      await routes[routes.length - 1]!.close({ code });
      await expect(page.getByRole('alertdialog', { name: title })).toBeVisible();
      await expect(connection(page)).toHaveAttribute('data-state', 'closed');
      await expect(connection(page)).not.toContainText('Offline');
      await page.reload();
      await expect(connection(page)).toHaveAttribute('data-state', 'connected');
    }
  });
});
