import type { Bracket } from '../../shared/brackets/bracket.ts';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';

/** A passage to bracket as the API takes it (docs/API.md): character offsets into the clause's text, and the passage as read there. */
export interface BracketRequestBody {
  clauseId: string;
  start: number;
  end: number;
  quote: string;
}

/**
 * The waits before asking again when the server reads the passage otherwise
 * (409 `passage-changed`): the usual cause is our own last keystrokes, not
 * yet at the server when the request overtook them on another connection.
 */
const RETRY_WAITS_MS = [300, 900];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The square-bracket routes of the API (BRK1, BRK4). The screen reads
 * brackets from the document's mirror (root map `brackets`), so the
 * answers are only for errors and waiting.
 */
export const bracketsApi = {
  /** `read` gives the passage as it stands now in this replica, or null when it is gone; it is read again before each retry. */
  async bracket(declarationId: string, read: () => BracketRequestBody | null): Promise<{ bracket: Bracket }> {
    for (let attempt = 0; ; attempt++) {
      const body = read();
      if (body === null) throw new ApiError(409, 'passage-changed', t('brackets.passageGone'));
      try {
        return await api<{ bracket: Bracket }>(declarationId, '/brackets', body);
      } catch (failure) {
        const retry = failure instanceof ApiError && failure.id === 'passage-changed' && attempt < RETRY_WAITS_MS.length;
        if (!retry) throw failure;
        await wait(RETRY_WAITS_MS[attempt]!);
      }
    }
  },
  remove: (declarationId: string, bracketId: string) => api<{ bracket: Bracket }>(declarationId, `/brackets/${encodeURIComponent(bracketId)}`, undefined, 'DELETE'),
};
