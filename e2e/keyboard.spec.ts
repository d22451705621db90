import type { Page } from '@playwright/test';
import { clauseTexts, expect as baseExpect, openAs, test } from './fixtures.ts';

/**
 * The keyboard as a word processor user expects it (docs/SPEC.md KEY1–KEY4):
 * Backspace and Delete join clauses as one undoable step, refused where a
 * clause is agreed or the kinds differ; Escape gives the focus back.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const editor = (page: Page, label: string) => clause(page, label).locator('.ProseMirror');
const labels = async (page: Page) => (await clauseTexts(page)).map(({ label, text }) => `${label}:${text}`);

async function setStatus(chair: Page, label: string, state: 'open' | 'agreed') {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator(`input[name=state][value=${state}]`).check();
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', state);
}

test.describe('the keyboard', () => {
  test('KEY1 KEY2: Backspace at the start of a clause joins it to the one before, Delete at the end joins the next one, sub-items kept; one Ctrl+Z brings both back; the other delegation and a reload see it', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.insertText('Decides to act');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText(' together;');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('Agrees:');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Tab');
    await a.keyboard.insertText('first;');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('second.');
    const all = ['OP1:Decides to act', 'OP2: together;', 'OP3:Agrees:', 'OP3(a):first;', 'OP3(b):second.'];
    await expect.poll(() => labels(b)).toEqual(all);

    // Backspace at the very start of OP2: its text goes to the end of OP1, the caret at the join.
    await editor(a, 'OP2').click();
    await a.keyboard.press('Home');
    await a.keyboard.press('Backspace');
    const joined = ['OP1:Decides to act together;', 'OP2:Agrees:', 'OP2(a):first;', 'OP2(b):second.'];
    await expect.poll(() => labels(b)).toEqual(joined);
    await a.keyboard.insertText('|');
    await expect.poll(() => labels(a)).toEqual(['OP1:Decides to act| together;', ...joined.slice(1)]);
    await a.keyboard.press('Control+z');
    await expect.poll(() => labels(a)).toEqual(joined);
    // One step: both clauses come back as they were, for the other delegation too.
    await a.keyboard.press('Control+z');
    await expect.poll(() => labels(a)).toEqual(all);
    await expect.poll(() => labels(b)).toEqual(all);
    await a.keyboard.press('Control+y');
    await expect.poll(() => labels(b)).toEqual(joined);

    // Delete at the very end of OP2 joins its sub-item (a) into it; (a)'s place goes to (b).
    await editor(a, 'OP2').click();
    await a.keyboard.press('End');
    await a.keyboard.press('Delete');
    const subJoined = ['OP1:Decides to act together;', 'OP2:Agrees:first;', 'OP2(a):second.'];
    await expect.poll(() => labels(b)).toEqual(subJoined);
    // A normal edit of a delegation: the server kept it.
    await b.reload();
    await expect(b.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect.poll(() => labels(b)).toEqual(subJoined);
    await expect(a.getByTestId('refused-item')).toHaveCount(0);
  });

  test('KEY3: no join across an agreed clause or across the preamble and the operative part: nothing changes, a note next to the clause says why, the agreed clause is untouched', async ({ browser, delegations: { chair, chile } }) => {
    const a = await openAs(browser, chile);
    const c = await openAs(browser, chair);
    await a.getByTestId('add-preamble').click();
    await a.keyboard.insertText('Recognizing the work,');
    await a.getByTestId('add-operative').click();
    await a.keyboard.insertText('Decides to act;');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('Agrees.');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText('Closes.');
    const all = ['PP1:Recognizing the work,', 'OP1:Decides to act;', 'OP2:Agrees.', 'OP3:Closes.'];
    await expect.poll(() => labels(c)).toEqual(all);
    await setStatus(c, 'OP3', 'agreed');
    await expect(clause(a, 'OP3')).toHaveAttribute('data-state', 'agreed');

    await editor(a, 'OP1').click();
    await a.keyboard.press('Home');
    await a.keyboard.press('Backspace');
    await expect(clause(a, 'OP1').getByTestId('clause-notice')).toHaveText('A preambular and an operative paragraph cannot be joined.');

    await editor(a, 'OP2').click();
    await a.keyboard.press('End');
    await a.keyboard.press('Delete');
    await expect(clause(a, 'OP2').getByTestId('clause-notice')).toHaveText('OP3 is agreed: these clauses cannot be joined. The chair must reopen it first.');
    // Nothing changed, here or for the chair, and the caret stayed where it was: a key types there.
    await a.keyboard.insertText('!');
    await expect.poll(() => labels(c)).toEqual(['PP1:Recognizing the work,', 'OP1:Decides to act;', 'OP2:Agrees.!', 'OP3:Closes.']);
    await expect(clause(c, 'OP3')).toHaveAttribute('data-state', 'agreed');
  });

  test('KEY4: Escape in the status form, the export menu and the participants panel gives the focus back to the control that opened it, or to "More" when that control was in its menu', async ({ browser, delegations: { chair } }) => {
    const c = await openAs(browser, chair);
    await c.getByTestId('add-operative').click();
    await c.keyboard.insertText('Decides to act;');

    const chip = clause(c, 'OP1').getByTestId('status-chip');
    await chip.click();
    await expect(clause(c, 'OP1').getByTestId('status-form')).toBeVisible();
    await clause(c, 'OP1').locator('input[name=state][value=agreed]').focus();
    await c.keyboard.press('Escape');
    await expect(clause(c, 'OP1').getByTestId('status-form')).toHaveCount(0);
    await expect(chip).toBeFocused();

    await c.getByTestId('open-export').click();
    await expect(c.getByTestId('export-menu')).toBeVisible();
    await c.keyboard.press('Escape');
    await expect(c.getByTestId('export-menu')).toHaveCount(0);
    await expect(c.getByTestId('open-export')).toBeFocused();

    await c.getByTestId('open-participants').click();
    await expect(c.getByTestId('participants-panel')).toBeVisible();
    await c.keyboard.press('Escape');
    await expect(c.getByTestId('participants-panel')).toHaveCount(0);
    await expect(c.getByTestId('open-participants')).toBeFocused();

    // On a small laptop the panel is opened from "More" (LAY2), whose entry is gone once chosen: "More" takes the focus back.
    await c.setViewportSize({ width: 1024, height: 768 });
    await expect(c.getByTestId('open-participants')).toHaveCount(0);
    await c.getByTestId('open-more').focus();
    await c.keyboard.press('Enter');
    await c.getByTestId('more-participants').focus();
    await c.keyboard.press('Enter');
    await expect(c.getByTestId('participants-panel')).toBeVisible();
    await c.keyboard.press('Escape');
    await expect(c.getByTestId('participants-panel')).toHaveCount(0);
    await expect(c.getByTestId('open-more')).toBeFocused();
  });
});
