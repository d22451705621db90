import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { numberClauses } from '../shared/numbering.ts';
import { buildOutline } from '../shared/outline.ts';
import type { ClauseStatus } from '../shared/clauseStatus.ts';
import { EXPORT_VARIANTS, readExportInput, type ExportVariant } from '../server/export/exportInput.ts';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '../server/export/formats.ts';
import { docFromSeed, proposalMix, writeNegotiationState, writeProposals, type SampleRefusal, type SampleStatus } from '../server/export/samples.ts';
import { seed200 } from './seed200.ts';

/**
 * The time to export a 200-clause declaration (seed200.ts, with 16
 * signatories and a third of its clauses agreed or ad ref, a few refused
 * changes, so that the negotiation variant has its full content), in every
 * format and variant; and the negotiation variant again with open proposals
 * on every third clause (samples.ts `proposalMix`, ~100 alternatives with
 * their redlines, plus the proposals the refused changes became, PROP11),
 * the heaviest negotiation text (PROP14). From the document to the file's
 * bytes, as the export route does it (read the Y.Doc into plain data, then
 * render). One warm-up run, then the median of three. Goal (SPEC EXP7):
 * under 1 s for every format, under 3 s for PDF.
 */
export interface ExportTiming {
  format: ExportFormat;
  variant: ExportVariant;
  /** Timed on the declaration with open proposals (negotiation variant only). */
  proposals: boolean;
  medianMs: number;
  bytes: number;
  limitMs: number;
  ok: boolean;
}

export interface ExportTimes {
  clauses: number;
  /** Open proposals in the declaration of the `proposals` timings, and the clauses they are on. */
  openProposals: number;
  clausesWithProposals: number;
  runs: number;
  timings: ExportTiming[];
  ok: boolean;
}

const RUNS = 3;
const DAY = 86_400_000;
export const EXPORT_LIMIT_MS: Record<ExportFormat, number> = { docx: 1000, pdf: 3000, html: 1000, md: 1000, txt: 1000, akn: 1000 };

function benchDeclaration(withProposals: boolean) {
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
  if (!withProposals) return { doc, clauses: labels.length, proposals: 0, clausesWithProposals: 0 };
  const proposals = [
    ...proposalMix(doc, at + DAY),
    // Each refused change on an agreed clause also became its author's proposal (PROP11).
    ...refusals.map((r, i) => ({ id: `typed-${i + 1}`, label: r.label, action: 'replace' as const, text: r.attempted, author: r.author, at: r.at, origin: 'typed-while-agreed' as const })),
  ];
  writeProposals(doc, proposals);
  return { doc, clauses: labels.length, proposals: proposals.length, clausesWithProposals: new Set(proposals.map((p) => p.label)).size };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureExportTimes(): Promise<ExportTimes> {
  const plainDoc = benchDeclaration(false);
  const proposalsDoc = benchDeclaration(true);
  const date = new Date(Date.UTC(2026, 5, 2, 12, 0));
  const runs: { variant: ExportVariant; proposals: boolean }[] = [
    ...EXPORT_VARIANTS.map((variant) => ({ variant, proposals: false })),
    { variant: 'negotiation', proposals: true },
  ];
  const timings: ExportTiming[] = [];
  for (const format of EXPORT_FORMATS) {
    for (const { variant, proposals } of runs) {
      const doc = proposals ? proposalsDoc.doc : plainDoc.doc;
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
      timings.push({ format, variant, proposals, medianMs, bytes: samples[0]!.bytes, limitMs, ok: medianMs < limitMs });
    }
  }
  plainDoc.doc.destroy();
  proposalsDoc.doc.destroy();
  return {
    clauses: plainDoc.clauses,
    openProposals: proposalsDoc.proposals,
    clausesWithProposals: proposalsDoc.clausesWithProposals,
    runs: RUNS,
    timings,
    ok: timings.every((t) => t.ok),
  };
}

export function formatExportTimes(result: ExportTimes): string {
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(16))).join('');
  const lines = [
    `== Export: a ${result.clauses}-clause declaration with statuses, 16 signatories; from the document to the file, median of ${result.runs} after a warm-up`,
    `   "+ proposals": the negotiation text with ${result.openProposals} open proposals on ${result.clausesWithProposals} clauses`,
    row(['format', 'clean ms', 'negotiation ms', '+ proposals ms', 'size (clean)', 'size (+ prop.)', 'limit ms']),
  ];
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  for (const format of EXPORT_FORMATS) {
    const of = (variant: ExportVariant, proposals: boolean) => result.timings.find((t) => t.format === format && t.variant === variant && t.proposals === proposals)!;
    const clean = of('clean', false);
    const negotiation = of('negotiation', false);
    const withProposals = of('negotiation', true);
    lines.push(
      row([format, clean.medianMs.toFixed(1), negotiation.medianMs.toFixed(1), withProposals.medianMs.toFixed(1), kB(clean.bytes), kB(withProposals.bytes), String(clean.limitMs)]),
    );
  }
  const missed = result.timings.filter((t) => !t.ok);
  const name = (t: ExportTiming) => `${t.format} ${t.variant}${t.proposals ? ' + proposals' : ''}`;
  lines.push(
    `verdict: ${result.ok ? 'OK' : `MISSED (${missed.map((t) => `${name(t)} ${t.medianMs.toFixed(0)} ms`).join(', ')})`} ` +
      '(goal: every format under 1 s, pdf under 3 s)',
  );
  return lines.join('\n');
}
