import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * Interface languages in a real browser (docs/SPEC.md I18N3, I18N5, I18N9):
 * the pseudo-locale finds any string that does not come from en.ts, and
 * each translation is switched to from the top bar, photographed, and
 * checked for English words outside the declaration's own text.
 */
const clause = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"]`);

/** A delegation's name as long as the region's longest: present, it must not push the top bar onto two lines (I18N3). */
const LONG_NAME = 'República Bolivariana de Venezuela';

interface Table {
  chair: Participant;
  chile: Participant;
  observer: Participant;
  venezuela: Participant;
}

async function table(server: ServerHandle): Promise<Table> {
  // Names of the declaration's own: they are text of the declaration, not of the interface.
  const created = await server.createDeclaration('Declaración de prueba', { chair: 'Argentina', delegations: ['Chile', LONG_NAME], observers: ['España'] });
  const find = (name: string) => created.participants.find((p) => p.name === name)!;
  return { chair: find('Argentina'), chile: find('Chile'), observer: find('España'), venezuela: find(LONG_NAME) };
}

/**
 * Every visible piece of interface text — text nodes, and the placeholder,
 * aria-label and title of elements — outside the declaration's own text
 * (editors, clause bodies, headings, signatures, proposed wording, comment
 * bodies and quotes, the title in the top bar).
 */
function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const OWN_TEXT = [
      '.ProseMirror',
      '[contenteditable]',
      '.is-empty-static',
      '[data-testid=clause] p',
      '[data-testid=topbar-title]',
      '[data-testid=redline]',
      'ins',
      'del',
      'q',
      '.comment__body',
      // Words of the declaration itself, in the declaration's language (DL5), not the interface's.
      '[data-declaration-words]',
      'title',
      'script',
      'style',
    ].join(',');
    const visible = (element: Element) => {
      const box = (element as HTMLElement).getBoundingClientRect?.();
      return !!box && box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.closest(OWN_TEXT) || !visible(parent)) continue;
      found.push(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (element.closest(OWN_TEXT) || !visible(element)) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
}

/**
 * Words that are no English of the interface: the participants' names,
 * "bis", the languages' own names, the keys of a shortcut as printed on the
 * keyboard, and the names of the versions the server saves (VER1), which
 * are stored with the declaration. Codes of file formats (PDF, DOCX) are
 * in capitals and pass too.
 */
const NAMES = new Set(['Argentina', 'Chile', 'España', ...LONG_NAME.split(' '), 'Consenso', 'bis', 'ter', 'English', 'Ctrl', 'Alt', 'Shift', 'Enter', 'PageUp', 'PageDown', 'Tab', 'Zero', 'draft', 'Numbering', 'frozen']);
/** A date and time as English writes it: the pseudo-locale formats as English (I18N7 is checked under es, pt and fr). */
const ENGLISH_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}(, \d{1,2}:\d{2}\s?[AP]M)?$/u;

/** A text in plain ASCII English under the pseudo-locale: it did not come from en.ts. */
function untranslated(texts: string[]): string[] {
  return texts.filter((text) =>
    !ENGLISH_DATE.test(text) &&
    (text.match(/(?<![\p{L}\d])[A-Za-z]{3,}(?![\p{L}\d])/gu) ?? []).some((word) => !NAMES.has(word) && !/^[A-Z]{2,5}$/.test(word)),
  );
}

/** Collects what the screen shows now into `hits`, under a name saying where. */
async function look(page: Page, where: string, hits: Map<string, string[]>) {
  for (const text of untranslated(await interfaceTexts(page))) {
    if (!hits.has(text)) console.log(`${where}: ${JSON.stringify(text)}`);
    hits.set(text, [...(hits.get(text) ?? []), where]);
  }
}

/** Closes what `opener` opened: Escape, else the opener again (a side panel toggles). */
async function shut(page: Page, opener: Locator) {
  await page.keyboard.press('Escape');
  const open = async () => (await opener.getAttribute('aria-pressed')) === 'true' || (await opener.getAttribute('aria-expanded')) === 'true';
  if (await open()) await opener.click({ timeout: 5_000 }).catch(() => undefined);
}

async function inPseudoLocale(page: Page) {
  const url = new URL(page.url());
  url.search = '?lang=qps';
  await page.goto(url.href);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'qps');
}

test.describe('interface languages', () => {
  test('I18N5: under the pseudo-locale no screen of the chair, a delegation or an observer shows English that is not in en.ts', async ({ browser, server }) => {
    test.slow();
    const { chair, chile, observer } = await table(server);
    const hits = new Map<string, string[]>();

    const a = await openAs(browser, chair);
    await inPseudoLocale(a);
    await look(a, 'chair: empty declaration', hits);
    await a.getByTestId('add-operative').click();
    await a.keyboard.type('Décidé réúnírsé');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Ínvítá á lás délégácíónés');
    await expect(clause(a, 'OP2')).toBeVisible();
    await expect(a.getByTestId('connection')).toHaveAttribute('data-pending', '0');
    await clause(a, 'OP1').hover();
    await look(a, 'chair: clause tools', hits);
    await clause(a, 'OP1').getByTestId('status-chip').click();
    await look(a, 'chair: status form', hits);
    await a.keyboard.press('Escape');
    for (const [button, where] of [
      ['open-comments', 'comments panel'],
      ['open-proposals', 'proposals panel'],
      ['open-versions', 'versions panel'],
      ['open-export', 'export menu'],
      ['open-participants', 'participants panel'],
      ['open-views', 'views menu'],
      ['open-language', 'language menu'],
    ] as const) {
      const opener = a.getByTestId(button);
      if ((await opener.count()) === 0) continue;
      await opener.click();
      await look(a, `chair: ${where}`, hits);
      await shut(a, opener);
    }

    const c = await openAs(browser, chile);
    await inPseudoLocale(c);
    await expect(clause(c, 'OP2')).toBeVisible();
    await clause(c, 'OP1').hover();
    await look(c, 'delegation: clause tools', hits);
    const position = clause(c, 'OP1').getByTestId('position-button');
    if ((await position.count()) > 0) {
      await position.click();
      await look(c, 'delegation: position menu', hits);
      await c.keyboard.press('Escape');
    }
    await clause(c, 'OP1').hover();
    await clause(c, 'OP1').getByTestId('suggest-button').click();
    await look(c, 'delegation: suggest form', hits);
    await c.keyboard.press('Escape');
    await c.getByTestId('open-proposals').click();
    await look(c, 'delegation: proposals panel', hits);
    await c.getByTestId('open-comments').click();
    await look(c, 'delegation: comments panel', hits);

    const o = await openAs(browser, observer);
    await inPseudoLocale(o);
    await expect(clause(o, 'OP2')).toBeVisible();
    await look(o, 'observer: declaration', hits);
    await o.getByTestId('open-proposals').click();
    await look(o, 'observer: proposals panel', hits);

    const report = [...hits].map(([text, where]) => `${JSON.stringify(text)} — ${[...new Set(where)].join('; ')}`);
    if (report.length > 0) console.log(`English outside en.ts:\n${report.join('\n')}`);
    expect(report).toEqual([]);
    for (const page of [a, c, o]) await page.context().close();
  });

  /**
   * Words of the English interface that are not words of Spanish,
   * Portuguese or French: one of them on a translated screen is a string
   * left in English.
   */
  const ENGLISH = [
    // Not: version(s), participants, signatures, export, status, comment — words of French or Portuguese too.
    'the', 'and', 'with', 'clause', 'clauses', 'agreed', 'save', 'saved', 'cancel', 'delete', 'comments',
    'proposal', 'proposals', 'open', 'close', 'add', 'edit', 'edits', 'paragraph', 'operative', 'preamble', 'connected',
    'online', 'who', 'here', 'your', 'you', 'this', 'that', 'changes', 'since', 'send', 'reply', 'support', 'object',
    'withdraw', 'accept', 'reject', 'undo', 'move', 'up', 'down', 'show', 'hide', 'delegation', 'observer', 'secretariat', 'views',
    'reading', 'room', 'language', 'settings', 'new', 'link', 'remove', 'restore', 'history', 'compare', 'nothing', 'yet', 'not', 'all', 'none',
  ];
  const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\d])(${ENGLISH.join('|')})(?![\\p{L}\\d])`, 'iu');

  async function englishOnScreen(page: Page, where: string, hits: Map<string, string[]>) {
    // The names of the versions the server saves are stored with the declaration (VER1).
    for (const text of await interfaceTexts(page)) if (ENGLISH_WORD.test(text.replace(/Zero draft|Numbering frozen/g, ''))) hits.set(text, [...(hits.get(text) ?? []), where]);
  }

  async function screenshots(page: Page, testInfo: TestInfo, name: string, widths: number[]) {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 800 });
  }

  for (const language of ['es', 'pt', 'fr'] as const) {
    test(`I18N3 I18N9: switched to ${language} from the top bar, the main screens show no English, stay one line at 1366 px, and the choice survives a reload`, async ({ browser, server }, testInfo) => {
      test.slow();
      const { chair, venezuela } = await table(server);
      const a = await openAs(browser, chair);
      await a.setViewportSize({ width: 1366, height: 800 });
      await openAs(browser, venezuela);
      await expect(a.locator(`[data-testid=presence-chip][data-name="${LONG_NAME}"]`)).toBeVisible();
      await a.getByTestId('add-operative').click();
      await a.keyboard.type('Decide to meet again next year');
      await expect(a.getByTestId('connection')).toHaveAttribute('data-pending', '0');
      await expect(a.locator('html')).toHaveAttribute('lang', 'en');

      // Typed, not reloaded: the text typed before the switch is still being edited after it.
      await a.getByTestId('open-language').click();
      await a.getByTestId(`language-${language}`).click();
      await expect(a.locator('html')).toHaveAttribute('lang', language);
      await expect(a.getByTestId('open-language')).toBeFocused();
      await expect(clause(a, 'OP1').locator('.ProseMirror')).toHaveText('Decide to meet again next year');

      const widths = language === 'es' ? [1024, 1366, 1920] : [1366];
      const hits = new Map<string, string[]>();
      await englishOnScreen(a, 'declaration', hits);
      await screenshots(a, testInfo, `${language}-declaration`, widths);
      // One line at 1366 px: the title, the counts and the tools share a row.
      const middle = async (testId: string) => {
        const box = (await a.getByTestId(testId).boundingBox())!;
        return box.y + box.height / 2;
      };
      const row = await middle('topbar-title');

      // Tools with no room in the bar are under "More" (LAY2).
      const participantsInBar = await a.getByTestId('open-participants').isVisible();
      for (const testId of ['status-counts', 'open-export', participantsInBar ? 'open-participants' : 'open-more', 'open-language']) expect.soft(Math.abs((await middle(testId)) - row), testId).toBeLessThan(8);

      await clause(a, 'OP1').hover();
      await clause(a, 'OP1').getByTestId('status-chip').click();
      await englishOnScreen(a, 'status form', hits);
      await screenshots(a, testInfo, `${language}-status`, widths);
      await a.keyboard.press('Escape');
      for (const [button, where] of [
        ['open-comments', 'comments'],
        ['open-proposals', 'proposals'],
        ['open-versions', 'versions'],
        ['open-export', 'export'],
        ['open-participants', 'participants'],
      ] as const) {
        let opener = a.getByTestId(button);
        if (await opener.isVisible()) await opener.click();
        else {
          // In "More" (LAY2): its entry opens the same, and "More" is what the focus goes back to.
          await a.getByTestId('open-more').click();
          await a.getByTestId(button.replace('open-', 'more-')).click();
          opener = a.getByTestId('open-more');
        }
        await englishOnScreen(a, where, hits);
        await screenshots(a, testInfo, `${language}-${where}`, widths);
        await shut(a, opener);
      }
      const report = [...hits].map(([text, where]) => `${JSON.stringify(text)} — ${[...new Set(where)].join('; ')}`);
      if (report.length > 0) console.log(`English on the ${language} screens:\n${report.join('\n')}`);
      expect(report).toEqual([]);

      await a.reload();
      await expect(a.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(a.locator('html')).toHaveAttribute('lang', language);
      await expect(a.getByTestId('open-language')).toHaveText(language.toUpperCase());
      await a.context().close();
    });
  }
});
