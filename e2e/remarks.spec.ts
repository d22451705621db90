import type { Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, type Participant } from './fixtures.ts';

/**
 * Drafting remarks that fit the text (docs/SPEC.md DRAFT1–DRAFT10): none on
 * the demo, which is consistent with itself; a slip typed by a delegation
 * shows under its clause, is dismissed for everyone by keyboard and can be
 * restored; an observer sees none and the server refuses its dismissal.
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

async function typeAtEnd(page: Page, label: string, keys: () => Promise<void>) {
  await clause(page, label).locator('.ProseMirror').click();
  // The end of the clause, not of the line the click landed on.
  await page.keyboard.press('Control+End');
  await keys();
}

/** The screen as a delegate sees it, at a small laptop's width, a common one and a large one. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, around: ReturnType<Page['locator']>) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    await around.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
}

test.describe('drafting remarks', () => {
  test('DRAFT1: the demo — the real Declaration of Buenos Aires — shows no remark; a slip typed into it shows one until mended', async ({ browser, server }) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const page = await openAs(browser, people.find((p) => p.role === 'chair')!);
    await expect.poll(() => page.getByTestId('clause').count(), { timeout: 30_000 }).toBeGreaterThan(25);
    await expect(page.getByTestId('drafting-remark')).toHaveCount(0);
    // The checks run: a missing final period on OP3 is found, and the remark goes once it is typed back.
    await typeAtEnd(page, 'OP3', () => page.keyboard.press('Backspace'));
    await expect(clause(page, 'OP3').getByTestId('drafting-remark')).toHaveText('No punctuation mark at the end.');
    await page.keyboard.type('.');
    await expect(clause(page, 'OP3').getByTestId('drafting-remark')).toHaveCount(0);
    await expect(page.getByTestId('drafting-remark')).toHaveCount(0);
    await page.getByTestId('open-export').click();
    await expect(page.getByTestId('export-menu')).toBeVisible();
    await expect(page.getByTestId('export-warnings')).toHaveCount(0);
  });

  test('DRAFT10: a delegation dismisses a remark by keyboard and it is gone for everyone; it can be restored; an observer cannot dismiss', async ({ browser, server }, testInfo) => {
    const created = await server.createDeclaration('Remarks', { chair: 'Argentina', delegations: ['Chile', 'Peru'], observers: ['Spain'] });
    const find = (name: string) => created.participants.find((p) => p.name === name)!;
    const chile = await openAs(browser, find('Chile'));
    const peru = await openAs(browser, find('Peru'));
    const spain = await openAs(browser, find('Spain'));

    await chile.getByTestId('add-operative').click();
    await chile.keyboard.type('Decide  to meet again.');
    await expect(clause(chile, 'OP1').getByTestId('drafting-remark')).toHaveText(['Two spaces in a row.']);
    await expect(clause(peru, 'OP1').getByTestId('drafting-remark')).toHaveText(['Two spaces in a row.']);
    await expect(clause(spain, 'OP1')).toContainText('Decide  to meet again.');
    await expect(spain.getByTestId('drafting-remark')).toHaveCount(0);
    await screenshots(chile, testInfo, 'remark', clause(chile, 'OP1'));

    // By keyboard: Ctrl+Alt+R in the text reaches Dismiss, Escape goes back, Enter dismisses; the caret goes back into the clause.
    await expect(clause(chile, 'OP1').locator('.ProseMirror')).toBeFocused();
    await chile.keyboard.press('Control+Alt+r');
    await expect(clause(chile, 'OP1').getByTestId('remark-dismiss')).toBeFocused();
    await chile.keyboard.press('Escape');
    await expect(clause(chile, 'OP1').locator('.ProseMirror')).toBeFocused();
    await chile.keyboard.press('Control+Alt+r');
    await chile.keyboard.press('Enter');
    await expect(clause(chile, 'OP1').getByTestId('drafting-remark')).toHaveCount(0);
    await expect(clause(chile, 'OP1').locator('.ProseMirror')).toBeFocused();
    await expect(clause(peru, 'OP1').getByTestId('drafting-remark')).toHaveCount(0);
    await expect(clause(peru, 'OP1').getByTestId('dismissed-remarks')).toContainText('Dismissed remarks (1)');
    await peru.getByTestId('open-export').click();
    await expect(peru.getByTestId('export-warnings')).toHaveCount(0);
    await peru.keyboard.press('Escape');
    // The dismissed ones show on the clause being worked on: the caret is in it.
    await expect(clause(chile, 'OP1').getByTestId('dismissed-remarks')).toBeVisible();
    await clause(chile, 'OP1').getByTestId('dismissed-remarks').locator('summary').click();
    await screenshots(chile, testInfo, 'dismissed', clause(chile, 'OP1'));

    // The observer has no button, and the server refuses the request all the same.
    const clauseId = await clause(spain, 'OP1').getAttribute('data-clause-id');
    expect(clauseId).toBeTruthy();
    await expect(spain.getByTestId('remark-restore')).toHaveCount(0);
    const refused = await spain.evaluate(
      async ([id, clauseId]) => {
        const response = await fetch(`/api/declarations/${id}/clauses/${clauseId}/remarks`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ check: 'double-space', dismissed: false }) });
        return { status: response.status, id: ((await response.json()) as { error: { id: string } }).error.id };
      },
      [created.id, clauseId!] as const,
    );
    expect(refused).toEqual({ status: 403, id: 'no-remarks' });

    // Peru shows it again, for everyone: the dismissed ones show on the clause under the pointer.
    await expect(clause(peru, 'OP1').getByTestId('dismissed-remarks')).toBeHidden();
    await clause(peru, 'OP1').hover();
    await clause(peru, 'OP1').getByTestId('dismissed-remarks').locator('summary').click();
    await clause(peru, 'OP1').getByTestId('remark-restore').click();
    await expect(clause(chile, 'OP1').getByTestId('drafting-remark')).toHaveText(['Two spaces in a row.']);
    await expect(clause(peru, 'OP1').getByTestId('dismissed-remarks')).toHaveCount(0);
  });
});
