import { t } from '../i18n.ts';

export interface ToastAction {
  label: string;
  run(): void;
}

export interface Toast {
  id: number;
  message: string;
  /** One action such as Undo, or a few (a refused change: Show the proposal, Copy your text). */
  action?: ToastAction | ToastAction[];
}

/**
 * Short notices at the bottom of the screen, with an optional action such as
 * Undo. Each action is described by its own notice's words, so that a screen
 * reader tells two Undo buttons apart as the eye does (LOSS2).
 */
export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="toast">
          <span id={`toast-${toast.id}`}>{toast.message}</span>
          {[toast.action ?? []].flat().map((action) => (
            <button
              key={action.label}
              type="button"
              className="toast__action"
              aria-describedby={`toast-${toast.id}`}
              onClick={() => {
                action.run();
                dismiss(toast.id);
              }}
            >
              {action.label}
            </button>
          ))}
          <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label={t('toast.dismiss')}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
