import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Whether any process has the database open: a server, an admin command,
 * the checkpointer. Every connection to a WAL database holds a shared lock
 * as long as it is open, so an exclusive lock is granted only when nobody
 * else is there; it is asked for without waiting. When it is granted, the
 * write-ahead log is folded into the file before letting go, so that the
 * file alone holds every commit (restore keeps it, then moves it aside).
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
    // A file SQLite cannot read is served by nobody; restore may replace it.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return false;
    throw error;
  } finally {
    db.close();
  }
}
