import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile } from '../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import { fsync } from './fsync.ts';

/**
 * `npm run admin -- backup FILE` (SPEC BACKUP1): a consistent copy of the
 * whole database, also while the server runs, through SQLite's online
 * backup. The copy is made in one step, that is in one read transaction:
 * every write committed before it began is in it (an edit any client has
 * received was committed before it was broadcast, SYNC3), none half-made
 * after. Under WAL a reader does not block the server's writes, so typing
 * goes on meanwhile. Copied in steps, the backup would restart each time
 * the server wrote, and never end while a room types.
 *
 * The copy is written beside FILE and linked into place only when whole,
 * so FILE is never a half-written backup; an existing FILE is never
 * overwritten. The link secret is not in it (see restore.ts).
 */
export interface BackupResult {
  file: string;
  bytes: number;
  declarations: number;
}

const ALL_REMAINING_PAGES = 0x7fffffff;

const backupExists = (file: string) =>
  conflict('backup-exists', `${file} already exists: give the backup a new name (the date in it, say), or remove the old file first.`, { file });

export async function backupDatabase(dataDir: string, target: string): Promise<BackupResult> {
  const source = databaseFile(dataDir);
  const file = path.resolve(target);
  if (!fs.existsSync(source)) throw notFound('backup-no-database', `There is no Consenso database in ${dataDir}: set DATA_DIR to the server's data folder.`, { dataDir });
  if (fs.existsSync(file)) throw backupExists(file);
  if (!fs.existsSync(path.dirname(file))) throw notFound('backup-no-folder', `The folder ${path.dirname(file)} does not exist: create it first.`, { folder: path.dirname(file) });

  const partial = `${file}.partial-${process.pid}`;
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(partial, { progress: () => ALL_REMAINING_PAGES });
    } finally {
      db.close();
    }
    const declarations = selfContained(partial);
    fsync(partial);
    moveIntoPlace(partial, file);
    return { file, bytes: fs.statSync(file).size, declarations };
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/** The copy in a rollback journal, so that it is one file, readable on its own; its declarations counted. */
function selfContained(file: string): number {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup ${file} failed SQLite's check: ${String(check)}`);
    return (copy.prepare('SELECT COUNT(*) AS n FROM declarations').get() as { n: number }).n;
  } finally {
    copy.close();
  }
}

/** A hard link fails if FILE has appeared meanwhile, where a rename would replace it. */
function moveIntoPlace(partial: string, file: string): void {
  try {
    fs.linkSync(partial, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw backupExists(file);
    // Some file systems have no hard links.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (fs.existsSync(file)) throw backupExists(file);
    fs.renameSync(partial, file);
  }
}
