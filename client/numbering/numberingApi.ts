import type { FrozenNumbering } from '../../shared/workingNumbers.ts';
import { api } from '../api.ts';

/** The chair freezes the numbering or renumbers (docs/API.md, SPEC WN1, WN5); every screen follows the `numbering` map. */
export const numberingApi = {
  act: (declarationId: string, action: 'freeze' | 'renumber') => api<{ numbering: FrozenNumbering }>(declarationId, '/numbering', { action }),
};
