import type { Participant } from './fixtures.ts';
import { expect, test } from './fixtures.ts';

/** The HTML export as a reader uses it in a browser (docs/SPEC.md EXP8). */
test.describe('the HTML export in a browser', () => {
  test('EXP8: copied text reads "1. Their agreement …" and each paragraph\'s text starts at its hanging indent', async ({ browser, server }) => {
    const people: Participant[] = JSON.parse(await server.admin('participants', server.demoId));
    const observer = people.find((p) => p.role === 'observer')!;
    const response = await fetch(`${server.baseUrl}/api/declarations/${server.demoId}/export?format=html`, { headers: { Authorization: `Bearer ${observer.token}` } });
    expect(response.status).toBe(200);
    const page = await browser.newPage();
    await page.setContent(await response.text());

    // What the clipboard gets: the selection's text.
    const copied = await page.evaluate(() => {
      const selection = window.getSelection()!;
      selection.selectAllChildren(document.body);
      return selection.toString();
    });
    expect(copied).toContain('\n1. Their agreement regarding the implementation');
    expect(copied).toContain('\n12. Thank you also to the Republic of Paraguay');
    expect(copied).toContain('\n(a) Also assume the Pro Tempore Presidency');
    expect(copied).not.toMatch(/\n(\d+\.|\([a-z]\))\S/);

    // The look is kept: the first word of a numbered paragraph starts where its wrapped lines do.
    const starts = await page.evaluate(() =>
      [...document.querySelectorAll('p.op')].map((p) => {
        const text = p.lastChild as Text;
        const at = (i: number) => {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          return range.getClientRects()[0]!;
        };
        const first = at(0);
        let i = 1;
        while (i < text.length - 1 && at(i).top <= first.top + 1) i++;
        return { first: first.left, wrapped: at(i).left, wraps: at(i).top > first.top + 1 };
      }),
    );
    expect(starts.filter((s) => s.wraps).length).toBeGreaterThan(10);
    for (const s of starts.filter((s) => s.wraps)) expect(Math.abs(s.first - s.wrapped)).toBeLessThan(0.5);
    await page.close();
  });
});
