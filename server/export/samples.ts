import * as Y from 'yjs';
import type { Bracket } from '../../shared/brackets/bracket.ts';
import type { ClauseKind } from '../../shared/clauseKind.ts';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { anchorPassage } from '../../shared/document/bracketRange.ts';
import { deleteClause, insertClauses, readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { numberClauses, numbersToFreeze } from '../../shared/numbering.ts';
import { buildOutline } from '../../shared/outline.ts';
import type { Proposal, ProposalAction, ProposalOrigin, ProposalState } from '../../shared/proposals/proposal.ts';
import { tokenize, tokensToRuns, type Token } from '../../shared/proposals/wordDiff.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import type { PositionKind, StatedPosition } from '../../shared/positions/position.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import type { FrozenNumbering } from '../../shared/workingNumbers.ts';
import { seededRandom } from '../../shared/seededRandom.ts';
import { buildExportInput, readExportInput, type ExportInput, type PrintStyle } from './exportInput.ts';
import type { Clause, Declaration } from '../../shared/declaration.ts';
import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';

/**
 * Declarations to export, for the exporters' tests and the export bench:
 * a document written from a seed, with statuses, refused changes and
 * proposals put straight into its server-only maps (as the server would
 * mirror them), at fixed times, so that every export of it is the same file.
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

export interface SampleProposal {
  id: string;
  label: string;
  action: ProposalAction;
  /** The proposed wording: a plain string or runs; none for a deletion. */
  text?: string | RichText;
  kind?: ClauseKind;
  author: string;
  at: number;
  justification?: string;
  supporters?: string[];
  objectors?: string[];
  state?: ProposalState;
  origin?: ProposalOrigin;
}

/** Writes proposals into the `proposals` map as the server mirrors them, made on the clause's text as it stands. */
export function writeProposals(doc: Y.Doc, proposals: SampleProposal[]): void {
  const ids = idsByLabel(doc);
  const bodies = new Map(readDeclaration(doc).clauses.map((clause) => [clause.id, clause.body]));
  const reaction = (at: number) => (name: string) => ({ participantId: `participant-${name}`, name, at });
  doc.transact(() => {
    const map = doc.getMap<unknown>(ROOT.proposals);
    for (const p of proposals) {
      const clauseId = ids.get(p.label);
      if (!clauseId) throw new Error(`No clause ${p.label} in this declaration`);
      const state = p.state ?? 'open';
      const proposal: Proposal = {
        id: p.id,
        clauseId,
        action: p.action,
        text: typeof p.text === 'string' ? plain(p.text) : (p.text ?? []),
        ...(p.kind ? { kind: p.kind } : {}),
        baseText: bodies.get(clauseId) ?? [],
        justification: p.justification ?? '',
        authorId: `participant-${p.author}`,
        author: p.author,
        origin: p.origin ?? 'proposed',
        at: p.at,
        state,
        supporters: (p.supporters ?? []).map(reaction(p.at + 60_000)),
        objectors: (p.objectors ?? []).map(reaction(p.at + 120_000)),
        ...(state === 'open' ? {} : { decided: { by: state === 'withdrawn' ? p.author : 'Argentina', at: p.at + HOUR } }),
      };
      map.set(p.id, proposal);
    }
  });
}

/**
 * The demo declaration in mid-negotiation: some clauses agreed, some ad ref,
 * one reopened, refused changes, and open proposals — two alternatives on
 * OP6 (new wording: "shall" → "should"; its deletion), a new paragraph after
 * OP3, a new sub-item under OP12, new wording typed into PP1 after it was
 * agreed — beside a withdrawn and a rejected one, which are not shown.
 */
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
  const shall = 'That the treatment of the information that may be exchanged or generated within the scope of this Statement shall be in accordance with the provisions of the corresponding national laws and regulations of the Participants.';
  writeProposals(doc, [
    // Ids out of time order: alternatives are numbered by time, not by id.
    {
      id: 'proposal-b',
      label: 'OP6',
      action: 'replace',
      text: shall.replace('shall', 'should'),
      author: 'Chile',
      at: t0 + 9 * HOUR,
      justification: 'Softer wording, as in the Lima Declaration.',
      supporters: ['Peru', 'Brazil'],
      objectors: ['Mexico'],
    },
    { id: 'proposal-a', label: 'OP6', action: 'delete', author: 'Peru', at: t0 + 10 * HOUR, justification: 'OP7 already covers national law.' },
    { id: 'proposal-c', label: 'OP6', action: 'replace', text: shall.replace('shall', 'ought to'), author: 'Mexico', at: t0 + 9 * HOUR + 30 * 60_000, state: 'withdrawn' },
    { id: 'proposal-d', label: 'OP2', action: 'delete', author: 'Chile', at: t0 + 9 * HOUR, state: 'rejected', justification: 'Rejected justification.' },
    {
      id: 'proposal-e',
      label: 'OP3',
      action: 'insert-after',
      kind: 'operative',
      text: 'That RELACOPAZ will report on its work to the III ALCONU.',
      author: 'Brazil',
      at: t0 + 11 * HOUR,
      supporters: ['Uruguay'],
    },
    {
      id: 'proposal-f',
      label: 'OP12',
      action: 'insert-subitem',
      text: [{ text: 'Circulate the draft ' }, { text: 'agenda', italic: true }, { text: ' two months in advance.' }],
      author: 'Uruguay',
      at: t0 + 12 * HOUR,
      objectors: ['Paraguay'],
    },
    {
      id: 'proposal-g',
      label: 'PP1',
      action: 'replace',
      origin: 'typed-while-agreed',
      text: [
        { text: 'Recognizing', italic: true },
        { text: ' that United Nations (UN) Peacekeeping Operations are an ' },
        { text: 'essential', bold: true },
        { text: ' means of promoting international peace, stability and security,' },
      ],
      author: 'Peru',
      at: t0 + 13 * HOUR,
    },
  ]);
  return doc;
}

/** Words delegations bring into a text when they amend it. */
const AMENDING_WORDS = ['should', 'shall', 'may', 'further', 'strongly', 'all', 'relevant', 'national', 'regional', 'voluntary', 'appropriate', 'effective', 'sustained'];

/**
 * `changes` word changes, as a delegation amends a clause: in turn a word
 * replaced, a word inserted before another, a word deleted with its space;
 * the italic opening phrase left as it is.
 */
function withWordChanges(body: RichText, changes: number, random: () => number): RichText {
  const tokens = tokenize(body);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let n = 0; n < changes; n++) {
    const words = tokens.flatMap((token, i) => (!token.italic && /^[\p{L}\p{N}]/u.test(token.text) ? [i] : []));
    if (words.length === 0) break;
    const i = pick(words);
    const word: Token = { ...tokens[i]!, text: pick(AMENDING_WORDS) };
    if (n % 3 === 0) tokens[i] = word;
    else if (n % 3 === 1) tokens.splice(i, 0, word, { ...word, text: ' ' });
    else tokens.splice(i, tokens[i + 1]?.text === ' ' ? 2 : 1);
  }
  return tokensToRuns(tokens);
}

/**
 * A realistic load of open proposals for the export bench (SPEC EXP7,
 * PROP14): one or two on every third clause in reading order, from the
 * second (PP2, PP5, …), in a cycle of four — new wording with three words
 * changed, justified, supported and objected to, beside a second
 * alternative of five changes; new wording with two changes; a justified
 * deletion beside new wording of four changes; a new paragraph (another
 * clause's text reworded) after the clause. Seeded: every call gives the
 * same proposals. Write them with `writeProposals`.
 */
export function proposalMix(doc: Y.Doc, at: number): SampleProposal[] {
  const random = seededRandom(14);
  const bodies = new Map(readDeclaration(doc).clauses.map((clause) => [clause.id, clause.body]));
  const labels = [...idsByLabel(doc)].map(([label, id]) => ({ label, body: bodies.get(id) ?? [] }));
  const delegation = (n: number) => `State ${(n % 16) + 1}`;
  const reworded = (body: RichText, changes: number) => withWordChanges(body, changes, random);
  const proposals: SampleProposal[] = [];
  labels.forEach(({ label, body }, i) => {
    if (i % 3 !== 1) return;
    const n = (i - 1) / 3;
    const made = at + n * 600_000;
    const base = { label, at: made, author: delegation(n) };
    switch (n % 4) {
      case 0:
        proposals.push(
          {
            ...base,
            id: `mix-${n}-a`,
            action: 'replace',
            text: reworded(body, 3),
            justification: `Closer to the agreed language of the regional plan of action; see ${label} of last year's declaration.`,
            supporters: [delegation(n + 1), delegation(n + 2)],
            objectors: [delegation(n + 3)],
          },
          { ...base, id: `mix-${n}-b`, action: 'replace', text: reworded(body, 5), author: delegation(n + 3), at: made + 300_000 },
        );
        break;
      case 1:
        proposals.push({ ...base, id: `mix-${n}-a`, action: 'replace', text: reworded(body, 2) });
        break;
      case 2:
        proposals.push(
          { ...base, id: `mix-${n}-a`, action: 'delete', justification: 'Repeats what the paragraph before it says.', objectors: [delegation(n + 5)] },
          { ...base, id: `mix-${n}-b`, action: 'replace', text: reworded(body, 4), author: delegation(n + 5), at: made + 300_000, supporters: [delegation(n + 6)] },
        );
        break;
      default: {
        const other = labels[(i + 7) % labels.length]!.body;
        proposals.push({ ...base, id: `mix-${n}-a`, action: 'insert-after', text: reworded(other, 3), supporters: [delegation(n + 1)] });
      }
    }
  });
  return proposals;
}

/** Clause ids by working label (OP7 bis) once the numbering is frozen. */
export function idsByWorkingLabel(doc: Y.Doc): Map<string, string> {
  const frozen = doc.getMap<unknown>(ROOT.numbering).get('frozen') as FrozenNumbering | undefined;
  const numbers = numberClauses(buildOutline(readClauses(doc)), frozen ?? null);
  return new Map([...numbers].map(([id, number]) => [number.label, id]));
}

/** Freezes the numbering as the chair's `POST …/numbering` would (WN1), straight into the server-only map. */
export function freezeNumbering(doc: Y.Doc, at: number): void {
  const frozen: FrozenNumbering = { at, by: 'Argentina', numbers: numbersToFreeze(buildOutline(readClauses(doc)), null) };
  doc.getMap<unknown>(ROOT.numbering).set('frozen', frozen);
}

export interface SampleBracket {
  label: string;
  /** The passage: its first occurrence in the clause's text. */
  passage: string;
  requestedBy: string[];
  at: number;
}

/** Writes standing brackets into the `brackets` map as the server mirrors them (BRK1, BRK7). */
export function writeBrackets(doc: Y.Doc, brackets: SampleBracket[]): void {
  const ids = idsByWorkingLabel(doc);
  const bodies = new Map(readDeclaration(doc).clauses.map((clause) => [clause.id, toPlainText(clause.body)]));
  brackets.forEach((b, i) => {
    const clauseId = ids.get(b.label);
    const start = clauseId === undefined ? -1 : bodies.get(clauseId)!.indexOf(b.passage);
    const anchored = start < 0 ? null : anchorPassage(doc, clauseId!, start, start + b.passage.length);
    if (anchored === null) throw new Error(`No "${b.passage}" in ${b.label}`);
    const bracket: Bracket = {
      id: `bracket${i + 1}`,
      clauseId: clauseId!,
      ...anchored,
      quote: b.passage,
      at: b.at,
      requestedBy: b.requestedBy.map((name, n) => ({ participantId: `participant-${name}`, name, at: b.at + n * 60_000 })),
    };
    doc.getMap<unknown>(ROOT.brackets).set(bracket.id, bracket);
  });
}

export interface SamplePosition {
  label: string;
  name: string;
  position: PositionKind;
  note?: string;
  at: number;
  /** Stated on another text than the clause's now (POS5). */
  earlier?: boolean;
}

/** Writes positions into the `positions` map as the server mirrors them (POS1, POS6). */
export function writePositions(doc: Y.Doc, positions: SamplePosition[]): void {
  const ids = idsByWorkingLabel(doc);
  const bodies = new Map(readDeclaration(doc).clauses.map((clause) => [clause.id, toPlainText(clause.body)]));
  const byClause = new Map<string, StatedPosition[]>();
  for (const p of positions) {
    const clauseId = ids.get(p.label);
    if (clauseId === undefined) throw new Error(`No clause ${p.label} in this declaration`);
    const list = byClause.get(clauseId) ?? [];
    list.push({ participantId: `participant-${p.name}`, name: p.name, position: p.position, note: p.note ?? '', at: p.at, textHash: textHash(p.earlier ? 'an earlier text' : bodies.get(clauseId)!) });
    byClause.set(clauseId, list);
  }
  for (const [clauseId, list] of byClause) doc.getMap<unknown>(ROOT.positions).set(clauseId, list);
}

/**
 * The demo in mid-negotiation (demoNegotiationDoc) after the chair froze
 * the numbering (WN1): a paragraph added after OP7 (OP7 bis) and a
 * sub-item after OP12(a) (OP12(a bis)), OP5, PP3 and OP12(c) deleted
 * (placeholders, WN3); two passages in square brackets (BRK3); a
 * reservation and an objection on OP6, one stated on an earlier text,
 * beside an acceptance, which is not listed (POS4).
 */
export function workingTextDoc(): Y.Doc {
  const doc = demoNegotiationDoc();
  const t0 = Date.UTC(2023, 8, 12, 10, 0);
  freezeNumbering(doc, t0);
  const ids = idsByWorkingLabel(doc);
  const idOf = (label: string) => ids.get(label)!;
  insertClauses(doc, { id: idOf('OP7'), side: 'after' }, [plain('That the Participants will meet again in 2025.')]);
  insertClauses(doc, { id: idOf('OP12(a)'), side: 'after' }, [plain('Publish the report of the Conference;')]);
  for (const label of ['OP5', 'PP3', 'OP12(c)']) deleteClause(doc, idOf(label));
  writeBrackets(doc, [
    { label: 'OP7 bis', passage: 'in 2025', requestedBy: ['Bolivia', 'Cuba'], at: t0 + HOUR },
    { label: 'OP6', passage: 'national laws and regulations', requestedBy: ['Chile'], at: t0 + 2 * HOUR },
  ]);
  writePositions(doc, [
    { label: 'OP6', name: 'Cuba', position: 'reservation', note: 'Needs time to consult its capital.', at: t0 + 3 * HOUR },
    { label: 'OP6', name: 'Bolivia', position: 'objection', note: 'Wants "domestic law" instead.', at: t0 + 4 * HOUR, earlier: true },
    { label: 'OP6', name: 'Peru', position: 'accept', at: t0 + 5 * HOUR },
  ]);
  return doc;
}

/** The export input of workingTextDoc: working numbers, deleted numbers, brackets and positions. */
export function workingInput(): ExportInput {
  return readExportInput(workingTextDoc(), SAMPLE_DATE);
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

/** Proposals whose every text means something in some format (SPEC EXP6): on the hostile declaration's OP1 and PP1. */
export const HOSTILE_PROPOSAL = {
  text: `${HOSTILE.operative} <script>alert(2)</script>`,
  justification: '<img src=x onerror=alert(3)> & "quoted" *stars* [link](javascript:alert(4)) ]]> --> bell\u0007',
  author: 'Chile <b>bold</b>',
  supporter: '<i>Peru</i> & Co',
  inserted: '# Heading? <script>alert(5)</script> [+not a mark+]',
};

/** The hostile declaration with hostile proposals on it. */
export function hostileNegotiationDoc(): Y.Doc {
  const doc = docFromSeed(hostileSeed());
  const at = Date.UTC(2023, 8, 11, 14, 0);
  writeProposals(doc, [
    {
      id: 'hostile-1',
      label: 'OP1',
      action: 'replace',
      text: HOSTILE_PROPOSAL.text,
      author: HOSTILE_PROPOSAL.author,
      at,
      justification: HOSTILE_PROPOSAL.justification,
      supporters: [HOSTILE_PROPOSAL.supporter],
    },
    { id: 'hostile-2', label: 'PP1', action: 'insert-after', text: HOSTILE_PROPOSAL.inserted, author: 'Brazil', at: at + HOUR },
  ]);
  return doc;
}

/**
 * A declaration holding every part issue 15 added (SPEC EXP11–EXP14): a
 * closing line, headings above clauses (a preambular paragraph's, an
 * operative paragraph's and a sub-item's), two footnotes referenced from a
 * preambular paragraph and from an operative one, and sub-items, as plain
 * data: print it in articles or unnumbered, with either sub-item style, in
 * any language.
 */
export function partsDeclaration(): Declaration {
  const clause = (id: string, kind: ClauseKind, order: string, body: RichText, extra: { parent?: string; heading?: string } = {}): Clause => ({
    id,
    kind,
    parent: extra.parent ?? null,
    order,
    body,
    ...(extra.heading === undefined ? {} : { heading: extra.heading }),
  });
  return {
    meta: {
      conference: plain('Meeting of Ministers of Defence'),
      title: plain('Declaration of Montevideo'),
      subtitle: [],
      chapeau: [],
      formula: plain('Declare:'),
      note: [],
      closing: plain('Done at Montevideo, 3 May 2023.'),
    },
    clauses: [
      clause('pp1', 'preamble', 'a', [{ text: 'Recalling', italic: true }, { text: ' the Charter of the United Nations' }, { text: '1', footnote: 'fn-a' }, { text: ',' }], { heading: 'Part I. General' }),
      clause('pp2', 'preamble', 'b', [{ text: 'Noting', italic: true }, { text: ' the report of the Secretary-General,' }]),
      clause('op1', 'operative', 'a', plain('The Parties shall cooperate in good faith.'), { heading: 'Cooperation' }),
      clause('op2', 'operative', 'b', [{ text: 'The Parties shall exchange information' }, { text: '2', footnote: 'fn-b' }, { text: ' on:' }]),
      clause('op2a', 'operative', 'a', plain('training;'), { parent: 'op2' }),
      clause('op2b', 'operative', 'b', plain('logistics.'), { parent: 'op2', heading: 'Logistics' }),
      clause('op3', 'operative', 'c', plain('This Declaration enters into force on signature.')),
    ],
    signatories: [{ id: 's1', order: 'a', name: 'Ana Pérez', title: 'Minister of Defence', state: 'Oriental Republic of Uruguay' }],
    footnotes: [
      { id: 'fn-a', order: 'a', marker: '1', body: [{ text: 'Signed at San Francisco on 26 June 1945.' }] },
      { id: 'fn-b', order: 'b', marker: '2', body: [{ text: 'See ' }, { text: 'annex', italic: true }, { text: ' I.' }] },
    ],
  };
}

/** The export input of partsDeclaration, printed in a paragraph style and sub-item style, in a language. */
export function partsInput(print: PrintStyle = {}, language: DeclarationLanguage = 'en', declaration: Declaration = partsDeclaration()): ExportInput {
  return buildExportInput(declaration, { statuses: new Map(), refused: [], proposals: [] }, SAMPLE_DATE, language, print);
}
