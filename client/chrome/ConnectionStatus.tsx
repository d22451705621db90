import type { CollabStatus } from '../collab/collaboration.ts';
import { t } from '../i18n.ts';

/**
 * The connection and whether everything typed here is on the server. State
 * is given in words and an icon shape, not by colour alone.
 */
export function ConnectionStatus({ status }: { status: CollabStatus }) {
  const { state, pending, kept } = status;
  const label =
    state === 'connected'
      ? t('connection.connected')
      : state === 'offline'
        ? kept
          ? t('connection.offlineKept')
          : t('connection.offline')
        : state === 'reconnecting'
          ? t('connection.reconnecting')
          : state === 'closed'
            ? t('connection.offline')
            : t('connection.connecting');
  const detail =
    pending === 0
      ? state === 'connected'
        ? t('connection.saved')
        : ''
      : state === 'connected'
        ? t('connection.saving', { count: pending })
        : state === 'closed' && kept
          ? t('connection.keptOnDevice', { count: pending })
          : t('connection.pendingOffline', { count: pending });
  const icon = state === 'connected' ? '●' : state === 'offline' || state === 'closed' ? '○' : '◌';
  return (
    <div className={`connection connection--${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state} data-pending={pending} data-kept={kept}>
      <span className="connection__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="connection__label">{label}</span>
      {detail && <span className="connection__detail">{detail}</span>}
    </div>
  );
}
