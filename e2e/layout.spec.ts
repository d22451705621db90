import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { insertClauses } from '../shared/document/clauseOps.ts';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { opening, plain, toPlainText } from '../shared/richText.ts';
import { expect, openAs, test, type Participant } from './fixtures.ts';

/** The declaration as the printed text, read-only for observers, light to open (docs/SPEC.md: UI3, UI4, EDIT7). */
test.describe('the declaration on screen', () => {
  test('UI3: the demo reads as the printed Declaration of Buenos Aires', async ({ browser, server }) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const observer = people.find((p) => p.role === 'observer')!;
    const page = await openAs(browser, observer);
    await expect(page.getByTestId('topbar-title')).toHaveText('Declaration of Buenos Aires "The commitment to make peace" (2023)');
    await expect(page.getByTestId('meta-chapeau')).toContainText('The Honorable Ministers of Defense');
    const pp1 = page.locator('[data-testid=clause][data-label="PP1"]');
    await expect(pp1.locator('em').first()).toHaveText('Recognizing');
    await expect(page.locator('[data-testid=clause][data-label="PP13"]')).toBeVisible();
    await expect(page.locator('[data-testid=clause][data-label="PP14"]')).toHaveCount(0);
    await expect(page.getByTestId('meta-formula')).toHaveText('Declare:');
    const op12 = page.locator('[data-testid=clause][data-label="OP12"]');
    await expect(op12.locator('.clause__marker')).toHaveText('12.');
    // The demo is in English: sub-items in the English style, (a) (DL3), not the a) of the Spanish original's print.
    for (const letter of ['a', 'b', 'c', 'd']) {
      await expect(page.locator(`[data-testid=clause][data-label="OP12(${letter})"] .clause__marker`)).toHaveText(`(${letter})`);
    }
    await expect(page.getByTestId('meta-note')).toContainText('Peace Operations');
    await expect(page.getByTestId('signatory')).toHaveCount(16);
    await expect(page.getByTestId('signatory').first()).toContainText('Jorge Taiana');
  });

  test('UI4: an observer reads but cannot type anywhere or use the clause tools', async ({ browser, server }) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const page = await openAs(browser, people.find((p) => p.role === 'observer')!);
    await expect(page.getByTestId('clause').first()).toBeVisible();
    const editable = await page.locator('[contenteditable=true]').count();
    expect(editable).toBe(0);
    await expect(page.getByTestId('delete')).toHaveCount(0);
    await expect(page.getByTestId('add-operative')).toHaveCount(0);
  });

  test('UI4 ROLE1: the heading is editable for the chair and the secretariat, read-only for delegations', async ({ browser, server }) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const secretariat = await openAs(browser, people.find((p) => p.role === 'secretariat')!);
    const delegation = await openAs(browser, people.find((p) => p.name === 'Chile')!);
    await expect(secretariat.getByTestId('meta-title').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
    await expect(delegation.getByTestId('meta-title').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await expect(delegation.getByTestId('meta-chapeau').locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    // Clauses stay editable for the delegation; signatures are text for it, fields for the secretariat.
    await expect(delegation.locator('[data-testid=clause][data-label="PP1"] .ProseMirror')).toHaveAttribute('contenteditable', 'true');
    await expect(delegation.getByTestId('signatory').first().locator('textarea')).toHaveCount(0);
    await expect(secretariat.getByTestId('signatory').first().locator('textarea')).toHaveCount(3);
    await expect(secretariat.getByTestId('open-participants')).toBeVisible();
    await expect(delegation.getByTestId('open-participants')).toHaveCount(0);
  });

  test('UI2: with the whole plenary online the top bar stays one line on a laptop; its button lists everyone with their role', async ({ browser, server }) => {
    // A plenary of its own: pages of earlier tests may still be in the demo.
    const delegations = ['Bahamas', 'Barbados', 'Bolivia', 'Brazil', 'Chile', 'Colombia', 'Costa Rica', 'Ecuador', 'Guatemala', 'Guyana', 'Haiti', 'Mexico', 'Paraguay', 'Peru', 'Uruguay'];
    const plenary = await server.createDeclaration('Plenary', { chair: 'Argentina', delegations, observers: ['Spain'], secretariat: 'Secretariat' });
    const people = plenary.participants;
    const chair = people.find((p) => p.role === 'chair')!;
    // The 17 others join as stock clients; the server puts their names on them.
    // (Each provider listens for the process's exit.)
    process.setMaxListeners(Math.max(process.getMaxListeners(), people.length + 10));
    const others = people.filter((p) => p !== chair).map((p) => {
      const provider = new WebsocketProvider(server.baseUrl.replace('http', 'ws') + '/collab', plenary.id, new Y.Doc(), {
        params: { token: p.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.awareness.setLocalStateField('user', { name: p.name });
      return provider;
    });
    try {
      const page = await openAs(browser, chair);
      await page.setViewportSize({ width: 1366, height: 768 });
      const summary = page.getByTestId('presence-summary');
      await expect(summary).toHaveText('18 online');
      await expect(page.getByTestId('presence-chip')).toHaveCount(0);
      // One line: the title, the presence and the tools share a row.
      const middle = async (testId: string) => {
        const box = (await page.getByTestId(testId).boundingBox())!;
        return box.y + box.height / 2;
      };
      const row = await middle('topbar-title');
      for (const testId of ['presence-summary', 'status-counts', 'open-export', 'open-participants']) expect(Math.abs((await middle(testId)) - row)).toBeLessThan(8);

      await summary.click();
      await expect(summary).toHaveAttribute('aria-expanded', 'true');
      const list = page.getByRole('dialog', { name: 'Who is here' });
      await expect(list.getByTestId('presence-chip')).toHaveCount(18);
      await expect(list.getByTestId('presence-chip').first()).toContainText('Argentina (you)Chair');
      await expect(list.locator('[data-testid=presence-chip][data-name="Spain"]')).toContainText('Observer');
      await page.keyboard.press('Escape');
      await expect(list).toHaveCount(0);
      await expect(summary).toBeFocused();

      // As delegations leave, the names come back into the bar.
      for (const provider of others.splice(3)) provider.destroy();
      await expect(page.getByTestId('presence-chip')).toHaveCount(4);
      await expect(summary).toHaveCount(0);
    } finally {
      for (const provider of others) provider.destroy();
    }
  });

  test('EDIT7: a 200-clause declaration opens with editors only for the clauses near the screen', async ({ browser, server }) => {
    const created = await server.createDeclaration('Long declaration', { chair: 'Argentina', delegations: ['Chile'] });
    const chile = created.participants.find((p) => p.name === 'Chile')!;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.baseUrl.replace('http', 'ws') + '/collab', created.id, doc, {
      params: { token: chile.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await expect.poll(() => provider.synced).toBe(true);
    insertClauses(doc, { kind: 'preamble', parent: null }, Array.from({ length: 60 }, (_, i) => opening('Recalling', ` resolution ${i + 1} of the General Assembly,`)));
    insertClauses(doc, { kind: 'operative', parent: null }, Array.from({ length: 140 }, (_, i) => plain(`Decide on item ${i + 1} of the agenda;`)));
    const page = await openAs(browser, chile);
    await expect(page.getByTestId('clause')).toHaveCount(200);
    // The editors near the screen mount once the browser has laid the page out: wait for them, then count.
    const editors = page.locator('[data-testid=clause] .lazy-editor[data-mounted=true]');
    await expect.poll(() => editors.count()).toBeGreaterThan(0);
    expect(await editors.count()).toBeLessThan(60);
    // Off-screen clauses still show their text, and get an editor when reached.
    const last = page.locator('[data-testid=clause][data-label="OP140"]');
    await expect(last).toContainText('Decide on item 140 of the agenda;');
    await last.scrollIntoViewIfNeeded();
    await expect(last.locator('.lazy-editor')).toHaveAttribute('data-mounted', 'true');
    await last.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Amended');
    // The edit reaches a client that never scrolled anywhere.
    await expect
      .poll(() => readDeclaration(doc).clauses.some((c) => toPlainText(c.body) === 'Decide on item 140 of the agenda; Amended'))
      .toBe(true);
    provider.destroy();
  });
});
