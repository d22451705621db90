import { PerformanceObserver } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { clausesMap } from '../shared/document/clauseEntry.ts';
import { readClauses } from '../shared/document/clauseOps.ts';
import { CLAUSE_FIELD } from '../shared/document/names.ts';
import { exitWithParent, reply, type ClientSpec, type FromWorker, type ToWorker, type WorkerConnect, type WorkerStart } from './ipc.ts';
import { watchLoopDelay } from './loopDelay.ts';
import { marker, markersIn } from './marker.ts';
import { measureFromUs, relayAt, stopUs } from './schedule.ts';

/**
 * A worker process holding some of the simulated delegations, so that client
 * CPU is not spent in the server's process. Each delegation is a stock
 * y-websocket provider on its own Y.Doc. Writers type a marker carrying
 * its send time (µs since the run's epoch, from CLOCK_MONOTONIC, which all
 * processes share); every client notes when it sees someone else's marker.
 * A delegation has one client on each relay (schedule.ts says which types).
 */
interface Client {
  spec: ClientSpec;
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.XmlText | null;
}

const SYNC_TIMEOUT_MS = 60_000;

let epochNs = 0n;
let rate = 1;
const clients: Client[] = [];
const sent: number[] = [];
const received: number[] = [];
const disconnects = { ours: 0, plain: 0 };
let malformed = 0;
let started = false;
/** Client-side load during the measured window: if it is high, latencies include queueing in the clients. */
const loopDelay = watchLoopDelay(10);
let windowCpu = process.cpuUsage();
let windowStart = process.hrtime.bigint();
let gcMs = 0;
let gcMaxMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }
});

const nowUs = () => Number((process.hrtime.bigint() - epochNs) / 1000n);

/**
 * Notes the markers in each remote update as the doc emits it (after it is
 * applied). Markers are read from the update's bytes, where Yjs keeps
 * strings as UTF-8: far cheaper than a text delta, which walks the whole
 * paragraph, so that 200 clients per worker do not queue behind each other.
 */
function observe(client: Client): void {
  client.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const at = nowUs();
    for (const { writer, sendUs } of markersIn(update)) {
      if (Number.isFinite(writer) && Number.isFinite(sendUs)) received.push(client.spec.id, writer, sendUs, at);
      else malformed++;
    }
  });
}

/** The paragraph text of the n-th top-level operative clause, in document order. */
function clauseText(doc: Y.Doc, index: number): Y.XmlText {
  const operative = readClauses(doc)
    .filter((c) => c.kind === 'operative' && c.parent === null)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
  const clause = operative[index % operative.length];
  if (!clause) throw new Error('the declaration has no operative clause to type into');
  const body = clausesMap(doc).get(clause.id)?.get(CLAUSE_FIELD.body);
  const text = body instanceof Y.XmlFragment ? (body.get(0) as Y.XmlElement | undefined)?.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error(`clause ${clause.id} has no paragraph text`);
  return text;
}

function waitSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a client did not sync within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
    provider.on('sync', (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

async function connect(message: WorkerConnect): Promise<void> {
  epochNs = message.epochNs;
  rate = message.rate;
  const began = Date.now();
  for (const spec of message.clients) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
      params: spec.token ? { token: spec.token } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const client: Client = { spec, doc, provider, text: null };
    provider.on('connection-close', () => {
      if (started) disconnects[spec.relay]++;
    });
    observe(client);
    clients.push(client);
  }
  await Promise.all(clients.map((c) => waitSynced(c.provider)));
  for (const client of clients) if (client.spec.clause !== null) client.text = clauseText(client.doc, client.spec.clause);
  spreadAwarenessRenewals();
  reply<FromWorker>({ type: 'synced', ms: Date.now() - began });
}

/**
 * A provider renews its awareness state 15 s after it last changed. Clients
 * that connected together would all renew in the same instant, and that
 * burst would land in one relay's slice; real delegations do not join in
 * step. So every client sets its state now and once more at a random moment
 * of the next 14 s, which spreads the renewals evenly from then on.
 */
const AWARENESS_RENEWAL_MS = 15_000;

function spreadAwarenessRenewals(): void {
  for (const { spec, provider } of clients) {
    const state = { user: { name: `Delegation ${spec.id}` } };
    provider.awareness.setLocalState(state);
    setTimeout(() => provider.awareness.setLocalState(state), Math.random() * (AWARENESS_RENEWAL_MS - 1000)).unref();
  }
}

/**
 * Each writer ticks at `rate` per second from a random phase, on a drift-free
 * schedule, and types when the current slice belongs to its relay (or in
 * every slice, for the flood section).
 */
function start({ timeline, everySlice = false }: WorkerStart): void {
  started = true;
  const periodUs = 1_000_000 / rate;
  const endUs = stopUs(timeline);
  for (const client of clients) {
    const text = client.text;
    if (!text) continue;
    let due = timeline.startUs + Math.random() * periodUs - periodUs;
    let lastUs = -1;
    const tick = () => {
      // The slot is chosen by the due time, so that a late timer does not move load to the other relay.
      const slot = relayAt(timeline, due);
      if (slot !== null && (everySlice || slot === client.spec.relay)) {
        const sendUs = Math.max(nowUs(), lastUs + 1);
        lastUs = sendUs;
        sent.push(client.spec.id, sendUs, due);
        text.insert(text.length, marker(client.spec.id, sendUs));
      }
      schedule();
    };
    const schedule = () => {
      due += periodUs;
      if (due < endUs) setTimeout(tick, Math.max(0, (due - nowUs()) / 1000));
    };
    schedule();
  }
  setTimeout(() => {
    windowCpu = process.cpuUsage();
    windowStart = process.hrtime.bigint();
    loopDelay.enable();
    gcObserver.observe({ entryTypes: ['gc'] });
  }, Math.max(0, (measureFromUs(timeline) - nowUs()) / 1000));
  setTimeout(() => {
    loopDelay.disable();
    gcObserver.disconnect();
    const cpu = process.cpuUsage(windowCpu);
    const cpuPercent = ((cpu.user + cpu.system) / Number((process.hrtime.bigint() - windowStart) / 1000n)) * 100;
    const windowMs = Number(process.hrtime.bigint() - windowStart) / 1e6;
    reply<FromWorker>({
      type: 'stopped',
      cpuPercent,
      loopDelayP99Ms: loopDelay.p99Ms(),
      gcPercent: (gcMs / windowMs) * 100,
      gcMaxMs,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    });
  }, Math.max(0, (endUs - nowUs()) / 1000) + 20);
}

function close(): void {
  for (const client of clients) {
    client.provider.destroy();
    client.doc.destroy();
  }
  reply<FromWorker>({ type: 'closed' });
  setTimeout(() => process.exit(0), 50);
}

// Every provider adds an exit listener to the process.
process.setMaxListeners(0);
exitWithParent();
process.on('message', (message: ToWorker) => {
  try {
    switch (message.type) {
      case 'connect':
        connect(message).catch((error: unknown) => {
          console.error('bench client worker failed:', error);
          process.exit(1);
        });
        break;
      case 'start':
        start(message);
        break;
      case 'collect':
        reply<FromWorker>({ type: 'records', sent: Float64Array.from(sent), received: Float64Array.from(received), disconnects, malformed });
        break;
      case 'close':
        close();
        break;
    }
  } catch (error) {
    console.error('bench client worker failed:', error);
    process.exit(1);
  }
});
