import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { draftFile, expect, openAs, test, type Participant, type ServerHandle } from './fixtures.ts';

/**
 * Two delegations typing at the same place of a clause keep their letters
 * together (docs/SPEC.md: EDIT9), offline and online, where the opening
 * phrase's italics meet the typing: before it, inside it, right after it,
 * and in a plain clause.
 */

// A zero draft as a secretariat would import it: each preambular paragraph opens in italics (IMP4).
const DRAFT = `# Declaration of Testing

The Ministers,

Recognizing that peace matters,

Bearing in mind the past,

Noting the present,

Declare:

1. Their agreement to meet;
`;

interface Place {
  label: string;
  /** Letters before the caret. */
  offset: number;
  text: string;
  italic: string;
}

const PLACES: Place[] = [
  { label: 'PP1', offset: 0, text: 'Recognizing that peace matters,', italic: 'Recognizing' },
  // Both names hold an "i": typed before the "i" of "ing".
  { label: 'PP2', offset: 4, text: 'Bearing in mind the past,', italic: 'Bearing in mind' },
  { label: 'PP3', offset: 'Noting'.length, text: 'Noting the present,', italic: 'Noting' },
  { label: 'OP1', offset: 0, text: 'Their agreement to meet;', italic: '' },
];

async function brazilAndChile(server: ServerHandle): Promise<{ brazil: Participant; chile: Participant }> {
  const file = draftFile('draft.md', DRAFT);
  const created = JSON.parse(await server.admin('create', '--import', file, '--chair', 'Argentina', '--delegation', 'Brazil', '--delegation', 'Chile')) as { participants: Participant[] };
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const find = (name: string) => created.participants.find((p) => p.name === name)!;
  return { brazil: find('Brazil'), chile: find('Chile') };
}

const editor = (page: Page, label: string) => page.locator(`[data-testid=clause][data-label="${label}"] .ProseMirror`);

async function putCaret(page: Page, place: Place): Promise<void> {
  await editor(page, place.label).click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < place.offset; i++) await page.keyboard.press('ArrowRight');
}

/** Each place's text and its italic part, as the page shows them (without the others' caret labels). */
function shown(page: Page): Promise<{ text: string; italic: string }[]> {
  return Promise.all(
    PLACES.map((place) =>
      editor(page, place.label).evaluate((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return { text: copy.textContent ?? '', italic: [...copy.querySelectorAll('em')].map((em) => em.textContent).join('') };
      }),
    ),
  );
}

/** The two runs side by side at the place, in either order, and the phrase in italics around them where they went into it. */
function whole(place: Place, text: string, italic: string): boolean {
  const before = place.text.slice(0, place.offset);
  const after = place.text.slice(place.offset);
  const runs = ['brazil chile ', 'chile brazil '].find((both) => text === before + both + after);
  if (!runs) return false;
  return italic.replace(runs, '') === place.italic;
}

/** Waits until both screens agree, then lists the places where the runs are not whole (none, if all is well). */
async function expectWholeRuns(brazil: Page, chile: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const [a, b] = await Promise.all([shown(brazil), shown(chile)]);
        if (JSON.stringify(a) !== JSON.stringify(b)) return ['the two screens differ'];
        return a.flatMap(({ text, italic }, i) => (whole(PLACES[i]!, text, italic) ? [] : [`${PLACES[i]!.label}: "${text}", in italics "${italic}"`]));
      },
      { timeout: 60_000 },
    )
    .toEqual([]);
}

test.describe('concurrent typing', () => {
  test('EDIT9: two delegations typing offline at the same places keep their letters together, italics intact', async ({ browser, server }) => {
    test.setTimeout(240_000);
    const { brazil, chile } = await brazilAndChile(server);
    const a = await openAs(browser, brazil);
    const b = await openAs(browser, chile);
    for (const page of [a, b]) {
      await page.context().setOffline(true);
      await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    }
    for (const place of PLACES) {
      await putCaret(a, place);
      await a.keyboard.type('brazil ');
    }
    for (const place of PLACES) {
      await putCaret(b, place);
      await b.keyboard.type('chile ');
    }
    for (const page of [a, b]) await page.context().setOffline(false);
    for (const page of [a, b]) await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    await expectWholeRuns(a, b);
  });

  test('EDIT9: two delegations typing online at the same moment at the same places keep their letters together, italics intact', async ({ browser, server }) => {
    test.setTimeout(240_000);
    const { brazil, chile } = await brazilAndChile(server);
    const a = await openAs(browser, brazil);
    const b = await openAs(browser, chile);
    for (const place of PLACES) {
      await putCaret(a, place);
      await putCaret(b, place);
      await Promise.all([a.keyboard.type('brazil ', { delay: 40 }), b.keyboard.type('chile ', { delay: 40 })]);
    }
    await expectWholeRuns(a, b);
  });
});
