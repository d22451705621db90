import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { insertClauses } from '../shared/document/clauseOps.ts';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { plain } from '../shared/richText.ts';
import { expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/** Exports tell the truth about the state (docs/SPEC.md EXP15, EXP16, UI7). */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

function connect(server: ServerHandle, declarationId: string, participant: Participant, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.baseUrl.replace('http', 'ws') + '/collab', declarationId, doc, {
    params: { token: participant.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** `POST /api/declarations/<id><path>` as `who`, expecting `status`. */
async function call(server: ServerHandle, id: string, who: Participant, path: string, body: unknown, status: number): Promise<unknown> {
  const response = await fetch(`${server.baseUrl}/api/declarations/${id}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json();
}

test.describe('exports tell the truth', () => {
  test('EXP15 UI7: a clean export of an unsettled text counts open, ad ref and bracketed clauses with links, and asks once; a settled text exports at once', async ({
    browser,
    server,
    delegations: { id, chair, chile },
  }, testInfo) => {
    // Eight operative paragraphs, written by a delegation's client: OP1 agreed, OP2 ad ref, OP3 bracketed, the rest open.
    const doc = new Y.Doc();
    const provider = connect(server, id, chile, doc);
    let ids: string[];
    try {
      await expect.poll(() => provider.synced).toBe(true);
      insertClauses(doc, { kind: 'operative', parent: null }, Array.from({ length: 8 }, (_, i) => plain(`Decide to act in area ${i + 1};`)));
      ids = readDeclaration(doc).clauses.map((c) => c.id);
      await expect.poll(() => fetch(`${server.baseUrl}/api/declarations/${id}/export?format=txt`, { headers: { authorization: `Bearer ${chair.token}` } }).then((r) => r.headers.get('x-consenso-unsettled'))).toBe('open=8; ad-ref=0; bracketed=0');
    } finally {
      provider.destroy();
    }
    await call(server, id, chair, `/clauses/${ids[0]}/status`, { state: 'agreed' }, 200);
    await call(server, id, chair, `/clauses/${ids[1]}/status`, { state: 'ad-ref', pending: ['Peru'] }, 200);
    const text = 'Decide to act in area 3;';
    await call(server, id, chile, '/brackets', { clauseId: ids[2], start: text.indexOf('area 3'), end: text.indexOf('area 3') + 'area 3'.length, quote: 'area 3' }, 201);

    const page = await openAs(browser, chair);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await expect(clause(page, 'OP3').getByTestId('bracket-count')).toHaveText('1 [ ]');
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-pdf').click();
    const confirm = page.getByTestId('export-confirm');
    await expect(confirm.getByTestId('export-unsettled-open')).toHaveText('6 clauses are still open: OP3, OP4, OP5, OP6, OP7 and 1 more');
    await expect(confirm.getByTestId('export-unsettled-ad-ref')).toHaveText('1 clause is ad referendum: OP2');
    await expect(confirm.getByTestId('export-unsettled-bracketed')).toHaveText('1 clause holds square brackets: OP3');
    await expect(confirm).toContainText('1 passage is still in square brackets. It will be printed with its brackets.');
    // One question, not two: no other dialog asks about brackets.
    await expect(page.getByRole('alertdialog')).toHaveCount(1);
    await expect(page.getByTestId('export-anyway')).toBeFocused();

    // Escape cancels the question, not the menu; the focus goes back to the format.
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId('export-pdf')).toBeFocused();

    // A label takes the chair to its clause.
    await page.getByTestId('export-pdf').click();
    await confirm.getByTestId('export-unsettled-ad-ref').getByRole('button', { name: 'OP2' }).click();
    await expect(page.getByTestId('export-menu')).toHaveCount(0);
    await expect(clause(page, 'OP2')).toBeInViewport();

    // As a delegate sees the question on a small laptop, a large one and a wide screen.
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 768 });
      if ((await page.getByTestId('export-menu').count()) === 0) await page.getByTestId('open-export').click();
      await page.getByTestId('export-pdf').click();
      await expect(page.getByTestId('export-anyway')).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath(`export-unsettled-${width}.png`) });
      await page.getByTestId('export-cancel').click();
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    if ((await page.getByTestId('export-menu').count()) > 0) await page.getByTestId('open-export').click();

    // Export anyway downloads the clean file.
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-txt').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-anyway').click()]);
    expect(fs.readFileSync(await file.path(), 'utf8')).toContain('Decide to act in [area 3];');
    await page.getByTestId('open-export').click();
    await expect(page.getByTestId('export-menu')).toHaveCount(0);

    // Settled: the bracket removed, every clause agreed — the file comes at once, no question.
    const brackets = (await (await fetch(`${server.baseUrl}/api/declarations/${id}/brackets`, { headers: { authorization: `Bearer ${chair.token}` } })).json()) as { brackets: { id: string }[] };
    const removed = await fetch(`${server.baseUrl}/api/declarations/${id}/brackets/${brackets.brackets[0]!.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${chair.token}` } });
    expect(removed.status).toBe(200);
    for (const clauseId of ids.slice(1)) await call(server, id, chair, `/clauses/${clauseId}/status`, { state: 'agreed' }, 200);
    await expect(clause(page, 'OP8').getByTestId('status-chip')).toHaveAttribute('data-state', 'agreed');
    await page.getByTestId('open-export').click();
    await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
    await expect(confirm).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('EXP16 UI7: the negotiation export can include the comment threads; Akoma Ntoso is then not offered', async ({ browser, server, delegations: { id, chair, chile } }, testInfo) => {
    const page = await openAs(browser, chair);
    await page.getByTestId('add-operative').click();
    await page.keyboard.type('Decide to cooperate;');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-pending', '0');
    const op1 = await clause(page, 'OP1').getAttribute('data-clause-id');
    await call(server, id, chile, '/threads', { clauseId: op1, anchor: 'clause', body: 'Should this say "strengthen"?' }, 201);

    await page.getByTestId('open-export').click();
    await expect(page.getByTestId('export-with-comments')).toHaveCount(0);
    await page.getByLabel('Negotiation text').check();
    await page.getByTestId('export-with-comments').check();
    await expect(page.getByTestId('export-akn')).toBeDisabled();
    await screenshots(page, testInfo, 'export-with-comments');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-txt').click()]);
    const body = fs.readFileSync(await file.path(), 'utf8');
    expect(body).toMatch(/\[OP1\] open\n1\. {2}Decide to cooperate;\n {4}\[Comment thread opened by Chile on \d{1,2} \w+ \d{4} at \d\d:\d\d UTC — open\]\n {4}> Chile, .+ UTC: Should this say "strengthen"\?/);

    // Unticked, the file has no threads; the clean text never offers them.
    await page.getByTestId('export-with-comments').uncheck();
    await expect(page.getByTestId('export-akn')).toBeEnabled();
    const [plainFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-txt').click()]);
    expect(fs.readFileSync(await plainFile.path(), 'utf8')).not.toContain('Should this say');
    await page.getByLabel('Clean text').check();
    await expect(page.getByTestId('export-with-comments')).toHaveCount(0);
  });

  test('KEY4: after a download chosen from the keyboard the focus is back on the format in the menu, also after the question; Esc then returns it to Export', async ({ browser, delegations: { chair } }) => {
    const page = await openAs(browser, chair);
    await page.getByTestId('add-operative').click();
    await page.keyboard.type('Decide to cooperate;');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-pending', '0');
    const open = page.getByTestId('open-export');
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Negotiation text').check();

    // The negotiation text downloads at once.
    await page.getByTestId('export-txt').focus();
    await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await expect(page.getByTestId('export-status')).toHaveText(/^Downloaded /);
    await expect(page.getByTestId('export-txt')).toBeFocused();

    // The clean text of an open clause asks first (UI7); the answer given from the keyboard, the focus comes back the same way.
    await page.getByLabel('Clean text').check();
    await page.getByTestId('export-md').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('export-anyway')).toBeFocused();
    await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await expect(page.getByTestId('export-status')).toHaveText(/\.md\.$/);
    await expect(page.getByTestId('export-md')).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-menu')).toHaveCount(0);
    await expect(open).toBeFocused();
  });
});
