import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hashToken, loadTokenSecret, readTokenSecret, secretFile } from '../auth/tokens.ts';
import { databaseFile, openDatabaseFile, SCHEMA_VERSION, type Db } from '../db/database.ts';
import { databaseInUse } from '../db/databaseInUse.ts';
import { listDeclarationIds } from '../db/declarations.ts';
import { listParticipants } from '../db/participants.ts';
import { renewLink } from '../declarations/renewLink.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { runningServerPid } from '../serverPidFile.ts';
import { ADMIN_ACTOR } from './adminActor.ts';
import { fsync } from './fsync.ts';

/**
 * `npm run admin -- restore FILE [--new-links]` (SPEC BACKUP2). Never under
 * a running server: it would go on serving, and writing, the database it
 * had open. The file is checked on a copy beside the database (a Consenso
 * database of this version or older, whole), migrated, and renamed into
 * place in one step; the database it replaces is kept beside it.
 *
 * Links are made from DATA_DIR/link-secret, which no backup holds: a backup
 * alone opens nothing (docs/THREAT_MODEL.md), so the secret is kept apart,
 * once, as the README says. A backup whose links the folder's secret did not
 * make is refused unless --new-links asks to give every participant a new
 * link from this folder's secret (the way back when the secret is lost).
 */
export interface RestoreResult {
  file: string;
  dataDir: string;
  declarations: number;
  /** Where the database that was there before is kept; null if there was none. */
  replaced: string | null;
  newLinks: boolean;
}

/** The tables of the first schema: a file without them is no Consenso database. */
const REQUIRED_TABLES = ['declarations', 'participants', 'doc_updates'];

export function restoreDatabase(dataDir: string, source: string, options: { newLinks: boolean }): RestoreResult {
  const file = path.resolve(source);
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw notFound('restore-no-file', `There is no file ${file}.`, { file });
  refuseWhileOpen(dataDir);
  const madeFolder = fs.mkdirSync(dataDir, { recursive: true }) !== undefined;
  const target = databaseFile(dataDir);
  const staging = `${target}.restoring`;
  removeWithCompanions(staging);
  let done = false;
  try {
    fs.copyFileSync(file, staging);
    checkIsConsenso(staging, file);
    const db = openDatabaseFile(staging, 'full');
    let declarations: number;
    try {
      checkLinks(db, file, dataDir, options.newLinks);
      declarations = listDeclarationIds(db).length;
    } finally {
      db.close();
    }
    fsync(staging);
    // Once more, just before the swap: a server may have started meanwhile.
    refuseWhileOpen(dataDir);
    const replaced = keepReplaced(target);
    // The log of the database replaced was folded into it (databaseInUse); what is left is stale and would be replayed into the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
    fsync(dataDir);
    done = true;
    return { file, dataDir, declarations, replaced, newLinks: options.newLinks };
  } finally {
    removeWithCompanions(staging);
    // A refused restore leaves no trace, not even the folder it had to make for its checks.
    if (!done && madeFolder && fs.readdirSync(dataDir).length === 0) fs.rmdirSync(dataDir);
  }
}

function refuseWhileOpen(dataDir: string): void {
  if (!databaseInUse(databaseFile(dataDir))) return;
  const pid = runningServerPid(dataDir);
  if (pid !== null) {
    throw conflict('restore-server-running', `A Consenso server (process ${pid}) is running on ${dataDir}: stop it first (Ctrl+C where it runs, or kill ${pid}), then restore.`, {
      pid: String(pid),
      dataDir,
    });
  }
  throw conflict('restore-database-in-use', `The database in ${dataDir} is open in another program (a server, or an admin command such as a backup): stop it or let it finish, then restore.`, {
    dataDir,
  });
}

function checkIsConsenso(staging: string, file: string): void {
  const notConsenso = (why: string) => badRequest('restore-not-consenso', `${file} is not a Consenso database (${why}): give a file written by npm run admin -- backup.`, { file, why });
  let db: Database.Database;
  try {
    db = new Database(staging, { fileMustExist: true });
  } catch {
    throw notConsenso('SQLite cannot open it');
  }
  try {
    let version: number;
    let tables: Set<string>;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw notConsenso('it is not an SQLite database');
      throw error;
    }
    const missing = REQUIRED_TABLES.filter((name) => !tables.has(name));
    if (version < 1 || missing.length > 0) throw notConsenso(missing.length > 0 ? `it has no ${missing.join(', ')} table` : 'it has no schema version');
    if (version > SCHEMA_VERSION) {
      throw conflict('restore-newer-version', `${file} was written by a newer Consenso (schema ${version}; this one knows up to ${SCHEMA_VERSION}): update Consenso, then restore.`, {
        file,
        version: String(version),
        known: String(SCHEMA_VERSION),
      });
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw badRequest('restore-damaged', `${file} is damaged (SQLite says: ${String(check)}): restore an older backup.`, { file, why: String(check) });
  } finally {
    db.close();
  }
}

function checkLinks(db: Db, file: string, dataDir: string, newLinks: boolean): void {
  const live = listDeclarationIds(db).flatMap((id) => listParticipants(db, id).filter((p) => !p.revoked));
  if (newLinks) {
    const secret = loadTokenSecret(dataDir);
    db.transaction(() => {
      for (const participant of live) renewLink(db, secret, participant, ADMIN_ACTOR, { reason: 'restore --new-links' });
    })();
    return;
  }
  const secret = readTokenSecret(dataDir);
  const hashes = new Map((db.prepare('SELECT id, token_hash FROM participants').all() as { id: string; token_hash: string }[]).map((p) => [p.id, p.token_hash]));
  const madeHere = secret !== null && live.every((p) => hashes.get(p.id) === hashToken(secret.tokenFor(p.id, p.generation)));
  if (!madeHere) {
    throw conflict(
      'restore-other-link-secret',
      `The links in ${file} were made with another link secret than ${secretFile(dataDir)}: copy link-secret from the data folder the backup was taken in into ${dataDir}, then restore again; if that file is lost, restore with --new-links to give every participant a new link.`,
      { file, secret: secretFile(dataDir), dataDir },
    );
  }
}

/** The database being replaced, kept under a dated name (a hard link: no copy, and the rename below cannot lose it). */
function keepReplaced(target: string): string | null {
  if (!fs.existsSync(target)) return null;
  const kept = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    fs.linkSync(target, kept);
  } catch {
    fs.copyFileSync(target, kept);
  }
  return kept;
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}
