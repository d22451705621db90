import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/golden.ts';
import { readExportInput } from './exportInput.ts';
import { escapeHtml, renderHtml } from './html.ts';
import { demoInput, docFromSeed, hostileSeed, SAMPLE_DATE } from './samples.ts';

describe('HTML export', () => {
  it('EXP2: the clean text of the demo declaration (golden file)', () => {
    expectGolden('clean.html', renderHtml(demoInput(), 'clean'));
  });

  it('EXP2: the negotiation text of the demo declaration (golden file)', () => {
    expectGolden('negotiation.html', renderHtml(demoInput(), 'negotiation'));
  });

  it('EXP2: one standalone printable page: doctype, language, title, serif print styles, signatures on a page of their own', () => {
    const html = renderHtml(demoInput(), 'clean');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<title>Declaration of Buenos Aires &quot;The commitment to make peace&quot; (2023)</title>');
    expect(html).toMatch(/@page \{[^}]*margin/);
    expect(html).toMatch(/font-family: [^;]*serif/);
    expect(html).toMatch(/\.signatures \{[^}]*page-break-before: always/);
    expect(html).not.toMatch(/<script|<link|src=|https?:/);
    expect(html).toContain('<p class="pp"><i>Recognizing</i> that United Nations');
    expect(html).toContain('<p class="op"><span class="num">12.</span>Thank you also');
    expect(html).toContain('<p class="op depth-1"><span class="num">a)</span>Also assume');
    expect(html.match(/<div class="signature">/g)).toHaveLength(16);
    expect(html).not.toContain('class="clause');
  });

  it('EXP2: negotiation: label and status on each clause, refused changes under it marked as not applied', () => {
    const html = renderHtml(demoInput(), 'negotiation');
    expect(html).toContain('<div class="clause status-ad-ref">\n<p class="label"><b>OP3</b> ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)</p>');
    expect(html).toContain('<div class="refused"><p>Not applied: change attempted by Chile (2023-09-11 21:00 UTC):</p><p class="attempted">Their full agreement');
    expect(html).toContain('<div class="clause status-agreed depth-1">');
    expect(html.match(/<div class="clause /g)).toHaveLength(29);
  });

  it('EXP6: every text is escaped: markup in the declaration comes out as text', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    for (const variant of ['clean', 'negotiation'] as const) {
      const html = renderHtml(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), variant);
      expect(html).not.toMatch(/<(script|img|Co)\b/);
      expect(html).not.toContain('</p></body>');
      expect(html).toContain('<title>Declaration &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
      expect(html).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp; AT&amp;T');
      expect(html).toContain('<p class="name">&lt;img src=x onerror=alert(1)&gt;</p>');
      expect(html).toContain('<b><i>bold &amp; italic</i></b>');
      expect(html.match(/<\/body>/g)).toHaveLength(1);
    }
  });
});
