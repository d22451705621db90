import type { Browser, Page, TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import fs from 'node:fs';
import { expect, openAs, test, texts, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * Versions, the comparison, a clause's history and the changes-since
 * export as the chair and delegations live them, each in a browser of
 * their own (docs/SPEC.md VER4, CMP5, HIST3, RED2).
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const editor = (page: Page, label: string) => clause(page, label).locator('.ProseMirror');

const FIRST = 'Decide to meet again next year';
const SECOND = 'The States shall cooperate on science';
const THIRD = 'Invite observers to the next session';

interface Table {
  chair: Participant;
  chile: Participant;
  peru: Participant;
}

async function table(server: ServerHandle, title: string): Promise<Table> {
  const created = await server.createDeclaration(title, { chair: 'Argentina', delegations: ['Chile', 'Peru'] });
  const find = (name: string) => created.participants.find((p) => p.name === name)!;
  return { chair: find('Argentina'), chile: find('Chile'), peru: find('Peru') };
}

/** The chair writes three operative paragraphs and saves them as "Rev.1" from the Versions panel. */
async function chairSavesRev1(browser: Browser, chair: Participant): Promise<Page> {
  const a = await openAs(browser, chair);
  await a.getByTestId('add-operative').click();
  for (const [i, line] of [FIRST, SECOND, THIRD].entries()) {
    if (i > 0) await a.keyboard.press('Enter');
    await a.keyboard.type(line);
  }
  await expect.poll(() => texts(a)).toEqual([FIRST, SECOND, THIRD]);
  await expect(a.getByTestId('connection')).toHaveAttribute('data-pending', '0');
  await a.getByTestId('open-versions').click();
  await a.getByTestId('save-version').click();
  await expect(a.getByTestId('save-version-name')).toBeFocused();
  await a.keyboard.type('Rev.1');
  await a.getByTestId('save-version-note').fill('As circulated after the first reading');
  await a.getByTestId('save-version-name').press('Enter');
  await expect(a.getByTestId('save-version-status')).toHaveText('Saved "Rev.1": everyone can open it and compare with it.');
  await expect(a.locator('[data-testid=version-item][data-name="Rev.1"]')).toBeVisible();
  return a;
}

/** Chile changes a word of OP2, adds a paragraph after OP3 and deletes OP1. */
async function chileEdits(browser: Browser, chile: Participant): Promise<Page> {
  const c = await openAs(browser, chile);
  await expect.poll(() => texts(c)).toEqual([FIRST, SECOND, THIRD]);
  // "science" → "trade".
  await editor(c, 'OP2').click();
  await c.keyboard.press('End');
  await c.keyboard.press('Control+Shift+ArrowLeft');
  await c.keyboard.type('trade');
  // A new paragraph after OP3.
  await editor(c, 'OP3').click();
  await c.keyboard.press('End');
  await c.keyboard.press('Enter');
  await c.keyboard.type('Welcome the offer of Chile to host it');
  // OP1 goes.
  await clause(c, 'OP1').hover();
  await clause(c, 'OP1').getByTestId('delete').click();
  await expect.poll(() => texts(c)).toEqual(['The States shall cooperate on trade', THIRD, 'Welcome the offer of Chile to host it']);
  await expect(c.getByTestId('connection')).toHaveAttribute('data-pending', '0');
  return c;
}

/** Screenshots at a small laptop's, a common laptop's and a projector's width; `before` puts the pointer where it shows something. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, before?: () => Promise<void>) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await before?.();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe('versions', () => {
  test('VER4: the chair saves "Rev.1" from the Versions panel (a taken name is refused under its field); Peru sees it listed without Save, opens it read-only as it was, and Escape closes it', async ({
    browser,
    server,
  }, testInfo) => {
    const { chair, peru } = await table(server, 'Versions panel');
    const a = await chairSavesRev1(browser, chair);

    // The same name in another case is refused under the name field; what was typed stays.
    await a.getByTestId('save-version').click();
    await a.keyboard.type('rev.1');
    await a.keyboard.press('Enter');
    await expect(a.getByTestId('save-version-name-error')).toContainText(/Rev\.1|already/i);
    await expect(a.getByTestId('save-version-name')).toHaveValue('rev.1');
    await expect(a.getByTestId('save-version-name')).toHaveAttribute('aria-invalid', 'true');
    await a.keyboard.press('Escape');
    await expect(a.getByTestId('save-version-form')).toHaveCount(0);
    await expect(a.getByTestId('save-version')).toBeFocused();
    await screenshots(a, testInfo, 'versions-panel-chair');

    // Peru: the list, newest first, with who, origin and counts; no Save.
    const p = await openAs(browser, peru);
    await p.getByTestId('open-versions').click();
    const items = p.getByTestId('version-item');
    await expect(items.first()).toHaveAttribute('data-name', 'Rev.1');
    await expect(items.first()).toContainText('Argentina');
    await expect(items.first()).toContainText('As circulated after the first reading');
    await expect(items.first().getByTestId('version-counts')).toHaveText('3 clauses: 3 open · 0 ad ref · 0 agreed');
    await expect(p.getByTestId('save-version')).toHaveCount(0);
    // The panel takes the place of the proposals panel, and the other way round.
    await p.getByTestId('open-proposals').click();
    await expect(p.getByTestId('versions-panel')).toHaveCount(0);
    await p.getByTestId('open-versions').click();
    await expect(p.getByTestId('proposals-panel')).toHaveCount(0);

    // Opened, Rev.1 reads as it was, read-only: labels, statuses, text.
    await items.first().getByTestId('version-open').click();
    const reader = p.getByTestId('version-reader');
    await expect(reader.getByTestId('version-reader-title')).toHaveText('Rev.1, as it was');
    await expect(reader.getByTestId('version-clause')).toHaveCount(3);
    await expect(reader.locator('[data-testid=version-clause][data-label=OP2]')).toContainText(SECOND);
    await expect(reader.locator('[data-testid=version-clause][data-label=OP2]')).toContainText('Open');
    await expect(reader.locator('[contenteditable=true]')).toHaveCount(0);
    await screenshots(p, testInfo, 'version-reader');
    await p.keyboard.press('Escape');
    await expect(reader).toHaveCount(0);
    await expect(items.first().getByTestId('version-open')).toBeFocused();
    await p.keyboard.press('Escape');
    await expect(p.getByTestId('versions-panel')).toHaveCount(0);
  });

  test('CMP5: Chile edits, adds and deletes a paragraph; Peru compares Rev.1 with the text now — summary, redlines in place, Chile on hover — and goes through the changes with n / p and Alt+PageDown', async ({
    browser,
    server,
  }, testInfo) => {
    const { chair, chile, peru } = await table(server, 'Comparison');
    await chairSavesRev1(browser, chair);
    await chileEdits(browser, chile);

    const p = await openAs(browser, peru);
    await expect.poll(() => texts(p)).toEqual(['The States shall cooperate on trade', THIRD, 'Welcome the offer of Chile to host it']);
    await p.getByTestId('open-versions').click();
    await p.locator('[data-testid=version-item][data-name="Rev.1"]').getByTestId('version-compare-now').click();
    const view = p.getByTestId('comparison');
    await expect(view.getByTestId('comparison-summary')).toHaveText('Since Rev.1: 1 paragraph added (OP3), 1 deleted (OP1), 1 changed.');

    // The document with its changes in place.
    const deleted = view.locator('[data-testid=cmp-clause][data-change=deleted]');
    await expect(deleted).toHaveAttribute('data-label', 'OP1');
    await expect(deleted.locator('del')).toContainText(FIRST);
    const changed = view.locator('[data-testid=cmp-clause][data-change=changed]');
    await expect(changed).toHaveAttribute('data-label', 'OP1');
    await expect(changed.locator('del.cmp-change')).toHaveText(/science/);
    await expect(changed.locator('ins.cmp-change')).toHaveText(/trade/);
    const added = view.locator('[data-testid=cmp-clause][data-change=added]');
    await expect(added).toHaveAttribute('data-label', 'OP3');
    await expect(added.locator('ins')).toContainText('Welcome the offer of Chile to host it');
    // Inserted words are underlined in Chile's colour; deleted ones struck through.
    expect(await changed.locator('ins.cmp-change').evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('underline');
    expect(await changed.locator('del.cmp-change').evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('line-through');

    // Hovering a change says who made it.
    await changed.locator('ins.cmp-change').hover();
    await expect(view.getByTestId('comparison-tip')).toHaveText('Inserted by Chile');
    await deleted.locator('del.cmp-change').hover();
    await expect(view.getByTestId('comparison-tip')).toHaveText('Deleted by Chile');

    // Through the changes with the keyboard, in the order of the text: OP1 deleted, OP1 (was OP2) changed, OP3 added.
    const where = view.getByTestId('comparison-where');
    await expect(where).toHaveText('3 changes: Next goes to the first');
    await view.getByTestId('comparison-summary').click();
    await p.keyboard.press('n');
    await expect(where).toHaveText('Change 1 of 3 · OP1 — deleted · by Chile');
    await expect(deleted).toBeFocused();
    await p.keyboard.press('n');
    await expect(where).toHaveText('Change 2 of 3 · OP1 — was OP2, changed · by Chile');
    await expect(changed).toBeFocused();
    await p.keyboard.press('Alt+PageDown');
    await expect(where).toHaveText('Change 3 of 3 · OP3 — added · by Chile');
    await expect(added).toBeFocused();
    await p.keyboard.press('p');
    await expect(changed).toBeFocused();
    await p.keyboard.press('Alt+PageUp');
    await expect(deleted).toBeFocused();
    // The list of changes jumps too.
    await view.getByTestId('comparison-stop').nth(2).click();
    await expect(where).toContainText('Change 3 of 3');
    await view.getByTestId('comparison-stop').nth(1).click();
    await screenshots(p, testInfo, 'comparison', async () => {
      await changed.locator('ins.cmp-change').hover();
      await expect(view.getByTestId('comparison-tip')).toBeVisible();
    });

    // Only Chile's changes: all of them. Only Peru's: Chile's words read as they are now, unmarked.
    await view.getByTestId('comparison-by').selectOption({ label: 'Chile' });
    await expect(view.getByTestId('comparison-summary')).toHaveText('Since Rev.1: 1 paragraph added (OP3), 1 deleted (OP1), 1 changed. (Changes by Chile only.)');
    await view.getByTestId('comparison-by').selectOption({ label: 'Peru' });
    await expect(view.getByTestId('comparison-summary')).toHaveText('No changes since Rev.1. (Changes by Peru only.)');
    const reworded = view.locator('[data-testid=cmp-clause]').filter({ hasText: 'The States shall cooperate on trade' });
    await expect(reworded.locator('ins, del')).toHaveCount(0);
    await expect(reworded).not.toContainText('science');

    await p.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(p.locator('[data-testid=version-item][data-name="Rev.1"]').getByTestId('version-compare-now')).toBeFocused();
  });

  test('CMP5 HEAD1: the comparison shows a heading set above its clause, the closing line and the footnotes in a list at the end, each a stop of its own', async ({ browser, server }) => {
    const { chair, peru } = await table(server, 'Comparison of parts');
    const a = await chairSavesRev1(browser, chair);
    await a.keyboard.press('Escape');
    // A heading above OP2, a footnote at the end of OP3, a closing line.
    await editor(a, 'OP2').click();
    await clause(a, 'OP2').getByTestId('add-heading').click();
    await a.keyboard.type('B. Science');
    await a.keyboard.press('Enter');
    await editor(a, 'OP3').click();
    await a.keyboard.press('End');
    await a.getByTestId('add-footnote').click();
    await expect(a.getByTestId('footnote').locator('.ProseMirror')).toBeFocused();
    await a.keyboard.type('See the plan of action.');
    await a.getByTestId('meta-closing').locator('.ProseMirror').click();
    await a.keyboard.type('Done at Lima.');
    await expect(a.getByTestId('connection')).toHaveAttribute('data-pending', '0');

    const p = await openAs(browser, peru);
    await expect(p.getByTestId('meta-closing')).toContainText('Done at Lima.');
    await p.getByTestId('open-versions').click();
    await p.locator('[data-testid=version-item][data-name="Rev.1"]').getByTestId('version-compare-now').click();
    const view = p.getByTestId('comparison');
    await expect(view.getByTestId('comparison-summary')).toContainText('the closing line changed, 1 heading changed (OP2), 1 footnote changed');
    // The heading above its clause's text, inserted.
    const op2 = view.locator('[data-testid=cmp-clause][data-label=OP2]');
    await expect(op2.getByTestId('cmp-heading').locator('ins')).toHaveText('B. Science');
    const [heading, text] = [await op2.getByTestId('cmp-heading').boundingBox(), await op2.locator('.cmp-clause__text').boundingBox()];
    expect(heading!.y + heading!.height).toBeLessThanOrEqual(text!.y + 1);
    // The closing line after the operative part; the footnote in the list at the end.
    await expect(view.locator('[data-testid=cmp-meta][data-field=closing] ins')).toHaveText('Done at Lima.');
    await expect(view.locator('[data-testid=cmp-footnote][data-change=added]')).toContainText('See the plan of action.');
    // Each is a stop, in the order of the text.
    await expect(view.getByTestId('comparison-stop')).toHaveText([/OP2.*heading changed/, /OP3.*changed/, /Closing line.*changed/, /Footnotes.*changed/]);
    await view.getByTestId('comparison-summary').click();
    await p.keyboard.press('n');
    await expect(op2).toBeFocused();
    await p.keyboard.press('p');
    await expect(view.getByTestId('cmp-footnotes')).toBeFocused();
  });

  test('HIST3: Peru reads the history of a clause Chile changed; the chair restores the earlier text after confirming, and everyone reads it again', async ({ browser, server }, testInfo) => {
    const { chair, chile, peru } = await table(server, 'History');
    const a = await chairSavesRev1(browser, chair);
    await chileEdits(browser, chile);

    const p = await openAs(browser, peru);
    await expect.poll(() => texts(p)).toEqual(['The States shall cooperate on trade', THIRD, 'Welcome the offer of Chile to host it']);
    // Ctrl+Alt+H with the caret in the clause opens its history, newest first.
    await editor(p, 'OP1').click();
    await p.keyboard.press('Control+Alt+h');
    const history = p.getByTestId('history-panel');
    await expect(history.getByRole('heading')).toHaveText('History of OP1');
    const entries = history.getByTestId('history-entry');
    await expect(entries.first()).toContainText('Chile');
    await expect(entries.first()).toContainText('changed the text');
    await expect(entries.first().locator('ins')).toContainText('trade');
    await expect(entries.first().locator('del')).toContainText('science');
    await expect(entries.first()).toContainText('This is the text now.');
    await expect(entries.last()).toContainText('Argentina');
    // A delegation restores nothing.
    await expect(history.getByTestId('history-restore')).toHaveCount(0);
    await p.keyboard.press('Escape');
    await expect(history).toHaveCount(0);

    // The chair, from the clause's rail: Restore asks first; Cancel keeps the text.
    await expect.poll(() => texts(a)).toEqual(['The States shall cooperate on trade', THIRD, 'Welcome the offer of Chile to host it']);
    await clause(a, 'OP1').hover();
    await clause(a, 'OP1').getByTestId('history-button').click();
    const chairHistory = a.getByTestId('history-panel');
    const original = chairHistory.getByTestId('history-entry').filter({ hasText: 'Argentina' }).first();
    await original.getByTestId('history-restore').click();
    await expect(original.getByTestId('history-restore-confirm')).toContainText('Put OP1 back as it read after this change');
    await screenshots(a, testInfo, 'history-chair');
    await original.getByRole('button', { name: 'Cancel' }).click();
    await expect(original.getByTestId('history-restore-confirm')).toHaveCount(0);
    await original.getByTestId('history-restore').click();
    await original.getByTestId('history-restore-yes').click();
    await expect(a.getByTestId('toast')).toContainText('OP1 is back as it read at');

    for (const page of [a, p]) await expect.poll(() => texts(page)).toEqual([SECOND, THIRD, 'Welcome the offer of Chile to host it']);
    // The restore is a new entry on top: history is never rewritten.
    await expect(chairHistory.getByTestId('history-entry').first()).toHaveAttribute('data-kind', 'restore');
    await expect(chairHistory.getByTestId('history-entry').first()).toContainText('This is the text now.');
  });

  test('RED2: Export → "Changes since…" offers the versions, the latest first, and the four formats; Word downloads the changes since Rev.1 as a .docx', async ({ browser, server }, testInfo) => {
    const { chair, chile } = await table(server, 'Changes since');
    await chairSavesRev1(browser, chair);
    const c = await chileEdits(browser, chile);

    await c.getByTestId('open-export').click();
    const menu = c.getByTestId('export-menu');
    await menu.getByRole('radio', { name: /Changes since/ }).check();
    const picker = menu.getByTestId('changes-since-version');
    await expect(picker.locator('option').first()).toHaveText(/^Rev\.1 — Argentina/);
    await expect(picker).toHaveValue(await picker.locator('option').first().getAttribute('value') ?? '');
    await expect(menu.locator('.export-menu__formats button')).toHaveText(['Word (.docx)', 'PDF', 'Web page (.html)', 'Markdown (.md)']);
    await c.screenshot({ path: testInfo.outputPath('changes-since-menu-1366.png') });

    const [file] = await Promise.all([c.waitForEvent('download'), menu.getByTestId('export-docx').click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const path = await file.path();
    const bytes = fs.readFileSync(path);
    // Word's own tracked changes, in the name of whoever made them.
    const document = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:ins [^>]*w:author="Chile"/);
    expect(document).toMatch(/<w:del [^>]*w:author="Chile"/);
    expect(document).toContain('trade');
    await expect(menu.getByTestId('export-status')).toContainText('.docx');
  });
});
