import type { ClauseKind } from '../../shared/clauseKind.ts';
import { alternatives, type Proposal, type ProposalAction, type ProposalOrigin } from '../../shared/proposals/proposal.ts';
import { proposedTextNow } from '../../shared/proposals/proposalRedline.ts';
import { wordRedline, type Redline } from '../../shared/proposals/wordDiff.ts';
import type { RichText } from '../../shared/richText.ts';
import { cleanRuns, cleanText } from './printableText.ts';

/**
 * An open proposal as the negotiation export shows it under its clause
 * (SPEC PROP14): its number among the clause's alternatives (PROP3), and
 * its redline against the clause's CURRENT text (PROP4) — a word diff for
 * new wording, the whole clause deleted for a deletion, the whole
 * paragraph inserted for a new one. Plain data, made once at the edge
 * like the rest of the ExportInput; the formats only draw it.
 */
export interface ExportProposal {
  /** Its number among the clause's alternatives, from 1: Alt 1 (Chile), Alt 2 (Peru). */
  alt: number;
  action: ProposalAction;
  /** What is proposed, as data the exporters put in the declaration's words (`describeProposal`): "New wording for OP6", "New operative paragraph after OP3". */
  what: ProposalWhat;
  author: string;
  at: number;
  origin: ProposalOrigin;
  redline: Redline;
  /** '' when none. */
  justification: string;
  supporters: string[];
  objectors: string[];
}

/** What a proposal does and to which clause (its working label); for a new paragraph beside it, what kind of paragraph. */
export type ProposalWhat =
  | { action: 'replace' | 'delete' | 'insert-subitem'; label: string }
  | { action: 'insert-before' | 'insert-after'; label: string; paragraph: 'preamble' | 'operative' | 'subitem' };

/** The clause a proposal was made on, as the export input knows it. */
export interface ProposalTarget {
  label: string;
  kind: ClauseKind;
  depth: number;
  /** Its current text, already cleaned for printing. */
  body: RichText;
}

/**
 * The open proposals of each clause, in alternative order. Grouped in one
 * pass, then each group ordered by the shared rule (`alternatives`), so a
 * 200-clause declaration with many proposals costs one scan, not one per
 * clause (SPEC EXP7).
 */
export function alternativesByClause(proposals: Iterable<Proposal>): Map<string, Proposal[]> {
  const groups = new Map<string, Proposal[]>();
  for (const proposal of proposals) {
    if (proposal.state !== 'open') continue;
    const group = groups.get(proposal.clauseId);
    if (group) group.push(proposal);
    else groups.set(proposal.clauseId, [proposal]);
  }
  for (const [clauseId, group] of groups) groups.set(clauseId, alternatives(group, clauseId));
  return groups;
}

/** What is proposed, and for a new paragraph what kind it is. */
function whatOf(proposal: Proposal, target: ProposalTarget): ProposalWhat {
  switch (proposal.action) {
    case 'replace':
    case 'delete':
    case 'insert-subitem':
      return { action: proposal.action, label: target.label };
    case 'insert-before':
    case 'insert-after': {
      // Beside a sub-item the new paragraph is a sub-item too; otherwise its kind, by default the clause's (the API's default).
      const paragraph = target.depth > 0 ? 'subitem' : (proposal.kind ?? target.kind) === 'preamble' ? 'preamble' : 'operative';
      return { action: proposal.action, label: target.label, paragraph };
    }
  }
}

/** The redline against the clause as it stands now: what the chair would accept (PROP4, PROP8). */
function redlineOf(proposal: Proposal, text: RichText, target: ProposalTarget): Redline {
  switch (proposal.action) {
    case 'replace':
      // Its own word changes carried over onto the text now, as the chair would accept them (shared/proposals/proposalRedline.ts).
      return wordRedline(target.body, proposedTextNow({ action: 'replace', text, baseText: cleanRuns(proposal.baseText) }, target.body));
    case 'delete':
      return target.body.length === 0 ? [] : [{ op: 'delete', runs: target.body }];
    case 'insert-before':
    case 'insert-after':
    case 'insert-subitem':
      return text.length === 0 ? [] : [{ op: 'insert', runs: text }];
  }
}

const names = (reactions: readonly { name: string }[]) => reactions.map((reaction) => cleanText(String(reaction.name ?? '')));

/** The `alt`-th alternative (from 1) of the clause `target`, ready to print. */
export function toExportProposal(proposal: Proposal, alt: number, target: ProposalTarget): ExportProposal {
  const text = cleanRuns(proposal.text);
  let redline: Redline | undefined;
  return {
    alt,
    action: proposal.action,
    what: whatOf(proposal, target),
    author: cleanText(String(proposal.author ?? '')),
    at: typeof proposal.at === 'number' ? proposal.at : Number.NaN,
    origin: proposal.origin,
    // Worked out when first drawn: the clean variant, which shows no proposals, never pays for the word diffs (SPEC EXP7).
    get redline() {
      redline ??= redlineOf(proposal, text, target);
      return redline;
    },
    justification: cleanText(typeof proposal.justification === 'string' ? proposal.justification : ''),
    supporters: names(proposal.supporters),
    objectors: names(proposal.objectors),
  };
}

/**
 * A redline as marked-up text (Markdown and plain text): each changed
 * stretch between its marks, the spaces at its ends left outside so that
 * they read as the gaps between words (`[-shall-] `, not `[-shall -]`).
 * `render` turns runs into the format's text (escaped, italics marked).
 */
export function markRedline(redline: Redline, render: (runs: RichText) => string, marks: Record<'insert' | 'delete', readonly [string, string]>): string {
  return redline
    .map((segment) => {
      if (segment.op === 'equal') return render(segment.runs);
      const [open, close] = marks[segment.op];
      const { lead, core, trail } = trimRuns(segment.runs);
      return core.length === 0 ? `${open}${render(segment.runs)}${close}` : `${lead}${open}${render(core)}${close}${trail}`;
    })
    .join('');
}

/** The runs without the whitespace at their two ends, and that whitespace. */
function trimRuns(runs: RichText): { lead: string; core: RichText; trail: string } {
  const text = runs.map((run) => run.text).join('');
  const lead = /^\s*/.exec(text)![0];
  const trail = lead.length === text.length ? '' : /\s*$/.exec(text)![0];
  let skip = lead.length;
  let keep = text.length - lead.length - trail.length;
  const core: RichText = [];
  for (const run of runs) {
    const from = Math.min(skip, run.text.length);
    skip -= from;
    const piece = run.text.slice(from, from + keep);
    keep -= piece.length;
    if (piece !== '') core.push({ ...run, text: piece });
  }
  return { lead, core, trail };
}
