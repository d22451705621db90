import type { Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/**
 * The silence procedure as the room lives it (docs/SPEC.md SIL9): the chair
 * starts it with a deadline seconds ahead (after the short-deadline
 * warning), a delegation sees the countdown and breaks silence with a
 * reason, both see who broke it and why; a second procedure runs unbroken
 * to "Adopted on …", and the text can no longer be edited.
 */
const TEXT = 'Decide to meet again next year';

/** A `datetime-local` value `ms` from now, in the browser's own time zone, to the second. */
function localIn(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, ms);
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    // SHOTS_DIR keeps them somewhere other runs do not clean (test-results is emptied by every run).
    await page.screenshot({ path: process.env.SHOTS_DIR ? `${process.env.SHOTS_DIR}/${name}-${width}.png` : testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** WCAG's contrast ratio of two computed CSS colours (rgb()/rgba() with alpha 1), from their relative luminance. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The chair opens the dialog and starts a procedure `ms` ahead, confirming the short deadline and giving the reason. */
async function start(chair: Page, ms: number, testInfo?: TestInfo) {
  await chair.getByTestId('silence-start').click();
  const dialog = chair.getByTestId('silence-start-dialog');
  await expect(dialog).toBeVisible();
  await chair.getByTestId('silence-deadline').fill(await localIn(chair, ms));
  await expect(chair.getByTestId('silence-short-warning')).toBeVisible();
  await chair.getByTestId('silence-start-reason').fill('The last paragraph was agreed orally in plenary.');
  // Not without ticking the warning.
  await chair.getByTestId('silence-start-confirm').click();
  await expect(dialog.getByRole('alert')).toContainText('less than 24 hours ahead');
  await chair.getByTestId('silence-short').check();
  if (testInfo) await screenshots(chair, testInfo, 'silence-start-dialog');
  await chair.getByTestId('silence-start-confirm').click();
  await expect(dialog).toBeHidden();
}

test('SIL9: started by the chair, broken by a delegation with its reason, seen by both; then adopted unbroken', async ({ browser, delegations }, testInfo) => {
  const chair = await openAs(browser, delegations.chair);
  await chair.getByTestId('add-operative').click();
  await chair.keyboard.type(TEXT);
  await expect.poll(() => texts(chair)).toEqual([TEXT]);
  await expect(chair.getByTestId('connection')).toHaveAttribute('data-pending', '0');
  // The chair's top bar at 1366 px before any procedure: adoption must not make it taller.
  await chair.setViewportSize({ width: 1366, height: 800 });
  const barBefore = (await chair.locator('header.topbar').boundingBox())!.height;
  // The chair's link sits in the page's column: a side panel narrows it with the text, never covers it.
  await chair.getByTestId('open-comments').click();
  const link = (await chair.getByTestId('silence-start').boundingBox())!;
  expect(link.x + link.width).toBeLessThanOrEqual((await chair.getByTestId('comments-panel').boundingBox())!.x);
  await chair.getByTestId('open-comments').click();
  await expect(chair.getByTestId('comments-panel')).toHaveCount(0);
  await chair.setViewportSize({ width: 1400, height: 900 });
  const chile = await openAs(browser, delegations.chile);
  await expect.poll(() => texts(chile)).toEqual([TEXT]);
  // Only the chair may start one.
  await expect(chile.getByTestId('silence-start')).toHaveCount(0);
  await expect(chile.getByTestId('suggest-button')).toHaveCount(1);

  await expect(chair.getByTestId('now-discussing')).toContainText('No clause is under discussion');
  await start(chair, 10 * 60_000, testInfo);
  for (const page of [chair, chile]) {
    await expect(page.getByTestId('silence-running')).toContainText('the text is frozen until');
    await expect(page.getByTestId('silence-countdown')).toHaveText(/^\d+m \d+s left$/);
  }
  // Frozen: the editing controls are gone.
  await expect(chile.getByTestId('add-operative')).toHaveCount(0);
  await expect(chile.locator('.ProseMirror[contenteditable=true]')).toHaveCount(0);
  await expect(chair.getByTestId('silence-break')).toHaveCount(0);
  // No proposal either (SIL4): a delegation that wants other words breaks silence.
  await expect(chile.getByTestId('suggest-button')).toHaveCount(0);
  // Break silence is legible, and stands out from the band it sits on (WCAG AA: 4.5:1 for its words, 3:1 for the button).
  const colours = await chile.getByTestId('silence-break').evaluate((button) => {
    const style = getComputedStyle(button);
    return { text: style.color, button: style.backgroundColor, band: getComputedStyle(button.closest('.silence')!).backgroundColor };
  });
  expect(contrast(colours.text, colours.button)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.button, colours.band)).toBeGreaterThanOrEqual(3);
  await screenshots(chile, testInfo, 'silence-running');

  // SIL9: the position button stays, but opens nothing — neither by a click nor by Ctrl+Alt+P — and says why on focus.
  const position = chile.getByTestId('position-button');
  await chile.getByTestId('clause').first().hover();
  await expect(position).toHaveAttribute('aria-disabled', 'true');
  // force: Playwright will not click what says it is disabled; a person can, and nothing must open.
  await position.click({ force: true });
  await expect(chile.getByTestId('position-menu')).toHaveCount(0);
  await position.focus();
  await chile.keyboard.press('Control+Alt+KeyP');
  await expect(chile.getByTestId('position-menu')).toHaveCount(0);
  await chile.mouse.move(0, 0);
  await position.blur();
  await expect(chile.getByTestId('position-frozen-why')).toBeHidden();
  await position.focus();
  await expect(chile.getByTestId('position-frozen-why')).toBeVisible();
  await expect(chile.getByTestId('position-frozen-why')).toContainText('under a silence procedure');
  await expect(chile.getByTestId('position-frozen-why')).toContainText('A delegation that objects breaks silence');
  await expect(position).toHaveAccessibleDescription(/under a silence procedure/);
  await chile.keyboard.press('Escape');
  await expect(chile.getByTestId('position-frozen-why')).toBeHidden();

  // The room view, on the projector, says it too, with the time left.
  const room = await chair.context().newPage();
  await room.goto(`${new URL(chair.url()).origin}/d/${delegations.id}/room`);
  await expect(room.getByTestId('text-view-silence')).toContainText('the text is frozen until');
  await expect(room.getByTestId('text-view-silence')).toContainText(/\d+m \d+s left/);
  const line = await room.getByTestId('text-view-silence').evaluate((p) => ({ text: getComputedStyle(p).color, background: getComputedStyle(p).backgroundColor }));
  expect(contrast(line.text, line.background)).toBeGreaterThanOrEqual(4.5);

  await chile.getByTestId('silence-break').click();
  await chile.getByTestId('silence-break-dialog-confirm').click();
  await expect(chile.getByTestId('silence-break-dialog').getByRole('alert')).toHaveText('Write the reason first.');
  await chile.getByTestId('silence-break-dialog-reason').fill('Our capital needs one more day on OP1.');
  await chile.getByTestId('silence-break-dialog-confirm').click();
  for (const page of [chair, chile]) {
    await expect(page.getByTestId('silence-ended')).toContainText('Chile broke silence');
    await expect(page.getByTestId('silence-ended')).toContainText('Our capital needs one more day on OP1.');
    await expect(page.getByTestId('silence-running')).toHaveCount(0);
  }
  await expect(chile.getByTestId('add-operative')).toBeVisible();
  await expect(room.getByTestId('text-view-silence')).toHaveCount(0);
  await expect(chile.getByTestId('suggest-button')).toHaveCount(1);
  // Unfrozen: the position menu opens again.
  await chile.getByTestId('clause').first().hover();
  await expect(position).not.toHaveAttribute('aria-disabled');
  await position.click();
  await expect(chile.getByTestId('position-menu')).toBeVisible();
  await chile.keyboard.press('Escape');
  await expect(chile.getByTestId('position-menu')).toHaveCount(0);
  await screenshots(chair, testInfo, 'silence-broken');

  // A second procedure, a few seconds long, goes unbroken: adopted, for good.
  await start(chair, 4000);
  await expect(chile.getByTestId('silence-running')).toBeVisible();
  for (const page of [chair, chile]) {
    await expect(page.getByTestId('topbar-adopted')).toContainText('Adopted on', { timeout: 30_000 });
    await expect(page.getByTestId('silence-adopted')).toContainText('was adopted on');
  }
  await expect(chair.getByTestId('silence-start')).toHaveCount(0);
  await expect(room.getByTestId('text-view-silence')).toContainText('Adopted on');
  // The text is final: the chair is no longer asked to choose a clause to discuss.
  await expect(chair.getByTestId('now-discussing')).toHaveCount(0);
  await position.focus();
  await expect(chile.getByTestId('position-frozen-why')).toContainText('its text is final');
  await expect(chair.getByTestId('add-operative')).toHaveCount(0);
  await expect(chile.locator('.ProseMirror[contenteditable=true]')).toHaveCount(0);
  // "Adopted on …" takes the place of the clause counts: the bar is no taller at 1366 px than before, and Chile's stays one line.
  await chair.setViewportSize({ width: 1366, height: 800 });
  expect((await chair.locator('header.topbar').boundingBox())!.height).toBeLessThanOrEqual(barBefore);
  await chile.setViewportSize({ width: 1366, height: 800 });
  expect((await chile.locator('header.topbar').boundingBox())!.height).toBeLessThan(60);
  await chile.setViewportSize({ width: 1400, height: 900 });
  await screenshots(chair, testInfo, 'silence-adopted');
});
