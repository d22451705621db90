import { useState } from 'react';
import { can } from '../../shared/permissions.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { adoptedAt, isRunning } from '../../shared/silence/silenceRules.ts';
import { t } from '../i18n.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { silenceApi } from './silenceApi.ts';
import { StartSilenceDialog } from './StartSilenceDialog.tsx';
import { adoptedWords, deadlineWords, remainingWords } from './silenceWords.ts';
import { useClock } from './useSilence.ts';
import './silence.css';

/** The server's refusal (client/api.ts has already put it in the interface language, I18N6), or the failure as it came. */
function failureWords(failure: unknown): string {
  return t('silence.failed', { message: failure instanceof Error ? failure.message : String(failure) });
}

/**
 * The silence procedure at the head of the text, for every participant
 * (SIL9): the chair's "Start silence procedure"; while it runs, the
 * deadline in local time counting down, "Break silence" for delegations and
 * "Cancel procedure" for the chair; after a break or a cancellation, who
 * and why; once adopted, when.
 */
export function SilenceBanner({
  declarationId,
  me,
  procedure,
  notAgreed,
  connectionClosed,
}: {
  declarationId: string;
  me: ParticipantInfo;
  procedure: SilenceProcedure | null;
  /** Clauses not agreed now (a reason is needed to start, SIL1). */
  notAgreed: number;
  connectionClosed: boolean;
}) {
  const [dialog, setDialog] = useState<'start' | 'break' | 'cancel' | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const running = isRunning(procedure);
  const now = useClock(running);
  const adopted = adoptedAt(procedure);
  const ended = procedure?.ended ? { ...procedure.ended, id: procedure.id } : null;
  const send = async (call: () => Promise<unknown>) => {
    try {
      await call();
      return null;
    } catch (failure) {
      return failureWords(failure);
    }
  };
  const mayAct = !connectionClosed;

  let banner: React.ReactNode = null;
  if (adopted !== null) {
    banner = (
      <p className="silence silence--adopted" role="status" data-testid="silence-adopted">
        {t('silence.adoptedBanner', { date: adoptedWords(adopted) })}
      </p>
    );
  } else if (running) {
    banner = (
      <div className="silence silence--running" role="status" data-testid="silence-running">
        <span>
          <strong>{t('silence.running', { deadline: deadlineWords(procedure.deadline) })}</strong>{' '}
          <span className="silence__left" data-testid="silence-countdown">
            {t('silence.remaining', { time: remainingWords(procedure.deadline - now) })}
          </span>
          {procedure.reason && <span className="silence__reason">{t('silence.startedWithReason', { name: procedure.startedBy, reason: procedure.reason })}</span>}
        </span>
        <span className="silence__buttons">
          {mayAct && can(me.role, 'breakSilence') && (
            <button type="button" className="button silence__break" onClick={() => setDialog('break')} data-testid="silence-break">
              {t('silence.break')}
            </button>
          )}
          {mayAct && can(me.role, 'silence') && (
            <button type="button" className="button button--quiet" onClick={() => setDialog('cancel')} data-testid="silence-cancel">
              {t('silence.cancel')}
            </button>
          )}
        </span>
      </div>
    );
  } else if (ended && dismissed !== ended.id) {
    const { outcome, by, reason, at, id } = ended;
    banner = (
      <div className="silence silence--ended" role="status" data-testid="silence-ended">
        <span>{t(outcome === 'broken' ? 'silence.broken' : 'silence.cancelled', { name: by ?? '', reason, time: adoptedWords(at) })}</span>
        <button type="button" className="button button--quiet" onClick={() => setDismissed(id)}>
          {t('silence.dismiss')}
        </button>
      </div>
    );
  }
  const mayStart = mayAct && can(me.role, 'silence') && !running && adopted === null;

  return (
    <>
      {banner}
      {mayStart && (
        <p className="silence-start">
          <button type="button" className="link-button" onClick={() => setDialog('start')} data-testid="silence-start">
            {t('silence.start')}…
          </button>
        </p>
      )}
      {dialog === 'start' && (
        <StartSilenceDialog notAgreed={notAgreed} onSubmit={(body) => send(() => silenceApi.start(declarationId, body))} onClose={() => setDialog(null)} />
      )}
      {dialog === 'break' && (
        <ReasonDialog
          title={t('silence.breakTitle')}
          intro={t('silence.breakIntro')}
          label={t('silence.breakReason')}
          confirm={t('silence.breakConfirm')}
          testId="silence-break-dialog"
          onSubmit={(reason) => send(() => silenceApi.break(declarationId, reason))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'cancel' && (
        <ReasonDialog
          title={t('silence.cancelTitle')}
          intro={t('silence.cancelIntro')}
          label={t('silence.cancelReason')}
          confirm={t('silence.cancelConfirm')}
          testId="silence-cancel-dialog"
          onSubmit={(reason) => send(() => silenceApi.cancel(declarationId, reason))}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
