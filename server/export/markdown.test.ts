import { describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain } from '../../shared/richText.ts';
import { expectGolden } from '../testing/golden.ts';
import { readExportInput } from './exportInput.ts';
import { markRedline } from './exportProposal.ts';
import { escapeMarkdown, inlineMarkdown, MARKDOWN_REDLINE_MARKS, renderMarkdown } from './markdown.ts';
import { demoInput, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';

describe('Markdown export', () => {
  it('EXP2: the clean text of the demo declaration (golden file)', () => {
    expectGolden('clean.md', renderMarkdown(demoInput(), 'clean'));
  });

  it('EXP2: the negotiation text of the demo declaration (golden file)', () => {
    expectGolden('negotiation.md', renderMarkdown(demoInput(), 'negotiation'));
  });

  it('EXP2: title as a heading, italics as *…*, operative paragraphs as an ordered list with the sub-items nested', () => {
    const md = renderMarkdown(demoInput(), 'clean');
    expect(md).toContain('\n# Declaration of Buenos Aires "The commitment to make peace" (2023)\n');
    expect(md).toContain('\n*The Honorable Ministers of Defense and/or their equivalents of Latin America and the Caribbean,*\n');
    expect(md).toContain('\n*Bearing in mind* that Peacekeeping Operations');
    expect(md).toContain('\n1. Their agreement regarding');
    expect(md).toContain('\n12. Thank you also');
    expect(md).toContain('\n    - (a) Also assume the Pro Tempore Presidency');
    expect(md).toContain('\n---\n\n**Jorge Taiana**\\\nMinistro de Defensa\\\n*República Argentina*\n');
    expect(md).not.toContain('Not applied');
  });

  it('EXP2: negotiation: the label and status open each clause; refused changes are quoted under it, marked as not applied', () => {
    const md = renderMarkdown(demoInput(), 'negotiation');
    expect(md).toContain('**\\[PP1\\]** *agreed (Argentina, 2023-09-11 14:00 UTC)*\\\n*Recognizing* that');
    expect(md).toContain('3. **\\[OP3\\]** *ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)*\\\n   That the Latin');
    expect(md).toContain('   > **Not applied: change attempted by Chile (2023-09-11 21:00 UTC):**\\\n   > Their full agreement');
  });

  it('EXP6: Markdown syntax and HTML in the text are escaped, so it renders as the text', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> & | ~g~ \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) &lt;f&gt; &amp; \\| \\~g\\~ \\\\');
    expect(inlineMarkdown([{ text: '1. Not a list' }])).toBe('1\\. Not a list');
    expect(inlineMarkdown([{ text: '12) nor this' }])).toBe('12\\) nor this');
    expect(inlineMarkdown([{ text: '# nor a heading' }])).toBe('\\# nor a heading');
    expect(inlineMarkdown([{ text: '- nor a bullet' }])).toBe('\\- nor a bullet');
    expect(inlineMarkdown([{ text: '    not code' }])).toBe('not code');
    // Emphasis markers hug the words: spaces stay outside, or it would not be emphasis.
    expect(inlineMarkdown([{ text: 'Recognizing ', italic: true }, { text: 'that' }])).toBe('*Recognizing* that');
    expect(inlineMarkdown([{ text: 'both', italic: true, bold: true }])).toBe('***both***');
    // Emphasis spans runs, nested, the longer mark outside: never delimiters glued into a run CommonMark reads otherwise ("***x****,*").
    expect(inlineMarkdown([{ text: 'x', italic: true, bold: true }, { text: ',', italic: true }])).toBe('***x**,*');
    expect(inlineMarkdown([{ text: 'Bearing ', italic: true }, { text: 'in mind', italic: true, bold: true }, { text: ' that' }])).toBe('*Bearing **in mind*** that');
    expect(inlineMarkdown([{ text: 'Decides', bold: true }, { text: ' to ', italic: true, bold: true }, { text: 'act', bold: true }])).toBe('**Decides *to* act**');
    // A space between two italic words that is not itself italic ends the span.
    expect(inlineMarkdown([{ text: 'a', italic: true }, { text: ' ' }, { text: 'b', italic: true }])).toBe('*a* *b*');

    const heading = (title: string) => renderMarkdown(readExportInput(docFromSeed(emptySeed(plain(title))), SAMPLE_DATE), 'clean').trim();
    expect(heading('Agenda item ##')).toBe('# Agenda item \\#\\#');
    expect(heading('#')).toBe('# \\#');

    const md = renderMarkdown(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation');
    expect(md).not.toMatch(/<(script|img|b|\/p|Co)\b/);
    expect(md).toContain('# Declaration &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" \'single\'');
    expect(md).toContain('1\\. Not a list: \\*stars\\*, \\_under\\_, \\`code\\`, \\[link\\](javascript:alert(1)), &lt;b&gt;not bold&lt;/b&gt; &amp; AT&amp;T');
    expect(md).toContain('\\# Not a heading &lt;img src=x onerror=alert(1)&gt; \\| pipe \\~tilde\\~');
    expect(md).toContain('\n     2\\) &lt;script&gt;alert(1)&lt;/script&gt;\n');
    expect(md).toContain('\n\\+ Declare:\n');
    expect(md).toContain('\n\\-- subtitle starting with dashes\n');
    expect(md).toContain('\n*&gt; The chapeau, quoting*\n');
    expect(md).toContain('\n**&lt;img src=x onerror=alert(1)&gt;**\\\n');
  });

  it('PROP14: open proposals quoted under their clause as numbered alternatives, redlined [-deleted-] [+inserted+] (brackets escaped), with justification, supporters and objectors', () => {
    const md = renderMarkdown(demoInput(), 'negotiation');
    expect(md).toContain(
      [
        '   > **Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)**\\',
        '   > That the treatment of the information that may be exchanged or generated within the scope of this Statement \\[-shall-\\]\\[+should+\\] be in accordance with the provisions of the corresponding national laws and regulations of the Participants.\\',
        '   > Justification: Softer wording, as in the Lima Declaration.\\',
        '   > Supported by Peru, Brazil. Objected to by Mexico.',
        '',
        '   > **Alt 2 (Peru): Deletion of OP6 (2023-09-12 00:00 UTC)**\\',
        '   > \\[-That the treatment of the information',
      ].join('\n'),
    );
    expect(md).toContain('   > **Alt 1 (Brazil): New operative paragraph after OP3 (2023-09-12 01:00 UTC)**\\\n   > \\[+That RELACOPAZ will report on its work to the III ALCONU.+\\]\\\n   > Supported by Uruguay.');
    expect(md).toContain('    > \\[+Circulate the draft *agenda* two months in advance.+\\]\\\n    > Objected to by Paraguay.');
    expect(md).toContain('> *Made while the clause was agreed.*\\\n> *Not decided: the clause is agreed.*\\\n> *Recognizing* that United Nations (UN) Peacekeeping Operations are an \\[-important-\\]\\[+**essential**+\\] means');
    expect(renderMarkdown(demoInput(), 'clean')).not.toMatch(/Alt 1|\\\[[+-]/);
  });

  it('EXP6 PROP14: proposal text and justification are escaped; a redline mark followed by "(…)" or ":" cannot become a link', () => {
    const md = renderMarkdown(readExportInput(hostileNegotiationDoc(), SAMPLE_DATE), 'negotiation');
    expect(md).not.toMatch(/<(script|img|b|i|\/p|Co)\b/);
    expect(md).toContain('\\[+&lt;script&gt;alert(2)&lt;/script&gt;+\\]');
    expect(md).toContain('> Justification: &lt;img src=x onerror=alert(3)&gt; &amp; "quoted" \\*stars\\* \\[link\\](javascript:alert(4)) \\]\\]&gt; --&gt; bell');
    expect(md).toContain('**Alt 1 (Chile &lt;b&gt;bold&lt;/b&gt;): New wording for OP1');
    expect(md).toContain('> Supported by &lt;i&gt;Peru&lt;/i&gt; &amp; Co.');
    expect(md).toContain('> \\[+# Heading? &lt;script&gt;alert(5)&lt;/script&gt; \\[+not a mark+\\]+\\]');
    const link = markRedline([{ op: 'insert', runs: plain('click') }, { op: 'equal', runs: plain('(javascript:alert(1)): here') }], (runs) => escapeMarkdown(runs.map((r) => r.text).join('')), MARKDOWN_REDLINE_MARKS);
    expect(link).toBe('\\[+click+\\](javascript:alert(1)): here');
  });

  it('WN7 WN3 BRK3 POS4: the negotiation text of a frozen declaration: working numbers written out, "OP5 [deleted]", brackets, reservations and objections (golden file)', () => {
    const md = renderMarkdown(workingInput(), 'negotiation');
    expectGolden('working.negotiation.md', md);
    // Markdown cannot count 7 bis: every paragraph is a bullet with its working number, escaped so it is no nested list.
    expect(md).toContain('\n- 6\\. **\\[OP6\\]** *open*\\\n  That the treatment');
    expect(md).toContain('\n- 7 bis. **\\[OP7 bis\\]** *open*\\\n  That the Participants will meet again **\\[**in 2025**\\]**.');
    expect(md).toContain('\n  - (a bis) **\\[OP12(a bis)\\]** *open*\\');
    expect(md).toContain('\n- *OP5 \\[deleted\\]*\n');
    expect(md).toContain('\n*PP3 \\[deleted\\]*\n');
    expect(md).toContain('\n  - *OP12(c) \\[deleted\\]*\n');
    expect(md).toContain('\n  > Bolivia: objection — Wants "domestic law" instead. (stated on an earlier text)\\\n  > Cuba: reservation — Needs time to consult its capital.\n');
  });

  it('WN7 BRK6: the clean text of a frozen declaration is an ordered list 1…n with its brackets, without deleted numbers', () => {
    const md = renderMarkdown(workingInput(), 'clean');
    expect(md).toContain('\n7. That the Participants will meet again **\\[**in 2025**\\]**.\n');
    expect(md).toContain('\n    - (b) Publish the report of the Conference;\n');
    expect(md).not.toMatch(/bis|deleted|reservation|objection/);
  });
});
