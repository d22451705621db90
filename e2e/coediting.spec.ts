import { clauseTexts, expect, openAs, test, texts } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** Browser tests of co-editing (docs/SPEC.md: EDIT*, SYNC*, UI*). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const editor = (page: Page, label: string) => clause(page, label).locator('.ProseMirror');
const labels = async (page: Page) => (await clauseTexts(page)).map(({ label, text }) => `${label}:${text}`);

test.describe('two delegations co-editing', () => {

  test('EDIT1 SYNC1 UI2: typing in the same clause and in different clauses converges, with named carets and a presence list', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide to meet again;');
    await expect.poll(() => texts(b)).toEqual(['Decide to meet again;']);
    await a.keyboard.press('Enter');
    await a.keyboard.type('Request the secretariat to report;');
    await expect.poll(() => texts(b)).toEqual(['Decide to meet again;', 'Request the secretariat to report;']);

    // Both type at once: Chile at the end of OP1, Peru at the start of OP2 and in OP1.
    await editor(b, 'OP2').click();
    await b.keyboard.press('Home');
    await Promise.all([a.keyboard.type(' Chile'), b.keyboard.type('Peru ')]);
    await editor(b, 'OP1').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' +P');
    await expect.poll(() => texts(a)).toEqual(await texts(b));
    const [op1, op2] = await texts(a);
    expect(op2).toContain('Peru Request');
    expect(op1).toContain('+P');
    expect(op1!.replace(' +P', '')).toContain('again;');

    // Presence: each sees the other, and the other's caret carries its name.
    await expect(a.getByTestId('presence-chip').filter({ hasText: 'Peru' })).toBeVisible();
    await expect(b.getByTestId('presence-chip').filter({ hasText: 'Chile (you)' })).toHaveCount(0);
    await expect(b.getByTestId('presence-chip').filter({ hasText: 'Chile' })).toBeVisible();
    await expect(a.locator('.collaboration-carets__label', { hasText: 'Peru' })).toBeVisible();
  });

  test('EDIT2 EDIT3 EDIT4: adding, moving, indenting and deleting clauses converge, and a reload keeps everything', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-preamble').click();
    await a.keyboard.type('Recognizing the first,');
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('One;');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Two;');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Three.');
    await expect.poll(() => labels(b)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP2:Two;', 'OP3:Three.']);

    // Peru moves "Three." up with the keyboard; Chile makes "Two;" a sub-item of "One;".
    await editor(b, 'OP3').click();
    await b.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => labels(a)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP2:Three.', 'OP3:Two;']);
    await editor(a, 'OP3').click();
    await a.keyboard.press('Home');
    await a.keyboard.press('Alt+ArrowUp');
    await a.keyboard.press('Tab');
    await expect.poll(() => labels(b)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP1(a):Two;', 'OP2:Three.']);
    // The caret stayed in the clause: typing goes on where it was.
    await a.keyboard.type('Item ');
    await expect.poll(async () => (await labels(b))[2]).toBe('OP1(a):Item Two;');

    // The tools: add before, delete, then undo the delete.
    await clause(b, 'OP2').hover();
    await clause(b, 'OP2').getByTestId('add-before').click();
    await b.keyboard.type('Inserted;');
    await expect.poll(() => labels(a)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP1(a):Item Two;', 'OP2:Inserted;', 'OP3:Three.']);
    await clause(a, 'OP2').hover();
    await clause(a, 'OP2').getByTestId('delete').click();
    await expect(a.getByTestId('toast')).toContainText('OP2 deleted');
    await expect.poll(() => labels(b)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP1(a):Item Two;', 'OP2:Three.']);
    await a.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => labels(b)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP1(a):Item Two;', 'OP2:Inserted;', 'OP3:Three.']);

    await b.reload();
    await expect(b.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect.poll(() => labels(b)).toEqual(['PP1:Recognizing the first,', 'OP1:One;', 'OP1(a):Item Two;', 'OP2:Inserted;', 'OP3:Three.']);
  });

  test('EDIT8: Backspace and Delete take one letter each, also right next to another delegation\'s caret', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide to meet again;');
    const b = await openAs(browser, peru);
    await expect.poll(() => texts(b)).toEqual(['Decide to meet again;']);
    // Peru's caret waits at the end of "again", in view of Chile.
    await editor(b, 'OP1').click();
    await b.keyboard.press('End');
    await b.keyboard.press('ArrowLeft');
    await expect(clause(a, 'OP1').locator('.collaboration-carets__caret')).toHaveCount(1);
    // Chile deletes from the end, through Peru's caret, and forward from the start.
    await editor(a, 'OP1').click();
    await a.keyboard.press('End');
    for (let i = 0; i < 'again;'.length; i++) await a.keyboard.press('Backspace');
    await expect.poll(async () => (await texts(a))[0]).toBe('Decide to meet ');
    await a.keyboard.press('Home');
    for (let i = 0; i < 'Decide '.length; i++) await a.keyboard.press('Delete');
    await expect.poll(() => texts(b)).toEqual(['to meet ']);
  });

  test('EDIT5: pasting several paragraphs makes several clauses; Enter in the middle splits a clause', async ({ browser, delegations: { chile } }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Start end');
    for (let i = 0; i < 3; i++) await a.keyboard.press('ArrowLeft');
    await a.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'first pasted;\nSecond pasted;\nThird pasted ');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => texts(a)).toEqual(['Start first pasted;', 'Second pasted;', 'Third pasted end']);
    await editor(a, 'OP1').click();
    await a.keyboard.press('End');
    for (let i = 0; i < 8; i++) await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('Enter');
    await expect.poll(() => texts(a)).toEqual(['Start first', ' pasted;', 'Second pasted;', 'Third pasted end']);
  });
});
