import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/golden.ts';
import { readExportInput } from './exportInput.ts';
import { escapeHtml, renderHtml } from './html.ts';
import { demoInput, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';

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
    expect(html).toContain('<p class="op"><span class="num">12. </span>Thank you also');
    expect(html).toContain('<p class="op depth-1"><span class="num">(a) </span>Also assume');
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

  it('PROP14: open proposals boxed under their clause as numbered alternatives, insertions in <ins> (underlined), deletions in <del> (struck through)', () => {
    const html = renderHtml(demoInput(), 'negotiation');
    expect(html).toContain(
      '<div class="proposal"><p class="alt">Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)</p>' +
        '<p class="redline">That the treatment of the information that may be exchanged or generated within the scope of this Statement <del>shall</del><ins>should</ins> be in accordance',
    );
    expect(html).toContain('<p class="justification">Justification: Softer wording, as in the Lima Declaration.</p><p class="reactions">Supported by Peru, Brazil. Objected to by Mexico.</p></div>');
    expect(html).toMatch(/<p class="alt">Alt 2 \(Peru\): Deletion of OP6 \(2023-09-12 00:00 UTC\)<\/p><p class="redline"><del>That the treatment [^<]*Participants\.<\/del><\/p>/);
    expect(html.indexOf('Alt 1 (Chile)')).toBeLessThan(html.indexOf('Alt 2 (Peru)'));
    expect(html).toContain('<p class="redline"><ins>That RELACOPAZ will report on its work to the III ALCONU.</ins></p><p class="reactions">Supported by Uruguay.</p>');
    expect(html).toContain('<ins>Circulate the draft <i>agenda</i> two months in advance.</ins>');
    expect(html).toContain('<p class="remark">Made while the clause was agreed.</p><p class="remark">Not decided: the clause is agreed.</p>');
    expect(html).toMatch(/\.proposal ins \{ text-decoration: underline;/);
    expect(html).toMatch(/\.proposal del \{ text-decoration: line-through;/);
    // The proposal sits inside its clause's box.
    const op6 = html.slice(html.indexOf('<b>OP6</b>'), html.indexOf('<b>OP7</b>'));
    expect(op6.match(/<div class="proposal">/g)).toHaveLength(2);
    const clean = renderHtml(demoInput(), 'clean');
    expect(clean).not.toMatch(/<ins>|<del>|class="proposal"|\.proposal/);
  });

  it('EXP6 PROP14: proposal text, justification and names are escaped', () => {
    const html = renderHtml(readExportInput(hostileNegotiationDoc(), SAMPLE_DATE), 'negotiation');
    expect(html).not.toMatch(/<(script|img|Co)\b/);
    expect(html).toMatch(/<ins> ?&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/ins>/);
    expect(html).toContain('<p class="justification">Justification: &lt;img src=x onerror=alert(3)&gt; &amp; &quot;quoted&quot; *stars* [link](javascript:alert(4)) ]]&gt; --&gt; bell</p>');
    expect(html).toContain('<p class="alt">Alt 1 (Chile &lt;b&gt;bold&lt;/b&gt;): New wording for OP1');
    expect(html).toContain('<p class="reactions">Supported by &lt;i&gt;Peru&lt;/i&gt; &amp; Co.</p>');
    expect(html.match(/<\/body>/g)).toHaveLength(1);
  });

  it('WN7 WN3 BRK3 POS4: the negotiation page of a frozen declaration: working numbers, "OP5 [deleted]", bold brackets, reservations and objections (golden file)', () => {
    const html = renderHtml(workingInput(), 'negotiation');
    expectGolden('working.negotiation.html', html);
    expect(html).toContain('<p class="label"><b>OP7 bis</b> open</p>\n<p class="op"><span class="num">7 bis. </span>That the Participants will meet again <b>[</b>in 2025<b>]</b>.</p>');
    expect(html).toContain('<div class="clause deleted"><p class="label">OP5 [deleted]</p></div>');
    expect(html).toContain('<div class="clause deleted depth-1"><p class="label">OP12(c) [deleted]</p></div>');
    expect(html).toContain('<p class="position objection">Bolivia: objection — Wants &quot;domestic law&quot; instead. (stated on an earlier text)</p>\n<p class="position reservation">Cuba: reservation — Needs time to consult its capital.</p>');
  });

  it('EXP8: the number is an element of its own followed by a real space, kept inside its box so the text starts at the hanging indent', () => {
    const html = renderHtml(demoInput(), 'clean');
    for (const match of html.matchAll(/<p class="op[^"]*">(<span class="num">[^<]*<\/span>)/g)) expect(match[1]).toMatch(/^<span class="num">(\d+\.|\([a-z]+\)) <\/span>$/);
    expect(html.match(/<span class="num">/g)).toHaveLength(16);
    expect(html).toMatch(/\.op \.num \{[^}]*white-space: pre;/);
    // What a reader copies: the page's text with its tags removed.
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('1. Their agreement regarding');
    expect(text).not.toMatch(/\d\.[A-Z]/);
  });

  it('WN7 BRK6: the clean page of a frozen declaration numbers 1…n and keeps its bold brackets', () => {
    const html = renderHtml(workingInput(), 'clean');
    expect(html).toContain('<p class="op"><span class="num">7. </span>That the Participants will meet again <b>[</b>in 2025<b>]</b>.</p>');
    expect(html).not.toMatch(/bis|deleted|reservation|objection/);
  });
});
