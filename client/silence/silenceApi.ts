import type { SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { api } from '../api.ts';

/** The silence procedure's routes (docs/API.md "Silence procedure"); every screen follows the `silence` map. */
type Answer = { procedure: SilenceProcedure | null; adoptedAt: number | null };

export const silenceApi = {
  start: (declarationId: string, body: { deadline: string; reason?: string; shortDeadline?: boolean }) => api<Answer>(declarationId, '/silence', body),
  break: (declarationId: string, reason: string) => api<Answer>(declarationId, '/silence/break', { reason }),
  cancel: (declarationId: string, reason: string) => api<Answer>(declarationId, '/silence/cancel', { reason }),
};
