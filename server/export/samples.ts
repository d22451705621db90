import * as Y from 'yjs';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline } from '../../shared/outline.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { readExportInput, type ExportInput } from './exportInput.ts';

/**
 * Declarations to export, for the exporters' tests and the export bench:
 * a document written from a seed, with statuses and refused changes put
 * straight into its server-only maps (as the server would mirror them), at
 * fixed times, so that every export of it is the same file.
 */
export const SAMPLE_DATE = new Date(Date.UTC(2026, 0, 15, 9, 30));
const HOUR = 3_600_000;

export function docFromSeed(seed: DeclarationSeed = buenosAires2023): Y.Doc {
  const doc = new Y.Doc();
  writeSeed(doc, seed);
  return doc;
}

/** Clause ids by label (PP1, OP12(a)) in the document as it stands. */
export function idsByLabel(doc: Y.Doc): Map<string, string> {
  const numbers = numberClauses(buildOutline(readDeclaration(doc).clauses));
  return new Map([...numbers].map(([id, number]) => [number.label, id]));
}

export interface SampleStatus {
  label: string;
  status: ClauseStatus;
}

export interface SampleRefusal {
  label: string;
  author: string;
  attempted: string;
  kept?: string;
  at: number;
}

export function writeNegotiationState(doc: Y.Doc, statuses: SampleStatus[], refusals: SampleRefusal[] = []): void {
  const ids = idsByLabel(doc);
  const idOf = (label: string) => {
    const id = ids.get(label);
    if (!id) throw new Error(`No clause ${label} in this declaration`);
    return id;
  };
  doc.transact(() => {
    const statusMap = doc.getMap<unknown>(ROOT.status);
    for (const { label, status } of statuses) statusMap.set(idOf(label), status);
    const refusedMap = doc.getMap<unknown>(ROOT.refused);
    refusals.forEach((r, i) => {
      const change: RefusedChange = {
        id: `refusal${i + 1}`,
        participantId: `participant-${r.author}`,
        author: r.author,
        part: 'clause',
        clauseId: idOf(r.label),
        reason: 'agreed',
        kept: r.kept ?? '',
        attempted: r.attempted,
        at: r.at,
      };
      refusedMap.set(change.id, change);
    });
  });
}

/** The demo declaration in mid-negotiation: some clauses agreed, some ad ref, one reopened, a refused change. */
export function demoNegotiationDoc(): Y.Doc {
  const doc = docFromSeed(buenosAires2023);
  const t0 = Date.UTC(2023, 8, 11, 14, 0);
  writeNegotiationState(
    doc,
    [
      { label: 'PP1', status: { state: 'agreed', by: 'Argentina', at: t0 } },
      { label: 'PP2', status: { state: 'agreed', by: 'Argentina', at: t0 + HOUR } },
      { label: 'PP5', status: { state: 'open', by: 'Argentina', at: t0 + 2 * HOUR, reason: 'Brazil asked to revisit "historical adherence".' } },
      { label: 'OP1', status: { state: 'agreed', by: 'Argentina', at: t0 + 3 * HOUR } },
      { label: 'OP3', status: { state: 'ad-ref', by: 'Argentina', at: t0 + 4 * HOUR, pending: ['Chile', 'Peru'] } },
      { label: 'OP7', status: { state: 'ad-ref', by: 'Argentina', at: t0 + 5 * HOUR } },
      { label: 'OP12(a)', status: { state: 'agreed', by: 'Argentina', at: t0 + 6 * HOUR } },
    ],
    [
      {
        label: 'OP1',
        author: 'Chile',
        attempted: 'Their full agreement regarding the implementation of the Latin American and Caribbean Network for Cooperation in Peacekeeping Operations (RELACOPAZ);',
        at: t0 + 7 * HOUR,
      },
      { label: 'OP12(a)', author: 'Peru', attempted: '', at: t0 + 8 * HOUR },
    ],
  );
  return doc;
}

export function demoInput(negotiation = true): ExportInput {
  return readExportInput(negotiation ? demoNegotiationDoc() : docFromSeed(), SAMPLE_DATE);
}

/** Text that means something in every output format: it must come out as text, everywhere (SPEC EXP6). */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  title: 'Declaration <script>alert(1)</script> & "quotes" \'single\'',
  preamble: '1. Not a list: *stars*, _under_, `code`, [link](javascript:alert(1)), <b>not bold</b> & AT&T, ]]> --> \\ back',
  operative: '# Not a heading <img src=x onerror=alert(1)> | pipe ~tilde~ & "quoted"',
  /** Characters outside Windows-1252 (PDF prints "?"), a control character, a line break and a lone surrogate half. */
  exotic: 'Emoji 🎉 check ✓ Ελληνικά 中文 bell\u0007 line\nbreak lone\uD800half',
};

export function hostileSeed(): DeclarationSeed {
  return {
    conference: [{ text: 'Conference & <Co>' }],
    title: [{ text: HOSTILE.title }],
    subtitle: [{ text: '-- subtitle starting with dashes' }],
    chapeau: [{ text: '> The chapeau, quoting', italic: true }],
    preamble: [
      [{ text: HOSTILE.preamble }],
      [
        { text: '*Noting*', italic: true },
        { text: ' with ' },
        { text: 'bold & italic', bold: true, italic: true },
        { text: ` ${HOSTILE.exotic},` },
      ],
    ],
    formula: [{ text: '+ Declare:' }],
    operative: [{ body: [{ text: HOSTILE.operative }], subitems: [{ body: [{ text: `2) ${HOSTILE.script}` }] }] }],
    note: [{ text: '</p></body>' }],
    signatories: [{ name: '<img src=x onerror=alert(1)>', title: 'Minister & "Chief"', state: "République d'Haïti 🎉" }],
  };
}
