import diagnosticsChannel from 'node:diagnostics_channel';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { getYDoc, setupWSConnection } from '@y/websocket-server/utils';
import { readConfig } from '../server/config.ts';
import { createDeclaration } from '../server/declarations/createDeclaration.ts';
import { createLogger } from '../server/logger.ts';
import { startServer } from '../server/server.ts';
import { COLLAB_PATH } from '../shared/protocol.ts';
import { writeSeed } from '../shared/document/writeSeed.ts';
import { exitWithParent, reply, type FromServer, type ServerReady, type ServerStart, type ToServer } from './ipc.ts';
import { watchLoopDelay } from './loopDelay.ts';
import { markersIn } from './marker.ts';
import { seed200 } from './seed200.ts';
import { editKey, percentile } from './stats.ts';

/**
 * The relay under test, alone in its own process so that its CPU and memory
 * are its own: either our server (startServer on the temporary DATA_DIR the
 * parent made, persisting every update) or the plain relay of @y/websocket-server with no
 * persistence. Both serve declarations holding the same 200-clause seed.
 */
interface Running {
  ready: Omit<ServerReady, 'type'>;
  /** Durations of the SQLite appends (ours), in ms, since the mark. */
  appendMs: number[] | null;
  /** Keys of the edits whose markers are in the SQLite log (ours), or null. */
  persistedEdits(): string[] | null;
  close(): Promise<void>;
}

async function startOurs(start: ServerStart): Promise<Running> {
  const config = readConfig({ PORT: '0', DATA_DIR: start.dataDir, HOST: '127.0.0.1' });
  const server = await startServer(config, createLogger({ quiet: true }));
  const seed = seed200();
  const people = [
    { name: 'Chair', role: 'chair' as const },
    ...Array.from({ length: start.delegations }, (_, i) => ({ name: `Delegation ${i + 1}`, role: 'delegation' as const })),
    ...Array.from({ length: start.lateJoiners }, (_, i) => ({ name: `Late joiner ${i + 1}`, role: 'delegation' as const })),
    ...Array.from({ length: start.observers ?? 0 }, (_, i) => ({ name: `Observer ${i + 1}`, role: 'observer' as const })),
  ];
  const lateEnd = 1 + start.delegations + start.lateJoiners;
  const rooms = Array.from({ length: start.declarations }, () => {
    const { id, participants } = createDeclaration(server.db, server.secret, server.log, seed, people);
    const tokens = participants.map((p) => server.secret.tokenFor(p.id, p.generation));
    return { room: id, tokens: tokens.slice(1, 1 + start.delegations), lateTokens: tokens.slice(1 + start.delegations, lateEnd), observerTokens: tokens.slice(lateEnd) };
  });
  const rows = server.db.prepare('SELECT data FROM doc_updates');
  // Times each append the relay makes (the rooms call this same object), to
  // see how much of the latency is the write to SQLite.
  const appendMs: number[] = [];
  const append = server.log.append.bind(server.log);
  server.log.append = (declarationId, update) => {
    const began = process.hrtime.bigint();
    try {
      return append(declarationId, update);
    } finally {
      appendMs.push(Number(process.hrtime.bigint() - began) / 1e6);
    }
  };
  return {
    appendMs,
    ready: { port: server.port, serverUrl: `ws://127.0.0.1:${server.port}${COLLAB_PATH}`, rooms, maxMessageBytes: config.maxMessageBytes },
    persistedEdits() {
      const edits = new Set<string>();
      for (const { data } of rows.iterate() as Iterable<{ data: Buffer }>) {
        for (const { writer, sendUs } of markersIn(data)) edits.add(editKey(writer, sendUs));
      }
      return [...edits];
    },
    close: () => server.close(),
  };
}

async function startPlain(start: ServerStart): Promise<Running> {
  const seeded = new Y.Doc();
  writeSeed(seeded, seed200());
  const state = Y.encodeStateAsUpdate(seeded);
  seeded.destroy();
  const rooms = Array.from({ length: start.declarations }, (_, i) => {
    const room = `bench-${i}`;
    Y.applyUpdate(getYDoc(room), state);
    return { room, tokens: Array.from({ length: start.delegations }, () => ''), lateTokens: Array.from({ length: start.lateJoiners }, () => ''), observerTokens: [] };
  });
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const docName = new URL(request.url ?? '/', 'http://x').pathname.slice(1);
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request, { docName }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appendMs: null,
    ready: { port, serverUrl: `ws://127.0.0.1:${port}`, rooms, maxMessageBytes: null },
    persistedEdits: () => null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let running: Running | null = null;
let peakRss = process.memoryUsage().rss;
let markCpu = process.cpuUsage();
let markTime = process.hrtime.bigint();
const loopDelay = watchLoopDelay(5);

setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50).unref();

/**
 * CPU and memory every 100 ms since the mark, so that the flood section can
 * tell what the server spent in the attacker's slices from what it spent in
 * the quiet ones (hrtime is CLOCK_MONOTONIC, shared by every process).
 */
const samples: number[] = [];
setInterval(() => {
  const cpu = process.cpuUsage(markCpu);
  samples.push(Number(process.hrtime.bigint() / 1000n), cpu.user + cpu.system, process.memoryUsage().rss);
}, 100).unref();

/**
 * Bytes read from each client socket since the mark, by the client's port:
 * what an attacker actually got into the server, as opposed to what it
 * wrote into its own socket. Every accepted socket, whichever server made it.
 */
const sockets = new Map<Socket, number>();
const closedBytes = new Map<number, number>();
diagnosticsChannel.subscribe('net.server.socket', (message) => {
  const { socket } = message as { socket: Socket };
  const port = socket.remotePort ?? 0;
  sockets.set(socket, 0);
  socket.once('close', () => {
    closedBytes.set(port, (closedBytes.get(port) ?? 0) + socket.bytesRead - (sockets.get(socket) ?? 0));
    sockets.delete(socket);
  });
});

function bytesReadByPort(): Float64Array {
  const byPort = new Map(closedBytes);
  for (const [socket, atMark] of sockets) byPort.set(socket.remotePort ?? 0, (byPort.get(socket.remotePort ?? 0) ?? 0) + socket.bytesRead - atMark);
  return Float64Array.from([...byPort].flat());
}

async function handle(message: ToServer): Promise<void> {
  switch (message.type) {
    case 'start':
      running = message.relay === 'ours' ? await startOurs(message) : await startPlain(message);
      reply<FromServer>({ type: 'ready', ...running.ready });
      break;
    case 'mark':
      markCpu = process.cpuUsage();
      markTime = process.hrtime.bigint();
      peakRss = process.memoryUsage().rss;
      running?.appendMs?.splice(0);
      samples.splice(0);
      closedBytes.clear();
      for (const socket of sockets.keys()) sockets.set(socket, socket.bytesRead);
      loopDelay.reset();
      loopDelay.enable();
      reply<FromServer>({ type: 'marked' });
      break;
    case 'stats': {
      const cpu = process.cpuUsage(markCpu);
      loopDelay.disable();
      const appendMs = Float64Array.from(running?.appendMs ?? []).sort();
      reply<FromServer>({
        type: 'stats',
        cpuMicros: cpu.user + cpu.system,
        elapsedMicros: Number((process.hrtime.bigint() - markTime) / 1000n),
        peakRssBytes: Math.max(peakRss, process.memoryUsage().rss),
        persisted: running?.persistedEdits() ?? null,
        loopDelayP99Ms: loopDelay.p99Ms(),
        loopDelayMaxMs: loopDelay.maxMs(),
        appends:
          running?.appendMs == null
            ? null
            : { count: appendMs.length, totalMs: appendMs.reduce((a, b) => a + b, 0), p50Ms: percentile(appendMs, 50), p99Ms: percentile(appendMs, 99), maxMs: appendMs[appendMs.length - 1] ?? NaN },
        samples: Float64Array.from(samples),
        bytesReadByPort: bytesReadByPort(),
      });
      break;
    }
    case 'stop':
      await running?.close();
      reply<FromServer>({ type: 'stopped' });
      // Exit normally (not killed) so that --cpu-prof can write its profile.
      setTimeout(() => process.exit(0), 50);
      break;
  }
}

exitWithParent();
process.on('message', (message: ToServer) => {
  handle(message).catch((error: unknown) => {
    console.error('bench server process failed:', error);
    process.exit(1);
  });
});
