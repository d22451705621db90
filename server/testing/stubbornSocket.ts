import crypto from 'node:crypto';
import net from 'node:net';

/**
 * A websocket client written by hand over TCP that ignores everything the
 * server says — close frames, pings — and keeps sending: the modified
 * client of docs/SPEC.md AUTH5 and WIRE8. It only masks and frames what it
 * sends, as the protocol requires of clients.
 */
export interface StubbornSocket {
  /** Sends one binary message. */
  send(bytes: Uint8Array): void;
  /** Resolves when the server has cut the TCP connection. */
  ended: Promise<void>;
  isEnded(): boolean;
  destroy(): void;
}

export function connectStubborn(port: number, path: string): Promise<StubbornSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let ended = false;
    const endedPromise = new Promise<void>((done) => socket.once('close', () => {
      ended = true;
      done();
    }));
    let handshake = '';
    const onData = (chunk: Buffer) => {
      handshake += chunk.toString('latin1');
      const end = handshake.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (!handshake.startsWith('HTTP/1.1 101')) {
        reject(new Error(`upgrade refused: ${handshake.split('\r\n')[0]}`));
        return;
      }
      // From here on whatever the server sends is read and ignored.
      socket.on('data', () => undefined);
      resolve({
        send(bytes) {
          if (ended) return;
          const mask = crypto.randomBytes(4);
          const length = bytes.length;
          const header =
            length < 126 ? Buffer.from([0x82, 0x80 | length]) : length < 65536 ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 255]) : Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigLength(length)]);
          const payload = Buffer.from(bytes);
          for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
          socket.write(Buffer.concat([header, mask, payload]));
        },
        ended: endedPromise,
        isEnded: () => ended,
        destroy: () => socket.destroy(),
      });
    };
    socket.on('data', onData);
    socket.once('error', (error) => {
      if (!ended) reject(error);
    });
    socket.write(upgradeRequest(port, path));
  });
}

/** A websocket upgrade request as a hand-written client sends it. */
export function upgradeRequest(port: number, path: string): string {
  return [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}
