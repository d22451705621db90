/**
 * Line shapes of real texts that the recogniser (recognise.ts) reads beyond
 * numbered clauses, in English, Spanish, Portuguese and French
 * (docs/SPEC.md IMP9–IMP15, IMP18): article headings, closing lines, formulas
 * that are sentences, operative paragraphs without numbers, headings
 * between clauses.
 */

/** "Article 1.", "Article premier", "Article 1er", "Artículo 12.", "Artigo 1°", "Art. 5 – Caption": an article's heading line. */
const ARTICLE_PARTS =
  /^(?:article|artículo|articulo|artigo|art\.)\s+(?:\d{1,3}|premier|primero|primeiro|[IVXLC]{1,7})(?:er|re|º|°|ª|o|\.º)?(?:\s*[.:–—-](?:\s+(.*))?)?\s*$/iu;

/** Nothing after the number, or a separator and a caption or the text: "Article 2 of the Charter," is a reference, not a heading. */
export const ARTICLE_LINE = ARTICLE_PARTS;

/** An article heading line: what follows "Article 5" on it (a caption, or the article's text), "" when nothing. */
export function readArticleLine(text: string): { caption: string } | null {
  const match = ARTICLE_PARTS.exec(text);
  return match ? { caption: (match[1] ?? '').trim() } : null;
}

/**
 * The closing line after the operative part: "Done at Washington, …",
 * "Hecho en …", "Feito em …", "Fait à …", "Adopted at the 1382nd meeting.",
 * "Adopted unanimously at …", "Adoptada por unanimidad en …".
 */
export const CLOSING =
  /^(?:done|adopted|signed|hecho|dado|dada|adoptad[oa]|aprobad[oa]|firmad[oa]|feito|feita|assinad[oa]|adotad[oa]|aprovad[oa]|fait|adopté|adoptée|signé|signée)(?:\s+(?:unanimously|by consensus|without a vote|por unanimidad|por consenso|sin votación|por unanimidade|sem votação|à l['’]unanimité|par consensus|sans vote))?,?\s+(?:at|in|on|en|em|à|a|le|the|el|no|na)(?![\p{L}])/iu;

/** The meeting line of a General Assembly resolution: "50th plenary meeting", "50ª sesión plenaria", "50e séance plénière", "50ª sessão plenária". */
const PLENARY = /^\d{1,4}\s*(?:st|nd|rd|th|ª|a|e|ème|º)?\.?\s+(?:plenary meeting|sesión plenaria|sessão plenária|reunião plenária|séance plénière)\.?$/iu;

/**
 * A place and a date alone on a line: "La Habana, 24 de fevereiro 2016",
 * "San José, Costa Rica, el 4 de diciembre de 2000,", "Paris, le 3 mai
 * 2019", "Geneva, 12 May 2019.", "Asmara, September 5, 2018" — under the
 * title, the subtitle (masthead.ts); after the operative part, the closing.
 */
const PLACE_DATE =
  /^\p{Lu}[\p{L}'’. -]{1,40}(?:,\s*\p{Lu}[\p{L}'’. -]{1,30})?,\s+(?:(?:el|le|this|o|a)\s+)?(?:\d{1,2}(?:º|°|er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?\p{L}+\.?,?\s+(?:de\s+|del\s+)?\d{4}|\p{L}+\s+\d{1,2},\s+\d{4})[.,]?$/u;

export function isPlaceAndDate(text: string): boolean {
  return PLACE_DATE.test(text.trim());
}

export function isClosingLine(text: string): boolean {
  return CLOSING.test(text) || PLENARY.test(text) || PLACE_DATE.test(text);
}

/** A date on a line of its own: "18 December 2019", "2 de diciembre de 2011", "December 18, 2019". */
const DATE_LINE = /^(?:\d{1,2}(?:er|º)?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})\.?$/u;

/**
 * How a closing goes on on the next line: "\n" for a date under
 * "50th plenary meeting", " " for a wrapped line of the same sentence,
 * null where the closing has ended.
 */
export function closingContinues(previous: string, next: string): '\n' | ' ' | null {
  if (DATE_LINE.test(next)) return '\n';
  if (/[.]["'”’)]*$/u.test(previous) || PLENARY.test(next) || CLOSING.test(next)) return null;
  return /^[\p{Ll}\p{N}]/u.test(next) || /,$/u.test(previous) ? ' ' : null;
}

/**
 * A sentence that proclaims what follows, the formula when it is not a
 * short line ending with ":": "Now, Therefore THE GENERAL ASSEMBLY
 * proclaims …", "Adopts the following political declaration:", "we
 * therefore:", "L'Assemblée générale proclame …", "En conséquence, …
 * déclare …", "The General Conference … adopts, this tenth day of May …,
 * the present Declaration", "have reached the following agreement …:-".
 */
export const FORMULA_SENTENCE =
  /(?<![\p{L}])(?:proclaims?|proclame|proclament|proclama|proclaman|proclamam|declares?|déclare|déclarent|declara|declaran|declaram|adopts|adopte|adoptent|adopta|adoptan|adota|adotam|resolves|resuelve|resuelven|résout|therefore|en conséquence|por (?:lo )?tanto|en consecuencia|portanto|por conseguinte|consequentemente|as follows|the following|lo siguiente|la siguiente|el siguiente|o seguinte|a seguinte|ce qui suit|la déclaration suivante|le texte suivant)(?![\p{L}])/iu;

/**
 * An operative paragraph without a number opens with a verb of decision
 * (third person or infinitive, as drafts write them): "Hereby resolves",
 * "Decides", "Agree that", "Acuerdan", "Consolidar", "Décident".
 */
export const OPERATIVE_OPENING =
  /^[“"'«]?(?:hereby\s+\p{L}+|resolves|decides|agrees?|requests|calls upon|urges|invites|welcomes|commits?|reaffirms?|declares|proclaims|takes note|notes|encourages|recommends|stresses|emphasizes|emphasises|expresses|endorses|approves|authorizes|authorises|condemns|demands|affirms|supports|acknowledges|recognizes|recognises|appeals|commends|acuerdan|deciden|resuelve|resuelven|reafirman|se comprometen|decidem|acordam|reafirmam|comprometem-se|consolidar|encarecer|incentivar|promover|décident|conviennent|réaffirment|s['’]engagent)(?![\p{L}])/iu;

/**
 * The heading of an annex after the operative part: "Annex", "Annex I",
 * "ANNEX 2", "Anexo", "Anexo II", "Annexe", "Annexe A" (IMP18).
 */
export const ANNEX_LINE = /^(?:annex|annexe|anexo)(?:\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]))?\s*[.:]?$/iu;

/** How long a heading above a clause may be: one line at most 10 words and 100 characters, one wrapped over two lines twice that. */
export interface HeadingLimits {
  words: number;
  chars: number;
}

const ONE_LINE_HEADING: HeadingLimits = { words: 10, chars: 100 };
export const WRAPPED_HEADING: HeadingLimits = { words: 20, chars: 200 };

/**
 * Whether a line can be a heading above a clause: "A. Health", "II",
 * "III. Cooperation", "Security and Stability", "Preamble", "Right to
 * education" — short, opening with a capital or a numeral, without the
 * punctuation that ends a clause or a chapeau.
 */
export function headingText(text: string, limits: HeadingLimits = ONE_LINE_HEADING): boolean {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0 || words.length > limits.words || text.length > limits.chars) return false;
  if (!/^[“"'«(]?[\p{Lu}\p{N}]/u.test(text)) return false;
  // "A." / "II." before the words is a section mark, not a sentence's stop.
  const body = text.replace(/^(?:[A-Z]|[IVXLC]{1,7})\.(?=\s|$)/u, '').trim();
  if (body === '') return true;
  // ":-" ends a formula as ":" does.
  return !/[.,;:]["'”’»)]*[-–—]?$/u.test(body);
}
