import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { expectGolden } from '../testing/golden.ts';
import { renderDocx } from './docx.ts';
import { readExportInput } from './exportInput.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { demoNegotiationDoc, docFromSeed, SAMPLE_DATE } from './samples.ts';
import { renderTxt } from './txt.ts';

/** The demo's text exported as if the declaration were Spanish or French (DL5): its markers and the words around it follow; its own words do not change. */
function inLanguage(doc: Y.Doc, language: string): Y.Doc {
  // What the server's mirror writes (Room.mirrorLanguage).
  doc.getMap<unknown>(ROOT.settings).set('language', language);
  return doc;
}

describe('exports in the declaration language', () => {
  it('DL5 DL3: Spanish — clean and negotiation plain text (golden files): "a)", "Nota:", "acordado", "No aplicado"', () => {
    expectGolden('clean.es.txt', renderTxt(readExportInput(inLanguage(docFromSeed(), 'es'), SAMPLE_DATE), 'clean'));
    const negotiation = renderTxt(readExportInput(inLanguage(demoNegotiationDoc(), 'es'), SAMPLE_DATE), 'negotiation');
    expectGolden('negotiation.es.txt', negotiation);
    expect(negotiation).toContain('No aplicado');
    expect(negotiation).not.toMatch(/Not applied|\] agreed|^Note:|Working text/m);
  });

  it('DL5 DL3: French — negotiation Markdown and clean HTML (golden files): lang="fr", "Note :", no-break spaces', () => {
    expectGolden('negotiation.fr.md', renderMarkdown(readExportInput(inLanguage(demoNegotiationDoc(), 'fr'), SAMPLE_DATE), 'negotiation'));
    const html = renderHtml(readExportInput(inLanguage(docFromSeed(), 'fr'), SAMPLE_DATE), 'clean');
    expectGolden('clean.fr.html', html);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<span class="num">a) </span>');
    expect(html).toContain('Note\u00a0: ');
  });

  it('DL3: Word numbers sub-items "a)" / "i)" in Spanish and "(a)" / "(i)" in English', async () => {
    const numbering = async (language: string) => (await JSZip.loadAsync(await renderDocx(readExportInput(inLanguage(docFromSeed(), language), SAMPLE_DATE), 'clean'))).file('word/numbering.xml')!.async('string');
    expect(await numbering('es')).toMatch(/<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%2\)"\/>/);
    expect(await numbering('en')).toMatch(/<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="\(%2\)"\/>/);
  });
});
