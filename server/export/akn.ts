import { letter, roman } from '../../shared/numbering.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import {
  describeAlternative,
  describeDeleted,
  describeJustification,
  describePosition,
  describeReactions,
  describeRefusal,
  describeStatus,
  printedMarker,
  articleLine,
  proposalRemarks,
  readingOrder,
  type ExportClause,
  type ExportFootnote,
  type ExportInput,
  type ExportVariant,
  wordsOf,
  adoptionLine,
} from './exportInput.ts';
import { conventionsOf } from '../../shared/declarationLanguage.ts';
import type { DocumentWords } from '../../shared/documentWords.ts';
import type { ExportProposal } from './exportProposal.ts';
import { asciiSlug } from './fileName.ts';

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) XML, valid against the official schema
 * (server/export/schema/akomantoso30.xsd; the tests validate every output).
 * A declaration is a `statement`:
 *
 * - `meta`: the FRBR identification (work / expression / manifestation),
 *   the people, roles and states of the signature blocks (`references`),
 *   and, in the negotiation variant, one editorial `note` per clause with
 *   its label, status, the changes refused on it and its open proposals
 *   (each a `blockContainer` whose redline marks words with `ins` / `del`);
 * - `preface`: conference line, `docTitle`, subtitle;
 * - `preamble`: the chapeau, one `recital` per preambular paragraph, the `formula`;
 * - `mainBody`: one numbered `paragraph` per operative paragraph; one with
 *   sub-items holds a `list` whose `intro` is the paragraph's own words and
 *   whose `point`s are the sub-items (marker as `num`), as AKN4UN resolutions
 *   do; a sub-item with sub-items of its own holds a `list` the same way;
 * - `conclusions`: the closing line, the note and the `signature`s.
 *
 * A clause's heading is its `heading` (after its `num`). In a declaration in
 * articles each operative paragraph is an `article` (`art_3`) with the
 * article line as `num` and the caption as `heading`, holding the paragraph
 * without a `num`; unnumbered paragraphs have no `num`. A footnote is an
 * `authorialNote` (`marker`, eId `fnote_1`) where it is referenced, its
 * text inside; a footnote nothing references stands in the conclusions.
 *
 * eIds follow the position in the text (the AKN naming convention's
 * `para_12__list_1__point_a`), so the same declaration always gets the same ids.
 *
 * Numbers: the clean variant's `num` counts 1…n; the negotiation variant's
 * is the working number once the chair has frozen them ("7 bis.", "a
 * bis)", WN7), and a number left unused by a deleted clause stands as an
 * empty `paragraph` (`point`, `recital`) with `status="removed"` holding "OP5
 * [deleted]" (WN3). Square brackets are bold `[` `]` (`b`) in the text of
 * the `p`, in both variants (BRK3, BRK6).
 *
 * Proposals go in the editorial notes, not in the body: `ins` and `del` are
 * allowed inline in the body too, but the body is the text as it stands,
 * and a clause's alternatives exclude one another — written into the
 * paragraph, two of them would read as one amended text.
 */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

type Attributes = Record<string, string | undefined>;

function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

/** An element on its own lines: `children` are already-rendered lines, indented one step. */
function block(name: string, attributes: Attributes, children: string[]): string[] {
  return [`<${name}${attrs(attributes)}>`, ...children.map((line) => `  ${line}`), `</${name}>`];
}

/** An element on one line holding mixed content (already rendered). */
const inline = (name: string, attributes: Attributes, content: string): string => `<${name}${attrs(attributes)}>${content}</${name}>`;
const empty = (name: string, attributes: Attributes): string => `<${name}${attrs(attributes)}/>`;

/** Writes footnote references as `authorialNote`s: the footnotes by id, and how many times each was referenced so far (for unique eIds). */
export interface NoteWriter {
  footnotes: ReadonlyMap<string, ExportFootnote>;
  referenced: Map<string, number>;
}

/** Rich text as AKN inline content; with `notes`, a footnote reference (Run.footnote) is its `authorialNote`. */
export function inlineXml(text: RichText, notes?: NoteWriter): string {
  return text
    .map((run) => {
      const footnote = run.footnote === undefined ? undefined : notes?.footnotes.get(run.footnote);
      if (footnote !== undefined && notes !== undefined) {
        const times = (notes.referenced.get(footnote.id) ?? 0) + 1;
        notes.referenced.set(footnote.id, times);
        // The marker as the text printed it; a note referenced twice is written at each place, with an eId of its own.
        const eId = times === 1 ? `fnote_${footnote.number}` : `fnote_${footnote.number}_${times}`;
        return inline('authorialNote', { marker: run.text, eId, placement: 'bottom' }, inline('p', {}, inlineXml(footnote.body)));
      }
      let xml = escapeXml(run.text);
      if (run.italic) xml = `<i>${xml}</i>`;
      if (run.bold) xml = `<b>${xml}</b>`;
      return xml;
    })
    .join('');
}

/** ISO 639-2 codes for the FRBR expression (AKN uses three letters). */
/**
 * A position-derived eId: `recs__rec_3`, `para_12`, `para_12__list_1__point_a`,
 * `para_12__list_1__point_a__list_1__point_ii` — each sub-item a `point` in
 * its parent's one `list` (AKN naming convention: element abbreviation and number).
 */
export function clauseEId(clause: ExportClause): string {
  if (clause.kind === 'preamble') return `recs__rec_${clause.path[0]}`;
  return clause.path.map((position, level) => (level === 0 ? `para_${position}` : `list_1__point_${numberAtLevel(level, position)}`)).join('__');
}

/** The printed numbering of a level, from a 1-based position: 12, a, ii (deeper levels plain numbers), as shared/numbering.ts prints them. */
function numberAtLevel(level: number, position: number): string {
  if (level === 1) return letter(position - 1);
  if (level === 2) return roman(position - 1);
  return String(position);
}

/** The states as AKN concepts, named in the declaration's language. */
const statusConcepts = (words: DocumentWords) =>
  [
    { state: 'open', eId: 'status_open', showAs: words.stateConcept.open },
    { state: 'ad-ref', eId: 'status_ad-ref', showAs: words.stateConcept.adRef },
    { state: 'agreed', eId: 'status_agreed', showAs: words.stateConcept.agreed },
  ] as const;

const noteEId = (clause: ExportClause) => `note__${clauseEId(clause)}`;

interface Context {
  variant: ExportVariant;
  words: DocumentWords;
  notes: NoteWriter;
}

/** The clause's paragraph, in the negotiation variant opened by a reference to its editorial note. */
function clauseParagraph(clause: ExportClause, context: Context): string {
  const ref = context.variant === 'negotiation' ? empty('noteRef', { href: `#${noteEId(clause)}`, marker: clause.label, placement: 'side' }) : '';
  return inline('p', {}, ref + inlineXml(clause.body, context.notes));
}

function statusRef(clause: ExportClause, context: Context): string | undefined {
  return context.variant === 'negotiation' ? `#status_${clause.status?.state ?? 'open'}` : undefined;
}

/** The eId of a deleted number's placeholder, from its label: `deleted_OP5`, `deleted_OP12_b_`. */
const deletedEId = (clause: ExportClause) => `deleted_${clause.label.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A clause the variant prints: the clean text has no placeholders of deleted numbers. */
const printed = (clause: ExportClause, context: Context) => !clause.deleted || context.variant === 'negotiation';

/**
 * An operative paragraph (`paragraph`) or sub-item (`point`). With sub-items,
 * its words are the `intro` of a `list` holding them, so that the list and its
 * lead-in read as one sentence, as in AKN4UN resolutions.
 */
function operativeParagraph(clause: ExportClause, context: Context): string[] {
  const name = clause.depth === 0 ? 'paragraph' : 'point';
  const marker = printedMarker(clause, context.variant);
  const article = articleLine(clause, context.variant);
  if (clause.deleted) {
    // In articles the placeholder is the article's ("Article 5 [deleted]", EXP12); unnumbered, it has no number.
    const num = article ?? marker;
    return block(article === null ? name : 'article', { eId: deletedEId(clause), status: 'removed' }, [
      ...(num === '' ? [] : [inline('num', {}, escapeXml(num))]),
      ...block('content', {}, [inline('p', {}, escapeXml(describeDeleted(context.words, clause)))]),
    ]);
  }
  // In an article, the article line is the number and the caption the heading, both the article's: its paragraph has neither.
  if (article !== null) {
    const heading = clause.heading === '' ? [] : [inline('heading', {}, escapeXml(clause.heading))];
    return block('article', { eId: `art_${clause.path[0]}` }, [inline('num', {}, escapeXml(article)), ...heading, ...clauseBody(name, clause, [], context)]);
  }
  const head = [...(marker === '' ? [] : [inline('num', {}, escapeXml(marker))]), ...(clause.heading === '' ? [] : [inline('heading', {}, escapeXml(clause.heading))])];
  return clauseBody(name, clause, head, context);
}

/** The paragraph or point itself after its `num` and `heading` (`head`): its content, or its list of sub-items. */
function clauseBody(name: string, clause: ExportClause, head: string[], context: Context): string[] {
  const eId = clauseEId(clause);
  const attributes = { eId, refersTo: statusRef(clause, context) };
  const children = clause.children.filter((child) => printed(child, context));
  if (children.length === 0) return block(name, attributes, [...head, ...block('content', {}, [clauseParagraph(clause, context)])]);
  return block(name, attributes, [
    ...head,
    ...block('list', { eId: `${eId}__list_1` }, [...block('intro', {}, [clauseParagraph(clause, context)]), ...children.flatMap((child) => operativeParagraph(child, context))]),
  ]);
}

function recital(clause: ExportClause, context: Context): string[] {
  if (clause.deleted) return block('recital', { eId: deletedEId(clause), status: 'removed' }, [inline('p', {}, escapeXml(describeDeleted(context.words, clause)))]);
  const heading = clause.heading === '' ? [] : [inline('heading', {}, escapeXml(clause.heading))];
  return block('recital', { eId: clauseEId(clause), refersTo: statusRef(clause, context) }, [...heading, clauseParagraph(clause, context)]);
}

function identification(input: ExportInput): string[] {
  const date = input.generatedAt.toISOString().slice(0, 10);
  const language = conventionsOf(input.language).aknLanguage;
  // No single state issues a conference declaration: "int" (international) stands in the country's place.
  const work = `/akn/int/statement/declaration/${date}/${asciiSlug(toPlainText(input.meta.title))}`;
  const expression = `${work}/${language}@${date}`;
  // The conference is the author of the text; Consenso made this file.
  const common = (uri: string, self: string, author: string) => [
    empty('FRBRthis', { value: self }),
    empty('FRBRuri', { value: uri }),
    empty('FRBRdate', { date, name: 'generation' }),
    empty('FRBRauthor', { href: author, as: '#author' }),
  ];
  return block('identification', { source: '#consenso' }, [
    ...block('FRBRWork', {}, [
      ...common(work, `${work}/!main`, '#conference'),
      empty('FRBRcountry', { value: 'int' }),
      empty('FRBRname', { value: toPlainText(input.meta.title) }),
    ]),
    ...block('FRBRExpression', {}, [...common(expression, `${expression}/!main`, '#conference'), empty('FRBRlanguage', { language })]),
    ...block('FRBRManifestation', {}, [...common(`${expression}.akn`, `${expression}/!main.xml`, '#consenso'), empty('FRBRformat', { value: 'application/akn+xml' })]),
  ]);
}

function references(input: ExportInput, context: Context): string[] {
  const items = [
    empty('TLCOrganization', { eId: 'conference', href: '/ontology/organization/conference', showAs: toPlainText(input.meta.conference) || 'Conference' }),
    empty('TLCOrganization', { eId: 'consenso', href: '/ontology/organization/consenso', showAs: 'Consenso' }),
  ];
  items.push(empty('TLCRole', { eId: 'author', href: '/ontology/role/author', showAs: 'Author' }));
  input.signatories.forEach((s, i) => {
    const id = `signatory_${i + 1}`;
    items.push(empty('TLCPerson', { eId: id, href: `/ontology/person/${id}`, showAs: s.name }));
    items.push(empty('TLCRole', { eId: `${id}_role`, href: `/ontology/role/${id}`, showAs: s.title }));
    items.push(empty('TLCOrganization', { eId: `${id}_state`, href: `/ontology/organization/${id}`, showAs: s.state }));
  });
  if (context.variant === 'negotiation') {
    for (const concept of statusConcepts(context.words)) items.push(empty('TLCConcept', { eId: concept.eId, href: `/ontology/concept/consenso/${concept.state}`, showAs: concept.showAs }));
  }
  return block('references', { source: '#consenso' }, items);
}

function redlineXml(proposal: ExportProposal): string {
  return proposal.redline
    .map((segment) => {
      const xml = inlineXml(segment.runs);
      return segment.op === 'insert' ? inline('ins', {}, xml) : segment.op === 'delete' ? inline('del', {}, xml) : xml;
    })
    .join('');
}

/** An alternative in its clause's note: what and who, remarks, the redline, justification, supporters and objectors. */
function proposalBlock(clause: ExportClause, proposal: ExportProposal, context: Context): string[] {
  const lines = [
    inline('p', { class: 'alternative' }, escapeXml(describeAlternative(context.words, proposal))),
    ...proposalRemarks(context.words, clause, proposal).map((remark) => inline('p', { class: 'remark' }, escapeXml(remark))),
    inline('p', { class: 'redline' }, redlineXml(proposal)),
  ];
  const justification = describeJustification(context.words, proposal);
  if (justification !== '') lines.push(inline('p', { class: 'justification' }, escapeXml(justification)));
  const reactions = describeReactions(context.words, proposal);
  if (reactions !== '') lines.push(inline('p', { class: 'reactions' }, escapeXml(reactions)));
  return block('blockContainer', { eId: `${noteEId(clause)}__alt_${proposal.alt}`, class: 'proposal' }, lines);
}

/** One editorial note per clause: its label and status, the changes refused on it, marked as not applied, and its open proposals. */
function notes(input: ExportInput, context: Context): string[] {
  const all = readingOrder(input);
  if (all.length === 0) return [];
  return block(
    'notes',
    { source: '#consenso' },
    all.flatMap((clause) =>
      block('note', { eId: noteEId(clause), marker: clause.label, placement: 'side' }, [
        inline('p', {}, `${escapeXml(clause.label)}: ${escapeXml(describeStatus(context.words, clause))}`),
        ...clause.positions.map((position) => inline('p', { class: `position ${position.position}` }, escapeXml(describePosition(context.words, position)))),
        ...clause.refused.flatMap((note) =>
          note.attempted === ''
            ? [inline('p', { class: 'refused' }, `${escapeXml(describeRefusal(context.words, note))}.`)]
            : [inline('p', { class: 'refused' }, `${escapeXml(describeRefusal(context.words, note))}:`), inline('p', { class: 'refused attempted' }, escapeXml(note.attempted))],
        ),
        ...clause.proposals.flatMap((proposal) => proposalBlock(clause, proposal, context)),
      ]),
    ),
  );
}

function signatures(input: ExportInput): string[] {
  return block(
    'blockContainer',
    { eId: 'signatures', class: 'signatures' },
    input.signatories.map((s, i) => {
      const id = `signatory_${i + 1}`;
      const parts = [
        s.name === '' ? '' : inline('person', { refersTo: `#${id}`, as: `#${id}_role` }, escapeXml(s.name)),
        s.title === '' ? '' : inline('role', { refersTo: `#${id}_role` }, escapeXml(s.title)),
        s.state === '' ? '' : inline('organization', { refersTo: `#${id}_state` }, escapeXml(s.state)),
      ].filter((part) => part !== '');
      return inline('p', { class: 'signature' }, inline('signature', {}, parts.join('<eol/>')));
    }),
  );
}

export function renderAkn(input: ExportInput, variant: ExportVariant): string {
  const writer: NoteWriter = { footnotes: new Map(input.footnotes.map((footnote) => [footnote.id, footnote])), referenced: new Map() };
  const context: Context = { variant, words: wordsOf(input), notes: writer };
  const { meta } = input;
  const inlineText = (text: RichText) => inlineXml(text, writer);
  const preface: string[] = [];
  if (meta.conference.length > 0) preface.push(inline('p', { class: 'conference' }, inlineText(meta.conference)));
  preface.push(inline('p', { class: 'title' }, inline('docTitle', {}, inlineText(meta.title))));
  if (meta.subtitle.length > 0) preface.push(inline('p', { class: 'subtitle' }, inlineText(meta.subtitle)));
  const adopted = adoptionLine(input);
  if (adopted !== null && input.adoptedAt != null) {
    preface.push(inline('p', { class: 'adoption' }, inline('docDate', { date: new Date(input.adoptedAt).toISOString().slice(0, 10) }, escapeXml(adopted))));
  }

  const preamble: string[] = [];
  if (meta.chapeau.length > 0) preamble.push(inline('p', { class: 'chapeau' }, inlineText(meta.chapeau)));
  const recitals = input.preamble.filter((clause) => printed(clause, context));
  if (recitals.length > 0) preamble.push(...block('recitals', { eId: 'recs' }, recitals.flatMap((clause) => recital(clause, context))));
  if (meta.formula.length > 0) preamble.push(...block('formula', { eId: 'formula_1', name: 'declare' }, [inline('p', {}, inlineText(meta.formula))]));

  const mainBody = input.operative.filter((clause) => printed(clause, context)).flatMap((clause) => operativeParagraph(clause, context));
  // mainBody may not be empty: a declaration without operative paragraphs yet holds one empty paragraph.
  if (mainBody.length === 0) mainBody.push(empty('p', {}));

  const conclusions: string[] = [];
  if (meta.closing.length > 0) conclusions.push(inline('p', { class: 'closing' }, inlineText(meta.closing)));
  if (meta.note.length > 0) conclusions.push(inline('p', { class: 'note' }, `${escapeXml(context.words.note)}${inlineText(meta.note)}`));
  // A footnote the text does not reference still prints: at the end, as the other formats print every note.
  const unreferenced = input.footnotes.filter((footnote) => !writer.referenced.has(footnote.id));
  if (unreferenced.length > 0) {
    conclusions.push(
      ...block(
        'blockContainer',
        { eId: 'footnotes', class: 'footnotes' },
        unreferenced.map((footnote) => inline('p', { class: 'footnote' }, inline('authorialNote', { marker: footnote.marker, eId: `fnote_${footnote.number}`, placement: 'bottom' }, inline('p', {}, inlineXml(footnote.body))))),
      ),
    );
  }
  if (input.signatories.length > 0) conclusions.push(...signatures(input));

  const statement = block('statement', { name: 'declaration' }, [
    ...block('meta', {}, [...identification(input), ...references(input, context), ...(variant === 'negotiation' ? notes(input, context) : [])]),
    ...block('preface', {}, preface),
    ...(preamble.length > 0 ? block('preamble', {}, preamble) : []),
    ...block('mainBody', {}, mainBody),
    ...(conclusions.length > 0 ? block('conclusions', {}, conclusions) : []),
  ]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...block('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement)].join('\n') + '\n';
}
