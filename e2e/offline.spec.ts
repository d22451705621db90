import { chromium, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as baseExpect, openAs, test, texts, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * Nothing typed offline is lost, and the app opens offline (docs/SPEC.md:
 * OFF1, OFF2, OFF3): a delegate on conference Wi-Fi reloads, closes the
 * browser, or opens the declaration with no network at all.
 */
// Pages here reload, reconnect and read IndexedDB on a machine shared with other test runs: be patient.
const expect = baseExpect.configure({ timeout: 30_000 });
const status = (page: Page) => page.getByTestId('connection');
const KEPT = 'Offline — your edits are kept on this device';

/** The service worker has cached the client, and this participant's copy is open on the device. */
async function readyForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(status(page)).toHaveAttribute('data-kept', 'true');
}

/** The beforeunload question (SPEC UI9) is answered "leave" for a reload the test asks for. */
function leaveWithoutAsking(page: Page): void {
  page.on('dialog', (dialog) => void dialog.accept());
}

async function typeSaved(page: Page, others: Page[], text: string): Promise<void> {
  await page.getByTestId('add-operative').click();
  await page.keyboard.type(text);
  for (const other of others) await expect.poll(() => texts(other)).toEqual([text]);
  await expect(status(page)).toContainText('All changes saved');
}

async function participantsOf(server: ServerHandle, declarationId: string, chair: Participant): Promise<{ id: string; name: string }[]> {
  const response = await fetch(`${server.baseUrl}/api/declarations/${declarationId}/participants`, { headers: { Authorization: `Bearer ${chair.token}` } });
  return ((await response.json()) as { participants: { id: string; name: string }[] }).participants;
}

async function revoke(server: ServerHandle, declarationId: string, chair: Participant, name: string): Promise<void> {
  const participant = (await participantsOf(server, declarationId, chair)).find((p) => p.name === name)!;
  const response = await fetch(`${server.baseUrl}/api/declarations/${declarationId}/participants/${participant.id}/revoke`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${chair.token}` },
  });
  expect(response.status).toBe(200);
}

/** The names of this browser profile's local copies. */
function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('consenso:')));
}

test.describe('offline', () => {
  // Each test opens several browsers, reloads and reconnects on a shared machine.
  test.describe.configure({ timeout: 300_000 });

  test('OFF1: typed offline, the tab reloaded offline: the text is still there, counted unsent, and closing still asks; back online it reaches the others', async ({
    browser,
    delegations: { chile, peru },
  }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await readyForOffline(a);
    await typeSaved(a, [b], 'Decide;');

    await a.context().setOffline(true);
    await expect(status(a)).toHaveAttribute('data-state', 'offline');
    await a.keyboard.type(' typed offline');
    await expect(status(a)).toContainText(KEPT);
    await expect(status(a)).toContainText('will be sent when the connection returns');

    leaveWithoutAsking(a);
    await a.reload();
    await expect.poll(() => texts(a), { timeout: 60_000 }).toEqual(['Decide; typed offline']);
    await expect(status(a)).toHaveAttribute('data-state', 'offline');
    await expect(status(a)).toContainText(KEPT);
    await expect(status(a)).toContainText('will be sent when the connection returns');
    expect(Number(await status(a).getAttribute('data-pending'))).toBeGreaterThan(0);
    expect(await texts(b)).toEqual(['Decide;']);

    // The unsent edits came back with the page, so leaving still asks (UI9).
    a.removeAllListeners('dialog');
    await a.getByTestId('clause').first().click(); // a page asks before leaving only once the user has touched it
    const asked = a.waitForEvent('dialog');
    await a.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(a.isClosed()).toBe(false);

    await a.context().setOffline(false);
    await expect.poll(() => texts(b), { timeout: 60_000 }).toEqual(['Decide; typed offline']);
    await expect(status(a)).toContainText('All changes saved', { timeout: 60_000 });
    await expect(status(a)).toHaveAttribute('data-pending', '0');
  });

  test('OFF2: with no network, a new tab opens the declaration from the service worker and the local copy, as the same participant', async ({
    browser,
    server,
    delegations: { id, chile, peru },
  }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await readyForOffline(a);
    await typeSaved(a, [b], 'Decide;');

    await a.context().setOffline(true);
    // The worker itself has no network: what opens below comes from its cache.
    const [worker] = a.context().serviceWorkers();
    expect(await worker!.evaluate(() => fetch('/index.html', { cache: 'no-store' }).then((r) => r.status, () => 'failed'))).toBe('failed');
    const c = await a.context().newPage();
    const response = await c.goto(`${server.baseUrl}/d/${id}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(() => texts(c), { timeout: 60_000 }).toEqual(['Decide;']);
    await expect(status(c)).toContainText(KEPT);
    await expect(c.getByTestId('me')).toContainText('Chile');

    await c.getByTestId('clause').first().locator('.ProseMirror').click();
    await c.keyboard.press('End');
    await c.keyboard.type(' from the new tab');
    await expect(status(c)).toContainText('will be sent when the connection returns');
    await a.context().setOffline(false);
    await expect.poll(() => texts(b), { timeout: 60_000 }).toEqual(['Decide; from the new tab']);
    await expect(status(c)).toContainText('All changes saved', { timeout: 60_000 });
  });

  test('OFF1: typed offline, the browser closed and started again offline: the text is there; online it is delivered', async ({ browser, server, delegations: { id, chile, peru } }) => {
    const b = await openAs(browser, peru);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-profile-'));
    const { launchOptions, viewport } = test.info().project.use;
    const launch = () => chromium.launchPersistentContext(profile, { ...launchOptions, viewport });
    let context: BrowserContext | null = null;
    try {
      context = await launch();
      const a = context.pages()[0] ?? (await context.newPage());
      await a.goto(chile.url.replace('localhost', '127.0.0.1'));
      await expect(status(a)).toHaveAttribute('data-state', 'connected');
      await readyForOffline(a);
      await typeSaved(a, [b], 'Decide;');
      await context.setOffline(true);
      await expect(status(a)).toHaveAttribute('data-state', 'offline');
      await a.keyboard.type(' typed before the restart');
      await expect(status(a)).toContainText('will be sent when the connection returns');
      await context.close();

      context = await launch();
      await context.setOffline(true);
      const again = context.pages()[0] ?? (await context.newPage());
      await again.goto(`${server.baseUrl}/d/${id}`);
      await expect.poll(() => texts(again), { timeout: 60_000 }).toEqual(['Decide; typed before the restart']);
      await expect(status(again)).toContainText(KEPT);
      expect(Number(await status(again).getAttribute('data-pending'))).toBeGreaterThan(0);
      expect(await texts(b)).toEqual(['Decide;']);

      await context.setOffline(false);
      await expect.poll(() => texts(b), { timeout: 60_000 }).toEqual(['Decide; typed before the restart']);
      await expect(status(again)).toContainText('All changes saved', { timeout: 60_000 });
    } finally {
      await context?.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  test('OFF3: a link revoked while edits were unsent: the copy stays and the text is still on this device after a reload; with nothing unsent the copy is cleared', async ({
    browser,
    server,
    delegations: { id, chair, chile, peru },
  }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await expect(status(a)).toHaveAttribute('data-kept', 'true');
    await expect(status(b)).toHaveAttribute('data-kept', 'true');
    await typeSaved(a, [b], 'Decide;');

    await a.context().setOffline(true);
    await expect(status(a)).toHaveAttribute('data-state', 'offline');
    await a.keyboard.type(' unsent');
    await expect(status(a)).toContainText('will be sent when the connection returns');
    await revoke(server, id, chair, 'Chile');
    await revoke(server, id, chair, 'Peru');

    // Peru had nothing unsent: its copy goes with its link.
    await expect(status(b)).toHaveAttribute('data-state', 'closed');
    await expect.poll(() => localCopies(b), { timeout: 60_000 }).toEqual([]);
    await b.reload();
    await expect(b.getByTestId('message-screen')).toContainText('This link does not work');

    // Chile's edits never reached the server: they stay on the device.
    await a.context().setOffline(false);
    await expect(status(a)).toHaveAttribute('data-state', 'closed', { timeout: 60_000 });
    await expect(a.getByTestId('closed-banner')).toContainText('Your link no longer works');
    await expect(status(a)).toContainText(/unsent edits? kept on this device/);
    expect((await localCopies(a)).length).toBe(2);

    leaveWithoutAsking(a);
    await a.reload();
    await expect.poll(() => texts(a), { timeout: 60_000 }).toEqual(['Decide; unsent']);
    await expect(status(a)).toHaveAttribute('data-state', 'closed');
    await expect(status(a)).toContainText(/unsent edits? kept on this device/);
    await expect(a.getByRole('alertdialog', { name: 'Your link no longer works' }).getByTestId('closed-unsent')).toContainText('They are kept on this device');
    expect((await localCopies(a)).length).toBe(2);
  });
});
