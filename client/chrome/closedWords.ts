import type { CloseReason } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';

/**
 * The words for a connection the server ended for good (docs/SPEC.md UI1,
 * UI11): a short state for the top bar, a title, and what happened with
 * what to do. A revoked link reads as exactly that, never as "Offline".
 */
export interface ClosedWords {
  state: string;
  title: string;
  body: string;
}

/** The final closes of shared/protocol.ts; any other code gets the general words, with its number. */
const FINAL = ['invalid-token', 'unknown-declaration', 'forbidden', 'malformed-message', 'message-too-large'] as const satisfies readonly CloseReason[];
type FinalReason = (typeof FINAL)[number];
const isFinal = (reason: string | null): reason is FinalReason => (FINAL as readonly (string | null)[]).includes(reason);

export function closedWords({ code, reason }: { code: number; reason: string | null }): ClosedWords {
  if (isFinal(reason)) return { state: t(`closed.${reason}.state`), title: t(`closed.${reason}.title`), body: t(`closed.${reason}.body`) };
  return { state: t('closed.unknown.state'), title: t('closed.unknown.title'), body: t('closed.unknown.body', { code }) };
}
