import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicBaseUrl, type Config } from './config.ts';
import { loadTokenSecret, type TokenSecret } from './auth/tokens.ts';
import { checkpointInBackground } from './db/checkpoints.ts';
import { openDatabase, type Db } from './db/database.ts';
import { createUpdateLog, type UpdateLog } from './db/updateLog.ts';
import { createApp } from './http/app.ts';
import { draftsBeingRead } from './import/readDraftInWorker.ts';
import type { Logger } from './logger.ts';
import { attachRelay } from './relay/relay.ts';
import { Rooms } from './relay/rooms.ts';
import { SilenceScheduler } from './silence/scheduler.ts';
import { markServerRunning } from './serverPidFile.ts';

/**
 * One Node process: the built client, the REST API and the collaboration
 * websocket on one port, over one SQLite database.
 */
export interface RunningServer {
  port: number;
  /** Base address for links, e.g. http://localhost:8080 */
  baseUrl: string;
  db: Db;
  log: UpdateLog;
  secret: TokenSecret;
  rooms: Rooms;
  /** The deadlines of silence procedures (SIL7, SIL8). */
  silence: SilenceScheduler;
  close(): Promise<void>;
}

/** What a test may set that no configuration does: the clock of the text history (HIST1), to pass time without waiting. */
export interface ServerOptions {
  now?: () => number;
}

export async function startServer(config: Config, logger: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  const db = openDatabase(config.dataDir, config.durability);
  const pidFile = markServerRunning(config.dataDir);
  const checkpoints = checkpointInBackground(db, logger);
  const secret = loadTokenSecret(config.dataDir);
  const log = createUpdateLog(db);
  const rooms = new Rooms({ db, log, logger, ...(options.now ? { now: options.now } : {}) }, config.idleUnloadMs);
  // Deadlines that passed while the server was down are adopted now, before anyone connects (SIL8).
  const silence = new SilenceScheduler({ db, rooms, logger });
  silence.start();
  let relay: ReturnType<typeof attachRelay> | null = null;
  let port = config.port;
  const app = createApp({
    db,
    rooms,
    silence,
    secret,
    baseUrl: () => publicBaseUrl(config, port),
    logger,
    clientDir: config.clientDir,
    secureCookies: config.publicUrl?.startsWith('https:') ?? false,
    publicUrl: config.publicUrl,
    health: () => ({ openDeclarations: rooms.openCount, connections: relay?.connectionCount() ?? 0, importsReading: draftsBeingRead() }),
  });
  const server = http.createServer(app);
  relay = attachRelay(server, { db, rooms, logger, maxMessageBytes: config.maxMessageBytes, heartbeatMs: config.heartbeatMs, refusalWaitMs: config.refusalWaitMs, publicUrl: config.publicUrl });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    baseUrl: publicBaseUrl(config, port),
    db,
    log,
    secret,
    rooms,
    silence,
    close() {
      closing ??= new Promise<void>((resolve) => {
        silence.stop();
        relay?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })
        .then(() => {
          rooms.closeAll();
          return checkpoints.stop();
        })
        .then(() => {
          db.close();
          pidFile.remove();
        });
      return closing;
    },
  };
}
