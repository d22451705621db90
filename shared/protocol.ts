/**
 * The wire vocabulary between the browser and the relay, defined once.
 * Collaboration speaks the standard y-websocket protocol; these are its
 * message types and the close codes the relay uses to end a connection.
 *
 * y-websocket treats codes 4400–4499 as final and stops reconnecting: those
 * are for conditions a reconnect cannot cure. 1001 (the server is going
 * away) and the like let the client reconnect by itself.
 */
export const PROTOCOL_VERSION = 1;

/** y-websocket's outer message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const CLOSE = {
  malformedMessage: { code: 4400, reason: 'malformed-message' },
  invalidToken: { code: 4401, reason: 'invalid-token' },
  forbidden: { code: 4403, reason: 'forbidden' },
  unknownDeclaration: { code: 4404, reason: 'unknown-declaration' },
  messageTooLarge: { code: 4413, reason: 'message-too-large' },
  serverShutdown: { code: 1001, reason: 'server-shutdown' },
  /** The server failed while handling a message (its fault, not the client's): reconnect and sync (WIRE7). */
  serverFault: { code: 1011, reason: 'server-fault' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE]['reason'];

/** Whether a close code means "do not try again" (see above). */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

export function closeReasonOf(code: number): CloseReason | null {
  for (const entry of Object.values(CLOSE)) if (entry.code === code) return entry.reason;
  return null;
}

/** The websocket path: `ws://HOST:PORT/collab/<declaration id>`. */
export const COLLAB_PATH = '/collab';
