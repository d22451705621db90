import type { CollabStatus } from '../collab/collaboration.ts';
import { t } from '../i18n.ts';
import { closedWords } from './closedWords.ts';

/**
 * The connection and whether everything typed here is on the server. State
 * is given in words and an icon shape, not by colour alone. A connection the
 * server ended for good says why ("Link no longer valid"), not "Offline"
 * (UI11); one it ended to be retried (1011, 1013) is simply reconnecting.
 */
function label({ state, closed, kept }: CollabStatus): string {
  switch (state) {
    case 'connected':
      return t('connection.connected');
    case 'offline':
      return kept ? t('connection.offlineKept') : t('connection.offline');
    case 'reconnecting':
      return t('connection.reconnecting');
    case 'closed':
      return closed ? closedWords(closed).state : t('closed.unknown.state');
    case 'connecting':
      return t('connection.connecting');
  }
}

function detail({ state, pending, kept }: CollabStatus): string {
  if (pending === 0) return state === 'connected' ? t('connection.saved') : '';
  if (state === 'connected') return t('connection.saving', { count: pending });
  if (state === 'closed') return kept ? t('connection.keptOnDevice', { count: pending }) : t('connection.pendingClosed', { count: pending });
  return t('connection.pendingOffline', { count: pending });
}

export function ConnectionStatus({ status }: { status: CollabStatus }) {
  const { state, pending, kept } = status;
  const words = detail(status);
  const icon = state === 'connected' ? '●' : state === 'offline' || state === 'closed' ? '○' : '◌';
  return (
    <div className={`connection connection--${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state} data-pending={pending} data-kept={kept}>
      <span className="connection__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="connection__label">{label(status)}</span>
      {words && <span className="connection__detail">{words}</span>}
    </div>
  );
}
