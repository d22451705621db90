import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteClause, insertClauses, moveClause } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { META_FIELDS, type Clause, type Declaration } from '../../shared/declaration.ts';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { keyBetween } from '../../shared/orderKey.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { seededRandom } from '../../shared/seededRandom.ts';
import { compareDeclarations } from '../../shared/versions/compare.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { waitFor, type TestClient } from '../testing/testServer.ts';
import { buildExportInput, readExportInput, readingOrder, type ExportInput } from './exportInput.ts';
import { STYLE } from './docx.ts';
import { exportFileName } from './fileName.ts';
import { buildRedline } from './redline.ts';
import { renderRedlineDocx } from './redlineDocx.ts';
import { loadRedline } from './redlineExport.ts';
import { renderRedlineHtml } from './redlineHtml.ts';
import { renderRedlineMarkdown } from './redlineMarkdown.ts';
import { renderRedlinePdf } from './redlinePdf.ts';
import { drawnPieces } from '../testing/pdfText.ts';
import { idsByLabel } from './samples.ts';

/**
 * Redline exports (docs/SPEC.md RED1) end to end: the demo declaration on
 * a real server, its "Zero draft" saved when it was made, edits made by
 * stock y-websocket clients — a delegation's words, a paragraph added, one
 * deleted, one moved, the chair's new title — and the files read back. The
 * Word file is checked as Word would resolve it: "Accept all" must give
 * exactly the target's text and "Reject all" exactly the base's.
 */
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

const NEW_PARAGRAPH = 'That the Participants will meet again in 2025, see [the plan](javascript:alert(1)).';
const TITLE_ADDITION = ' — revised';

interface WordPiece {
  kind: 'text' | 'ins' | 'del';
  text: string;
}
interface WordParagraph {
  style: string | null;
  /** The paragraph mark's revision. */
  mark: 'ins' | 'del' | null;
  numbered: boolean;
  pieces: WordPiece[];
  xml: string;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** The body's paragraphs before the signature table, with their revisions, as document.xml has them. */
function wordParagraphs(documentXml: string): WordParagraph[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.includes('<w:tbl>') ? documentXml.indexOf('<w:tbl>') : undefined);
  return [...body.matchAll(/<w:p\/>|<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => {
    const pPr = /^<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const markXml = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPr)?.[1] ?? '';
    const content = inner.slice(pPr === '' ? 0 : pPr.length + '<w:pPr></w:pPr>'.length);
    const pieces = [...content.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>|<w:del [^>]*>([\s\S]*?)<\/w:del>|<w:r>([\s\S]*?)<\/w:r>/g)].map(
      ([, ins, del, run]): WordPiece => (ins !== undefined ? { kind: 'ins', text: textOf(ins) } : del !== undefined ? { kind: 'del', text: textOf(del) } : { kind: 'text', text: textOf(run!) }),
    );
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(pPr)?.[1] ?? null,
      mark: markXml.includes('<w:ins ') ? 'ins' : markXml.includes('<w:del ') ? 'del' : null,
      numbered: pPr.includes('<w:numPr>'),
      pieces,
      xml: inner,
    };
  });
}

/**
 * What Word shows after "Accept all" (or "Reject all"): deleted (inserted)
 * words gone, the others kept; a paragraph whose mark is deleted (inserted)
 * joins the next one. The heading line, summary and legend are left out,
 * and so are empty paragraphs — or, `strict`, only the paragraphs of no
 * style (the spacing and page-break ones), so that a paragraph left behind
 * empty shows.
 */
function resolve(paragraphs: WordParagraph[], all: 'accept' | 'reject', strict = false): string[] {
  const dropped = all === 'accept' ? 'del' : 'ins';
  const out: string[] = [];
  let carry = '';
  for (const paragraph of paragraphs) {
    const text = carry + paragraph.pieces.filter((piece) => piece.kind !== dropped).map((piece) => piece.text).join('');
    if (paragraph.mark === dropped) {
      carry = text;
      continue;
    }
    carry = '';
    if (paragraph.style !== STYLE.banner && (strict ? paragraph.style !== null : text !== '')) out.push(text);
  }
  return out;
}

/** The clean text's paragraphs, as the clean Word file has them. */
function cleanParagraphs(input: ExportInput): string[] {
  const { meta } = input;
  const note = toPlainText(meta.note);
  return [
    toPlainText(meta.conference),
    toPlainText(meta.title),
    toPlainText(meta.subtitle),
    toPlainText(meta.chapeau),
    ...input.preamble.map((clause) => toPlainText(clause.body)),
    toPlainText(meta.formula),
    ...readingOrder(input)
      .filter((clause) => clause.kind === 'operative')
      .map((clause) => toPlainText(clause.body)),
    note === '' ? '' : `Note: ${note}`,
  ].filter((text) => text !== '');
}

/** The `w:ins` and `w:del` elements of document.xml with their attributes. */
function revisions(documentXml: string): { kind: string; author: string; date: string }[] {
  return [...documentXml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)"/g)].map(([, kind, author, date]) => ({ kind: kind!, author: author!, date: date! }));
}

describe('redline exports', () => {
  const under = declarationUnderTest(buenosAires2023, people);

  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const exportOf = (query: string, who = 'Spain') =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { authorization: `Bearer ${under.declaration.tokens[who]}` } });
  const docxOf = async (query: string) => {
    const response = await exportOf(query);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    return zip.file('word/document.xml')!.async('string');
  };
  const versions = async () => (await under.call<{ versions: VersionInfo[] }>('GET', '/versions', 'Spain')).json.versions;
  const versionText = async (id: string) => (await under.call<{ text: ExportInput }>('GET', `/versions/${id}`, 'Spain')).json.text;
  const saveVersion = async (name: string) => {
    const answer = await under.call<{ version: VersionInfo }>('POST', '/versions', 'Argentina', { name });
    expect(answer.status).toBe(201);
    return answer.json.version;
  };

  /** Replaces the first `from` in a clause's text with `to`, as an editor would. */
  const replaceWords = (client: TestClient, clauseId: string, from: string, to: string) => {
    const text = toPlainText(readDeclaration(client.doc).clauses.find((c) => c.id === clauseId)!.body);
    const at = text.indexOf(from);
    expect(at).toBeGreaterThanOrEqual(0);
    const xml = clauseXmlText(client.doc, clauseId);
    client.doc.transact(() => {
      xml.delete(at, from.length);
      xml.insert(at, to);
    });
  };

  /**
   * The edits between the zero draft and now: Chile rewords OP6 and adds a
   * paragraph after OP7, Peru deletes PP2 and moves OP2 down three places,
   * the chair adds to the title. Returns the labels' ids in the zero draft.
   */
  const makeEdits = async () => {
    const ids = idsByLabel(serverDoc());
    const [chile, peru, argentina] = [await under.client('Chile'), await under.client('Peru'), await under.client('Argentina')];
    replaceWords(chile, ids.get('OP6')!, 'shall', 'should');
    insertClauses(chile.doc, { id: ids.get('OP7')!, side: 'after' }, [plain(NEW_PARAGRAPH)]);
    deleteClause(peru.doc, ids.get('PP2')!);
    for (let i = 0; i < 3; i++) expect(moveClause(peru.doc, ids.get('OP2')!, 'down')).toBe(true);
    const title = ((argentina.doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    title.insert(title.length, TITLE_ADDITION);
    await waitFor(() => {
      const now = readDeclaration(serverDoc());
      return (
        toPlainText(now.meta.title).endsWith(TITLE_ADDITION) &&
        now.clauses.some((c) => toPlainText(c.body) === NEW_PARAGRAPH) &&
        !now.clauses.some((c) => c.id === ids.get('PP2')) &&
        toPlainText(now.clauses.find((c) => c.id === ids.get('OP6'))!.body).includes('should') &&
        idsByLabel(serverDoc()).get('OP5') === ids.get('OP2')
      );
    }, 'the server to have every edit');
    return ids;
  };

  it('RED1: the Word redline of the text now against the zero draft: accepting all gives exactly the text now, rejecting all exactly the zero draft; authors, dates, Word numbering', async () => {
    const [zeroDraft] = await versions();
    expect(zeroDraft!.name).toBe('Zero draft');
    await makeEdits();
    const documentXml = await docxOf(`?format=docx&variant=redline&base=${zeroDraft!.id}`);
    const paragraphs = wordParagraphs(documentXml);

    expect(resolve(paragraphs, 'accept')).toEqual(cleanParagraphs(readExportInput(serverDoc(), new Date())));
    expect(resolve(paragraphs, 'reject')).toEqual(cleanParagraphs(await versionText(zeroDraft!.id)));

    // The heading line and the summary open the file.
    const banner = paragraphs.filter((p) => p.style === STYLE.banner).map((p) => p.pieces.map((piece) => piece.text).join(''));
    expect(banner[0]).toBe('Changes from Zero draft to the text now');
    expect(banner[1]).toMatch(/^Since Zero draft: 1 paragraph added \(OP\d+\), 1 deleted \(PP2\), 1 moved \(OP\d+\), 1 changed, the title changed\.$/);

    // Words: "shall" deleted and "should" inserted, by Chile, inside OP6's paragraph.
    const op6 = paragraphs.find((p) => p.pieces.some((piece) => piece.kind === 'del' && piece.text === 'shall'))!;
    expect(op6.mark).toBeNull();
    expect(op6.pieces.map((piece) => piece.kind)).toEqual(['text', 'del', 'ins', 'text']);
    expect(op6.xml).toMatch(/<w:del w:id="\d+" w:author="Chile" w:date="[^"]+"><w:r><w:delText xml:space="preserve">shall<\/w:delText><\/w:r><\/w:del><w:ins w:id="\d+" w:author="Chile"/);
    // A paragraph added: inserted with its mark; deleted: deleted with its mark.
    const added = paragraphs.find((p) => p.pieces.some((piece) => piece.text.includes('meet again in 2025')))!;
    expect(added.mark).toBe('ins');
    expect(added.pieces.every((piece) => piece.kind === 'ins')).toBe(true);
    expect(added.xml).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="Chile" w:date="[^"]+"\/><\/w:rPr><\/w:pPr>/);
    const pp2 = toPlainText(buenosAires2023.preamble[1]!);
    const deleted = paragraphs.find((p) => p.pieces.map((piece) => piece.text).join('') === pp2)!;
    expect(deleted.mark).toBe('del');
    expect(deleted.pieces.every((piece) => piece.kind === 'del')).toBe(true);
    expect(deleted.style).toBe(STYLE.preamble);
    expect(deleted.xml).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="Peru" w:date="[^"]+"\/><\/w:rPr><\/w:pPr>/);
    // The title: its words kept, the chair's addition inserted.
    const title = paragraphs.find((p) => p.style === 'Title')!;
    expect(title.pieces.at(-1)).toEqual({ kind: 'ins', text: TITLE_ADDITION });
    expect(title.xml).toContain('w:author="Argentina"');

    // Every revision says who and when; who is the participant who made it — Peru's moved paragraph too, at both places (CMP3).
    const all = revisions(documentXml);
    expect(all.length).toBeGreaterThan(6);
    const made = { from: Math.floor(zeroDraft!.at / 1000) * 1000, to: Date.now() };
    for (const revision of all) {
      expect(revision.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      // When the history says the change was made: after the zero draft, before the export.
      expect(Date.parse(revision.date)).toBeGreaterThanOrEqual(made.from);
      expect(Date.parse(revision.date)).toBeLessThanOrEqual(made.to);
      expect(['Chile', 'Peru', 'Argentina']).toContain(revision.author);
    }
    expect(new Set(all.map((r) => r.author))).toContain('Chile');

    // Numbering is Word's own: every operative paragraph in the list, none typed.
    const operative = paragraphs.filter((p) => p.style === STYLE.operative);
    expect(operative.length).toBe(12 + 4 + 1 + 1); // the demo's, the one added, the moved one's old place
    for (const p of operative) {
      expect(p.numbered).toBe(true);
      expect(p.pieces.map((piece) => piece.text).join('')).not.toMatch(/^\s*(\d+\.|[a-z]\)|[ivx]+\))\s/);
    }
    expect(documentXml).not.toMatch(/<w:t[^>]*>\s*\d+\.\t/);
  });

  it('RED1: a redline between two saved versions shows only their changes, whatever the text now', async () => {
    const [zeroDraft] = await versions();
    await makeEdits();
    const rev1 = await saveVersion('Rev.1');
    // After Rev.1 the text changes again: the redline to Rev.1 must not see it.
    const chile = await under.client('Chile');
    const op1 = idsByLabel(serverDoc()).get('OP1')!;
    replaceWords(chile, op1, 'Their', 'Our');
    await waitFor(() => toPlainText(readDeclaration(serverDoc()).clauses.find((c) => c.id === op1)!.body).startsWith('Our'), 'the server to have the edit');

    const documentXml = await docxOf(`?format=docx&variant=redline&base=${zeroDraft!.id}&target=${rev1.id}`);
    const paragraphs = wordParagraphs(documentXml);
    expect(resolve(paragraphs, 'accept')).toEqual(cleanParagraphs(await versionText(rev1.id)));
    expect(resolve(paragraphs, 'reject')).toEqual(cleanParagraphs(await versionText(zeroDraft!.id)));
    expect(documentXml).not.toContain('>Our<');
    expect(paragraphs.find((p) => p.style === STYLE.banner)!.pieces[0]!.text).toBe('Changes from Zero draft to Rev.1');
    // And from Rev.1 to the text now: only the last edit.
    const since = wordParagraphs(await docxOf(`?format=docx&variant=redline&base=${rev1.id}`));
    expect(resolve(since, 'accept')).toEqual(cleanParagraphs(readExportInput(serverDoc(), new Date())));
    expect(resolve(since, 'reject')).toEqual(cleanParagraphs(await versionText(rev1.id)));
    expect(since.flatMap((p) => p.pieces.filter((piece) => piece.kind !== 'text'))).toEqual([
      { kind: 'del', text: 'Their' },
      { kind: 'ins', text: 'Our' },
    ]);
  });

  it('RED1: HTML underlines insertions and strikes deletions with who and when, under the heading line, the summary and a legend', async () => {
    const [zeroDraft] = await versions();
    await makeEdits();
    const response = await exportOf(`?format=html&variant=redline&base=${zeroDraft!.id}`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<p><b>Changes from Zero draft to the text now</b></p>');
    expect(html).toMatch(/<p>Since Zero draft: 1 paragraph added \(OP\d+\), 1 deleted \(PP2\), 1 moved \(OP\d+\), 1 changed, the title changed\.<\/p>/);
    expect(html).toMatch(/<del class="by-\d" title="Chile, \d{4}-\d\d-\d\d \d\d:\d\d UTC">shall<\/del><ins class="by-\d" title="Chile, [^"]+">should<\/ins>/);
    expect(html).toMatch(/<li><span class="swatch by-\d"><\/span>Chile: OP6, OP\d+<\/li>/);
    expect(html).toMatch(/<li><span class="swatch by-\d"><\/span>Argentina: title<\/li>/);
    // Peru deleted PP2 and moved OP2 to OP5: both places of the move are Peru's (CMP3).
    expect(html).toMatch(/<li><span class="swatch by-\d"><\/span>Peru: PP2, OP2, OP5<\/li>/);
    expect(html).toMatch(/<del class="by-\d" title="Peru, [^"]+">OP2 moved to OP5<\/del>/);
    expect(html).toContain('ins { text-decoration: underline; }');
    expect(html).toContain('del { text-decoration: line-through; }');
    // The deleted paragraph is struck whole, the moved one's old place says where it went, and nothing is unescaped.
    expect(html).toContain(`<del class="by-`);
    expect(html).toMatch(/<del[^>]*>OP2 moved to OP5<\/del>/);
    expect(html).toContain('see [the plan](javascript:alert(1)).');
    expect(html).not.toContain('<script');
  });

  it('RED1: Markdown marks [+insertions+] and [-deletions-], escaped so that no change reads as a link', async () => {
    const [zeroDraft] = await versions();
    await makeEdits();
    const response = await exportOf(`?format=md&variant=redline&base=${zeroDraft!.id}`);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await response.text();
    expect(md).toMatch(/^> \*\*Changes from Zero draft to the text now\*\*\\\n> Since Zero draft: 1 paragraph added/);
    expect(md).toContain('within the scope of this Statement \\[-shall-\\]\\[+should+\\] be in accordance');
    expect(md).toContain(`# Declaration of Buenos Aires "The commitment to make peace" (2023) \\[+${TITLE_ADDITION.trim()}+\\]`);
    expect(md).toMatch(/\n\\\[-\*Bearing in mind\* .*-\\\]\n/);
    expect(md).toMatch(/\n- \\\[\+\d+\\\.\+\\\] \\\[\+That the Participants will meet again in 2025, see \\\[the plan\\\]\(javascript:alert\(1\)\)\.\+\\\]\n/);
    // No bracket that Markdown would read as the start of a link.
    expect(md).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
  });

  it('RED1: the PDF underlines the inserted words and strikes the deleted ones', async () => {
    const [zeroDraft] = await versions();
    await makeEdits();
    const response = await exportOf(`?format=pdf&variant=redline&base=${zeroDraft!.id}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same redline, drawn uncompressed so that its text can be read.
    const redline = loadRedline(under.server, under.declaration.id, zeroDraft!.id, null, new Date());
    const pieces = drawnPieces(await renderRedlinePdf(redline, { compress: false }));
    const text = pieces.map((p) => p.text).join('');
    expect(text).toContain('Changes from Zero draft to the text now');
    expect(text).toContain('Chile: OP6');
    expect(pieces.find((p) => p.text.startsWith('shall'))?.line).toBe('strike');
    expect(pieces.find((p) => p.text.startsWith('should'))?.line).toBe('underline');
    expect(pieces.find((p) => p.text.endsWith('revised'))?.line).toBe('underline');
  });
});

/** Random edits on plain data: words changed (italics too), clauses added, deleted, moved, made sub-items or another kind, heading fields emptied or filled. */
const WORDS = ['the', 'States', 'shall', 'should', 'cooperate', 'on', 'trade', 'science', 'fund', 'and', ',', ';', '&', '<b>'];

function randomWords(random: () => number): RichText {
  const runs: RichText = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) runs.push({ text: `${WORDS[Math.floor(random() * WORDS.length)]} `, ...(random() < 0.2 ? { italic: true as const } : {}) });
  return runs;
}

function randomEdit(declaration: Declaration, random: () => number, next: () => string): Declaration {
  const clauses = declaration.clauses.map((c) => ({ ...c }));
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
  const siblings = (clause: Pick<Clause, 'kind' | 'parent'>) =>
    clauses.filter((c) => c.kind === clause.kind && c.parent === clause.parent).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const placeAmong = (list: Clause[]) => {
    const at = Math.floor(random() * (list.length + 1));
    return keyBetween(list[at - 1]?.order ?? null, list[at]?.order ?? null, random);
  };
  const depthOf = (clause: Clause): number => (clause.parent === null ? 0 : 1 + depthOf(clauses.find((c) => c.id === clause.parent)!));
  const subtree = (id: string): string[] => [id, ...clauses.filter((c) => c.parent === id).flatMap((c) => subtree(c.id))];
  const roll = random();
  const target = pick(clauses);
  if (roll < 0.22 && target) {
    target.body = random() < 0.5 ? randomWords(random) : [...target.body.slice(0, 1), ...randomWords(random)];
  } else if (roll < 0.3 && target) {
    // A heading set, changed or removed (HEAD1).
    const heading = random() < 0.3 ? undefined : toPlainText(randomWords(random)).trim();
    if (heading === undefined) delete target.heading;
    else target.heading = heading;
  } else if (roll < 0.5) {
    const kind = random() < 0.3 ? 'preamble' : 'operative';
    const parents = clauses.filter((c) => c.kind === 'operative' && depthOf(c) < 2);
    const parent = kind === 'operative' && random() < 0.3 ? (pick(parents)?.id ?? null) : null;
    clauses.push({ id: next(), kind, parent, order: placeAmong(siblings({ kind, parent })), body: random() < 0.1 ? [] : randomWords(random) });
  } else if (roll < 0.65 && target) {
    const gone = new Set(subtree(target.id));
    return { ...declaration, clauses: clauses.filter((c) => !gone.has(c.id)) };
  } else if (roll < 0.85 && target) {
    // Moved among its siblings, or to another kind when it stands alone at the top.
    if (target.parent === null && random() < 0.3 && !clauses.some((c) => c.parent === target.id)) target.kind = target.kind === 'preamble' ? 'operative' : 'preamble';
    target.order = placeAmong(siblings(target).filter((c) => c.id !== target.id));
  } else {
    const field = pick([...META_FIELDS])!;
    return { ...declaration, clauses, meta: { ...declaration.meta, [field]: random() < 0.4 ? [] : randomWords(random) } };
  }
  return { ...declaration, clauses };
}

/**
 * Every paragraph the redline Word file has, empty ones too: the title
 * always, another heading field when it has words, every clause with its
 * heading above it, the closing line, the note, then each footnote
 * "marker text" (in order).
 */
function textOfDeclaration(declaration: Declaration): string[] {
  const input = buildExportInput(declaration, { statuses: new Map(), refused: [], proposals: [] }, new Date(0));
  const field = (runs: RichText) => (runs.length === 0 ? [] : [toPlainText(runs)]);
  const withHeading = (clause: ExportInput['preamble'][number]) => [...(clause.heading === '' ? [] : [clause.heading]), toPlainText(clause.body)];
  const { meta } = input;
  return [
    ...field(meta.conference),
    toPlainText(meta.title),
    ...field(meta.subtitle),
    ...field(meta.chapeau),
    ...input.preamble.flatMap(withHeading),
    ...field(meta.formula),
    ...readingOrder(input)
      .filter((clause) => clause.kind === 'operative')
      .flatMap(withHeading),
    ...field(meta.closing),
    ...(meta.note.length === 0 ? [] : [`Note: ${toPlainText(meta.note)}`]),
    ...input.footnotes.map((footnote) => `${footnote.marker} ${toPlainText(footnote.body)}`),
  ];
}

describe('redline exports: headings, the closing line and footnotes', () => {
  const side = (declaration: Declaration) => ({ declaration, statuses: {}, frozen: null });
  const meta = (fields: Partial<Record<(typeof META_FIELDS)[number], RichText>>) =>
    ({ ...Object.fromEntries(META_FIELDS.map((field) => [field, []])), title: plain('Declaration of Lima'), formula: plain('Declare:'), ...fields }) as unknown as Declaration['meta'];
  const base: Declaration = {
    meta: meta({ closing: plain('Done at Lima.') }),
    clauses: [
      { id: 'p1', kind: 'preamble', parent: null, order: 'a1', body: plain('Recalling the Charter,'), heading: 'Part I' },
      { id: 'o1', kind: 'operative', parent: null, order: 'a1', body: [{ text: 'Act on health' }, { text: '1', footnote: 'fn1' }, { text: ';' }], heading: 'A. Health' },
      { id: 'o2', kind: 'operative', parent: null, order: 'a2', body: plain('Fund clinics;') },
      { id: 'o3', kind: 'operative', parent: null, order: 'a3', body: plain('Open trade;'), heading: 'B. Trade' },
    ],
    signatories: [],
    footnotes: [
      { id: 'fn1', order: 'a', marker: '1', body: plain('See document A/1.') },
      { id: 'fn2', order: 'b', marker: '2', body: plain('An old note.') },
    ],
  };
  const target: Declaration = {
    ...base,
    meta: meta({ closing: plain('Done at Lima, 3 May 2023.') }),
    clauses: [
      base.clauses[0]!,
      { ...base.clauses[1]!, heading: 'A. Health and care' },
      { ...base.clauses[2]!, heading: 'Interim' },
      { id: 'o3', kind: 'operative', parent: null, order: 'a3', body: plain('Open trade;') },
      { id: 'o4', kind: 'operative', parent: null, order: 'a4', body: plain('Review progress;'), heading: 'C. Review' },
    ],
    footnotes: [
      { id: 'fn1', order: 'a', marker: '1', body: plain('See documents A/1 and A/2.') },
      { id: 'fn3', order: 'c', marker: '3', body: plain('A new note.') },
    ],
  };
  const redline = () =>
    buildRedline({
      base: { name: 'Rev.1', side: side(base), at: 1 },
      target: { name: null, side: side(target), at: 2 },
      comparison: compareDeclarations(side(base), side(target)),
      nameOf: () => 'Consenso',
      timeOf: () => null,
      generatedAt: new Date(3),
    });

  it('RED1 HEAD1 CLOSE1 EXP13: Word shows heading, closing-line and footnote changes as revisions — accepting all gives the target, rejecting all the base; headings in "Heading 2"; the legend and summary name them', async () => {
    const built = redline();
    expect(built.summary).toContain('the closing line changed, 4 headings changed (OP1, OP2, OP3, OP4), 3 footnotes changed');
    const legend = built.legend.flatMap((entry) => entry.parts);
    for (const part of ['heading of OP1', 'heading of OP2', 'heading of OP3', 'heading of OP4', 'closing line', 'footnote 1', 'footnote 2', 'footnote 3']) expect(legend).toContain(part);
    const paragraphs = wordParagraphs(await (await JSZip.loadAsync(await renderRedlineDocx(built))).file('word/document.xml')!.async('string'));
    expect(resolve(paragraphs, 'accept', true)).toEqual(textOfDeclaration(target));
    expect(resolve(paragraphs, 'reject', true)).toEqual(textOfDeclaration(base));
    const heading = paragraphs.find((p) => p.style === 'Heading2' && p.pieces.some((piece) => piece.text.includes('and care')))!;
    expect(heading.pieces).toEqual([{ kind: 'text', text: 'A. Health' }, { kind: 'ins', text: ' and care' }]);
    // A heading that went is deleted with its paragraph mark; a new clause's heading comes with it.
    expect(paragraphs.find((p) => p.style === 'Heading2' && textOf(p.xml) === 'B. Trade')).toMatchObject({ mark: 'del', pieces: [{ kind: 'del', text: 'B. Trade' }] });
    expect(paragraphs.find((p) => p.style === 'Heading2' && textOf(p.xml) === 'C. Review')).toMatchObject({ mark: 'ins' });
    expect(paragraphs.find((p) => p.style === STYLE.closing)!.pieces.map((piece) => piece.kind)).toContain('ins');
    expect(paragraphs.find((p) => textOf(p.xml) === '2 An old note.')).toMatchObject({ mark: 'del' });
    expect(paragraphs.find((p) => textOf(p.xml) === '3 A new note.')).toMatchObject({ mark: 'ins' });
  });

  it('RED1 HEAD1 CLOSE1 EXP13: HTML, Markdown and PDF print each heading above its clause, the closing line after the operative part and the footnotes at the end, changes marked', async () => {
    const built = redline();
    const html = renderRedlineHtml(built);
    expect(html).toMatch(/<h3 class="heading">A\. Health<ins class="by-0" title="[^"]*"> and care<\/ins><\/h3>\n<p class="op"><span class="num">1\. <\/span>Act on health1;<\/p>/);
    expect(html).toMatch(/<h3 class="heading"><del class="by-0" title="[^"]*">B\. Trade<\/del><\/h3>/);
    expect(html).toMatch(/<p class="closing">Done at Lima<ins [^>]*>, 3 May 2023<\/ins>\.<\/p>/);
    expect(html.indexOf('class="closing"')).toBeGreaterThan(html.indexOf('Review progress;'));
    expect(html).toMatch(/<section class="footnotes">\n<hr>\n<p class="footnote"><sup>1<\/sup> See <del [^>]*>document<\/del><ins [^>]*>documents<\/ins> A\/1<ins [^>]*> and A\/2<\/ins>\.<\/p>/);
    expect(html).toMatch(/<p class="footnote"><sup><del [^>]*>2<\/del><\/sup> <del [^>]*>An old note\.<\/del><\/p>/);
    const md = renderRedlineMarkdown(built);
    expect(md).toContain('\n### A. Health \\[+and care+\\]\n\n- 1\\. Act on health1;\n');
    expect(md).toContain('\n### \\[-B. Trade-\\]\n');
    expect(md).toContain('\nDone at Lima\\[+, 3 May 2023+\\].\n');
    expect(md).toContain('\n\\[+3+\\] \\[+A new note.+\\]\n');
    expect(md.indexOf('### Interim')).toBeLessThan(md.indexOf('Fund clinics;'));
    const drawn = drawnPieces(await renderRedlinePdf(built, { compress: false })).map((piece) => piece.text.trim()).join('|');
    for (const text of ['C. Review', 'Done at Lima', ', 3 May 2023', 'A new note.', 'An old note.']) expect(drawn).toContain(text);
    expect(drawn.indexOf('C. Review')).toBeLessThan(drawn.indexOf('Review progress;'));
  });
});

describe('redline exports: Word revisions over random edits', () => {
  it('RED1: for random edits, inserts, deletions, moves and heading changes, accepting every revision gives the target and rejecting every one the base', async () => {
    const start: Declaration = {
      meta: { ...Object.fromEntries(META_FIELDS.map((field) => [field, []])), title: plain('Declaration of Lima'), formula: plain('Declare:') } as unknown as Declaration['meta'],
      clauses: [
        { id: 'p1', kind: 'preamble', parent: null, order: 'a1', body: [{ text: 'Recalling', italic: true }, { text: ' the first,' }] },
        { id: 'o1', kind: 'operative', parent: null, order: 'a1', body: plain('The States shall cooperate;') },
        { id: 'o2', kind: 'operative', parent: null, order: 'a2', body: plain('on trade;') },
        { id: 's1', kind: 'operative', parent: 'o2', order: 'a1', body: plain('in goods;') },
        { id: 'o3', kind: 'operative', parent: null, order: 'a3', body: plain('Decide.') },
      ],
      signatories: [],
    };
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      let made = 0;
      const next = () => `n${seed}-${++made}`;
      let base = start;
      for (let i = 0; i < 4; i++) base = randomEdit(base, random, next);
      let target = base;
      for (let i = 0, edits = 1 + Math.floor(random() * 8); i < edits; i++) target = randomEdit(target, random, next);
      const side = (declaration: Declaration) => ({ declaration, statuses: {}, frozen: null });
      const redline = buildRedline({
        base: { name: 'Rev.1', side: side(base), at: 1 },
        target: { name: null, side: side(target), at: 2 },
        comparison: compareDeclarations(side(base), side(target)),
        nameOf: () => 'Consenso',
        timeOf: () => null,
        generatedAt: new Date(3),
      });
      const zip = await JSZip.loadAsync(await renderRedlineDocx(redline));
      const paragraphs = wordParagraphs(await zip.file('word/document.xml')!.async('string'));
      const what = `seed ${seed}: ${JSON.stringify(flattenOutline(buildOutline(target.clauses)).map((n) => n.clause.id))}`;
      expect(resolve(paragraphs, 'accept', true), what).toEqual(textOfDeclaration(target));
      expect(resolve(paragraphs, 'reject', true), what).toEqual(textOfDeclaration(base));
      // Nothing follows a deleted paragraph mark but another paragraph: Word keeps the document's last mark.
      expect(paragraphs.at(-1)!.mark, what).toBeNull();
    }
  });

  it('RED1: a redline is named <slug>-changes-since-<version>; a version name with no Latin letter still names the file', () => {
    expect(exportFileName('Declaration of Lima', 'docx', 'redline', { version: 'Rev.1 (after the second reading)', since: true })).toEqual({
      ascii: 'declaration-of-lima-changes-since-rev-1-after-the-second-reading.docx',
      unicode: 'declaration-of-lima-changes-since-rev-1-after-the-second-reading.docx',
    });
    expect(exportFileName('Declaration of Lima', 'md', 'redline', { version: '草案', since: true })).toEqual({
      ascii: 'declaration-of-lima-changes-since-version.md',
      unicode: 'declaration-of-lima-changes-since-草案.md',
    });
    expect(exportFileName('Declaration of Lima', 'pdf', 'negotiation', { version: 'Zero draft' }).ascii).toBe('declaration-of-lima-zero-draft-negotiation.pdf');
  });
});
