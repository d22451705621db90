import type { DeclarationSettings } from '../../shared/settings.ts';
import type { Thread, ThreadAnchor } from '../../shared/comments/thread.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { api } from '../api.ts';

/** The comment routes of the API (docs/API.md). The server answers with the thread as it now stands. */
export const commentsApi = {
  startThread: (declarationId: string, thread: { id: string; clauseId: string; anchor: ThreadAnchor; quote: string; body: string }) =>
    api<{ thread: Thread }>(declarationId, '/threads', thread),
  reply: (declarationId: string, threadId: string, body: string) =>
    api<{ thread: Thread }>(declarationId, `/threads/${encodeURIComponent(threadId)}/comments`, { body }),
  edit: (declarationId: string, threadId: string, commentId: string, body: string) =>
    api<{ thread: Thread }>(declarationId, `/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`, { body }, 'PATCH'),
  remove: (declarationId: string, threadId: string, commentId: string) =>
    api<{ thread: Thread | null }>(declarationId, `/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`, undefined, 'DELETE'),
  resolve: (declarationId: string, threadId: string, resolved: boolean) =>
    api<{ thread: Thread }>(declarationId, `/threads/${encodeURIComponent(threadId)}/resolve`, { resolved }),
  reads: (declarationId: string) => api<{ reads: Record<string, number> }>(declarationId, '/comments/reads'),
  markRead: (declarationId: string, threadId: string) => api<unknown>(declarationId, `/threads/${encodeURIComponent(threadId)}/read`, {}),
  setSettings: (declarationId: string, settings: Partial<DeclarationSettings>) => api<{ settings: DeclarationSettings }>(declarationId, '/settings', settings, 'PUT'),
  people: (declarationId: string) => api<{ people: ParticipantInfo[] }>(declarationId, '/people'),
};
