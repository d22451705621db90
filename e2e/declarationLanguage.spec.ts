import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openAs, test, texts } from './fixtures.ts';

/**
 * A Spanish declaration on an English screen (docs/SPEC.md DL6, DL3, DL4):
 * the preview says the draft is Spanish, and the declaration made from it
 * letters its sub-items "a)" and opens its operative part with "Declaran:",
 * while the interface stays English.
 */
const markers = (page: Page) => page.locator('[data-testid=clause] .clause__marker').allTextContents();

test.describe('the declaration language', () => {
  test('DL6 DL3 DL4: the chair imports a Spanish draft; the preview detects Spanish; the text shows "a)" and "Declaran:" under an English interface', async ({ browser, delegations: { chair } }) => {
    const draft = [
      'Declaración de Lima sobre Cooperación Regional',
      '',
      'Los Ministros de Defensa de la región,',
      '',
      'Reconociendo el valor del diálogo entre los Estados,',
      '',
      '1. Fortalecer la cooperación en las operaciones de paz;',
      '2. Reunirse nuevamente en 2025:',
      'a) en Lima;',
      'b) en Quito.',
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-borrador-')), 'borrador-lima.txt');
    fs.writeFileSync(file, draft);

    const page = await openAs(browser, chair);
    await page.getByTestId('open-export').click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-language')).toHaveValue('es');
    await expect(page.getByTestId('import-dialog')).toContainText('Detected from the draft: Español');
    await page.getByTestId('import-create').click();

    await expect(page.getByTestId('topbar-title')).toHaveText('Declaración de Lima sobre Cooperación Regional');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect.poll(() => texts(page)).toEqual([
      'Reconociendo el valor del diálogo entre los Estados,',
      'Fortalecer la cooperación en las operaciones de paz;',
      'Reunirse nuevamente en 2025:',
      'en Lima;',
      'en Quito.',
    ]);
    await expect.poll(() => markers(page)).toEqual(['1.', '2.', 'a)', 'b)']);
    await expect(page.getByTestId('meta-formula')).toContainText('Declaran:');
    await expect(page.locator('.note-label')).toHaveText('Nota:');
    // The interface is still English.
    await expect(page.getByTestId('open-export')).toHaveText(/Export/);
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/declaration-language-es-${width}.png` });
    }
  });
});
