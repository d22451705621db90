import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { toPlainText } from '../../shared/richText.ts';
import { readDraftFile } from '../import/readDraftFile.ts';
import { admin } from '../testing/adminCommand.ts';

const DEMO_TXT = path.join(import.meta.dirname, '../import/fixtures/declaration-of-buenos-aires-2023.txt');
const PARTICIPANTS = ['--chair', 'Argentina', '--delegation', 'Chile', '--secretariat', 'Secretariat'];

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-cli-import-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function databaseOf(dataDir: string): string {
  return path.join(dataDir, 'consenso.sqlite');
}

/** The declaration's document as the server would load it: every logged update applied in order. */
function documentIn(dataDir: string, id: string) {
  const db = new Database(databaseOf(dataDir), { readonly: true });
  try {
    const doc = new Y.Doc();
    for (const row of db.prepare('SELECT data FROM doc_updates WHERE declaration_id = ? ORDER BY seq').all(id) as { data: Buffer }[]) Y.applyUpdate(doc, row.data);
    return readDeclaration(doc);
  } finally {
    db.close();
  }
}

describe('npm run admin -- parse / create --import', () => {
  it('IMP1: parse prints the ParsedDraft of the file as JSON and nothing else on standard output, opening no database', async () => {
    const dataDir = tempDir();
    const run = await admin(dataDir, ['parse', DEMO_TXT]);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as ParsedDraft;
    expect(Object.keys(printed)).toEqual(['title', 'chapeau', 'preamble', 'formula', 'operative', 'note', 'signatories', 'conference', 'subtitle', 'closing', 'footnotes', 'subItemStyle', 'unplaced']);
    // The conference line and the subtitle are parts (IMP9); what no part takes is listed, not dropped: running heads and signature images.
    expect(printed.conference).toBe('II Conferencia de América Latina y del Caribe sobre Operaciones de Paz de la Organización de las Naciones Unidas');
    expect(printed.subtitle).toMatch(/^Approved by the Ministers of Defense/);
    expect(new Set(printed.unplaced!.map((line) => line.reason))).toEqual(new Set(['page-furniture']));
    expect(printed).toEqual(await readDraftFile(DEMO_TXT));
    expect(printed.preamble).toHaveLength(13);
    expect(fs.existsSync(databaseOf(dataDir))).toBe(false);
  });

  it('IMP1: parse without exactly one file is wrong usage (exit 2)', async () => {
    const run = await admin(tempDir(), ['parse']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('npm run admin -- parse');
  });

  it('IMP3: a file that cannot be read — missing, a .docx that is not a zip, a PDF, empty, over 5 MB — exits 1 with one line on standard error, and create --import creates nothing', async () => {
    const dir = tempDir();
    const files: Record<string, string | Buffer> = {
      'fake.docx': 'Declaration of Lima\n1. To act.\n',
      'draft.pdf': '%PDF-1.7\n',
      'empty.txt': '',
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'big.txt'), '');
    fs.truncateSync(path.join(dir, 'big.txt'), MAX_IMPORT_BYTES + 1);
    const expected: [string, RegExp][] = [
      ['missing.txt', /There is no such file/],
      ['fake.docx', /not a Word document/],
      ['draft.pdf', /PDF cannot be imported/],
      ['empty.txt', /The file is empty\./],
      ['big.txt', /larger than 5 MB/],
    ];
    const dataDir = tempDir();
    const cases = [...expected.map(([name, message]) => ({ name, message, args: ['parse'] })), ...expected.slice(1, 2).concat(expected.slice(4)).map(([name, message]) => ({ name, message, args: ['create', '--import'] }))];
    const runs = await Promise.all(cases.map(({ name, args }) => admin(dataDir, [...args, path.join(dir, name), ...(args[0] === 'create' ? PARTICIPANTS : [])])));
    runs.forEach((run, i) => {
      const { name, message } = cases[i]!;
      expect(run.code, `${name}: ${run.stderr}`).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.startsWith(`${path.join(dir, name)}: `)).toBe(true);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
    // The draft is read before the database is opened: nothing half-made.
    expect(fs.existsSync(databaseOf(dataDir))).toBe(false);
  }, 60_000);

  it('IMP4: create --import makes the declaration from the file, titled as the file unless --title is given, and prints the same JSON as create', async () => {
    const dir = tempDir();
    const untitled = path.join(dir, 'untitled.md');
    fs.writeFileSync(untitled, '1. To act;\n2. To meet.\n');
    const dataDir = tempDir();
    const [fromFile, retitled, noTitle] = await Promise.all([
      admin(dataDir, ['create', '--import', DEMO_TXT, ...PARTICIPANTS]),
      admin(dataDir, ['create', '--title', 'Zero draft', '--import', DEMO_TXT, ...PARTICIPANTS]),
      admin(dataDir, ['create', '--import', untitled, ...PARTICIPANTS]),
    ]);
    for (const run of [fromFile, retitled]) {
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as { id: string; participants: { name: string; role: string; token: string; url: string }[] };
      expect(Object.keys(result).sort()).toEqual(['id', 'participants']);
      expect(result.participants.map((p) => [p.name, p.role])).toEqual([
        ['Argentina', 'chair'],
        ['Chile', 'delegation'],
        ['Secretariat', 'secretariat'],
      ]);
      for (const p of result.participants) expect(Object.keys(p).sort()).toEqual(['name', 'role', 'token', 'url']);
    }
    const declaration = documentIn(dataDir, (JSON.parse(fromFile.stdout) as { id: string }).id);
    expect(toPlainText(declaration.meta.title)).toBe('Declaration of Buenos Aires "The commitment to make peace" (2023)');
    expect(declaration.clauses.filter((c) => c.kind === 'preamble')).toHaveLength(13);
    expect(declaration.clauses.filter((c) => c.kind === 'operative')).toHaveLength(16);
    expect(declaration.signatories).toHaveLength(16);
    expect(toPlainText(documentIn(dataDir, (JSON.parse(retitled.stdout) as { id: string }).id).meta.title)).toBe('Zero draft');

    expect(noTitle.code).toBe(1);
    expect(noTitle.stdout).toBe('');
    expect(noTitle.stderr).toBe(`No title was found in ${untitled}: give one with --title.\n`);
    const db = new Database(databaseOf(dataDir), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM declarations').get() as { n: number }).n).toBe(2);
    db.close();
  }, 60_000);
});
