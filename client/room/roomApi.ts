import type { CurrentClause } from '../../shared/room/currentClause.ts';
import { api } from '../api.ts';

/** The chair or the secretariat sets the clause under discussion, or none (docs/API.md "The room", SPEC ROOM1); every screen follows the `room` map. */
export const roomApi = {
  setCurrent: (declarationId: string, clauseId: string | null) => api<{ current: CurrentClause | null }>(declarationId, '/current-clause', { clauseId }, 'PUT'),
};
