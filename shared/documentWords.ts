import { CONVENTIONS, type DeclarationLanguage } from './declarationLanguage.ts';

/**
 * The words an export prints around the declaration's own text — "Note:",
 * the negotiation text's headings and status lines, "Not applied",
 * alternatives, reservations, the footer, the date of adoption — in the
 * declaration's language (shared/declarationLanguage.ts, DL5). They belong
 * to the document, not to the interface: a Spanish declaration exported
 * from an English screen prints "Nota:". So they live here, keyed by
 * declaration language and written as each language's drafters write
 * them, not in shared/i18n/ (which follows the reader's browser).
 *
 * Working labels (PP3, OP7 bis, OP12(a)) are the room's shorthand in every
 * language and stay as they are.
 */
export interface StatusCounts {
  open: number;
  adRef: number;
  agreed: number;
}

export interface DocumentWords {
  /** Before the note: "Note: ". */
  note: string;
  /** The title printed when the declaration has none. */
  untitled: string;
  /** After the title of the negotiation text's page and file properties. */
  workingTextSuffix: string;
  /** The negotiation text's page footer before the page number. */
  workingTextFooter(time: string): string;
  negotiationHeading(time: string): string;
  negotiationNotice: string;
  /** "Clauses: 3 open · 2 ad ref · 20 agreed · 4 passages in square brackets." */
  countsLine(counts: StatusCounts, brackets: number): string;
  state: { open: string; adRef: string; agreed: string };
  /** Akoma Ntoso's names of the states (TLCConcept showAs). */
  stateConcept: { open: string; adRef: string; agreed: string };
  agreedWith(label: string): string;
  pending(names: string): string;
  reopened(reason: string): string;
  notApplied(author: string, deletion: boolean): string;
  alternative(alt: number, author: string, what: string): string;
  newWording(label: string): string;
  deletion(label: string): string;
  newSubitemUnder(label: string): string;
  /** A new paragraph beside `label`: `what` preamble / operative / sub-item, `side` before or after. */
  newParagraph(what: 'preamble' | 'operative' | 'subitem', side: 'before' | 'after', label: string): string;
  madeWhileAgreed: string;
  notDecidedAgreed: string;
  justification(text: string): string;
  supportedBy(names: string): string;
  objectedBy(names: string): string;
  deleted(label: string): string;
  reservation(name: string, note: string): string;
  objection(name: string, note: string): string;
  earlierText: string;
  /** The clean text's line under the heading once adopted by silence procedure (SIL): "Adopted on 12 September 2023". */
  adoptedOn(date: string): string;
  /**
   * The line above an operative paragraph of a declaration in articles
   * (shared/paragraphStyle.ts): "Article 5", "Artículo 5", "Artigo 5";
   * French drafting writes the first one "Article premier". `number` is the
   * paragraph's printed number without its period ("5", "7 bis").
   */
  article(number: string): string;
}

const NBSP = '\u00a0';
const plural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

const en: DocumentWords = {
  note: 'Note: ',
  untitled: 'Declaration',
  workingTextSuffix: '(working text)',
  workingTextFooter: (time) => `Working text, ${time} · page `,
  negotiationHeading: (time) => `Working text for negotiation, ${time}. Not the final text.`,
  negotiationNotice:
    'Each clause is preceded by its label and status; changes refused on agreed clauses follow the clause, marked "Not applied"; ' +
    'its open proposals follow as alternatives (Alt 1, Alt 2…), each shown as changes to the current text.',
  countsLine: (c, brackets) =>
    `Clauses: ${c.open} open · ${c.adRef} ad ref · ${c.agreed} agreed${brackets > 0 ? ` · ${plural(brackets, 'passage', 'passages')} in square brackets` : ''}.`,
  state: { open: 'open', adRef: 'ad ref', agreed: 'agreed' },
  stateConcept: { open: 'open', adRef: 'agreed ad referendum', agreed: 'agreed' },
  agreedWith: (label) => `agreed with ${label}`,
  pending: (names) => `pending ${names}`,
  reopened: (reason) => `reopened: ${reason}`,
  notApplied: (author, deletion) => `Not applied: ${deletion ? `${author} attempted to delete this clause` : `change attempted by ${author}`}`,
  alternative: (alt, author, what) => `Alt ${alt} (${author}): ${what}`,
  newWording: (label) => `New wording for ${label}`,
  deletion: (label) => `Deletion of ${label}`,
  newSubitemUnder: (label) => `New sub-item under ${label}`,
  newParagraph: (what, side, label) => `New ${{ preamble: 'preambular paragraph', operative: 'operative paragraph', subitem: 'sub-item' }[what]} ${side} ${label}`,
  madeWhileAgreed: 'Made while the clause was agreed.',
  notDecidedAgreed: 'Not decided: the clause is agreed.',
  justification: (text) => `Justification: ${text}`,
  supportedBy: (names) => `Supported by ${names}.`,
  objectedBy: (names) => `Objected to by ${names}.`,
  deleted: (label) => `${label} [deleted]`,
  reservation: (name, note) => `${name}: reservation — ${note}`,
  objection: (name, note) => `${name}: objection — ${note}`,
  earlierText: '(stated on an earlier text)',
  adoptedOn: (date) => `Adopted on ${date}`,
  article: (number) => `Article ${number}`,
};

const es: DocumentWords = {
  note: 'Nota: ',
  untitled: 'Declaración',
  workingTextSuffix: '(texto de trabajo)',
  workingTextFooter: (time) => `Texto de trabajo, ${time} · página `,
  negotiationHeading: (time) => `Texto de trabajo para la negociación, ${time}. No es el texto final.`,
  negotiationNotice:
    'Cada párrafo va precedido de su referencia y su estado; los cambios no aplicados a párrafos acordados figuran a continuación del párrafo, marcados «No aplicado»; ' +
    'sus propuestas abiertas figuran como alternativas (Alt. 1, Alt. 2…), cada una presentada como cambios al texto actual.',
  countsLine: (c, brackets) =>
    `Párrafos: ${c.open} ${c.open === 1 ? 'abierto' : 'abiertos'} · ${c.adRef} ad ref. · ${c.agreed} ${c.agreed === 1 ? 'acordado' : 'acordados'}${brackets > 0 ? ` · ${plural(brackets, 'pasaje', 'pasajes')} entre corchetes` : ''}.`,
  state: { open: 'abierto', adRef: 'ad ref.', agreed: 'acordado' },
  stateConcept: { open: 'abierto', adRef: 'acordado ad referéndum', agreed: 'acordado' },
  agreedWith: (label) => `acordado con ${label}`,
  pending: (names) => `pendiente de ${names}`,
  reopened: (reason) => `reabierto: ${reason}`,
  notApplied: (author, deletion) => `No aplicado: ${deletion ? `${author} intentó suprimir este párrafo` : `cambio intentado por ${author}`}`,
  alternative: (alt, author, what) => `Alt. ${alt} (${author}): ${what}`,
  newWording: (label) => `Nueva redacción de ${label}`,
  deletion: (label) => `Supresión de ${label}`,
  newSubitemUnder: (label) => `Nuevo apartado en ${label}`,
  newParagraph: (what, side, label) =>
    `${{ preamble: 'Nuevo párrafo preambular', operative: 'Nuevo párrafo dispositivo', subitem: 'Nuevo apartado' }[what]} ${side === 'before' ? 'antes de' : 'después de'} ${label}`,
  madeWhileAgreed: 'Presentada cuando el párrafo ya estaba acordado.',
  notDecidedAgreed: 'Sin decidir: el párrafo está acordado.',
  justification: (text) => `Justificación: ${text}`,
  supportedBy: (names) => `Con el apoyo de ${names}.`,
  objectedBy: (names) => `Con la objeción de ${names}.`,
  deleted: (label) => `${label} [suprimido]`,
  reservation: (name, note) => `${name}: reserva — ${note}`,
  objection: (name, note) => `${name}: objeción — ${note}`,
  earlierText: '(expresada sobre un texto anterior)',
  adoptedOn: (date) => `Adoptada el ${date}`,
  article: (number) => `Artículo ${number}`,
};

const pt: DocumentWords = {
  note: 'Nota: ',
  untitled: 'Declaração',
  workingTextSuffix: '(texto de trabalho)',
  workingTextFooter: (time) => `Texto de trabalho, ${time} · página `,
  negotiationHeading: (time) => `Texto de trabalho para a negociação, ${time}. Não é o texto final.`,
  negotiationNotice:
    'Cada parágrafo é precedido de sua referência e de sua situação; as alterações não aplicadas a parágrafos acordados figuram após o parágrafo, marcadas «Não aplicado»; ' +
    'suas propostas em aberto figuram como alternativas (Alt. 1, Alt. 2…), cada uma apresentada como alterações ao texto atual.',
  countsLine: (c, brackets) =>
    `Parágrafos: ${c.open} em aberto · ${c.adRef} ad ref. · ${c.agreed} ${c.agreed === 1 ? 'acordado' : 'acordados'}${brackets > 0 ? ` · ${plural(brackets, 'trecho', 'trechos')} entre colchetes` : ''}.`,
  state: { open: 'em aberto', adRef: 'ad ref.', agreed: 'acordado' },
  stateConcept: { open: 'em aberto', adRef: 'acordado ad referendum', agreed: 'acordado' },
  agreedWith: (label) => `acordado com ${label}`,
  pending: (names) => `pendente de ${names}`,
  reopened: (reason) => `reaberto: ${reason}`,
  notApplied: (author, deletion) => `Não aplicado: ${deletion ? `${author} tentou suprimir este parágrafo` : `alteração tentada por ${author}`}`,
  alternative: (alt, author, what) => `Alt. ${alt} (${author}): ${what}`,
  newWording: (label) => `Nova redação de ${label}`,
  deletion: (label) => `Supressão de ${label}`,
  newSubitemUnder: (label) => `Nova alínea em ${label}`,
  newParagraph: (what, side, label) =>
    `${{ preamble: 'Novo parágrafo preambular', operative: 'Novo parágrafo operativo', subitem: 'Nova alínea' }[what]} ${side === 'before' ? 'antes de' : 'depois de'} ${label}`,
  madeWhileAgreed: 'Apresentada quando o parágrafo já estava acordado.',
  notDecidedAgreed: 'Não decidida: o parágrafo está acordado.',
  justification: (text) => `Justificativa: ${text}`,
  supportedBy: (names) => `Com o apoio de ${names}.`,
  objectedBy: (names) => `Com a objeção de ${names}.`,
  deleted: (label) => `${label} [suprimido]`,
  reservation: (name, note) => `${name}: reserva — ${note}`,
  objection: (name, note) => `${name}: objeção — ${note}`,
  earlierText: '(manifestada sobre um texto anterior)',
  adoptedOn: (date) => `Adotada em ${date}`,
  article: (number) => `Artigo ${number}`,
};

// French sets a no-break space before : ; and inside « » (Lexique des règles typographiques).
const fr: DocumentWords = {
  note: `Note${NBSP}: `,
  untitled: 'Déclaration',
  workingTextSuffix: '(texte de travail)',
  workingTextFooter: (time) => `Texte de travail, ${time} · page `,
  negotiationHeading: (time) => `Texte de travail pour la négociation, ${time}. Ce n’est pas le texte final.`,
  negotiationNotice:
    `Chaque paragraphe est précédé de sa référence et de son statut${NBSP}; les modifications refusées sur des paragraphes agréés suivent le paragraphe, signalées «${NBSP}Non appliqué${NBSP}»${NBSP}; ` +
    'ses propositions en suspens suivent sous forme de variantes (Alt. 1, Alt. 2…), chacune présentée comme des modifications du texte actuel.',
  countsLine: (c, brackets) =>
    `Paragraphes${NBSP}: ${c.open} ${c.open <= 1 ? 'ouvert' : 'ouverts'} · ${c.adRef} ad réf. · ${c.agreed} ${c.agreed <= 1 ? 'agréé' : 'agréés'}${brackets > 0 ? ` · ${brackets} ${brackets <= 1 ? 'passage' : 'passages'} entre crochets` : ''}.`,
  state: { open: 'ouvert', adRef: 'ad réf.', agreed: 'agréé' },
  stateConcept: { open: 'ouvert', adRef: 'agréé ad referendum', agreed: 'agréé' },
  agreedWith: (label) => `agréé avec ${label}`,
  pending: (names) => `en attente de ${names}`,
  reopened: (reason) => `rouvert${NBSP}: ${reason}`,
  notApplied: (author, deletion) => `Non appliqué${NBSP}: ${deletion ? `${author} a tenté de supprimer ce paragraphe` : `modification tentée par ${author}`}`,
  alternative: (alt, author, what) => `Alt. ${alt} (${author})${NBSP}: ${what}`,
  newWording: (label) => `Nouveau libellé de ${label}`,
  deletion: (label) => `Suppression de ${label}`,
  newSubitemUnder: (label) => `Nouvel alinéa dans ${label}`,
  newParagraph: (what, side, label) =>
    `${{ preamble: 'Nouvel alinéa du préambule', operative: 'Nouveau paragraphe du dispositif', subitem: 'Nouvel alinéa' }[what]} ${side === 'before' ? 'avant' : 'après'} ${label}`,
  madeWhileAgreed: 'Proposée alors que le paragraphe était déjà agréé.',
  notDecidedAgreed: `Non tranchée${NBSP}: le paragraphe est agréé.`,
  justification: (text) => `Justification${NBSP}: ${text}`,
  supportedBy: (names) => `Appuyée par ${names}.`,
  objectedBy: (names) => `Objection de ${names}.`,
  deleted: (label) => `${label} [supprimé]`,
  reservation: (name, note) => `${name}${NBSP}: réserve — ${note}`,
  objection: (name, note) => `${name}${NBSP}: objection — ${note}`,
  earlierText: '(exprimée sur un texte antérieur)',
  adoptedOn: (date) => `Adoptée le ${date}`,
  // "Article premier", never "Article 1" (Lexique des règles typographiques; the Déclaration des droits de l’homme).
  article: (number) => (number === '1' ? 'Article premier' : `Article ${number}`),
};

const WORDS: Record<DeclarationLanguage, DocumentWords> = { en, es, pt, fr };

export function documentWords(language: DeclarationLanguage): DocumentWords {
  return WORDS[language];
}

/** A date as the declaration's language writes it in running text, in UTC so every server prints the same: "12 September 2023", "12 de septiembre de 2023". */
export function documentDate(language: DeclarationLanguage, ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(CONVENTIONS[language].htmlLang === 'en' ? 'en-GB' : CONVENTIONS[language].htmlLang, { dateStyle: 'long', timeZone: 'UTC' }).format(ms);
}
