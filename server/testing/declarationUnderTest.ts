import { afterEach, beforeEach } from 'vitest';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { listParticipants } from '../db/participants.ts';
import type { ParticipantSpec } from '../declarations/createDeclaration.ts';
import {
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  type CreatedDeclaration,
  type TestClient,
  type TestServer,
} from './testServer.ts';

/** What an API call answered: its status and its JSON body. */
export interface ApiAnswer<J> {
  status: number;
  json: J;
}

/**
 * One declaration on a real server, made afresh for every test of the
 * `describe` that asks for it: the server on port 0 over its own SQLite
 * file, the declaration seeded with `seed` and `people`, and the stock
 * y-websocket clients a test connects, all closed after it. `server`,
 * `declaration` and `ids` (participant id by name) are set before each test.
 */
export interface DeclarationUnderTest {
  server: TestServer;
  declaration: CreatedDeclaration;
  ids: Record<string, string>;
  /** A stock client signed in as `name`, synced. */
  client(name: string): Promise<TestClient>;
  /** `method /api/declarations/<id><path>` with `who`'s link token and a JSON body. */
  call<J = Record<string, unknown>>(method: string, path: string, who: string, body?: unknown): Promise<ApiAnswer<J>>;
  /** Closes every client connected so far (before a restart, say). */
  disconnectAll(): void;
}

export function declarationUnderTest(seed: DeclarationSeed, people: ParticipantSpec[]): DeclarationUnderTest {
  const clients: TestClient[] = [];
  const under = {
    ids: {},
    async client(name: string) {
      const c = connectClient(under.server, under.declaration.id, under.declaration.tokens[name]!);
      clients.push(c);
      await synced(c);
      return c;
    },
    async call<J>(method: string, path: string, who: string, body?: unknown): Promise<ApiAnswer<J>> {
      const response = await fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${under.declaration.tokens[who]}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as J };
    },
    disconnectAll() {
      for (const c of clients.splice(0)) c.destroy();
    },
  } as DeclarationUnderTest;

  beforeEach(async () => {
    under.server = await startTestServer();
    under.declaration = createTestDeclaration(under.server, seed, people);
    under.ids = Object.fromEntries(listParticipants(under.server.db, under.declaration.id).map((p) => [p.name, p.id]));
  });
  afterEach(async () => {
    under.disconnectAll();
    await under.server.close();
    removeDataDir(under.server);
  });
  return under;
}
