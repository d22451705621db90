/**
 * Signature blocks of joint statements and agreements (docs/SPEC.md IMP17),
 * in English, Spanish, Portuguese and French: blocks of name / title /
 * party lines, a party line "For the Government of X:", "Por la República
 * de …", "Pela República …", "Pour le Gouvernement de …" separating them,
 * two blocks typed side by side (columns separated by a tab or a run of
 * spaces), and "Witnessed by:", "Testigo:", "Testemunha:", "Témoin :"
 * introducing witnesses, who sign too.
 */

export interface Signatory {
  name: string;
  title: string;
  state: string;
}

/**
 * A party line: "For the Government of …", "On behalf of the …", "Por el
 * Gobierno de …", "Pela República …", "Pour la République …", "Au nom du
 * …" — the party named with a capital, so that "For the purposes of …" is
 * not one.
 */
const PARTY_OPENING = /^(?:for|on behalf of|por|pela|pelo|pour|au nom d(?:e|u|es)|en nombre d(?:e|el))\s+(?:(?:the|el|la|los|las|le|les|a|o|os|as)\s+|l['’]|d['’])?/iu;
const MAX_PARTY_WORDS = 16;

/** A line introducing witnesses: "Witnessed by:", "Witnesses:", "In the presence of:", "Testigo:", "Testemunhas:", "Témoin :", "En présence de :". */
const WITNESS =
  /^(?:witnessed by|witness(?:es)?|in the presence of|testigos?|en presencia de|ante mí|testemunhas?|na presença de|témoins?|en présence de)\s*:?$/iu;

export function isPartyLine(text: string): boolean {
  const opening = PARTY_OPENING.exec(text);
  return opening !== null && /^\p{Lu}/u.test(text.slice(opening[0].length)) && text.split(/\s+/u).length <= MAX_PARTY_WORDS;
}

export function isWitnessLine(text: string): boolean {
  return WITNESS.test(text.trim());
}

/**
 * The columns of a line typed as two blocks side by side: split at a tab
 * or at a run of three spaces or more. One column when it is not.
 */
export function columnsOf(raw: string): string[] {
  const columns = raw
    .trim()
    .split(/\t+| {3,}/u)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return columns.length === 0 ? [''] : columns;
}

/**
 * The signatories of a group of signature lines, in reading order: the
 * left column's blocks, then the right column's, for each run of lines
 * typed side by side. Each line is given as its columns; `table`: the
 * lines are a Word table's cell, one block unless party lines split it.
 */
export function signatoriesOf(given: readonly string[][], table = false): Signatory[] {
  // One line with a run of spaces is not two columns ("Jorge   Taiana"): side by side takes two lines at least.
  const sideBySide = given.filter((l) => l.length > 1).length >= 2;
  const lines = sideBySide ? given : given.map((l) => [l.join(' ')]);
  const out: Signatory[] = [];
  let witness: string | null = null;
  let k = 0;
  while (k < lines.length) {
    const wide = lines[k]!.length > 1;
    let end = k;
    while (end < lines.length && lines[end]!.length > 1 === wide) end++;
    const run = lines.slice(k, end);
    if (wide) {
      // Side by side: each column is a sequence of blocks of its own; a witness line above the columns applies to each.
      const count = Math.max(...run.map((l) => l.length));
      for (let c = 0; c < count; c++) {
        const column = run.map((l) => l[c] ?? '').filter((t) => t !== '');
        witness = readSequence(column, witness, out, true);
      }
    } else {
      witness = readSequence(
        run.map((l) => l[0]!),
        witness,
        out,
        table,
      );
    }
    k = end;
  }
  return out;
}

/** The blocks of one column, pushed to `out`; returns the witness line in force after it. */
function readSequence(texts: readonly string[], witnessBefore: string | null, out: Signatory[], column: boolean): string | null {
  let witness = witnessBefore;
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(block(current, witness, parties > 0));
    current = [];
  };
  // Party lines open the blocks when the first block starts with one ("For Ethiopia" / name), else they close them (name / title / "For the Government of …").
  const firstText = texts.find((t) => !isWitnessLine(t));
  const partyOpens = firstText !== undefined && isPartyLine(firstText);
  const parties = texts.filter((t) => isPartyLine(t)).length;
  for (const text of texts) {
    if (isWitnessLine(text)) {
      flush();
      witness = text.replace(/\s*:$/u, '');
      continue;
    }
    if (isPartyLine(text)) {
      if (partyOpens) {
        flush();
        current.push(text);
      } else {
        current.push(text);
        flush();
      }
      continue;
    }
    current.push(text);
  }
  if (parties === 0 && !column && current.length >= 6 && current.length % 3 === 0) {
    // Blocks typed one after another without a blank line and without party lines: name, title, state each.
    for (let k = 0; k < current.length; k += 3) out.push(block(current.slice(k, k + 3), witness, false));
    return witness;
  }
  flush();
  return witness;
}

/**
 * A block's lines as a signatory: the party line is the state, the line
 * before or after it the name, the others the title; without a party line,
 * name first, state last, title between — or, for a witness and among
 * blocks that name their parties (a mediator signing under them: "Thabo
 * Mvuyelwa Mbeki" / "Chairperson of …"), name and title only.
 */
function block(lines: readonly string[], witness: string | null, amongParties: boolean): Signatory {
  const partyAt = lines.findIndex((t) => isPartyLine(t));
  let name: string;
  let title: string;
  let state: string;
  if (partyAt >= 0) {
    state = lines[partyAt]!;
    const rest = lines.filter((_, k) => k !== partyAt);
    name = rest[0] ?? '';
    title = rest.slice(1).join(' ');
  } else if (amongParties || witness !== null) {
    name = lines[0]!;
    title = lines.slice(1).join(' ');
    state = '';
  } else {
    name = lines[0]!;
    state = lines.length > 1 ? lines[lines.length - 1]! : '';
    title = lines.slice(1, -1).join(' ');
  }
  // A witness's title says so in the source's words: "Witnessed by", "Testigo".
  if (witness !== null) title = title === '' ? witness : `${witness}: ${title}`;
  // "Engineer Ibrahim Mahmoud Hamid,", "For the Government of X:": the comma or colon that runs the block on is not part of the field.
  const field = (text: string) => text.replace(/\s+/gu, ' ').trim().replace(/\s*[,:]$/u, '');
  return { name: field(name), title: field(title), state: field(state) };
}
