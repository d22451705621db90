import type { Browser, Page, TestInfo } from '@playwright/test';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { insertClauses } from '../shared/document/clauseOps.ts';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { plain } from '../shared/richText.ts';
import { clauseTexts, expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * The screen as a delegate's laptop, a projector at 150 % and a wide screen show it (docs/SPEC.md LAY1–LAY5):
 * the text's measure beside every side panel, the top bar on one line, sizes and contrast, the caret flags.
 */

interface Size {
  name: string;
  width: number;
  height: number;
  /** Browser zoom, emulated as a device scale factor on a viewport of width / zoom CSS pixels. */
  zoom: number;
}

const SIZES: Size[] = [
  { name: '1024', width: 1024, height: 768, zoom: 1 },
  { name: '1366', width: 1366, height: 768, zoom: 1 },
  { name: '1920', width: 1920, height: 1080, zoom: 1 },
  { name: '1024 at 150 %', width: 1024, height: 768, zoom: 1.5 },
  { name: '1366 at 150 %', width: 1366, height: 768, zoom: 1.5 },
  { name: '1920 at 150 %', width: 1920, height: 1080, zoom: 1.5 },
];

/** A participant's page at a screen size and zoom, in a context of its own; `lang` as `?lang=` (I18N3). */
async function openSized(browser: Browser, participant: Participant, size: Size, lang?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: Math.round(size.width / size.zoom), height: Math.round(size.height / size.zoom) },
    deviceScaleFactor: size.zoom,
  });
  const page = await context.newPage();
  await page.goto(participant.url.replace('localhost', '127.0.0.1'));
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  if (!lang) return page;
  // The link's redirect (AUTH3) drops other parameters: `?lang=` on the address it lands on, as a test of I18N3 does.
  const url = new URL(page.url());
  url.searchParams.set('lang', lang);
  await page.goto(url.href);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return page;
}

/** A stock y-websocket client for `participant`: present, as the server names them, optionally in a clause. */
function connect(server: ServerHandle, declarationId: string, participant: Participant, doc = new Y.Doc()): WebsocketProvider {
  const provider = new WebsocketProvider(server.baseUrl.replace('http', 'ws') + '/collab', declarationId, doc, {
    params: { token: participant.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', { name: participant.name });
  return provider;
}

/** How many `ch` of its own font a clause's editable text is wide (45 is the floor, LAY1). */
function measureInCh(page: Page, label: string): Promise<number> {
  return page.locator(`[data-testid=clause][data-label="${label}"] .ProseMirror`).evaluate((editor) => {
    const style = getComputedStyle(editor);
    // The probe lives outside the editor (ProseMirror would take it for text) in the editor's own font.
    const probe = document.createElement('span');
    probe.style.cssText = `position:absolute;visibility:hidden;width:1ch;font-family:${style.fontFamily};font-size:${style.fontSize};font-style:${style.fontStyle};font-weight:${style.fontWeight}`;
    document.body.append(probe);
    const ch = probe.getBoundingClientRect().width;
    probe.remove();
    return editor.getBoundingClientRect().width / ch;
  });
}

/** Everything drawn in the clauses' margins, that lies outside the sheet of paper, and whether the page scrolls sideways. */
function outsideThePage(page: Page): Promise<{ outside: string[]; scrollsSideways: boolean }> {
  return page.evaluate(() => {
    const sheet = document.querySelector('.declaration')!.getBoundingClientRect();
    const outside: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.declaration .clause__gutter *, .declaration .clause__rail *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('[hidden], .sr-only')) continue;
      if (box.left < sheet.left - 0.5 || box.right > sheet.right + 0.5) outside.push(`${element.className || element.tagName} "${element.textContent?.slice(0, 30)}" ${Math.round(box.left)}–${Math.round(box.right)} (page ${Math.round(sheet.left)}–${Math.round(sheet.right)})`);
    }
    return { outside: [...new Set(outside)].slice(0, 6), scrollsSideways: document.documentElement.scrollWidth > window.innerWidth + 1 };
  });
}

/** Clicks a top-bar tool, from the bar or, where the bar had no room for it, from "More" (LAY2). */
async function useTool(page: Page, testId: string, moreTestId: string) {
  if (await page.getByTestId(testId).isVisible()) await page.getByTestId(testId).click();
  else {
    await page.getByTestId('open-more').click();
    await page.getByTestId(moreTestId).click();
  }
}

/** The top bar is one row: no item below another, and no taller than its tallest item and its padding. */
async function expectOneRow(page: Page, what: string) {
  const bar = await page.getByTestId('topbar').evaluate((header) => {
    const style = getComputedStyle(header);
    const items = [...header.children].map((child) => child.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
    const frame = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom) + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.borderBottomWidth);
    const box = header.getBoundingClientRect();
    return {
      height: box.height,
      oneRow: Math.max(...items.map((item) => item.height)) + frame,
      centres: items.map((item) => item.top + item.height / 2),
      right: Math.max(...items.map((item) => item.right)),
      edge: box.right,
    };
  });
  expect(bar.height, `${what}: the bar's height`).toBeLessThanOrEqual(bar.oneRow + 1);
  expect(Math.max(...bar.centres) - Math.min(...bar.centres), `${what}: the items' centres`).toBeLessThan(8);
  expect(bar.right, `${what}: nothing past the bar's right edge`).toBeLessThanOrEqual(bar.edge + 1);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.describe('the screen at every size', () => {
  test.describe.configure({ timeout: 480_000 });

  test('LAY1 LAY3: beside the comments, proposals or versions panel the text keeps 45 characters a line at 1024, 1366, 1920 px and at 150 %, and nothing leaves the page', async ({ browser, server }, testInfo) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const chair = people.find((p) => p.role === 'chair')!;
    for (const size of SIZES) {
      const page = await openSized(browser, chair, size);
      await expect(page.locator('[data-testid=clause][data-label="OP1"] .ProseMirror')).toBeVisible();
      expect.soft(await measureInCh(page, 'OP1'), `${size.name}: OP1 with no panel`).toBeGreaterThanOrEqual(45);
      expect.soft(await outsideThePage(page), `${size.name}: no panel`).toEqual({ outside: [], scrollsSideways: false });
      for (const [panel, open, more] of [
        ['comments', 'open-comments', ''],
        ['proposals', 'open-proposals', ''],
        ['versions', 'open-versions', 'more-versions'],
      ] as const) {
        await useTool(page, open, more);
        await expect(page.getByTestId(`${panel}-panel`)).toBeVisible();
        const what = `${size.name}, ${panel} panel open`;
        expect.soft(await measureInCh(page, 'OP1'), `${what}: OP1`).toBeGreaterThanOrEqual(45);
        expect.soft(await outsideThePage(page), what).toEqual({ outside: [], scrollsSideways: false });
        // Beside the text, or over it: either way the panel is whole on the screen and its Close is at hand.
        const box = (await page.getByTestId(`${panel}-panel`).boundingBox())!;
        expect(box.x + box.width, what).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
        if (panel === 'comments' && size.zoom === 1) await attachScreenshot(page, testInfo, `comments-panel-${size.width}`);
        await useTool(page, open, more);
        await expect(page.getByTestId(`${panel}-panel`)).toHaveCount(0);
      }
      await page.context().close();
    }
  });

  test('LAY2: with forty present and long names in Spanish and French, the top bar stays one line at 1366 and 1024 px; "More" works from the keyboard', async ({ browser, server }) => {
    const long = [
      'Estado Plurinacional de Bolivia', 'República Dominicana', 'San Vicente y las Granadinas', 'Saint-Christophe-et-Niévès',
      'Antigua y Barbuda', 'Trinidad y Tabago', 'República Federativa do Brasil', 'Estados Unidos Mexicanos',
    ];
    const delegations = Array.from({ length: 37 }, (_, i) => `${long[i % long.length]} ${i + 1}`);
    const created = await server.createDeclaration('Declaración de la Conferencia de Ministros de Defensa de las Américas sobre la paz', {
      chair: 'República Bolivariana de Venezuela',
      delegations,
      observers: ['Organización de los Estados Americanos'],
      secretariat: 'Secretaría Pro Tempore de la Conferencia',
    });
    const chair = created.participants.find((p) => p.role === 'chair')!;
    process.setMaxListeners(Math.max(process.getMaxListeners(), created.participants.length + 10));
    const others = created.participants.filter((p) => p !== chair).map((p) => connect(server, created.id, p));
    try {
      for (const lang of ['es', 'fr']) {
        const page = await openSized(browser, chair, { name: '1366', width: 1366, height: 768, zoom: 1 }, lang);
        await expect(page.getByTestId('presence-summary')).toContainText('40');
        for (const width of [1366, 1024]) {
          await page.setViewportSize({ width, height: 768 });
          await expectOneRow(page, `${lang} at ${width} px`);
        }
        await page.context().close();
      }

      // At 1024 px the tools with no room are in "More": Enter opens it on its first entry, the arrows move, Escape closes and gives the focus back.
      const page = await openSized(browser, chair, { name: '1024', width: 1024, height: 768, zoom: 1 }, 'en');
      const more = page.getByTestId('open-more');
      await expect(more).toBeVisible();
      await expectOneRow(page, 'en at 1024 px');
      await more.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'More tools' });
      await expect(menu).toBeVisible();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      const entries = menu.getByRole('menuitem');
      expect(await entries.count()).toBeGreaterThanOrEqual(2);
      await expect(entries.first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(entries.nth(1)).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(entries.last()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(more).toBeFocused();
      // Space opens it too, and an entry does what the bar's button does.
      await page.keyboard.press(' ');
      await expect(menu).toBeVisible();
      await menu.getByRole('menuitem', { name: 'Versions' }).press('Enter');
      await expect(page.getByTestId('versions-panel')).toBeVisible();
      await expect(menu).toHaveCount(0);
      // Wider, the tools come back into the bar.
      await page.setViewportSize({ width: 1920, height: 900 });
      await expect(page.getByTestId('open-versions')).toBeVisible();
      await expect(page.getByTestId('open-more')).toHaveCount(0);
      await expectOneRow(page, 'en at 1920 px');
    } finally {
      for (const provider of others) provider.destroy();
    }
  });

  test('LAY3: gutter labels, status chips, "who, when", presence chips and badges are 14 px or more with 4.5:1 contrast', async ({ browser, server, delegations: { id, chair, chile, peru } }) => {
    const doc = new Y.Doc();
    const chileClient = connect(server, id, chile, doc);
    try {
      await expect.poll(() => chileClient.synced).toBe(true);
      insertClauses(doc, { kind: 'operative', parent: null }, [plain('Decide to cooperate;'), plain('Decide to meet again;')]);
      const [op1, op2] = readDeclaration(doc).clauses.map((clause) => clause.id);
      // Chile is in OP2; Peru wrote a comment the chair has not read; the chair set OP1 ad ref.
      chileClient.awareness.setLocalStateField('activeClause', op2);
      const comment = await fetch(`${server.baseUrl}/api/declarations/${id}/threads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${peru.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clauseId: op1, anchor: 'clause', body: 'Could we say "agree" here?' }),
      });
      expect(comment.status).toBe(201);
      const status = await fetch(`${server.baseUrl}/api/declarations/${id}/clauses/${op1}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${chair.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'ad-ref' }),
      });
      expect(status.status).toBe(200);
      for (const size of [SIZES[1]!, SIZES[4]!]) {
        const page = await openSized(browser, chair, size);
        await expect(page.getByTestId('status-by')).toHaveCount(1);
        await expect(page.locator('.presence-dots__chip')).toHaveCount(1);
        await expect(page.getByTestId('comments-unread')).toBeVisible();
        await page.getByTestId('open-comments').click();
        await expect(page.locator('.comment__when').first()).toBeVisible();
        const measured = await page.evaluate(() => {
          const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
          const luminance = ([r, g, b]: number[]) => {
            const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
            return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
          };
          // The colour behind an element: the first opaque background up its ancestors.
          const background = (element: Element | null): number[] => {
            for (let at = element; at; at = at.parentElement) {
              const [r, g, b, a] = rgb(getComputedStyle(at).backgroundColor);
              if (a === undefined || a > 0.5) return [r!, g!, b!];
            }
            return [255, 255, 255];
          };
          const selectors = ['.clause__label', '.status-chip', '[data-testid=status-by]', '.presence-dots__chip', '.badge', '.comment__when', '.comment__author', '.thread__label', '.topbar__counts', '.topbar button'];
          return selectors.map((selector) => {
            const elements = [...document.querySelectorAll(selector)].filter((e) => (e as HTMLElement).offsetWidth > 0);
            return {
              selector,
              count: elements.length,
              failures: elements.flatMap((element) => {
                const style = getComputedStyle(element);
                const size = Number.parseFloat(style.fontSize);
                const [l1, l2] = [luminance(rgb(style.color)), luminance(background(element))].sort((a, b) => b - a) as [number, number];
                const ratio = (l1 + 0.05) / (l2 + 0.05);
                return size >= 14 && ratio >= 4.5 ? [] : [`${element.textContent?.trim().slice(0, 20)}: ${size} px, ${ratio.toFixed(2)}:1`];
              }),
            };
          });
        });
        for (const { selector, count, failures } of measured) {
          expect(count, `${size.name}: ${selector} on screen`).toBeGreaterThan(0);
          expect(failures, `${size.name}: ${selector}`).toEqual([]);
        }
        await page.context().close();
      }
    } finally {
      chileClient.destroy();
    }
  });

  test('LAY5: another participant\'s caret flag shows while they type, and when idle it covers no word of the line above', async ({ browser, delegations: { chile, peru } }) => {
    const writer = await openAs(browser, chile);
    const reader = await openAs(browser, peru);
    await writer.getByTestId('add-operative').click();
    const words = 'Decide to strengthen cooperation among the defence ministries of the region in peace operations, disaster relief, humanitarian assistance and the exchange of experience between their staff colleges and training centres;';
    await writer.keyboard.type(words);
    const clause = reader.locator('[data-testid=clause][data-label="OP1"]');
    await expect.poll(async () => (await clauseTexts(reader))[0]?.text).toBe(words);
    // Chile's caret at the end of the clause, on its last line; Chile types a word there.
    await writer.keyboard.type(' Done');
    const caret = clause.locator('.collaboration-carets__caret');
    const flag = caret.locator('.collaboration-carets__label');
    await expect(caret).toHaveCount(1);
    await expect(flag).toBeVisible();
    await expect(flag).toHaveText('Chile');
    // Idle: after the 2 s the flag is gone, and the words under where it was are the clause's text.
    await expect(flag).toBeHidden({ timeout: 10_000 });
    const covered = await caret.evaluate((element) => {
      const label = element.querySelector('.collaboration-carets__label')!;
      const box = label.getBoundingClientRect();
      const lines = element.closest('.ProseMirror')!.getBoundingClientRect();
      const points: [number, number][] = [
        [box.left + 2, box.top + box.height / 2],
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.right - 2, box.top + box.height / 2],
      ];
      return {
        // The flag's place lies over the line above the caret (a line of the clause): that is what it used to hide.
        overText: box.top >= lines.top - 1,
        hits: points.map(([x, y]) => {
          const hit = document.elementFromPoint(x, y);
          return hit === label || label.contains(hit) ? 'flag' : hit?.closest('.ProseMirror') ? 'text' : (hit?.className ?? 'nothing');
        }),
      };
    });
    expect(covered.overText).toBe(true);
    expect(covered.hits).toEqual(['text', 'text', 'text']);
    // Pointing at the caret names its owner.
    await caret.hover({ force: true });
    await expect(flag).toBeVisible();
  });
});
