import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftingWarnings, type DraftingCheck } from '../../shared/drafting/checks.ts';
import { textWithoutFootnotes } from '../../shared/drafting/finalMark.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { detectLanguage } from '../../shared/import/detectLanguage.ts';
import { seedFromDraft } from '../../shared/import/seedFromDraft.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { toPlainText } from '../../shared/richText.ts';
import { readDraftFile } from './readDraftFile.ts';

/**
 * The drafting checks over the real texts of the corpus (corpus/README.md),
 * imported as a chair would import them (DRAFT1, DRAFT3): a text consistent
 * with itself draws no remark, whatever its house style, and no footnote
 * marker hides a final mark. The few remarks left are true of the text as
 * imported, each listed here with why.
 */
const DIR = path.join(import.meta.dirname, 'corpus');

const TRUE_REMARKS: Record<string, { check: DraftingCheck; why: string }[]> = {
  'en-ga-res-80-3-awaza-2025.txt': [
    { check: 'operative-end', why: 'the resolution\'s OP1 ends with ";" as resolutions do, while the 25 paragraphs of its annexed declaration, read after it, end with "."' },
    { check: 'final-mark', why: 'the PDF\'s text layer sets the raised marker after a space ("… the Pact for the Future. 16"), so the marker, not the full stop, ends annex paragraph 8' },
    { check: 'subitem-end', why: 'sub-item (e) closes annex paragraph 13 with its full stop, the others end with ";"' },
  ],
  'en-sc-res-242-1967.txt': [
    { check: 'space-before-mark', why: 'the 1967 print sets "conflict ;" with a space' },
    { check: 'space-before-mark', why: 'and "refugee problem ;"' },
  ],
  'es-ar-centroamerica-declaracion-conjunta-2000-extracto.txt': [{ check: 'final-mark', why: 'the formula "… emitir la siguiente / Declaración Conjunta:" is split over two lines and its first half stays a paragraph' }],
  'pt-cplp-declaracao-constitutiva-1996-extrato.txt': [{ check: 'last-period', why: 'an excerpt: it stops at a paragraph that ends with ";"' }],
  'pt-mercosul-comunicado-conjunto-2022-extrato.txt': [{ check: 'last-period', why: 'an excerpt: it stops at a paragraph that ends with ";"' }],
};

const files = fs.readdirSync(DIR).filter((f) => /\.(txt|md)$/u.test(f) && f !== 'README.md');

async function imported(file: string) {
  const draft = await readDraftFile(path.join(DIR, file));
  const doc = new Y.Doc();
  writeSeed(doc, seedFromDraft(draft));
  return { outline: buildOutline(readDeclaration(doc).clauses), language: detectLanguage(draft) };
}

describe('DRAFT1, DRAFT3: the drafting checks over the real corpus', () => {
  it.each(files)('DRAFT1: %s draws only its true remarks', async (file) => {
    const { outline, language } = await imported(file);
    expect(draftingWarnings(outline, language).map((w) => w.check)).toEqual((TRUE_REMARKS[file] ?? []).map((r) => r.check));
  });

  it('DRAFT3: the corpus has clauses ending with a footnote marker after the final mark, and none draws a remark for it', async () => {
    let withMarker = 0;
    for (const file of files) {
      const { outline, language } = await imported(file);
      const remarked = new Set(draftingWarnings(outline, language).filter((w) => w.check === 'final-mark' || w.check.endsWith('-end') || w.check === 'last-period').map((w) => w.clauseId));
      for (const node of flattenOutline(outline)) {
        const body = node.clause.body;
        const endsWithRun = body.length > 0 && body[body.length - 1]!.footnote !== undefined;
        const endsGlued = /[.,;:]["”’)]*(?:\d{1,3}|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*)$/u.test(textWithoutFootnotes(body).trimEnd());
        if (!endsWithRun && !endsGlued) continue;
        withMarker++;
        expect(remarked.has(node.clause.id), `${file}: ${toPlainText(body).slice(-60)}`).toBe(false);
      }
    }
    expect(withMarker).toBeGreaterThan(0);
  });
});
