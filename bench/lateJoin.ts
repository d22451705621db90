import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { clausesMap } from '../shared/document/clauseEntry.ts';

/**
 * The late joiner: a fresh stock client opening a 200-clause declaration
 * after the load, timed from creating the provider to its `synced`. Runs in
 * the benchmark's own process, which is idle by then.
 */
const TIMEOUT_MS = 15_000;

export async function timeLateJoin(serverUrl: string, room: string, token: string | null, expectedClauses: number): Promise<number> {
  const doc = new Y.Doc();
  const began = process.hrtime.bigint();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the late joiner did not sync within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
    });
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    const clauses = clausesMap(doc).size;
    if (clauses < expectedClauses) throw new Error(`the late joiner synced ${clauses} clauses, expected ${expectedClauses}`);
    return ms;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
