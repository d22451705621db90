import type { Db } from './database.ts';

/**
 * The address participants reach the server at, as the server itself knows
 * it when it starts (docs/SPEC.md ADM1): its PUBLIC_URL, else
 * http://localhost:<the port it listens on>. The admin command runs in
 * another process with another environment — PORT unset, or set for
 * something else — so it reads the address here rather than guessing it.
 */
export interface ServerAddress {
  url: string;
  /** When the server that stored it started (ms since the epoch). */
  startedAt: number;
}

/** Written by the server at each start: the last server to start is the one the links must point to. */
export function saveServerAddress(db: Db, url: string, startedAt: number): void {
  db.prepare('INSERT INTO server_address (id, url, started_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, started_at = excluded.started_at').run(url, startedAt);
}

/** The address the server stored, or null when no server has started on this database. */
export function storedServerAddress(db: Db): ServerAddress | null {
  const row = db.prepare('SELECT url, started_at FROM server_address WHERE id = 1').get() as { url: string; started_at: number } | undefined;
  return row ? { url: row.url, startedAt: row.started_at } : null;
}
