import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain } from '../../shared/richText.ts';
import { findParticipant, listParticipants, revokeParticipant } from '../db/participants.ts';
import { textHistoryWriter } from '../db/textHistory.ts';
import { listVersions } from '../db/versions.ts';
import { createTestDeclaration, removeDataDir, startTestServer, type TestServer } from '../testing/testServer.ts';
import { apiRouter } from './api.ts';

/**
 * Every API route, called by every kind of caller (docs/SPEC.md ROLE3,
 * ROLE4): one row per route, one column per caller, the status each must
 * get. Each call runs against a declaration of its own, so that what one
 * caller does (a new link, a removal) cannot change what the next one gets.
 * A route added to the API belongs in this table.
 */
const CALLERS = ['chair', 'secretariat', 'delegation', 'observer', 'removed', 'none'] as const;
type Caller = (typeof CALLERS)[number];
/** Statuses in the order of CALLERS. */
type Row = [number, number, number, number, number, number];

const PEOPLE = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
  // Not callers: whom the calls are about.
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Bolivia', role: 'delegation' as const },
  { name: 'Former secretariat', role: 'secretariat' as const },
];
const CALLER_NAMES: Record<Exclude<Caller, 'none'>, string> = {
  chair: 'Argentina',
  secretariat: 'Secretariat',
  delegation: 'Chile',
  observer: 'Spain',
  removed: 'Bolivia',
};

const DRAFT: ParsedDraft = {
  title: 'Declaration of Lima',
  chapeau: 'The Ministers,',
  preamble: [{ text: 'Bearing in mind the Charter,' }],
  formula: 'Declare:',
  operative: [{ text: 'To act together.', subitems: [] }],
  note: null,
  signatories: [],
};
const DRAFT_TXT = 'Declaration of Lima\n\nThe Ministers,\n\nBearing in mind the Charter,\n\nDeclare:\n\n1. To act together.\n';

interface World {
  id: string;
  tokens: Record<string, string>;
  ids: Record<string, string>;
  clauseId: string;
}

interface Call {
  path: string;
  body?: unknown;
  /** Raw bytes instead of JSON, with their own headers (the import preview). */
  raw?: { bytes: Uint8Array; headers: Record<string, string> };
}

interface Route {
  /** Method and path as the router declares them. */
  route: string;
  /** Whom or what the call is about, when a route has several rows. */
  about?: string;
  call(world: World): Promise<Call> | Call;
  expect: Row;
}

describe('ROLE3 ROLE4: every API route with every caller', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server);
  });

  /** A fresh declaration: the four roles, Peru (whose thread and link the calls are about), removed Bolivia and a removed secretariat. */
  const world = (): World => {
    const created = createTestDeclaration(server, { ...emptySeed(plain('Access test')), operative: [{ body: plain('Decide;') }] }, PEOPLE);
    const ids = Object.fromEntries(listParticipants(server.db, created.id).map((p) => [p.name, p.id]));
    revokeParticipant(server.db, ids.Bolivia!);
    revokeParticipant(server.db, ids['Former secretariat']!);
    const clauseId = server.rooms.withRoom(created.id, (room) => readDeclaration(room.doc).clauses[0]!.id);
    return { id: created.id, tokens: created.tokens, ids, clauseId };
  };

  const send = async (world: World, method: string, call: Call, token: string | null) => {
    const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
    let body: BodyInit | undefined;
    if (call.raw) {
      Object.assign(headers, call.raw.headers);
      body = new Uint8Array(call.raw.bytes);
    } else if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const url = call.path.startsWith('/api/') ? call.path : `/api/declarations/${world.id}${call.path}`;
    return fetch(`${server.httpUrl}${url}`, { method, headers, body });
  };

  /** A silence procedure running (started by the chair); answers a reason to end it with. */
  const silenceRunning = async (world: World) => {
    const response = await send(world, 'POST', { path: '/silence', body: { deadline: new Date(Date.now() + 30 * 3600_000).toISOString(), reason: 'Final text.' } }, world.tokens.Argentina!);
    expect(response.status).toBe(200);
    return 'One more reading.';
  };

  /** Peru's thread on the clause, with one comment. */
  const perusThread = async (world: World) => {
    const response = await send(world, 'POST', { path: '/threads', body: { clauseId: world.clauseId, anchor: 'clause', body: 'Can we say "together"?' } }, world.tokens.Peru!);
    expect(response.status).toBe(201);
    const { thread } = (await response.json()) as { thread: { id: string; comments: { id: string }[] } };
    return { threadId: thread.id, commentId: thread.comments[0]!.id };
  };

  /** Peru's proposal on the clause: new wording, or (the one the chair has accepted, to undo) its deletion. */
  const perusProposal = async (world: World, kind: 'replace' | 'accepted deletion' = 'replace') => {
    const body = kind === 'replace' ? { clauseId: world.clauseId, action: 'replace', text: 'Decide now;' } : { clauseId: world.clauseId, action: 'delete' };
    const response = await send(world, 'POST', { path: '/proposals', body }, world.tokens.Peru!);
    expect(response.status).toBe(201);
    const { proposal } = (await response.json()) as { proposal: { id: string } };
    if (kind === 'accepted deletion') expect((await send(world, 'POST', { path: `/proposals/${proposal.id}/accept`, body: { shownText: 'Decide;' } }, world.tokens.Argentina!)).status).toBe(200);
    return proposal.id;
  };

  /** Square brackets Peru asked for around the clause's first word. */
  const perusBracket = async (world: World) => {
    const response = await send(world, 'POST', { path: '/brackets', body: { clauseId: world.clauseId, start: 0, end: 6, quote: 'Decide' } }, world.tokens.Peru!);
    expect(response.status).toBe(201);
    return ((await response.json()) as { bracket: { id: string } }).bracket.id;
  };

  /** The version the server saved when the declaration was created (VER1). */
  const zeroDraft = (world: World) => listVersions(server.db, world.id)[0]!.id;

  /** An entry of the clause's history, Peru's, to restore (HIST2): as the relay would have recorded it. */
  const perusEntry = (world: World) =>
    textHistoryWriter(server.db).insert(world.id, { part: world.clauseId, participantId: world.ids.Peru!, kind: 'text', startedAt: 1, at: 2, before: plain('Decide;'), after: plain('Decide soon;') });

  let added = 0;
  const ROUTES: Route[] = [
    //                                                                                                     chair secr. deleg. obs. removed none
    { route: 'GET /health', call: () => ({ path: '/api/health' }), expect: [200, 200, 200, 200, 200, 200] },
    { route: 'GET /declarations/:id/session', call: () => ({ path: '/session' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/people', call: () => ({ path: '/people' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/clauses/:clauseId/status', call: (w) => ({ path: `/clauses/${w.clauseId}/status`, body: { state: 'agreed' } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'PUT /declarations/:id/clauses/:clauseId/position', call: (w) => ({ path: `/clauses/${w.clauseId}/position`, body: { position: 'accept' } }), expect: [403, 403, 200, 403, 401, 401] },
    { route: 'POST /declarations/:id/clauses/:clauseId/remarks', call: (w) => ({ path: `/clauses/${w.clauseId}/remarks`, body: { check: 'double-space', dismissed: true } }), expect: [200, 200, 200, 403, 401, 401] },
    { route: 'GET /declarations/:id/clauses/:clauseId/positions', call: (w) => ({ path: `/clauses/${w.clauseId}/positions` }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/audit', call: () => ({ path: '/audit' }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/participants', call: () => ({ path: '/participants' }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants', call: () => ({ path: '/participants', body: { name: `Uruguay ${++added}`, role: 'delegation' } }), expect: [201, 201, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/revoke', about: "a delegation", call: (w) => ({ path: `/participants/${w.ids.Peru}/revoke`, body: {} }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/revoke', about: "the secretariat", call: (w) => ({ path: `/participants/${w.ids.Secretariat}/revoke`, body: {} }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/revoke', about: "the chair", call: (w) => ({ path: `/participants/${w.ids.Argentina}/revoke`, body: {} }), expect: [403, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/new-link', about: "a delegation", call: (w) => ({ path: `/participants/${w.ids.Peru}/new-link`, body: {} }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/new-link', about: "the secretariat", call: (w) => ({ path: `/participants/${w.ids.Secretariat}/new-link`, body: {} }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/new-link', about: "the chair", call: (w) => ({ path: `/participants/${w.ids.Argentina}/new-link`, body: {} }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/restore', about: "a removed delegation", call: (w) => ({ path: `/participants/${w.ids.Bolivia}/restore`, body: {} }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/restore', about: "a removed secretariat", call: (w) => ({ path: `/participants/${w.ids['Former secretariat']}/restore`, body: {} }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/participants/:participantId/restore', about: "the chair", call: (w) => ({ path: `/participants/${w.ids.Argentina}/restore`, body: {} }), expect: [403, 403, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/threads', call: () => ({ path: '/threads' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/threads', call: (w) => ({ path: '/threads', body: { clauseId: w.clauseId, anchor: 'clause', body: 'A remark.' } }), expect: [201, 201, 201, 403, 401, 401] },
    { route: 'POST /declarations/:id/threads/:threadId/comments', about: "Peru's thread", call: async (w) => ({ path: `/threads/${(await perusThread(w)).threadId}/comments`, body: { body: 'A reply.' } }), expect: [201, 201, 201, 403, 401, 401] },
    {
      route: 'PATCH /declarations/:id/threads/:threadId/comments/:commentId',
      about: "Peru's comment",
      call: async (w) => {
        const { threadId, commentId } = await perusThread(w);
        return { path: `/threads/${threadId}/comments/${commentId}`, body: { body: 'Rewritten.' } };
      },
      expect: [403, 403, 403, 403, 401, 401],
    },
    {
      route: 'DELETE /declarations/:id/threads/:threadId/comments/:commentId',
      about: "Peru's comment",
      call: async (w) => {
        const { threadId, commentId } = await perusThread(w);
        return { path: `/threads/${threadId}/comments/${commentId}` };
      },
      expect: [403, 403, 403, 403, 401, 401],
    },
    { route: 'POST /declarations/:id/threads/:threadId/resolve', about: "Peru's thread", call: async (w) => ({ path: `/threads/${(await perusThread(w)).threadId}/resolve`, body: { resolved: true } }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/comments/reads', call: () => ({ path: '/comments/reads' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/threads/:threadId/read', about: "Peru's thread", call: async (w) => ({ path: `/threads/${(await perusThread(w)).threadId}/read`, body: {} }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/proposals', call: () => ({ path: '/proposals' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/proposals', call: (w) => ({ path: '/proposals', body: { clauseId: w.clauseId, action: 'replace', text: 'Decide now;' } }), expect: [201, 201, 201, 403, 401, 401] },
    { route: 'PATCH /declarations/:id/proposals/:proposalId', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}`, body: { text: 'Decide soon;' } }), expect: [403, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/support', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}/support`, body: { on: true } }), expect: [200, 200, 200, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/object', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}/object`, body: { on: true } }), expect: [200, 200, 200, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/withdraw', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}/withdraw` }), expect: [403, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/accept', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}/accept`, body: { shownText: 'Decide;' } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/reject', about: "Peru's proposal", call: async (w) => ({ path: `/proposals/${await perusProposal(w)}/reject`, body: {} }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/proposals/:proposalId/undo', about: "Peru's accepted deletion", call: async (w) => ({ path: `/proposals/${await perusProposal(w, 'accepted deletion')}/undo` }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/brackets', call: () => ({ path: '/brackets' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/brackets', call: (w) => ({ path: '/brackets', body: { clauseId: w.clauseId, start: 0, end: 6, quote: 'Decide' } }), expect: [201, 201, 201, 403, 401, 401] },
    { route: 'DELETE /declarations/:id/brackets/:bracketId', about: "Peru's brackets", call: async (w) => ({ path: `/brackets/${await perusBracket(w)}` }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/settings', call: () => ({ path: '/settings' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'PUT /declarations/:id/settings', call: () => ({ path: '/settings', body: { observersMayComment: true } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/settings', call: () => ({ path: '/settings', body: { observersMayComment: true } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/numbering', call: () => ({ path: '/numbering', body: { action: 'freeze' } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/silence', call: () => ({ path: '/silence' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/silence', call: () => ({ path: '/silence', body: { deadline: new Date(Date.now() + 30 * 3600_000).toISOString(), reason: 'Final text.' } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/silence/break', call: async (w) => ({ path: '/silence/break', body: { reason: await silenceRunning(w) } }), expect: [403, 403, 200, 403, 401, 401] },
    { route: 'POST /declarations/:id/silence/cancel', call: async (w) => ({ path: '/silence/cancel', body: { reason: await silenceRunning(w) } }), expect: [200, 403, 403, 403, 401, 401] },
    { route: 'PUT /declarations/:id/current-clause', call: (w) => ({ path: '/current-clause', body: { clauseId: w.clauseId } }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'PUT /declarations/:id/language', call: () => ({ path: '/language', body: { language: 'es' } }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/export', call: () => ({ path: '/export?format=txt&variant=negotiation' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/clauses/:clauseId/history', call: (w) => ({ path: `/clauses/${w.clauseId}/history` }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'POST /declarations/:id/clauses/:clauseId/restore', about: "Peru's earlier text", call: (w) => ({ path: `/clauses/${w.clauseId}/restore`, body: { from: perusEntry(w) } }), expect: [200, 200, 403, 403, 401, 401] },
    { route: 'POST /declarations/:id/versions', call: () => ({ path: '/versions', body: { name: 'Rev.1' } }), expect: [201, 201, 403, 403, 401, 401] },
    { route: 'GET /declarations/:id/versions', call: () => ({ path: '/versions' }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/versions/:versionId', about: 'the Zero draft', call: (w) => ({ path: `/versions/${zeroDraft(w)}` }), expect: [200, 200, 200, 200, 401, 401] },
    { route: 'GET /declarations/:id/compare', about: 'the Zero draft with now', call: (w) => ({ path: `/compare?from=${zeroDraft(w)}` }), expect: [200, 200, 200, 200, 401, 401] },
    {
      route: 'POST /declarations/:id/import/preview',
      call: () => ({ path: '/import/preview', raw: { bytes: new TextEncoder().encode(DRAFT_TXT), headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'draft.txt' } } }),
      expect: [200, 200, 403, 403, 401, 401],
    },
    { route: 'POST /declarations/:id/import/create', call: () => ({ path: '/import/create', body: { draft: DRAFT } }), expect: [201, 201, 403, 403, 401, 401] },
  ];

  it('ROLE3: the table has a row for every route the API declares', () => {
    const declared = routesOf(apiRouter({ db: server.db, rooms: server.rooms, silence: server.silence, secret: server.secret, baseUrl: () => server.baseUrl, health: () => ({}) }));
    expect([...new Set(ROUTES.map((r) => r.route))].sort()).toEqual([...new Set(declared)].sort());
  });

  it("ROLE3 ROLE4: every route answers every caller as the table says, and shows the chair's link to nobody else", { timeout: 180_000 }, async () => {
    const got: Record<string, Row> = {};
    const want: Record<string, Row> = {};
    for (const route of ROUTES) {
      const name = route.about ? `${route.route} (${route.about})` : route.route;
      const method = route.route.split(' ')[0]!;
      const statuses: number[] = [];
      for (const caller of CALLERS) {
        const w = world();
        const call = await route.call(w);
        const token = caller === 'none' ? null : w.tokens[CALLER_NAMES[caller]]!;
        const response = await send(w, method, call, token);
        const text = await response.text();
        statuses.push(response.status);
        if (response.status >= 400) expect(JSON.parse(text).error, `${name} as ${caller}: ${text}`).toEqual(expect.objectContaining({ id: expect.any(String), message: expect.any(String) }));
        if (caller !== 'chair') {
          // ROLE4: whatever the route, the chair's link (as it was, and as it is after the call) reaches nobody but the chair.
          const chair = findParticipant(server.db, w.ids.Argentina!)!;
          for (let generation = 0; generation <= chair.generation; generation++) {
            expect(text, `${name} as ${caller}`).not.toContain(server.secret.tokenFor(chair.id, generation));
          }
        }
      }
      got[name] = statuses as Row;
      want[name] = route.expect;
    }
    // One diff for the whole table: each differing row shows [chair, secretariat, delegation, observer, removed, none].
    expect(got).toEqual(want);
  });
});

/** "METHOD /path" of every route of an Express router, nested routers included. */
function routesOf(router: Router): string[] {
  const routes: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) routes.push(...Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`));
    else if (layer.handle && 'stack' in layer.handle) routes.push(...routesOf(layer.handle as unknown as Router));
  }
  return routes;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: object;
}
