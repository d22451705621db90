import type { MessageKey } from '../../shared/i18n/en.ts';
import type { CloseReason } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';

const MESSAGES: Partial<Record<CloseReason, MessageKey>> = {
  'invalid-token': 'connection.closed.invalid-token',
  'unknown-declaration': 'connection.closed.unknown-declaration',
  forbidden: 'connection.closed.forbidden',
  'malformed-message': 'connection.closed.malformed-message',
  'message-too-large': 'connection.closed.message-too-large',
};

/** Shown when the server ended the connection for good: why, and what to do. */
export function ClosedBanner({ closed }: { closed: { code: number; reason: string | null } }) {
  const key = MESSAGES[closed.reason as CloseReason];
  return (
    <div className="banner banner--error" role="alert" data-testid="closed-banner">
      <span>{key ? t(key) : t('connection.closed.unknown', { code: closed.code })}</span>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('connection.reload')}
      </button>
    </div>
  );
}
