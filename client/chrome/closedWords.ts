import { CLOSE, isFinalCloseCode, type CloseReason } from '../../shared/protocol.ts';
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

const FINAL_REASONS = Object.values(CLOSE)
  .filter(({ code }) => isFinalCloseCode(code))
  .map(({ reason }) => reason);

export function closedWords(closed: { code: number; reason: string | null }): ClosedWords {
  const reason = FINAL_REASONS.find((known) => known === closed.reason) as Extract<CloseReason, (typeof FINAL_REASONS)[number]> | undefined;
  const values = { code: closed.code };
  switch (reason) {
    case 'invalid-token':
    case 'unknown-declaration':
    case 'forbidden':
    case 'malformed-message':
    case 'message-too-large':
      return { state: t(`closed.${reason}.state`), title: t(`closed.${reason}.title`), body: t(`closed.${reason}.body`, values) };
    default:
      return { state: t('closed.unknown.state'), title: t('closed.unknown.title'), body: t('closed.unknown.body', values) };
  }
}
