import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from '../../shared/document/names.ts';
import { SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { renderAkn } from '../export/akn.ts';
import { renderDocx } from '../export/docx.ts';
import { readExportInput } from '../export/exportInput.ts';
import { renderHtml } from '../export/html.ts';
import { renderMarkdown } from '../export/markdown.ts';
import { renderPdf } from '../export/pdf.ts';
import { docFromSeed, SAMPLE_DATE } from '../export/samples.ts';
import { renderTxt } from '../export/txt.ts';
import { drawnLines } from '../testing/pdfText.ts';

/**
 * SIL10: the clean text of an adopted declaration carries the date of its
 * adoption under the heading, in every format, in the declaration's
 * language; before adoption (a procedure running, broken) it carries none.
 * Pure: the demo document with the server's `silence` mirror written in.
 */
const ADOPTED = Date.UTC(2023, 8, 12, 18, 0);
const LINE = 'Adopted on 12 September 2023';

function withProcedure(ended: SilenceProcedure['ended'] | null) {
  const doc = docFromSeed();
  const procedure: SilenceProcedure = { id: 'p1', startedBy: 'Argentina', startedAt: ADOPTED - 72 * 3600_000, deadline: ADOPTED, reason: '', versionId: null, ...(ended ? { ended } : {}) };
  doc.getMap(ROOT.silence).set(SILENCE_KEY, procedure);
  return readExportInput(doc, SAMPLE_DATE);
}

async function pdfText(buffer: Buffer): Promise<string> {
  return drawnLines(buffer).join('\n');
}

async function aknErrors(xml: string): Promise<string[]> {
  const dir = path.join(import.meta.dirname, '../export/schema');
  const result = await validateXML({
    xml: [{ fileName: 'declaration.xml', contents: xml }],
    schema: [{ fileName: 'akomantoso30.xsd', contents: fs.readFileSync(path.join(dir, 'akomantoso30.xsd'), 'utf8') }],
    preload: [{ fileName: 'xml.xsd', contents: fs.readFileSync(path.join(dir, 'xml.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

describe('the date of adoption in the exports', () => {
  it('SIL10: adopted — "Adopted on <date>" under the heading of the clean text in txt, md, html, pdf, docx and Akoma Ntoso (valid)', async () => {
    const input = withProcedure({ outcome: 'adopted', at: ADOPTED, by: null, reason: '' });
    expect(input.adoptedAt).toBe(ADOPTED);
    const txt = renderTxt(input, 'clean');
    expect(txt).toContain(LINE);
    // Under the heading, before the chapeau.
    expect(txt.indexOf(LINE)).toBeLessThan(txt.indexOf('The Honorable Ministers'));
    expect(renderMarkdown(input, 'clean')).toContain(`*${LINE}*`);
    expect(renderHtml(input, 'clean')).toContain(`<p class="adopted"><i>${LINE}</i></p>`);
    expect(await pdfText(await renderPdf(input, 'clean', { compress: false }))).toContain(LINE);
    const docx = await JSZip.loadAsync(await renderDocx(input, 'clean'));
    expect(await docx.file('word/document.xml')!.async('string')).toContain(LINE);
    const akn = renderAkn(input, 'clean');
    expect(akn).toContain(`<docDate date="2023-09-12">${LINE}</docDate>`);
    expect(await aknErrors(akn)).toEqual([]);
  });

  it('SIL10: not adopted — running or broken — no date of adoption anywhere', async () => {
    for (const input of [withProcedure(null), withProcedure({ outcome: 'broken', at: ADOPTED - 1000, by: 'Chile', reason: 'No.' })]) {
      expect(input.adoptedAt ?? null).toBeNull();
      expect(renderTxt(input, 'clean')).not.toContain('Adopted on');
      expect(renderHtml(input, 'clean')).not.toContain('Adopted on');
      expect(renderAkn(input, 'clean')).not.toContain('docDate');
    }
  });
});
