import path from 'node:path';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * The meeting room (docs/SPEC.md ROOM3–ROOM8): the chair puts clauses under
 * discussion with a click and with Alt+Shift+↑/↓, a delegation goes there
 * and follows the chair, the projector's room view follows by itself, and
 * the reading view reads on a tablet — each in a browser of its own, over
 * the demo declaration as printed (long enough to scroll).
 */
const DRAFT = path.resolve(import.meta.dirname, '../server/import/fixtures/declaration-of-buenos-aires-2023.txt');

const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const labels = (page: Page) => page.getByTestId('clause').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-label')!));

async function table(server: ServerHandle): Promise<{ id: string; chair: Participant; chile: Participant }> {
  const created = JSON.parse(await server.admin('create', '--import', DRAFT, '--chair', 'Argentina', '--delegation', 'Chile', '--delegation', 'Peru')) as {
    id: string;
    participants: Participant[];
  };
  const find = (name: string) => created.participants.find((p) => p.name === name)!;
  return { id: created.id, chair: find('Argentina'), chile: find('Chile') };
}

/** A participant's own link, to one of the views of the declaration: the link signs in there and stays there (ROOM6, ROOM8). */
function viewLink(participant: Participant, view: 'room' | 'read'): string {
  const url = new URL(participant.url.replace('localhost', '127.0.0.1'));
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${view}`;
  return url.toString();
}

/** The y-websocket messages a page sent, as [message type, sync message type]: 0 sync (0 step 1, 1 step 2, 2 update), 1 awareness. */
const sentMessages = new WeakMap<Page, number[][]>();

async function openView(browser: Browser, participant: Participant, view: 'room' | 'read', viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  const sent: number[][] = [];
  sentMessages.set(page, sent);
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') sent.push([payload[0]!, payload[1]!]);
    }),
  );
  await page.goto(viewLink(participant, view));
  await expect(page.getByTestId(`${view}-view`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('text-clause').first()).toBeVisible();
  return page;
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let background: number[] = [255, 255, 255];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const value = rgb(getComputedStyle(node).backgroundColor);
      if (value.length === 3 || (value.length === 4 && value[3] === 1)) {
        background = value.slice(0, 3);
        break;
      }
    }
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

/** Screenshots at a small laptop's, a common laptop's and a projector's width, each once the clause under discussion is in view. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, height: number) {
  const before = page.viewportSize();
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height });
    await expect(page.locator('[data-current=true]')).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

test.describe('the room', () => {
  test('ROOM3 ROOM4 ROOM5 ROOM6 ROOM7: the chair discusses a clause with a click, then moves with Alt+Shift+↑; Chile goes there, then follows the chair without losing its caret; the room view at 1920×1080 follows in large type', async ({
    browser,
    server,
  }, testInfo) => {
    test.slow();
    const { chair, chile } = await table(server);
    const a = await openAs(browser, chair);
    const c = await openAs(browser, chile);
    const room = await openView(browser, chile, 'room', { width: 1920, height: 1080 });

    const order = await labels(a);
    expect(order.length).toBeGreaterThan(20);
    const far = order[order.length - 2]!;
    const then = order[order.length - 5]!;
    await expect(a.getByTestId('now-discussing')).toContainText('No clause is under discussion');
    await expect(c.getByTestId('now-discussing')).toHaveCount(0);

    // A click: "Discuss" beside the clause's label, the chair's alone.
    await expect(c.getByTestId('discuss-button')).toHaveCount(0);
    await clause(a, far).hover();
    await clause(a, far).getByTestId('discuss-button').click();
    await expect(a.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${far}`);
    await expect(clause(a, far)).toHaveAttribute('data-current', 'true');
    await expect(clause(a, far).getByTestId('discuss-button')).toHaveAttribute('aria-pressed', 'true');

    // Chile is told, and goes there: the clause comes into view with the caret in it.
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${far}`);
    await expect(clause(c, far)).toHaveAttribute('data-current', 'true');
    await expect(clause(c, far)).not.toBeInViewport();
    await c.getByTestId('now-discussing-go').click();
    await expect(clause(c, far)).toBeInViewport();
    await expect(clause(c, far).locator('.ProseMirror')).toBeFocused();

    // The room view follows by itself.
    await expect(room.locator('[data-current=true]')).toHaveAttribute('data-label', far);
    await expect(room.locator('[data-current=true]')).toBeInViewport();

    // Chile follows the chair, remembered by this browser; then reads the top of the text with the caret in its first clause.
    await c.getByTestId('follow-chair').check();
    await c.reload();
    await expect(c.getByTestId('follow-chair')).toBeChecked();
    await c.evaluate(() => window.scrollTo(0, 0));
    await clause(c, order[0]!).locator('.ProseMirror').click();
    await expect(clause(c, then)).not.toBeInViewport();

    // The keyboard: Alt+Shift+↑ three times, wherever the chair's caret is.
    await clause(a, order[1]!).locator('.ProseMirror').click();
    for (let i = 0; i < 3; i++) await a.keyboard.press('Alt+Shift+ArrowUp');
    await expect(a.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${then}`);
    await expect(clause(a, then)).toHaveAttribute('data-current', 'true');
    await expect(clause(a, far)).not.toHaveAttribute('data-current', 'true');
    await expect(clause(a, then)).toBeInViewport();
    // The chair's text did not change: the keys moved the discussion, not the clause.
    expect(await labels(a)).toEqual(order);

    // Chile's screen brought it into view, smoothly, and the caret stayed where Chile was typing.
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${then}`);
    await expect(clause(c, then)).toBeInViewport();
    await expect(clause(c, order[0]!).locator('.ProseMirror')).toBeFocused();

    // The room view: the clause under discussion highlighted and in view; each clause's label and status; large type, high contrast; nothing to edit.
    const current = room.locator('[data-current=true]');
    await expect(current).toHaveAttribute('data-label', then);
    await expect(current).toBeInViewport();
    await expect(current.locator('.tv-clause__label')).toHaveText(then);
    await expect(current.getByTestId('text-clause-status')).toHaveText('Open');
    await expect(room.getByTestId('text-clause')).toHaveCount(order.length);
    const bodySize = await room.locator('.tv-clause__body').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(28);
    expect(await contrastOf(room, '[data-current=true] .tv-clause__body')).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(room, '[data-current=true] .tv-clause__label')).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(room, '[data-current=true] [data-testid=text-clause-status]')).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(room, '[data-testid=text-clause]:not([data-current]) .tv-clause__body')).toBeGreaterThanOrEqual(4.5);
    await expect(room.locator('[contenteditable=true], textarea, input, button')).toHaveCount(0);
    await expect(room.getByTestId('connection')).toHaveCount(0);
    // Read-only, and nobody at the table (ROOM7): it asked for the text (sync step 1, its empty step 2) and sent nothing else — no change, no presence.
    expect(sentMessages.get(room)!.filter(([type, sync]) => !(type === 0 && (sync === 0 || sync === 1)))).toEqual([]);

    // Live: a word the chair types shows on the projector.
    await clause(a, then).locator('.ProseMirror').click();
    await a.keyboard.press('End');
    await a.keyboard.type(' (as discussed)');
    await expect(current.locator('.tv-clause__body')).toContainText('(as discussed)');
    expect(sentMessages.get(room)!.filter(([type, sync]) => !(type === 0 && (sync === 0 || sync === 1)))).toEqual([]);

    await screenshots(a, testInfo, 'room-chair', 800);
    // The projector's window resized: the text reflows and the clause under discussion stays in view (ROOM6).
    await screenshots(room, testInfo, 'room-view', 1080);

    // The clause under discussion deleted: no clause is under discussion any more, on any screen (ROOM3).
    const last = order[order.length - 1]!;
    await clause(a, last).hover();
    await clause(a, last).getByTestId('discuss-button').click();
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${last}`);
    await clause(a, last).getByTestId('delete').click();
    await expect(clause(a, last)).toHaveCount(0);
    await expect(a.getByTestId('now-discussing')).toContainText('No clause is under discussion');
    await expect(c.getByTestId('now-discussing')).toHaveCount(0);
    await expect(room.locator('[data-current=true]')).toHaveCount(0);
  });

  test('ROOM9: the chair steers the discussion from the room view with ↑/↓ (the projector is often the chair\'s laptop); a delegation\'s room view only follows', async ({ browser, server }) => {
    const { chair, chile } = await table(server);
    const c = await openAs(browser, chile);
    const order = await labels(c);
    const projector = await openView(browser, chair, 'room', { width: 1920, height: 1080 });
    const chileRoom = await openView(browser, chile, 'room', { width: 1366, height: 768 });
    await expect(projector.getByTestId('room-keys-hint')).toBeVisible();
    await expect(chileRoom.getByTestId('room-keys-hint')).toHaveCount(0);

    // From no clause, ↓ starts at the first; a second ↓ goes on to the next; the hint has done its job.
    await projector.keyboard.press('ArrowDown');
    await projector.keyboard.press('ArrowDown');
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${order[1]}`);
    await expect(projector.locator('[data-current=true]')).toHaveAttribute('data-label', order[1]!);
    await expect(chileRoom.locator('[data-current=true]')).toHaveAttribute('data-label', order[1]!);
    await expect(projector.getByTestId('room-keys-hint')).toHaveCount(0);
    // PageUp, what a presenter's clicker sends, goes back.
    await projector.keyboard.press('PageUp');
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${order[0]}`);

    // A delegation's room view steers nothing: its keys only scroll its own page.
    await chileRoom.keyboard.press('ArrowDown');
    await chileRoom.keyboard.press('PageDown');
    await expect(chileRoom.locator('[data-current=true]')).toHaveAttribute('data-label', order[0]!);
    await expect(c.getByTestId('now-discussing-label')).toHaveText(`Now discussing: ${order[0]}`);
    // Still nothing sent on the websocket by either view: the step is a request to the server (ROOM1), not a change (ROOM7).
    for (const view of [projector, chileRoom]) expect(sentMessages.get(view)!.filter(([type, sync]) => !(type === 0 && (sync === 0 || sync === 1)))).toEqual([]);
  });

  test('ROOM8: the reading view on a tablet: the text as it prints, working labels and statuses, nothing to edit, no sideways scrolling; the room view opens from the top bar', async ({ browser, server }, testInfo) => {
    const { chair, chile } = await table(server);
    const a = await openAs(browser, chair);
    const order = await labels(a);
    // The chair agrees a clause: its status shows in the reading view.
    await clause(a, order[0]!).getByTestId('status-chip').click();
    await clause(a, order[0]!).locator('input[name=state][value=agreed]').check();
    await clause(a, order[0]!).getByTestId('status-apply').click();
    await expect(clause(a, order[0]!)).toHaveAttribute('data-state', 'agreed');

    const tablet = await openView(browser, chile, 'read', { width: 768, height: 1024 });
    await expect(tablet.getByTestId('text-clause')).toHaveCount(order.length);
    expect(await tablet.getByTestId('text-clause').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-label')))).toEqual(order);
    await expect(tablet.locator(`[data-label="${order[0]}"]`).getByTestId('text-clause-status')).toHaveText('Agreed');
    await expect(tablet.locator(`[data-label="${order[1]}"]`).getByTestId('text-clause-status')).toHaveText('Open');
    await expect(tablet.locator('[contenteditable=true], textarea, input')).toHaveCount(0);
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    const size = await tablet.locator('.tv-clause__body').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await tablet.screenshot({ path: testInfo.outputPath('reading-view-768.png') });
    await tablet.setViewportSize({ width: 1366, height: 800 });
    await tablet.screenshot({ path: testInfo.outputPath('reading-view-1366.png') });
    await tablet.getByTestId('back-to-text').click();
    await expect(tablet.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

    // From the top bar: Views → Room view, in a new tab.
    await a.getByTestId('open-views').click();
    const [projector] = await Promise.all([a.context().waitForEvent('page'), a.getByTestId('room-view-link').click()]);
    await expect(projector.getByTestId('room-view')).toBeVisible({ timeout: 30_000 });
    await expect(projector.getByTestId('text-clause')).toHaveCount(order.length);
  });
});
