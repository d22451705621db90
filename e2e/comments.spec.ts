import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/** Threads on clauses and passages, live between delegations (docs/SPEC.md: COM1–COM9). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const thread = (page: Page) => page.getByTestId('comments-panel').getByTestId('thread');

async function selectWord(page: Page, label: string, offset: number, length: number) {
  await clause(page, label).locator('.ProseMirror').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

test.describe('comments', () => {
  test('COM6 COM8 COM9: a passage thread, a reply with a mention, the badge, the chair resolves it, a reload keeps it', async ({ browser, delegations: { chair, chile, peru } }) => {
    const a = await openAs(browser, chile);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Decide to cooperate on peacekeeping;');
    const b = await openAs(browser, peru);
    await expect.poll(() => texts(b)).toEqual(['Decide to cooperate on peacekeeping;']);

    // A selects "cooperate" and comments on it.
    await selectWord(a, 'OP1', 10, 9);
    await clause(a, 'OP1').getByTestId('add-comment').click();
    await expect(a.getByTestId('new-thread')).toContainText('cooperate');
    await a.getByTestId('new-thread-form').locator('textarea').fill('Too vague: <b>say</b> how?');
    await a.keyboard.press('Control+Enter');
    await expect(thread(a)).toHaveCount(1);
    await a.getByTestId('close-comments').click();

    // B sees the highlight, the count and the thread, and the text as text.
    await expect(clause(b, 'OP1').locator('.comment-anchor')).toHaveText('cooperate');
    await expect(clause(b, 'OP1').getByTestId('comment-count')).toHaveText('1');
    await expect(b.getByTestId('comments-unread')).toHaveText('1');
    await clause(b, 'OP1').locator('.comment-anchor').click();
    await expect(thread(b)).toHaveCount(1);
    await expect(thread(b).getByTestId('comment').first()).toContainText('Too vague: <b>say</b> how?');
    await expect(thread(b).locator('b')).toHaveCount(0);
    await expect(b.getByTestId('comments-unread')).toHaveCount(0);

    // B replies and mentions A, picking the name from the suggestions.
    const reply = thread(b).getByTestId('reply').locator('textarea');
    await reply.click();
    await reply.pressSequentially('Agreed with @Ch');
    await expect(b.getByRole('option', { name: '@Chile' })).toBeVisible();
    await b.keyboard.press('Enter');
    await reply.pressSequentially('what do you propose?');
    await expect(reply).toHaveValue('Agreed with @Chile what do you propose?');
    await b.keyboard.press('Control+Enter');
    await expect(thread(b).getByTestId('comment')).toHaveCount(2);

    // A sees the unread badge and the mention, filters on it, and reads it.
    await expect(a.getByTestId('comments-mentions')).toHaveText('@1');
    await expect(a.getByTestId('comments-unread')).toHaveText('1');
    await a.getByTestId('open-comments').click();
    await a.getByTestId('filter-mentions').check();
    await expect(thread(a)).toHaveCount(1);
    await expect(thread(a).locator('.thread__unread')).toHaveCount(1);
    await thread(a).getByTestId('thread-choose').click();
    await expect(thread(a).getByTestId('comment')).toHaveCount(2);
    await expect(thread(a).locator('.mention--me')).toHaveText('@Chile');
    await expect(a.getByTestId('comments-mentions')).toHaveCount(0);
    await expect(a.getByTestId('comments-unread')).toHaveCount(0);

    // Typing around the passage does not move the anchor off its words.
    await clause(b, 'OP1').locator('.ProseMirror').click();
    await b.keyboard.press('Home');
    await b.keyboard.type('We ');
    await expect(clause(a, 'OP1').locator('.comment-anchor')).toHaveText('cooperate');

    // The chair resolves it; the highlight goes, the count goes, the thread stays among the resolved.
    const c = await openAs(browser, chair);
    await c.getByTestId('open-comments').click();
    await thread(c).getByTestId('thread-choose').click();
    await thread(c).getByTestId('resolve').click();
    await expect(clause(a, 'OP1').getByTestId('comment-count')).toHaveCount(0);
    // The thread A had chosen stays in view, resolved, so that it can be reopened; the chair's too.
    await expect(thread(a)).toContainText('resolved by Argentina');
    await expect(thread(c)).toContainText('resolved by Argentina');

    // A reload keeps the thread, the mention read and the resolution.
    await a.reload();
    await expect(a.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect(a.getByTestId('comments-unread')).toHaveCount(0);
    // A resolved thread's passage is no longer highlighted (until its thread is chosen).
    await expect(clause(a, 'OP1').locator('.comment-anchor')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await a.getByTestId('open-comments').click();
    await expect(a.getByTestId('comments-empty')).toHaveText('No thread matches these filters.');
    await a.getByTestId('comments-panel').getByText('Resolved', { exact: true }).click();
    await expect(thread(a)).toHaveCount(1);
    await expect(thread(a).getByTestId('comment')).toHaveCount(2);
    await expect(clause(a, 'OP1').locator('.comment-anchor')).toHaveText('cooperate');
  });

  test('COM6 COM7: a whole-clause thread on an agreed clause; a deleted passage leaves the thread on its clause; observers wait for the chair', async ({ browser, server }) => {
    const created = await server.createDeclaration('Observed declaration', { chair: 'Argentina', delegations: ['Chile'], observers: ['Spain'] });
    const find = (name: string) => created.participants.find((p) => p.name === name)!;
    const chile = await openAs(browser, find('Chile'));
    await chile.getByTestId('add-operative').click();
    await chile.keyboard.type('Decide to meet again;');
    await chile.keyboard.press('Enter');
    await chile.keyboard.type('Welcome the offer of Chile;');

    // The chair agrees OP1; Chile comments on the whole of it.
    const chair = await openAs(browser, find('Argentina'));
    await clause(chair, 'OP1').getByTestId('status-chip').click();
    await clause(chair, 'OP1').locator('input[name=state][value=agreed]').check();
    await clause(chair, 'OP1').getByTestId('status-apply').click();
    await expect(clause(chile, 'OP1')).toHaveAttribute('data-state', 'agreed');
    await clause(chile, 'OP1').hover();
    await clause(chile, 'OP1').getByTestId('add-comment').click();
    await expect(chile.getByTestId('new-thread')).toContainText('Whole clause');
    await chile.getByTestId('new-thread-form').locator('textarea').fill('We can live with this.');
    await chile.getByTestId('new-thread-form').getByRole('button', { name: 'Comment' }).click();
    await expect(clause(chair, 'OP1').getByTestId('comment-count')).toHaveText('1');

    // A passage thread on OP2, then the passage is deleted: the thread stays, marked.
    await selectWord(chile, 'OP2', 21, 5);
    await clause(chile, 'OP2').getByTestId('add-comment').click();
    await chile.getByTestId('new-thread-form').locator('textarea').fill('Which Chile?');
    await chile.keyboard.press('Control+Enter');
    await expect(clause(chair, 'OP2').locator('.comment-anchor')).toHaveText('Chile');
    await clause(chair, 'OP2').locator('.ProseMirror').click();
    await chair.keyboard.press('End');
    // Chile's caret sits right there; each Backspace must still take a letter.
    for (let i = 0; i < 'Chile;'.length; i++) await chair.keyboard.press('Backspace');
    await expect.poll(async () => (await texts(chair))[1]).toBe('Welcome the offer of ');
    await expect(clause(chile, 'OP2').locator('.comment-anchor')).toHaveCount(0);
    const removed = chile.getByTestId('thread').filter({ hasText: 'Which Chile?' });
    await expect(removed.getByTestId('passage-removed')).toBeVisible();
    await expect(removed).toContainText('OP2');
    await expect(clause(chile, 'OP2').getByTestId('comment-count')).toHaveText('1');

    // The observer reads but may not write, until the chair allows it.
    const spain = await openAs(browser, find('Spain'));
    await spain.getByTestId('open-comments').click();
    await expect(spain.getByTestId('comments-panel')).toContainText('The chair has not allowed observers to comment.');
    await expect(spain.getByTestId('thread')).toHaveCount(2);
    await expect(clause(spain, 'OP1').getByTestId('add-comment')).toHaveCount(0);
    await chair.getByTestId('open-comments').click();
    await chair.getByTestId('observers-may-comment').check();
    await clause(spain, 'OP1').hover();
    await clause(spain, 'OP1').getByTestId('add-comment').click();
    await spain.getByTestId('new-thread-form').locator('textarea').fill('Spain supports this.');
    await spain.keyboard.press('Control+Enter');
    await expect(clause(chair, 'OP1').getByTestId('comment-count')).toHaveText('2');
  });
});
