import { describe, expect, it } from 'vitest';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { seedFromDraft } from '../../shared/import/seedFromDraft.ts';
import { readExportInput } from '../export/exportInput.ts';
import { renderExport } from '../export/formats.ts';
import { docFromSeed, SAMPLE_DATE } from '../export/samples.ts';
import { demoDraft } from './fixtures/demoDraft.ts';
import { readDraft } from './readDraft.ts';

/**
 * What Consenso writes, it reads back (docs/SPEC.md IMP5): the demo exported
 * as a clean text by the exporters (server/export/) and imported again has
 * the same clauses, of the same kinds, with the same text — and makes the
 * same seed, italics included, but for the conference line and subtitle,
 * which a draft has no place for.
 */
describe('export, then import', () => {
  it.each(['docx', 'md', 'txt'] as const)('IMP5: the demo exported as .%s and imported back gives the same clauses, kinds and text', async (format) => {
    const file = await renderExport(format, readExportInput(docFromSeed(), SAMPLE_DATE), 'clean');
    const draft = await readDraft(`Declaration of Buenos Aires.${format}`, file);
    expect(draft).toEqual(demoDraft());
    expect(seedFromDraft(draft)).toEqual({ ...buenosAires2023, conference: [], subtitle: [] });
  });
});
