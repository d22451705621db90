import type { Page } from '@playwright/test';
import { draftFile, expect, openAs, test, texts, type Participant, chooseDraft } from './fixtures.ts';

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
    ];
    const file = draftFile('borrador-lima.txt', draft);

    const page = await openAs(browser, chair);
    await chooseDraft(page, file);
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

  test('DL9 DL3 DL4: the chair switches the declaration to Spanish on screen; a delegation\'s sub-item markers and formula change live', async ({ browser, server }) => {
    const draft = [
      'Declaration of Lima on Regional Cooperation',
      '',
      'The Ministers of Defence of the region,',
      '',
      'Recognizing the value of dialogue among States,',
      '',
      'Declare:',
      '',
      '1. To strengthen cooperation in peace operations;',
      '2. To meet again in 2025:',
      '(a) in Lima;',
      '(b) in Quito.',
    ];
    const file = draftFile('draft-lima.txt', draft);
    const created = JSON.parse(await server.admin('create', '--import', file, '--chair', 'Argentina', '--delegation', 'Chile')) as { participants: Participant[] };
    const find = (name: string) => created.participants.find((p) => p.name === name)!;
    const [chair, chile] = [await openAs(browser, find('Argentina')), await openAs(browser, find('Chile'))];

    await expect.poll(() => markers(chile)).toEqual(['1.', '2.', '(a)', '(b)']);
    await expect(chile.getByTestId('meta-formula')).toContainText('Declare:');
    // A delegation reads the language; it has nothing to choose it with.
    await expect(chile.getByTestId('declaration-language')).toHaveText('Declaration language: English');
    await expect(chile.getByTestId('declaration-language-select')).toHaveCount(0);

    const select = chair.getByTestId('declaration-language-select');
    await expect(select).toHaveValue('en');
    await expect(chair.getByTestId('declaration-language')).toContainText('Declaration language');
    await expect(select.locator('option')).toHaveText(['English', 'Español', 'Português', 'Français']);
    await select.selectOption('es');
    await expect(chair.getByTestId('toast')).toContainText('The declaration language is now Español.');

    await expect.poll(() => markers(chile)).toEqual(['1.', '2.', 'a)', 'b)']);
    await expect(chile.getByTestId('meta-formula')).toContainText('Declaran:');
    await expect(chile.getByTestId('declaration-language')).toHaveText('Declaration language: Español');
    await expect.poll(() => markers(chair)).toEqual(['1.', '2.', 'a)', 'b)']);
    await expect(select).toHaveValue('es');
    // The interface stays English on both screens.
    await expect(chile.getByTestId('open-export')).toHaveText(/Export/);
    await chair.setViewportSize({ width: 1366, height: 900 });
    await chair.screenshot({ path: test.info().outputPath('declaration-language-switched-1366.png') });
  });
});
