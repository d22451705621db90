import { expect, openAs, test, texts } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The connection as a delegate on conference Wi-Fi lives it (docs/SPEC.md: UI1, SYNC3, SYNC4, AUTH3). */
const status = (page: Page) => page.getByTestId('connection');

test.describe('connection', () => {

  test('UI1 SYNC4: offline, typing goes on and the edits are counted; back online they reach the others', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide;');
    await expect.poll(() => texts(b)).toEqual(['Decide;']);
    await expect(status(a)).toContainText('All changes saved');

    await a.context().setOffline(true);
    await expect(status(a)).toHaveAttribute('data-state', 'offline');
    await expect(status(a)).toContainText('Offline');
    await a.keyboard.type(' typed offline');
    await expect(status(a)).toContainText(/will be sent when the connection returns/);
    expect(Number(await status(a).getAttribute('data-pending'))).toBeGreaterThan(0);
    await a.waitForTimeout(300);
    expect(await texts(b)).toEqual(['Decide;']);

    await a.context().setOffline(false);
    await expect(status(a)).toHaveAttribute('data-state', 'connected');
    await expect.poll(() => texts(b)).toEqual(['Decide; typed offline']);
    await expect(status(a)).toContainText('All changes saved');
    await expect(status(a)).toHaveAttribute('data-pending', '0');
  });

  test('UI9: while edits are not yet on the server, closing the tab asks first; once they are saved it does not', async ({ browser, delegations: { chile } }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide;');
    await expect(status(a)).toContainText('All changes saved');

    await a.context().setOffline(true);
    await expect(status(a)).toHaveAttribute('data-state', 'offline');
    await a.keyboard.type(' typed offline');
    await expect(status(a)).toContainText(/will be sent when the connection returns/);
    const dialog = a.waitForEvent('dialog');
    await a.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss(); // the delegate chooses to stay
    expect(a.isClosed()).toBe(false);
    expect(await texts(a)).toEqual(['Decide; typed offline']);

    await a.context().setOffline(false);
    await expect(status(a)).toContainText('All changes saved');
    let askedAgain = false;
    a.on('dialog', (d) => {
      askedAgain = true;
      void d.accept();
    });
    const closed = a.waitForEvent('close');
    await a.close({ runBeforeUnload: true });
    await closed;
    expect(askedAgain).toBe(false);
  });

  test('SYNC3 UI1: the server stops and comes back; pages reconnect by themselves and nothing is lost', async ({ browser, server, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Before the restart;');
    await expect.poll(() => texts(b)).toEqual(['Before the restart;']);

    await server.stop();
    await expect(status(a)).toHaveAttribute('data-state', 'reconnecting');
    await a.keyboard.type(' during');
    await expect(status(a)).toContainText(/will be sent/);
    await server.start();
    await expect(status(a)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    await expect(status(b)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    await expect.poll(() => texts(b), { timeout: 15_000 }).toEqual(['Before the restart; during']);
    await expect(status(a)).toContainText('All changes saved');
    await b.reload();
    await expect.poll(() => texts(b)).toEqual(['Before the restart; during']);
  });

  test('AUTH3: a link signs in and leaves the address bar; a bad link says so in words', async ({ browser, server, delegations: { chile } }) => {
    const a = await openAs(browser, chile);
    expect(a.url()).not.toContain('token');
    const cookies = await a.context().cookies();
    const session = cookies.find((c) => c.name.startsWith('consenso_'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(chile.url.replace(/token=[^&]+/, 'token=not-a-real-token'));
    await expect(stranger.getByTestId('message-screen')).toContainText('This link does not work');
    expect(stranger.url()).not.toContain('token');

    const lost = await (await browser.newContext()).newPage();
    await lost.goto(`${server.baseUrl}/d/no-such-declaration`);
    await expect(lost.getByTestId('message-screen')).toContainText('Declaration not found');
  });
});
