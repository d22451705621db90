import type { Browser, Page } from '@playwright/test';
import { expect, openAs, test, texts, type Participant } from './fixtures.ts';

/** Proposals between delegations and the chair, each in a browser of their own (docs/SPEC.md: PROP1–PROP13). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const alternatives = (page: Page, label: string) => clause(page, label).getByTestId('clause-proposals').getByTestId('proposal');
const focusedProposal = (page: Page) => page.locator('[data-testid=proposal]:focus');

/** Puts the caret in a clause's own editor (not a suggestion's copy under it). */
async function caretIn(page: Page, label: string) {
  await clause(page, label).locator('.clause__editor').click();
}

/** Sends a new wording for a clause through its Suggest button: the copy starts as the clause, `edit` changes it. */
async function suggest(page: Page, label: string, edit: (page: Page) => Promise<void>, justification = '') {
  await clause(page, label).hover();
  await clause(page, label).getByTestId('suggest-button').click();
  await expect(page.getByTestId('suggest-editor')).toBeFocused();
  await edit(page);
  if (justification) await page.getByTestId('suggest-justification').fill(justification);
  await page.getByTestId('suggest-send').click();
  await expect(page.getByTestId('suggest')).toHaveCount(0);
}

/** The chair agrees a clause through its status chip, as in e2e/status.spec.ts. */
async function agree(chair: Page, label: string) {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator('input[name=state][value=agreed]').check();
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', 'agreed');
}

/** The chair types three operative paragraphs; Chile opens the declaration and sees them. */
async function threeParagraphs(browser: Browser, chair: Participant, chile: Participant) {
  const c = await openAs(browser, chair);
  await c.getByTestId('add-operative').click();
  await c.keyboard.type('Decide to meet again;');
  await c.keyboard.press('Enter');
  await c.keyboard.type('Request a report;');
  await c.keyboard.press('Enter');
  await c.keyboard.type('Remain seized of the matter;');
  const a = await openAs(browser, chile);
  await expect.poll(() => texts(a)).toEqual(original);
  return { c, a };
}

const original = ['Decide to meet again;', 'Request a report;', 'Remain seized of the matter;'];

test.describe('proposals', () => {
  test('PROP13 PROP4 PROP5 PROP6: Chile suggests new wording on a copy (italics kept); Peru sees the redline and supports it; the chair accepts it and every screen changes', async ({
    browser,
    delegations: { chair, chile, peru },
  }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.press('Control+i');
    await a.keyboard.type('Decide');
    await a.keyboard.press('Control+i');
    await a.keyboard.type(' that States shall cooperate;');
    await expect(clause(a, 'OP1').locator('.clause__editor em')).toHaveText('Decide');

    // Ctrl+Alt+S on the clause with the caret opens an editable copy in place; the shared text does not change.
    await a.keyboard.press('Control+Alt+s');
    const copy = a.getByTestId('suggest-editor');
    await expect(copy).toBeFocused();
    await expect(copy).toHaveText('Decide that States shall cooperate;');
    // The caret starts at the end of the copy.
    for (let i = 0; i < ' cooperate;'.length; i++) await a.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'shall'.length; i++) await a.keyboard.press('Shift+ArrowLeft');
    await a.keyboard.type('should');
    await expect(copy.locator('em')).toHaveText('Decide');
    await expect(a.getByTestId('suggest').locator('ins')).toContainText('should');
    await a.getByTestId('suggest-justification').fill('Softer, so that more States can join.');
    await expect(a.getByTestId('suggest')).toContainText('37 / 1,000');
    await a.keyboard.press('Control+Enter');
    await expect(alternatives(a, 'OP1')).toHaveCount(1);
    expect(await texts(a)).toEqual(['Decide that States shall cooperate;']);

    // Peru sees the count, opens the alternatives and reads the redline: one word out, one in, italics kept.
    const b = await openAs(browser, peru);
    await expect(clause(b, 'OP1').getByTestId('proposal-count')).toHaveText(/1/);
    await clause(b, 'OP1').getByTestId('proposal-count').click();
    const seen = alternatives(b, 'OP1');
    await expect(seen).toHaveCount(1);
    await expect(seen.locator('h3')).toHaveText(/Alt 1 \(Chile\)/);
    await expect(seen.locator('ins')).toHaveText('[inserted: should]');
    await expect(seen.locator('del')).toHaveText('[deleted: shall]');
    await expect(seen.getByTestId('redline').locator('em')).toHaveText('Decide');
    await expect(seen.getByTestId('proposal-justification')).toContainText('Softer, so that more States can join.');
    // Chile may not support its own proposal; Peru may.
    await expect(alternatives(a, 'OP1').getByTestId('proposal-support')).toHaveCount(0);
    await seen.getByTestId('proposal-support').click();
    await expect(seen.getByTestId('proposal-support')).toHaveAttribute('aria-pressed', 'true');
    await expect(alternatives(a, 'OP1').getByTestId('proposal-supporters')).toHaveText('1 support: Peru');
    // Now that someone has reacted, its author may no longer edit it, only withdraw it.
    await expect(alternatives(a, 'OP1').getByTestId('proposal-edit')).toHaveCount(0);
    await expect(alternatives(a, 'OP1').getByTestId('proposal-withdraw')).toBeVisible();

    // The chair sees "1 support" and accepts; the clause changes on every screen, italics kept.
    const c = await openAs(browser, chair);
    await clause(c, 'OP1').getByTestId('proposal-count').click();
    await expect(alternatives(c, 'OP1').getByTestId('proposal-supporters')).toHaveText('1 support: Peru');
    await expect(seen.getByTestId('proposal-accept')).toHaveCount(0);
    await alternatives(c, 'OP1').getByTestId('proposal-accept').click();
    for (const page of [a, b, c]) {
      await expect.poll(() => texts(page)).toEqual(['Decide that States should cooperate;']);
      await expect(clause(page, 'OP1').locator('.clause__editor em')).toHaveText('Decide');
      await expect(clause(page, 'OP1').getByTestId('proposal-count')).toHaveCount(0);
    }

    // It shows as accepted, with its redline as it was applied.
    await b.getByTestId('open-proposals').click();
    await b.getByTestId('proposals-panel').getByText('Decided', { exact: true }).click();
    const decided = b.getByTestId('proposals-panel').getByTestId('proposal');
    await expect(decided).toHaveAttribute('data-state', 'accepted');
    await expect(decided.getByTestId('proposal-decision')).toContainText('Accepted by Argentina');
    await expect(decided.locator('ins')).toHaveText('[inserted: should]');
  });

  test('PROP3 PROP13 PROP6: two alternatives in the order made; the chair goes through them with Alt+PageDown / Alt+PageUp and rejects one with a reason', async ({
    browser,
    delegations: { chair, chile, peru },
  }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide to meet again;');
    const b = await openAs(browser, peru);
    await expect.poll(() => texts(b)).toEqual(['Decide to meet again;']);

    await suggest(a, 'OP1', async (page) => {
      await page.keyboard.press('End');
      for (let i = 0; i < 'again;'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.type('every year;');
    });
    await suggest(
      b,
      'OP1',
      async (page) => {
        await page.keyboard.press('End');
        for (let i = 0; i < 'again;'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
        await page.keyboard.type('every two years;');
      },
      'Budgets are biennial.',
    );

    const c = await openAs(browser, chair);
    await expect(c.getByTestId('proposals-open-count')).toHaveText('2');
    await clause(c, 'OP1').getByTestId('proposal-count').click();
    await expect(alternatives(c, 'OP1').locator('h3')).toHaveText([/Alt 1 \(Chile\)/, /Alt 2 \(Peru\)/]);

    // Next, next, previous: the focus goes from card to card.
    await c.keyboard.press('Alt+PageDown');
    await expect(focusedProposal(c).locator('h3')).toHaveText(/Alt 1 \(Chile\)/);
    await c.keyboard.press('Alt+PageDown');
    await expect(focusedProposal(c).locator('h3')).toHaveText(/Alt 2 \(Peru\)/);
    await c.keyboard.press('Alt+PageUp');
    await expect(focusedProposal(c).locator('h3')).toHaveText(/Alt 1 \(Chile\)/);
    await c.keyboard.press('Alt+PageDown');

    // From the keyboard: Reject on the focused card, a reason, Tab to the button, Enter.
    const peruCard = focusedProposal(c);
    await expect(peruCard.locator('h3')).toHaveText(/Alt 2 \(Peru\)/);
    await peruCard.getByTestId('proposal-reject').focus();
    await c.keyboard.press('Enter');
    await expect(c.getByTestId('reject-reason')).toBeFocused();
    await c.keyboard.type('The conference meets every year.');
    await c.keyboard.press('Tab');
    await c.keyboard.press('Enter');

    // One alternative is left, everywhere; Peru's shows as rejected with the reason.
    await expect(alternatives(c, 'OP1')).toHaveCount(1);
    await expect(clause(a, 'OP1').getByTestId('proposal-count')).toHaveText(/1/);
    await b.getByTestId('open-proposals').click();
    await b.getByTestId('proposals-panel').getByText('Decided', { exact: true }).click();
    const rejected = b.getByTestId('proposals-panel').getByTestId('proposal');
    await expect(rejected).toHaveAttribute('data-state', 'rejected');
    await expect(rejected).toContainText('Rejected by Argentina');
    await expect(rejected).toContainText('The conference meets every year.');
    expect(await texts(b)).toEqual(['Decide to meet again;']);
  });

  test('PROP9 PROP13: the chair sets "proposals only"; a delegation cannot type into the text but Suggest still works; the chair still edits directly', async ({
    browser,
    delegations: { chair, chile },
  }) => {
    const c = await openAs(browser, chair);
    await c.getByTestId('add-operative').click();
    await c.keyboard.type('Decide to cooperate;');
    const a = await openAs(browser, chile);
    await expect.poll(() => texts(a)).toEqual(['Decide to cooperate;']);
    await expect(clause(a, 'OP1').locator('.clause__editor')).toHaveAttribute('contenteditable', 'true');

    await c.getByTestId('open-proposals').click();
    await c.getByTestId('editing-settings').locator('summary').click();
    await c.getByTestId('editing-settings').getByText('Proposals only').click();
    await expect(c.getByTestId('editing-proposals')).toBeChecked();

    // Chile: read-only text, a hint at the top and at the clause; keys do nothing to the text.
    await expect(a.getByTestId('proposals-only-hint')).toContainText('The chair has set proposals only: use Suggest');
    const editor = clause(a, 'OP1').locator('.clause__editor');
    await expect(editor).toHaveAttribute('contenteditable', 'false');
    await caretIn(a, 'OP1');
    await a.keyboard.type('xyz');
    await expect(clause(a, 'OP1').getByTestId('clause-notice')).toContainText('The chair has set proposals only: use Suggest');
    expect(await texts(a)).toEqual(['Decide to cooperate;']);
    await expect(clause(a, 'OP1').getByTestId('add-after')).toHaveCount(0);

    // Suggest, from the keyboard, with the caret in the read-only clause.
    await a.keyboard.press('Control+Alt+s');
    await expect(a.getByTestId('suggest-editor')).toBeFocused();
    await a.keyboard.press('End');
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.type(' closely');
    await a.getByTestId('suggest-send').click();
    await expect(clause(c, 'OP1').getByTestId('proposal-count')).toHaveText(/1/);

    // The chair still types into the text.
    await caretIn(c, 'OP1');
    await c.keyboard.press('Home');
    await c.keyboard.type('We ');
    await expect.poll(() => texts(a)).toEqual(['We Decide to cooperate;']);
    // Its alternatives stayed open under the clause since it was sent; the proposal says the text moved on.
    await expect(clause(a, 'OP1').getByTestId('proposal-count')).toHaveAttribute('aria-expanded', 'true');
    await expect(alternatives(a, 'OP1').getByTestId('proposal-changed')).toContainText('The text has changed since this proposal.');
    // Against the text as it stands, Chile's change is carried over: the chair's "We" stays, only "closely" is new (PROP4);
    // against the text it was made on, "We" was never there.
    await expect(alternatives(a, 'OP1').locator('del')).toHaveCount(0);
    await expect(alternatives(a, 'OP1').locator('ins')).toHaveText(['[inserted: closely]']);
    await expect(alternatives(a, 'OP1').getByTestId('redline')).toContainText('We Decide to cooperate');
    await alternatives(a, 'OP1').getByTestId('proposal-against-base').click();
    await expect(alternatives(a, 'OP1').locator('del')).toHaveCount(0);
    await expect(alternatives(a, 'OP1').locator('ins')).toHaveText(['[inserted: closely]']);
    await expect(alternatives(a, 'OP1').getByTestId('redline')).not.toContainText('We ');
  });

  test('PROP2 PROP13: Chile edits one proposal of its own and withdraws another', async ({ browser, delegations: { chair, chile } }) => {
    const { c, a } = await threeParagraphs(browser, chair, chile);
    // PROP2: Chile proposes, the chair watches, Chile changes a word of its own proposal and the chair's redline follows.
    await suggest(a, 'OP1', async (page) => {
      await page.keyboard.press('End');
      for (let i = 0; i < 'again;'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.type('soon;');
    });
    await clause(c, 'OP1').getByTestId('proposal-count').click();
    await expect(alternatives(c, 'OP1').locator('ins')).toContainText('soon');
    await alternatives(a, 'OP1').getByTestId('proposal-edit').click();
    const copy = alternatives(a, 'OP1').getByTestId('suggest-editor');
    await expect(copy).toBeFocused();
    await expect(copy).toHaveText('Decide to meet soon;');
    for (let i = 0; i < 'soon;'.length; i++) await a.keyboard.press('Shift+ArrowLeft');
    await a.keyboard.type('yearly;');
    await alternatives(a, 'OP1').getByTestId('suggest-send').click();
    await expect(alternatives(a, 'OP1').getByTestId('suggest')).toHaveCount(0);
    await expect(alternatives(c, 'OP1').locator('ins')).toContainText('yearly');
    await expect(alternatives(c, 'OP1').getByTestId('redline')).not.toContainText('soon');
    await expect(alternatives(c, 'OP1')).toContainText('edited');
    expect(await texts(c)).toEqual(original);

    // PROP2: a second proposal, withdrawn by its author: gone from the alternatives everywhere, "Withdrawn" under Decided.
    await suggest(a, 'OP2', async (page) => {
      await page.keyboard.press('End');
      for (let i = 0; i < 'report;'.length; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('short ');
    });
    await expect(clause(c, 'OP2').getByTestId('proposal-count')).toHaveText(/1/);
    a.once('dialog', (dialog) => void dialog.accept());
    await alternatives(a, 'OP2').getByTestId('proposal-withdraw').click();
    await expect(alternatives(a, 'OP2')).toHaveCount(0);
    await expect(clause(a, 'OP2').getByTestId('proposal-count')).toHaveCount(0);
    await expect(clause(c, 'OP2').getByTestId('proposal-count')).toHaveCount(0);
    await expect(alternatives(a, 'OP1')).toHaveCount(1);
    await a.getByTestId('open-proposals').click();
    await a.getByTestId('proposals-panel').getByText('Decided', { exact: true }).click();
    const withdrawn = a.getByTestId('proposals-panel').getByTestId('proposal');
    await expect(withdrawn).toHaveCount(1);
    await expect(withdrawn).toHaveAttribute('data-state', 'withdrawn');
    await expect(withdrawn.getByTestId('proposal-decision')).toContainText('Withdrawn by Chile');
    await expect(withdrawn.locator('ins')).toContainText('short');
    await a.getByTestId('close-proposals').click();

  });

  test('PROP7: an accepted deletion is undone by the chair and the proposal is open again', async ({ browser, delegations: { chair, chile } }) => {
    const { c, a } = await threeParagraphs(browser, chair, chile);
    // PROP7: Chile proposes deleting OP3; the chair accepts and the clause goes on both screens; the chair's Undo brings it back.
    await clause(a, 'OP3').hover();
    await clause(a, 'OP3').getByTestId('suggest-button').click();
    await a.getByTestId('suggest-delete').check();
    await a.getByTestId('suggest-send').click();
    await expect(a.getByTestId('suggest')).toHaveCount(0);
    await clause(c, 'OP3').getByTestId('proposal-count').click();
    await alternatives(c, 'OP3').getByTestId('proposal-accept').click();
    for (const page of [a, c]) await expect.poll(() => texts(page)).toEqual(original.slice(0, 2));
    await c.getByTestId('open-proposals').click();
    await c.getByTestId('proposals-panel').getByText('Decided', { exact: true }).click();
    const deletion = c.getByTestId('proposals-panel').locator('[data-testid=proposal][data-state=accepted]');
    await expect(deletion).toHaveCount(1);
    await deletion.getByTestId('proposal-undo').click();
    for (const page of [a, c]) await expect.poll(() => texts(page)).toEqual(original);
    // The deletion is open again, an alternative under OP3.
    await expect(clause(a, 'OP3').getByTestId('proposal-count')).toHaveText(/1/);
    await c.getByTestId('close-proposals').click();

  });

  test('PROP11 PROP13: text typed offline on a clause agreed meanwhile becomes a proposal', async ({ browser, delegations: { chair, chile } }) => {
    const { c, a } = await threeParagraphs(browser, chair, chile);
    // PROP11: Chile types into OP2 offline while the chair agrees it; back online, its words come back as a proposal.
    await caretIn(a, 'OP2');
    await a.keyboard.press('End');
    await a.context().setOffline(true);
    await expect(a.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.type(' promptly');
    await agree(c, 'OP2');
    await a.context().setOffline(false);
    const notice = a.getByTestId('refused-item');
    await expect(notice).toContainText('OP2 is agreed and locked; your text was not applied.');
    await expect(notice).toContainText('made while the clause was agreed');
    await expect.poll(() => texts(a)).toEqual(original);
    // The toast says the same and leads to the proposal too.
    await expect(a.getByTestId('toast').getByRole('button', { name: 'Show the proposal' })).toBeVisible();
    await notice.getByTestId('refused-show-proposal').click();
    const typed = alternatives(a, 'OP2');
    await expect(typed).toHaveCount(1);
    await expect(typed).toBeFocused();
    await expect(typed.getByTestId('proposal-origin')).toHaveText('made while the clause was agreed');
    await expect(typed.locator('ins')).toContainText('promptly');
    await expect(typed.getByTestId('proposal-not-decided')).toHaveText('Not decided — the clause is agreed');
    // The chair sees it too, but may not accept it while the clause is agreed (PROP8); rejecting stays possible.
    await clause(c, 'OP2').getByTestId('proposal-count').click();
    const seen = alternatives(c, 'OP2');
    await expect(seen.getByTestId('proposal-not-decided')).toHaveText('Not decided — the clause is agreed');
    await expect(seen.getByTestId('proposal-reject')).toBeVisible();
    await expect(seen.getByTestId('proposal-accept')).toHaveCount(0);
    expect(await texts(c)).toEqual(original);
  });
});
