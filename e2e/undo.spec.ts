import type { Page } from '@playwright/test';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { insertClauses } from '../shared/document/clauseOps.ts';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../shared/richText.ts';
import { clauseTexts, expect as baseExpect, openAs, test } from './fixtures.ts';

/** Undo and redo: one history per participant across the whole declaration (docs/SPEC.md: UNDO1–UNDO3). */
// Each test walks through many states on a shared, sometimes very busy machine: wait generously.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);
const editor = (page: Page, label: string) => clause(page, label).locator('.ProseMirror');
const labels = async (page: Page) => (await clauseTexts(page)).map(({ label, text }) => `${label}:${text}`);

/** What the browser does when a delegate pastes text copied elsewhere. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((plainText) => {
    const data = new DataTransfer();
    data.setData('text/plain', plainText);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

// Text goes in with insertText, one input event per burst: typed key by key on
// a busy machine, keystrokes can come more than the 500 ms apart that group
// typing into one step, and the steps would depend on the clock.
test.describe('undo and redo', () => {
  test('UNDO1 UNDO2: Ctrl+Z takes back typing, a split, a paste, Tab, a move and a deletion one by one, in reverse order; Ctrl+Y and Ctrl+Shift+Z redo them', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    const states: string[][] = [[]];
    const reached = async (state: string[]) => {
      await expect.poll(() => labels(a)).toEqual(state);
      states.push(state);
    };

    await a.getByTestId('add-operative').click();
    await reached(['OP1:']);
    await a.keyboard.insertText('Decide to meet again in Lima;');
    await reached(['OP1:Decide to meet again in Lima;']);
    for (let i = 0; i < ' in Lima;'.length; i++) await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('Enter');
    await reached(['OP1:Decide to meet again', 'OP2: in Lima;']);
    await a.keyboard.press('End');
    await paste(a, 'first;\nsecond;\nthird;');
    await reached(['OP1:Decide to meet again', 'OP2: in Lima;first;', 'OP3:second;', 'OP4:third;']);
    await a.keyboard.press('Tab');
    await reached(['OP1:Decide to meet again', 'OP2: in Lima;first;', 'OP3:second;', 'OP3(a):third;']);
    await editor(a, 'OP1').click();
    await a.keyboard.press('Alt+ArrowDown');
    await reached(['OP1: in Lima;first;', 'OP2:Decide to meet again', 'OP3:second;', 'OP3(a):third;']);
    await clause(a, 'OP3').hover();
    await clause(a, 'OP3').getByTestId('delete').click();
    await reached(['OP1: in Lima;first;', 'OP2:Decide to meet again']);
    await expect.poll(() => labels(b)).toEqual(states.at(-1));

    // Each Ctrl+Z brings back the state before one step: the paste and the split each come back whole.
    for (let i = states.length - 2; i >= 0; i--) {
      await a.keyboard.press('Control+z');
      await expect.poll(() => labels(a)).toEqual(states[i]);
    }
    await expect.poll(() => labels(b)).toEqual([]);
    // With no clause left the caret is on the page; the keys still work there.
    for (let i = 1; i < states.length; i++) {
      await a.keyboard.press(i % 2 === 1 ? 'Control+y' : 'Control+Shift+z');
      await expect.poll(() => labels(a)).toEqual(states[i]);
    }
    await expect.poll(() => labels(b)).toEqual(states.at(-1));
  });

  test('UNDO3: the history outlives a clause\'s editor: scrolled far away, Ctrl+Z undoes the typing in it and brings the caret back to it', async ({ browser, server }) => {
    const created = await server.createDeclaration('Long declaration', { chair: 'Argentina', delegations: ['Chile'] });
    const chile = created.participants.find((p) => p.name === 'Chile')!;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.baseUrl.replace('http', 'ws') + '/collab', created.id, doc, {
      params: { token: chile.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await expect.poll(() => provider.synced).toBe(true);
    insertClauses(doc, { kind: 'operative', parent: null }, Array.from({ length: 80 }, (_, i) => plain(`Decide on item ${i + 1} of the agenda;`)));
    const seen = (text: string) => readDeclaration(doc).clauses.some((c) => toPlainText(c.body) === text);

    const page = await openAs(browser, chile);
    await expect(page.getByTestId('clause')).toHaveCount(80);
    await editor(page, 'OP1').click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' Amended');
    await expect.poll(() => seen('Decide on item 1 of the agenda; Amended')).toBe(true);

    const last = clause(page, 'OP80');
    await last.scrollIntoViewIfNeeded();
    await editor(page, 'OP80').click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' Also');
    await expect.poll(() => seen('Decide on item 80 of the agenda; Also')).toBe(true);
    await expect(clause(page, 'OP1').locator('.lazy-editor')).toHaveAttribute('data-mounted', 'false');

    await page.keyboard.press('Control+z');
    await expect.poll(() => seen('Decide on item 80 of the agenda;')).toBe(true);
    await expect(clause(page, 'OP1').locator('.lazy-editor')).toHaveAttribute('data-mounted', 'false');
    await page.keyboard.press('Control+z');
    await expect.poll(() => seen('Decide on item 1 of the agenda;')).toBe(true);
    await expect(editor(page, 'OP1')).toHaveText('Decide on item 1 of the agenda;');
    await expect(editor(page, 'OP1')).toBeFocused();
    await expect(clause(page, 'OP1')).toBeInViewport();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => seen('Decide on item 1 of the agenda; Amended')).toBe(true);
    provider.destroy();
  });

  test('UNDO3: Ctrl+Z never undoes another delegation\'s work, not even in a clause one made oneself', async ({ browser, delegations: { chile, peru } }) => {
    const a = await openAs(browser, chile);
    const b = await openAs(browser, peru);
    await a.getByTestId('add-operative').click();
    await a.keyboard.insertText('Decide to meet;');
    await expect.poll(() => labels(b)).toEqual(['OP1:Decide to meet;']);
    await editor(b, 'OP1').click();
    await b.keyboard.press('End');
    await b.keyboard.insertText(' Peru agrees.');
    await expect.poll(() => labels(a)).toEqual(['OP1:Decide to meet; Peru agrees.']);

    // Chile makes a clause and types in it; Peru adds to it.
    await editor(a, 'OP1').click();
    await a.keyboard.press('End');
    await a.keyboard.press('Enter');
    await a.keyboard.insertText("Chile's own;");
    await expect.poll(() => labels(b)).toEqual(['OP1:Decide to meet; Peru agrees.', "OP2:Chile's own;"]);
    await editor(b, 'OP2').click();
    await b.keyboard.press('End');
    await b.keyboard.insertText(' Peru too');
    await expect.poll(() => labels(a)).toEqual(['OP1:Decide to meet; Peru agrees.', "OP2:Chile's own; Peru too"]);

    await a.keyboard.press('Control+z');
    await expect.poll(() => labels(a)).toEqual(['OP1:Decide to meet; Peru agrees.', 'OP2: Peru too']);
    // Undoing the Enter would delete the new clause, Peru's words with it: it stays,
    // and Ctrl+Z goes on to Chile's first words.
    await a.keyboard.press('Control+z');
    await expect.poll(() => labels(a)).toEqual(['OP1: Peru agrees.', 'OP2: Peru too']);
    await a.keyboard.press('Control+z');
    await expect.poll(() => labels(b)).toEqual(['OP1: Peru agrees.', 'OP2: Peru too']);
    await expect.poll(() => labels(a)).toEqual(['OP1: Peru agrees.', 'OP2: Peru too']);
  });
});
