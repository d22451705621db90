import { useState } from 'react';
import { useReturnFocus } from '../chrome/useDismiss.ts';
import type { ClauseState, ClauseStatus } from '../../shared/clauseStatus.ts';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { dateAndTime, when } from '../time.ts';
import { LockIcon } from './LockIcon.tsx';
import { PendingChoice } from './PendingChoice.tsx';

/**
 * A clause's status at a glance — word, icon and colour, never colour
 * alone. For the chair it is also the control: it opens a small form that
 * says what the change will do before doing it.
 */
function Icon({ state }: { state: ClauseState }) {
  if (state === 'agreed') return <LockIcon />;
  return <span aria-hidden="true">{state === 'ad-ref' ? '◐' : '○'}</span>;
}


function describe(status: ClauseStatus | undefined): string {
  if (!status) return t('status.open');
  const when = dateAndTime(status.at);
  const lines = [t('status.by', { state: t(`status.${status.state}`), name: status.by, when })];
  if (status.pending?.length) lines.push(t('status.pendingWith', { names: status.pending.join(', ') }));
  // An agreed clause keeps a reason only when it was agreed over an objection (POS4); an open one, why it was reopened.
  if (status.reason) lines.push(status.state === 'agreed' ? t('positions.agreedOver', { reason: status.reason }) : t('status.reason', { reason: status.reason }));
  if (status.state === 'agreed') lines.push(t('status.locked'));
  return lines.join('\n');
}

/** An objection named by the server's 409 `objection-stands` (POS4); anything unreadable is skipped. */
interface StandingObjection {
  name: string;
  label: string;
  note: string;
}

function readObjections(value: unknown): StandingObjection[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o: Record<string, unknown> | null) =>
    o && typeof o.name === 'string' ? [{ name: o.name, label: typeof o.label === 'string' ? o.label : '', note: typeof o.note === 'string' ? o.note : '' }] : [],
  );
}

export function StatusChip({
  declarationId,
  clauseId,
  label,
  status,
  canSet,
  notify,
}: {
  declarationId: string;
  clauseId: string;
  label: string;
  status: ClauseStatus | undefined;
  canSet: boolean;
  notify(message: string): void;
}) {
  const state = status?.state ?? 'open';
  const [open, setOpen] = useState(false);
  const text = state === 'ad-ref' && status?.pending?.length ? `${t('status.ad-ref')} · ${status.pending.length}` : t(`status.${state}`);
  const chip = (
    <>
      <Icon state={state} /> {text}
    </>
  );
  return (
    <div className="status">
      {canSet ? (
        <button
          type="button"
          className={`status-chip status-chip--${state}`}
          title={describe(status)}
          aria-label={t('status.changeCurrent', { label, state: text })}
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          data-testid="status-chip"
          data-state={state}
        >
          {chip}
        </button>
      ) : (
        <span className={`status-chip status-chip--${state}`} title={describe(status)} data-testid="status-chip" data-state={state}>
          {chip}
        </span>
      )}
      {status && state !== 'open' && (
        <span className="status__by" data-testid="status-by">
          {status.by}, {when(status.at)}
        </span>
      )}
      {open && (
        <StatusForm
          declarationId={declarationId}
          clauseId={clauseId}
          label={label}
          current={state}
          pending={status?.pending ?? []}
          onDone={(message) => {
            setOpen(false);
            if (message) notify(message);
          }}
        />
      )}
    </div>
  );
}

function StatusForm({
  declarationId,
  clauseId,
  label,
  current,
  pending: currentPending,
  onDone,
}: {
  declarationId: string;
  clauseId: string;
  label: string;
  current: ClauseState;
  /** Whom the clause is pending with now, ticked to start with. */
  pending: string[];
  onDone(message?: string): void;
}) {
  // Escape or a choice made gives the caret back to the chip (KEY4).
  useReturnFocus();
  const [choice, setChoice] = useState<ClauseState>(current === 'agreed' ? 'open' : current === 'open' ? 'agreed' : 'agreed');
  const [pending, setPending] = useState<string[]>(currentPending);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The objections the server named when asked to agree (POS4): agreeing now takes a reason, which is recorded.
  const [objections, setObjections] = useState<StandingObjection[] | null>(null);
  const [override, setOverride] = useState('');
  const reopening = current === 'agreed' && choice !== 'agreed';
  const overriding = objections !== null && choice === 'agreed';
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reopening && reason.trim() === '') {
      setError(t('status.reasonRequired'));
      return;
    }
    if (overriding && override.trim() === '') {
      setError(t('positions.overrideRequired'));
      return;
    }
    setBusy(true);
    try {
      await api(declarationId, `/clauses/${encodeURIComponent(clauseId)}/status`, {
        state: choice,
        ...(choice === 'ad-ref' && pending.length > 0 ? { pending } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(overriding ? { override: override.trim() } : {}),
      });
      onDone(t('status.done', { label, state: t(`status.${choice}`) }));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.id === 'objection-stands') {
        setObjections(readObjections(failure.details.objections));
        setError(null);
      } else if (failure instanceof ApiError && failure.id === 'brackets-remain') {
        setError(t('positions.bracketsRemain', { label, message: failure.message }));
      } else setError(t('status.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    }
  };
  return (
    <form className="status-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()} data-testid="status-form">
      <fieldset>
        <legend>{t('status.change', { label })}</legend>
        {(['open', 'ad-ref', 'agreed'] as const).map((state) => (
          <label key={state} className="status-form__option">
            <input type="radio" name="state" value={state} checked={choice === state} onChange={() => setChoice(state)} autoFocus={state === choice} />
            {t(state === 'open' ? 'status.makeOpen' : state === 'ad-ref' ? 'status.makeAdRef' : 'status.makeAgreed')}
          </label>
        ))}
      </fieldset>
      {choice === 'ad-ref' && <PendingChoice declarationId={declarationId} chosen={pending} onChange={setPending} />}
      {choice === 'agreed' && current !== 'agreed' && <p className="status-form__warning">{t('status.confirmLock', { label })}</p>}
      {overriding && (
        <div className="status-form__objections" data-testid="status-objections">
          <p className="status-form__warning" role="alert">
            {t('positions.objectionStands', { label })}
          </p>
          <ul>
            {objections.map((objection, i) => (
              <li key={i}>
                {t('positions.objectionOf', { name: objection.name, label: objection.label || label })}
                {objection.note && (
                  <>
                    : <q>{objection.note}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
          <label className="status-form__field">
            {t('positions.overrideReason')}
            <textarea value={override} onChange={(e) => setOverride(e.target.value)} rows={2} aria-required="true" autoFocus data-testid="status-override-reason" />
          </label>
        </div>
      )}
      {reopening && (
        <>
          <p className="status-form__warning">{t('status.confirmReopen', { label })}</p>
          <label className="status-form__field">
            {t('status.reasonLabel')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} aria-required="true" data-testid="status-reason" />
          </label>
        </>
      )}
      {error && (
        <p className="status-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="status-form__buttons">
        <button type="submit" className="button" disabled={busy} data-testid="status-apply">
          {overriding ? t('positions.overrideAction') : choice === 'agreed' && current !== 'agreed' ? t('status.lockAction') : reopening ? t('status.reopenAction') : t('status.apply')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone()}>
          {t('status.cancel')}
        </button>
      </div>
    </form>
  );
}
