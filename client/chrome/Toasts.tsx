import { t } from '../i18n.ts';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run(): void };
}

/** Short notices at the bottom of the screen, with an optional action such as Undo. */
export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                toast.action!.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label={t('toast.dismiss')}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
