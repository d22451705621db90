import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { awarenessMessage, clientFrame, junkMessage, updateMessage } from './floodMessages.ts';
import { exitWithParent, reply, type FloodKind, type FloodStats, type FloodPrepare, type FromFlooder, type ToFlooder } from './ipc.ts';
import { FLOOD_TURN, relayAt, stopUs, type Timeline } from './schedule.ts';

/**
 * The attacker of the flood section, in its own process: an observer with a
 * real link that sends messages of just under the server's limit as fast
 * as its sockets take them, during the flood slices only (schedule.ts).
 *
 * It speaks websocket by hand over a plain TCP socket, as a hostile client
 * would: every frame is built and masked once, so that sending costs it
 * next to nothing, and it ignores the server's close frames — it goes on
 * writing until the server cuts the socket, then connects again at once
 * (and is told 1013 while its participant must wait, WIRE4). So what it got
 * into the server is what the server let it, not what a polite client would
 * have sent.
 *
 * Its connections: each cycles through the kinds its `plan` lists. The mix
 * (a valid Yjs update, which an observer may not send: 4400; an oversized
 * awareness message, dropped: WIRE9; junk bytes: 4400) is what a hostile
 * observer has to hand.
 */
interface Slot {
  plan: FloodKind[];
  next: number;
  socket: net.Socket | null;
}

let stats: FloodStats;
let frames: Record<FloodKind, Buffer>;
let start: FloodPrepare;
let timeline: Timeline | null = null;
const slots: Slot[] = [];
let stopped = false;

const nowUs = () => Number((process.hrtime.bigint() - start.epochNs) / 1000n);
const flooding = () => !stopped && timeline !== null && relayAt(timeline, nowUs()) === FLOOD_TURN;

function connect(slot: Slot, token: string): void {
  if (!flooding() || slot.socket) return;
  stats.attempts++;
  const socket = net.connect(start.port, '127.0.0.1');
  slot.socket = socket;
  socket.setNoDelay(true);
  let head: Buffer | null = Buffer.alloc(0) as Buffer;
  let incoming: Buffer = Buffer.alloc(0);
  socket.on('connect', () => {
    stats.ports.push(socket.localPort ?? 0);
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET ${start.path}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${start.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
  socket.on('data', (chunk: Buffer) => {
    if (head !== null) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = head.toString('latin1', 0, head.indexOf('\r\n'));
      chunk = head.subarray(end + 4);
      head = null;
      if (!status.startsWith('HTTP/1.1 101')) {
        stats.httpRefusals++;
        socket.destroy();
        return;
      }
      stats.upgraded++;
      pump(slot, socket);
    }
    incoming = readFrames(Buffer.concat([incoming, chunk]));
  });
  socket.on('error', () => {
    stats.socketErrors++;
  });
  socket.on('close', () => {
    stats.bytesWritten += socket.bytesWritten;
    slot.socket = null;
    // At once, as often as the server lets it: each refusal costs the server something too.
    setImmediate(() => connect(slot, token));
  });
}

/** Notes the close codes in what the server sends (and ignores them, as a hostile client would). */
function readFrames(buffer: Buffer): Buffer {
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const short = buffer[at + 1]! & 0x7f;
    const headerBytes = short === 127 ? 10 : short === 126 ? 4 : 2;
    if (buffer.length - at < headerBytes) break;
    const length = short === 127 ? Number(buffer.readBigUInt64BE(at + 2)) : short === 126 ? buffer.readUInt16BE(at + 2) : short;
    if (buffer.length - at < headerBytes + length) break;
    if ((buffer[at]! & 0x0f) === 0x8) {
      const code = length >= 2 ? buffer.readUInt16BE(at + headerBytes) : 1005;
      stats.closeCodes[code] = (stats.closeCodes[code] ?? 0) + 1;
    }
    at += headerBytes + length;
  }
  return buffer.subarray(at);
}

/** Writes frames while the socket takes them and the slice is the attacker's. */
function pump(slot: Slot, socket: net.Socket): void {
  while (slot.socket === socket && !socket.destroyed && flooding()) {
    const kind = slot.plan[slot.next++ % slot.plan.length]!;
    stats.written[kind]++;
    if (!socket.write(frames[kind])) {
      socket.once('drain', () => pump(slot, socket));
      return;
    }
  }
}

/** At each slice boundary: the flood slices open the connections, the quiet ones cut them. */
function followSchedule(t: Timeline): void {
  timeline = t;
  const tick = () => {
    if (stopped) return;
    if (flooding()) {
      slots.forEach((slot, i) => connect(slot, start.tokens[i % start.tokens.length]!));
    } else {
      for (const slot of slots) slot.socket?.destroy();
    }
    const now = nowUs();
    if (now >= stopUs(t)) return;
    const nextBoundary = now < t.startUs ? t.startUs : t.startUs + (Math.floor((now - t.startUs) / t.sliceUs) + 1) * t.sliceUs;
    setTimeout(tick, (nextBoundary - now) / 1000 + 1);
  };
  tick();
}

function prepare(message: FloodPrepare): void {
  start = message;
  const bytes = message.messageBytes;
  frames = { update: clientFrame(updateMessage(bytes)), awareness: clientFrame(awarenessMessage(bytes)), junk: clientFrame(junkMessage(bytes)) };
  stats = {
    type: 'flooded',
    messageBytes: { update: frames.update.length - 14, awareness: frames.awareness.length - 14, junk: frames.junk.length - 14 },
    attempts: 0,
    upgraded: 0,
    httpRefusals: 0,
    socketErrors: 0,
    closeCodes: {},
    written: { update: 0, awareness: 0, junk: 0 },
    bytesWritten: 0,
    ports: [],
  };
  for (const plan of message.plans) slots.push({ plan, next: 0, socket: null });
  reply<FromFlooder>({ type: 'ready' });
}

exitWithParent();
process.on('message', (message: ToFlooder) => {
  try {
    switch (message.type) {
      case 'prepare':
        prepare(message);
        break;
      case 'go':
        followSchedule(message.timeline);
        break;
      case 'stop':
        stopped = true;
        for (const slot of slots) {
          if (slot.socket) stats.bytesWritten += slot.socket.bytesWritten;
          slot.socket?.removeAllListeners('close');
          slot.socket?.destroy();
        }
        reply<FromFlooder>(stats);
        setTimeout(() => process.exit(0), 50);
        break;
    }
  } catch (error) {
    console.error('bench flooder failed:', error);
    process.exit(1);
  }
});
