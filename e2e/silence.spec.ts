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
  await chair.setViewportSize({ width: 1400, height: 900 });
  const chile = await openAs(browser, delegations.chile);
  await expect.poll(() => texts(chile)).toEqual([TEXT]);
  // Only the chair may start one.
  await expect(chile.getByTestId('silence-start')).toHaveCount(0);

  await start(chair, 10 * 60_000, testInfo);
  for (const page of [chair, chile]) {
    await expect(page.getByTestId('silence-running')).toContainText('the text is frozen until');
    await expect(page.getByTestId('silence-countdown')).toHaveText(/^\d+m \d+s left$/);
  }
  // Frozen: the editing controls are gone.
  await expect(chile.getByTestId('add-operative')).toHaveCount(0);
  await expect(chile.locator('.ProseMirror[contenteditable=true]')).toHaveCount(0);
  await expect(chair.getByTestId('silence-break')).toHaveCount(0);
  await screenshots(chile, testInfo, 'silence-running');

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
  await screenshots(chair, testInfo, 'silence-broken');

  // A second procedure, a few seconds long, goes unbroken: adopted, for good.
  await start(chair, 4000);
  await expect(chile.getByTestId('silence-running')).toBeVisible();
  for (const page of [chair, chile]) {
    await expect(page.getByTestId('topbar-adopted')).toContainText('Adopted on', { timeout: 30_000 });
    await expect(page.getByTestId('silence-adopted')).toContainText('was adopted on');
  }
  await expect(chair.getByTestId('silence-start')).toHaveCount(0);
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
