import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { numberClauses } from '../shared/numbering.ts';
import { buildOutline } from '../shared/outline.ts';
import type { ClauseStatus } from '../shared/clauseStatus.ts';
import { EXPORT_VARIANTS, readExportInput, type ExportVariant } from '../server/export/exportInput.ts';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '../server/export/formats.ts';
import { docFromSeed, writeNegotiationState, type SampleRefusal, type SampleStatus } from '../server/export/samples.ts';
import { seed200 } from './seed200.ts';

/**
 * The time to export a 200-clause declaration (seed200.ts, with 16
 * signatories and a third of its clauses agreed or ad ref, a few refused
 * changes, so that the negotiation variant has its full content), in every
 * format and variant: from the document to the file's bytes, as the export
 * route does it (read the Y.Doc into plain data, then render). One warm-up
 * run, then the median of three. Goal (SPEC EXP7): under 1 s for every
 * format, under 3 s for PDF.
 */
export interface ExportTiming {
  format: ExportFormat;
  variant: ExportVariant;
  medianMs: number;
  bytes: number;
  limitMs: number;
  ok: boolean;
}

export interface ExportTimes {
  clauses: number;
  runs: number;
  timings: ExportTiming[];
  ok: boolean;
}

const RUNS = 3;
export const EXPORT_LIMIT_MS: Record<ExportFormat, number> = { docx: 1000, pdf: 3000, html: 1000, md: 1000, txt: 1000, akn: 1000 };

function benchDeclaration() {
  const seed = seed200();
  seed.signatories = Array.from({ length: 16 }, (_, i) => ({ name: `Minister ${i + 1}`, title: 'Minister of Foreign Affairs', state: `State ${i + 1}` }));
  seed.note = [{ text: 'The terms used in this Declaration are those of the respective national regulations.' }];
  const doc = docFromSeed(seed);
  const labels = [...numberClauses(buildOutline(readDeclaration(doc).clauses)).values()].map((n) => n.label);
  const at = Date.UTC(2026, 5, 1, 9, 0);
  const statuses: SampleStatus[] = [];
  labels.forEach((label, i) => {
    let status: ClauseStatus | null = null;
    if (i % 3 === 0) status = { state: 'agreed', by: 'Chair', at: at + i * 60_000 };
    else if (i % 5 === 0) status = { state: 'ad-ref', by: 'Chair', at: at + i * 60_000, pending: ['State 3', 'State 7'] };
    if (status) statuses.push({ label, status });
  });
  const refusals: SampleRefusal[] = labels
    .filter((_, i) => i % 3 === 0 && i % 10 === 0)
    .map((label, i) => ({ label, author: `State ${i + 1}`, attempted: `An amended text for ${label} that was not applied because the clause is agreed.`, at: at + i * 1000 }));
  writeNegotiationState(doc, statuses, refusals);
  return { doc, clauses: labels.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureExportTimes(): Promise<ExportTimes> {
  const { doc, clauses } = benchDeclaration();
  const date = new Date(Date.UTC(2026, 5, 2, 12, 0));
  const timings: ExportTiming[] = [];
  for (const format of EXPORT_FORMATS) {
    for (const variant of EXPORT_VARIANTS) {
      const once = async () => {
        const start = process.hrtime.bigint();
        const file = await renderExport(format, readExportInput(doc, date), variant);
        return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: file.length };
      };
      await once(); // warm-up: module loading, JIT, font metrics
      const samples: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await once());
      const medianMs = median(samples.map((s) => s.ms));
      const limitMs = EXPORT_LIMIT_MS[format];
      timings.push({ format, variant, medianMs, bytes: samples[0]!.bytes, limitMs, ok: medianMs < limitMs });
    }
  }
  doc.destroy();
  return { clauses, runs: RUNS, timings, ok: timings.every((t) => t.ok) };
}

export function formatExportTimes(result: ExportTimes): string {
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(16))).join('');
  const lines = [
    `== Export: a ${result.clauses}-clause declaration with statuses, 16 signatories; from the document to the file, median of ${result.runs} after a warm-up`,
    row(['format', 'clean ms', 'negotiation ms', 'size (clean)', 'limit ms']),
  ];
  for (const format of EXPORT_FORMATS) {
    const of = (variant: ExportVariant) => result.timings.find((t) => t.format === format && t.variant === variant)!;
    const clean = of('clean');
    const negotiation = of('negotiation');
    lines.push(row([format, clean.medianMs.toFixed(1), negotiation.medianMs.toFixed(1), `${(clean.bytes / 1024).toFixed(0)} kB`, String(clean.limitMs)]));
  }
  const missed = result.timings.filter((t) => !t.ok);
  lines.push(
    `verdict: ${result.ok ? 'OK' : `MISSED (${missed.map((t) => `${t.format} ${t.variant} ${t.medianMs.toFixed(0)} ms`).join(', ')})`} ` +
      '(goal: every format under 1 s, pdf under 3 s)',
  );
  return lines.join('\n');
}
