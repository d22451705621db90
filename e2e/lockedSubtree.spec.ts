import type { Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * An agreed paragraph on screen: its whole subtree locked, said where the
 * eye is (docs/SPEC.md UI12, UI13; the rule is LOCK7, shared/clauseLock.ts).
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

/** A fresh copy of the demo, read from the printed text: OP12 has sub-items a) to d). */
async function demoCopy(server: ServerHandle): Promise<{ chair: Participant; chile: Participant }> {
  const created: { participants: Participant[] } = JSON.parse(
    await server.admin('create', '--import', 'server/import/fixtures/declaration-of-buenos-aires-2023.txt', '--chair', 'Argentina', '--delegation', 'Chile'),
  );
  const find = (name: string) => created.participants.find((p) => p.name === name)!;
  return { chair: find('Argentina'), chile: find('Chile') };
}

async function setStatus(chair: Page, label: string, state: 'open' | 'agreed', reason?: string) {
  await clause(chair, label).getByTestId('status-chip').click();
  await clause(chair, label).locator(`input[name=state][value=${state}]`).check();
  if (reason) await clause(chair, label).getByTestId('status-reason').fill(reason);
  await clause(chair, label).getByTestId('status-apply').click();
  await expect(clause(chair, label)).toHaveAttribute('data-state', state);
}

/** Each clause's label and text, as this page shows them. */
function outline(page: Page): Promise<string[]> {
  return page.getByTestId('clause').evaluateAll((nodes) =>
    nodes.map((node) => {
      const text = node.querySelector('.clause__text .ProseMirror');
      const copy = text?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return `${node.getAttribute('data-label')} ${copy?.textContent ?? ''}`;
    }),
  );
}

/** Looked at by a person after the run: the screen at a small laptop's width and a common one. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, around: ReturnType<Page['locator']>) {
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await around.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
}

test.describe('an agreed paragraph locks its whole subtree on screen', () => {
  // Two pages on the whole demo text, on a machine shared with other test runs.
  test.describe.configure({ timeout: 240_000 });

  test('UI13 LOCK7: the chair agrees OP12; its sub-items read "Agreed with OP12", read-only, and nothing offers to add into the subtree or move out of it; reopening OP12 reopens them', async ({ browser, server }, testInfo) => {
    const { chair, chile } = await demoCopy(server);
    const delegation = await openAs(browser, chile);
    const chairPage = await openAs(browser, chair);
    // A paragraph after OP12, for the delegation to try to put under it.
    await delegation.getByTestId('add-operative').click();
    await delegation.keyboard.type('Meet again in 2025.');
    await expect(clause(chairPage, 'OP13')).toContainText('Meet again in 2025.');
    await expect(delegation.getByTestId('status-counts')).toHaveText('30 open · 0 ad ref · 0 agreed');

    await setStatus(chairPage, 'OP12', 'agreed');
    for (const letter of ['a', 'b', 'c', 'd']) {
      const sub = clause(delegation, `OP12(${letter})`);
      await expect(sub).toHaveAttribute('data-state', 'agreed');
      await expect(sub).toHaveAttribute('data-locked', 'inherited');
      await expect(sub.getByTestId('status-chip')).toHaveText('Agreed with OP12');
      await expect(sub.getByTestId('status-chip').locator('svg')).toHaveCount(1);
      await expect(sub.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
      await expect(sub.getByTestId('delete')).toHaveCount(0);
    }
    await expect(delegation.getByTestId('status-counts')).toHaveText('25 open · 0 ad ref · 5 agreed');
    // No tools on the agreed paragraph: no "Add sub-item", no "Add after" on its last sub-item.
    await clause(delegation, 'OP12').hover();
    await expect(clause(delegation, 'OP12').getByTestId('add-subitem')).toHaveCount(0);
    await clause(delegation, 'OP12(d)').hover();
    await expect(clause(delegation, 'OP12(d)').getByTestId('add-after')).toHaveCount(0);
    // For the chair the sub-item's chip is not a control: it says to reopen OP12.
    const chairChip = clause(chairPage, 'OP12(a)').getByTestId('status-chip');
    await expect(chairChip).toContainText('Agreed with OP12');
    await expect(chairChip).toContainText('To change its status, reopen OP12.');
    await expect(clause(chairPage, 'OP12(a)').locator('button[data-testid=status-chip]')).toHaveCount(0);
    await expect(chairChip).toHaveAttribute('title', /reopen OP12/);
    await expect(clause(chairPage, 'OP12').locator('button[data-testid=status-chip]')).toHaveCount(1);

    const before = await outline(chairPage);
    // Tab on OP13 would put it under the agreed OP12: a calm word instead, and nothing changes.
    await clause(delegation, 'OP13').locator('.ProseMirror').click();
    await delegation.keyboard.press('End');
    await delegation.keyboard.press('Tab');
    await expect(clause(delegation, 'OP13').getByTestId('clause-notice')).toHaveText('OP12 is agreed: nothing can be added under it.');
    await expect(clause(delegation, 'OP13').locator('.ProseMirror')).toBeFocused();
    // Shift+Tab and Alt+↑/↓ in a locked sub-item do nothing either.
    await clause(delegation, 'OP12(b)').locator('.ProseMirror').click();
    await expect(clause(delegation, 'OP12(b)').locator('.ProseMirror')).toBeFocused();
    await delegation.keyboard.press('Shift+Tab');
    await clause(delegation, 'OP12(b)').locator('.ProseMirror').click();
    await delegation.keyboard.press('Alt+ArrowUp');
    await delegation.keyboard.press('Alt+ArrowDown');
    await delegation.keyboard.press('Enter');
    await expect(clause(delegation, 'OP13').locator('.ProseMirror')).toHaveText('Meet again in 2025.');
    expect(await outline(delegation)).toEqual(before);
    expect(await outline(chairPage)).toEqual(before);
    await screenshots(delegation, testInfo, 'agreed-with-op12', clause(delegation, 'OP12(b)'));

    // Reopening the paragraph reopens its subtree.
    await setStatus(chairPage, 'OP12', 'open', 'Peru asked to add a sub-item');
    await expect(clause(delegation, 'OP12(a)')).toHaveAttribute('data-state', 'open');
    await expect(clause(delegation, 'OP12(a)').getByTestId('status-chip')).toHaveText('○ Open');
    await expect(clause(delegation, 'OP12(a)').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
    await expect(delegation.getByTestId('status-counts')).toHaveText('30 open · 0 ad ref · 0 agreed');
  });

  test('UI12 LOCK7: typing into a locked clause says once, next to it, that it is locked, by whom and what to do', async ({ browser, server }, testInfo) => {
    const { chair, chile } = await demoCopy(server);
    const delegation = await openAs(browser, chile);
    const chairPage = await openAs(browser, chair);
    await setStatus(chairPage, 'OP12', 'agreed');
    await setStatus(chairPage, 'OP11', 'agreed');
    const before = await outline(delegation);

    // A sub-item of the agreed paragraph: the notice names the paragraph.
    const sub = clause(delegation, 'OP12(a)');
    await expect(sub).toHaveAttribute('data-locked', 'inherited');
    await sub.locator('.ProseMirror').click();
    await expect(sub.getByTestId('clause-notice')).toBeEmpty();
    await delegation.keyboard.type('x');
    await expect(sub.getByTestId('clause-notice')).toHaveText(/^OP12\(a\) is part of OP12, agreed by Argentina at [^,]+, and is locked\. Ask the chair to reopen OP12\.$/);
    // Said once: more keys in the same visit add nothing.
    const said = await sub.getByTestId('clause-notice').textContent();
    await delegation.keyboard.type('more words');
    await delegation.keyboard.press('Backspace');
    await delegation.keyboard.press('Delete');
    await delegation.keyboard.press('Enter');
    await expect(sub.getByTestId('clause-notice')).toHaveText(said!);
    await expect(delegation.locator('[data-testid=clause-notice]:not(:empty)')).toHaveCount(1);
    await screenshots(delegation, testInfo, 'typed-into-locked', sub);

    // Leaving the clause ends the visit; ↓ goes on to the next clause.
    await delegation.keyboard.press('ArrowDown');
    await expect(clause(delegation, 'OP12(b)').locator('.ProseMirror')).toBeFocused();
    await expect(sub.getByTestId('clause-notice')).toBeEmpty();

    // A clause agreed itself: the notice says who agreed it.
    await clause(delegation, 'OP11').locator('.ProseMirror').click();
    await delegation.keyboard.press('Backspace');
    await expect(clause(delegation, 'OP11').getByTestId('clause-notice')).toHaveText(/^OP11 was agreed by Argentina at .+ and is locked\. Ask the chair to reopen OP11\.$/);
    expect(await outline(delegation)).toEqual(before);

    // The chair is told to reopen it, not to ask the chair.
    await clause(chairPage, 'OP11').locator('.ProseMirror').click();
    await chairPage.keyboard.type('y');
    await expect(clause(chairPage, 'OP11').getByTestId('clause-notice')).toHaveText(/and is locked\. To change it, reopen OP11 from its status\.$/);
    expect(await outline(chairPage)).toEqual(before);
  });
});
