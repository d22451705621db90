import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Each entry upgrades the schema by one version; the database records how
 * far it has come in `user_version`. Append, never edit, once released.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE declarations (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair', 'secretariat', 'delegation', 'observer')),
    -- sha-256 of the link token; the token itself is never stored (server/auth/tokens.ts)
    token_hash TEXT NOT NULL UNIQUE,
    generation INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE UNIQUE INDEX participants_name ON participants(declaration_id, name COLLATE NOCASE);
  -- The append-only log of Yjs updates of each declaration, compacted now and then.
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_declaration ON doc_updates(declaration_id, seq);
  `,
  `
  -- The truth about each clause's status; mirrored into the document's
  -- \`status\` map, which only the server writes. \`snapshot\` is the clause as
  -- it was agreed (shared/document/clauseSnapshot.ts), to put it back.
  CREATE TABLE clause_status (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'ad-ref', 'agreed')),
    by_name TEXT NOT NULL,
    at INTEGER NOT NULL,
    pending TEXT,
    reason TEXT,
    snapshot TEXT,
    PRIMARY KEY (declaration_id, clause_id)
  );
  -- Append-only: status changes, locks, reopenings, refused changes, participants.
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    clause_id TEXT,
    detail TEXT NOT NULL
  );
  CREATE INDEX audit_log_declaration ON audit_log(declaration_id, id);
  CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  `
  -- Without AUTOINCREMENT an append writes two pages fewer (no sqlite_sequence
  -- row); rowids still grow, since compaction keeps the newest row.
  CREATE TABLE doc_updates_new (
    seq INTEGER PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    data BLOB NOT NULL
  );
  INSERT INTO doc_updates_new (seq, declaration_id, data) SELECT seq, declaration_id, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_updates_new RENAME TO doc_updates;
  CREATE INDEX doc_updates_declaration ON doc_updates(declaration_id, seq);
  `,
  `
  -- Comment threads (docs/SPEC.md COM*): the truth, mirrored into the
  -- document's \`comments\` map, which only the server writes. A thread id is
  -- proposed by the client (it names the \`comment\` mark in the text first).
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    anchor TEXT NOT NULL CHECK (anchor IN ('clause', 'passage')),
    quote TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL REFERENCES participants(id),
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT REFERENCES participants(id)
  );
  CREATE INDEX comment_threads_declaration ON comment_threads(declaration_id, created_at);
  -- A deleted comment keeps its row (its place in the thread), without its text.
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id),
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    author_id TEXT NOT NULL REFERENCES participants(id),
    body TEXT NOT NULL,
    -- JSON array of the ids of the participants mentioned, found by the server
    mentions TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    deleted_at INTEGER
  );
  CREATE INDEX comments_thread ON comments(thread_id);
  CREATE INDEX comments_declaration ON comments(declaration_id);
  -- When each participant last read each thread (unread markers, per person).
  CREATE TABLE comment_reads (
    participant_id TEXT NOT NULL REFERENCES participants(id),
    thread_id TEXT NOT NULL REFERENCES comment_threads(id),
    read_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, thread_id)
  );
  CREATE INDEX comment_reads_thread ON comment_reads(thread_id);
  -- Per-declaration settings (shared/settings.ts); no row means the defaults.
  CREATE TABLE declaration_settings (
    declaration_id TEXT PRIMARY KEY REFERENCES declarations(id),
    observers_may_comment INTEGER NOT NULL DEFAULT 0 CHECK (observers_may_comment IN (0, 1))
  );
  `,
  `
  -- A removed participant's name may be given to someone new (or restored):
  -- names are unique among the participants who are still in (PART2).
  DROP INDEX participants_name;
  CREATE UNIQUE INDEX participants_name ON participants(declaration_id, name COLLATE NOCASE) WHERE revoked_at IS NULL;
  -- Which participant each Yjs client id belongs to (WIRE6): the first
  -- connection to write with a client id owns it, and nobody else may write
  -- with it, so that no one can take another's clocks and have their edits
  -- skipped as duplicates. participant_id NULL is the server itself.
  CREATE TABLE yjs_clients (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    client_id INTEGER NOT NULL,
    participant_id TEXT REFERENCES participants(id),
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (declaration_id, client_id)
  ) WITHOUT ROWID;
  `,
  `
  -- How delegations change clause text, and whether the secretariat decides proposals (shared/settings.ts, PROP6, PROP9).
  ALTER TABLE declaration_settings ADD COLUMN editing TEXT NOT NULL DEFAULT 'direct' CHECK (editing IN ('direct', 'proposals'));
  ALTER TABLE declaration_settings ADD COLUMN secretariat_decides INTEGER NOT NULL DEFAULT 0 CHECK (secretariat_decides IN (0, 1));
  -- Proposals (shared/proposals/proposal.ts, PROP*): texts are JSON rich text (shared/richText.ts).
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('replace', 'insert-before', 'insert-after', 'insert-subitem', 'delete')),
    text TEXT NOT NULL DEFAULT '[]',
    kind TEXT CHECK (kind IN ('preamble', 'operative')),
    -- The clause's text when the proposal was made (or last edited): "the text has changed since".
    base_text TEXT NOT NULL DEFAULT '[]',
    justification TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL REFERENCES participants(id),
    origin TEXT NOT NULL CHECK (origin IN ('proposed', 'typed', 'typed-while-agreed')),
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected', 'withdrawn')),
    decided_by TEXT REFERENCES participants(id),
    decided_at INTEGER,
    reason TEXT,
    -- When accepted: the clause's text it was accepted over (its redline is kept), the clause it made, the subtree it deleted.
    accepted_over TEXT,
    result_clause_id TEXT,
    deleted_subtree TEXT
  );
  CREATE INDEX proposals_declaration ON proposals(declaration_id, created_at);
  CREATE TABLE proposal_reactions (
    proposal_id TEXT NOT NULL REFERENCES proposals(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    reaction TEXT NOT NULL CHECK (reaction IN ('support', 'object')),
    at INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, participant_id)
  ) WITHOUT ROWID;
  `,
  `
  -- Whether the secretariat, too, removes square brackets (BRK4).
  ALTER TABLE declaration_settings ADD COLUMN secretariat_removes_brackets INTEGER NOT NULL DEFAULT 0 CHECK (secretariat_removes_brackets IN (0, 1));
  -- Each delegation's position on a clause (shared/positions/position.ts, POS1): one row per delegation and clause,
  -- and every statement, withdrawals included, in position_history.
  CREATE TABLE positions (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    participant_id TEXT NOT NULL REFERENCES participants(id),
    position TEXT NOT NULL CHECK (position IN ('accept', 'live-with', 'reservation', 'objection')),
    note TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL,
    -- textHash of the clause's text when stated: "stated on an earlier text" (POS5).
    text_hash TEXT NOT NULL,
    PRIMARY KEY (declaration_id, clause_id, participant_id)
  ) WITHOUT ROWID;
  CREATE TABLE position_history (
    id INTEGER PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    participant_id TEXT NOT NULL REFERENCES participants(id),
    -- NULL: withdrawn.
    position TEXT CHECK (position IN ('accept', 'live-with', 'reservation', 'objection')),
    note TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL,
    text_hash TEXT NOT NULL
  );
  CREATE INDEX position_history_clause ON position_history(declaration_id, clause_id, id);
  -- Square brackets (shared/brackets/bracket.ts, BRK*): a passage between two Yjs relative positions
  -- (base64 of Y.encodeRelativePosition) in a clause's text, and who asked for it.
  CREATE TABLE brackets (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    start_pos TEXT NOT NULL,
    end_pos TEXT NOT NULL,
    quote TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER,
    removed_by TEXT REFERENCES participants(id),
    -- 'removed': the brackets taken away, the text kept; 'deleted': the bracketed text deleted.
    removed_how TEXT CHECK (removed_how IN ('removed', 'deleted'))
  );
  CREATE INDEX brackets_declaration ON brackets(declaration_id, created_at);
  CREATE TABLE bracket_requests (
    bracket_id TEXT NOT NULL REFERENCES brackets(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    at INTEGER NOT NULL,
    PRIMARY KEY (bracket_id, participant_id)
  ) WITHOUT ROWID;
  -- Frozen numbering (shared/workingNumbers.ts, WN*): each clause's own number when frozen, as JSON; no row: not frozen.
  CREATE TABLE numbering (
    declaration_id TEXT PRIMARY KEY REFERENCES declarations(id),
    frozen_at INTEGER NOT NULL,
    frozen_by TEXT NOT NULL REFERENCES participants(id),
    numbers TEXT NOT NULL
  );
  `,
  `
  -- Named versions (shared/versions/version.ts, VER*): immutable; the content is
  -- the VersionContent JSON, gzip-compressed. Counts are kept for the list
  -- only, so that listing never unpacks a version.
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL CHECK (origin IN ('saved', 'created', 'numbering-frozen', 'silence')),
    -- NULL: made by the server alone (a declaration created by the admin command).
    by_participant TEXT REFERENCES participants(id),
    at INTEGER NOT NULL,
    clauses INTEGER NOT NULL,
    statuses TEXT NOT NULL,
    content BLOB NOT NULL
  );
  CREATE INDEX versions_declaration ON versions(declaration_id, at);
  CREATE UNIQUE INDEX versions_name ON versions(declaration_id, name COLLATE NOCASE);
  CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  -- The history of each clause's text and of each heading field (HIST1): who
  -- changed it and when, one row per run of one participant's changes (until
  -- a pause of 30 s or someone else's change), with the text before and after
  -- as RichText JSON. part: a clause id, or "meta:<field>".
  CREATE TABLE text_history (
    id INTEGER PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    part TEXT NOT NULL,
    -- NULL: the server's own change (accepting a proposal is the chair's; see HIST1).
    participant_id TEXT REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('text', 'restore')),
    started_at INTEGER NOT NULL,
    at INTEGER NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
  );
  CREATE INDEX text_history_part ON text_history(declaration_id, part, id);
  CREATE INDEX text_history_time ON text_history(declaration_id, at);
  `,
  `
  -- A clause's history also records who moved it (kind 'move': before and
  -- after are its place, {"kind","parent","order"} JSON; CMP2, HIST1).
  -- SQLite cannot alter a CHECK: the table is rebuilt with its rows.
  CREATE TABLE text_history_new (
    id INTEGER PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    part TEXT NOT NULL,
    participant_id TEXT REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('text', 'restore', 'move')),
    started_at INTEGER NOT NULL,
    at INTEGER NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
  );
  INSERT INTO text_history_new SELECT id, declaration_id, part, participant_id, kind, started_at, at, before, after FROM text_history;
  DROP TABLE text_history;
  ALTER TABLE text_history_new RENAME TO text_history;
  CREATE INDEX text_history_part ON text_history(declaration_id, part, id);
  CREATE INDEX text_history_time ON text_history(declaration_id, at);
  -- The declaration's language (I18N*: formula, sub-item style, quotes, the
  -- words of exports); the interface language is each browser's own.
  ALTER TABLE declarations ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es', 'pt', 'fr'));
  -- Silence procedures (SIL*): at most one running per declaration; an
  -- ended one says how (broken, cancelled, adopted). A declaration is
  -- adopted when one of its procedures ended 'adopted'.
  CREATE TABLE silence_procedures (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    started_by TEXT NOT NULL REFERENCES participants(id),
    started_at INTEGER NOT NULL,
    deadline INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    version_id TEXT REFERENCES versions(id),
    ended_at INTEGER,
    outcome TEXT CHECK (outcome IN ('broken', 'cancelled', 'adopted')),
    -- NULL with 'adopted': the server ended it at the deadline.
    ended_by TEXT REFERENCES participants(id),
    end_reason TEXT
  );
  CREATE UNIQUE INDEX silence_running ON silence_procedures(declaration_id) WHERE ended_at IS NULL;
  CREATE INDEX silence_declaration ON silence_procedures(declaration_id, started_at);
  `,
  `
  -- How paragraphs print their numbers and sub-item letters (issue 15;
  -- shared/paragraphStyle.ts, shared/settings.ts): set on import from the
  -- source, changed by the chair. NULL sub-item style: the language's.
  ALTER TABLE declaration_settings ADD COLUMN paragraphs TEXT NOT NULL DEFAULT 'numbered' CHECK (paragraphs IN ('numbered', 'articles', 'unnumbered'));
  ALTER TABLE declaration_settings ADD COLUMN sub_item_style TEXT CHECK (sub_item_style IN ('enclosed', 'closing'));
  `,
  `
  -- The address the server last started with (PUBLIC_URL, else
  -- http://localhost:<the port it listens on>): the admin command prints
  -- its links with it, whatever its own environment (ADM1). One row.
  CREATE TABLE server_address (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL,
    started_at INTEGER NOT NULL
  );
  `,
  `
  -- Drafting remarks dismissed on a clause (issue 16; shared/drafting/dismissals.ts,
  -- DRAFT10): one row per clause and check while dismissed; restoring deletes
  -- it. The audit log keeps who did which, when.
  CREATE TABLE remark_dismissals (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    clause_id TEXT NOT NULL,
    check_id TEXT NOT NULL,
    dismissed_by TEXT NOT NULL REFERENCES participants(id),
    at INTEGER NOT NULL,
    PRIMARY KEY (declaration_id, clause_id, check_id)
  );
  `,
];

/** The schema version a database has once migrated. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The database file of a DATA_DIR (the admin command's backup and restore name it too). */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'consenso.sqlite');
}

export function openDatabase(dataDir: string, durability: 'normal' | 'full'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  return openDatabaseFile(databaseFile(dataDir), durability);
}

/** A database at any path, set up and migrated as the server's (restore prepares a copy with it). */
export function openDatabaseFile(file: string, durability: 'normal' | 'full'): Db {
  const db = new Database(file);
  // First of all: the admin command may open the database while the server
  // runs (or starts); wait for a lock rather than fail, even for the pragmas below.
  db.pragma('busy_timeout = 5000');
  retryWhileBusy(() => db.pragma('journal_mode = WAL'));
  // WAL with NORMAL keeps every committed write through a crash of the
  // process; FULL adds an fsync per commit so it also survives a power cut.
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Turning a new database to WAL needs it to itself for an instant, and
 * SQLite answers BUSY at once there — the busy timeout does not apply — when
 * another process (the admin command, say) opens it at the same moment.
 * Try again for a few seconds, as the busy timeout would.
 */
const BUSY_RETRY_MS = 5000;
function retryWhileBusy<T>(run: () => T): T {
  const deadline = Date.now() + BUSY_RETRY_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return run();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

function migrate(db: Db): void {
  // The version is read under the write lock (BEGIN IMMEDIATE): the server and
  // the admin command opening a new DATA_DIR at once must not both migrate it.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
