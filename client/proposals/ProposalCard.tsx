import { useId, useState } from 'react';
import { carriesText, MAX_REJECTION_REASON_LENGTH, type Proposal } from '../../shared/proposals/proposal.ts';
import { mayDecide, mayEditProposal, mayReact, mayWithdraw } from '../../shared/proposals/proposalRules.ts';
import { changedSince as hasChangedSince, originalRedline, proposalRedline } from '../../shared/proposals/proposalRedline.ts';
import { proposalWording } from '../../shared/proposals/proposalWording.ts';
import type { Redline as RedlineData } from '../../shared/proposals/wordDiff.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import { ApiError } from '../api.ts';
import { messageParts } from '../chrome/messageParts.tsx';
import { t } from '../i18n.ts';
import { when } from '../time.ts';
import { Redline } from './Redline.tsx';
import { SuggestEditor, type SuggestPlace } from './SuggestEditor.tsx';

export interface ProposalActions {
  react(proposal: Proposal, reaction: 'support' | 'object', on: boolean): Promise<void>;
  withdraw(proposal: Proposal): Promise<void>;
  /** `shownText`: the plain text of the clause the redline on screen was computed against (PROP8). */
  accept(proposal: Proposal, shownText: string): Promise<void>;
  reject(proposal: Proposal, reason: string): Promise<void>;
  undo(proposal: Proposal): Promise<void>;
  edit(proposal: Proposal, change: { text?: RichText; baseText?: RichText; justification?: string }): Promise<void>;
  /** Shows the proposal under its clause in the text. */
  choose(proposal: Proposal): void;
}

/** Where a proposal sits and how the screen calls it. */
export interface ProposalPlace {
  /** PP3, OP5 a); null when its clause is no longer in the text. */
  label: string | null;
  /** Its number among the clause's open alternatives (PROP3), from 1; null when it is not open. */
  alt: number | null;
  /** The clause is agreed (or part of an agreed paragraph): open proposals wait, "not decided" (PROP8). */
  agreed: boolean;
  /** For editing it in place. */
  suggest: SuggestPlace | null;
}

/** The clause's text as a proposal's redline compares it: footnote references kept, comment anchors not (FN2). */
const without = proposalWording;

/**
 * The redline to show (PROP4): an open one against the clause as it stands,
 * its own changes carried over onto it (shared/proposals/proposalRedline.ts) —
 * or, on request, as it was made; a decided one as it was decided.
 */
function redlineOf(proposal: Proposal, current: RichText | null, againstBase: boolean): RedlineData {
  if (proposal.state === 'accepted' && proposal.acceptedOver) return proposalRedline(proposal, without(proposal.acceptedOver));
  if (proposal.state === 'open' && current && !againstBase) return proposalRedline(proposal, without(current));
  return originalRedline(proposal);
}

function names(reactions: Proposal['supporters']): string {
  return reactions.map((r) => r.name).join(', ');
}

/** "2 support: Chile, Peru" with the count in bold; the translation puts the colon (French: a no-break space before it). */
function reactionWords(count: string, reactions: Proposal['supporters']) {
  const strong = <strong>{count}</strong>;
  return reactions.length === 0 ? strong : messageParts('proposals.reactionNames', { count: strong }, { names: names(reactions) });
}

/**
 * One proposal (PROP13): who made it and when, how it came to be, its
 * redline, why, who supports and who objects, and the buttons this
 * participant's role allows (shared/proposals/proposalRules.ts). The same
 * card sits under its clause (as "Alt 1 (Chile)") and in the side panel.
 */
export function ProposalCard({
  proposal,
  place,
  current,
  me,
  people,
  settings,
  canAct,
  active,
  inPanel,
  actions,
}: {
  proposal: Proposal;
  place: ProposalPlace;
  /** The clause's text as it stands; null when it is not in the text. */
  current: RichText | null;
  me: ParticipantInfo;
  people: ParticipantInfo[];
  settings: DeclarationSettings;
  /** False while the connection is closed: nothing can be sent. */
  canAct: boolean;
  active: boolean;
  inPanel: boolean;
  actions: ProposalActions;
}) {
  const [againstBase, setAgainstBase] = useState(false);
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ids = useId();
  const color = people.find((p) => p.id === proposal.authorId)?.color ?? 'var(--accent)';
  const open = proposal.state === 'open';
  const textual = proposal.action === 'replace' || proposal.action === 'delete';
  const changedSince = open && textual && current !== null && hasChangedSince(proposal, without(current));
  const showingBase = changedSince && againstBase;
  const redline = redlineOf(proposal, current, showingBase);
  const supported = proposal.supporters.some((r) => r.participantId === me.id);
  const objected = proposal.objectors.some((r) => r.participantId === me.id);
  const deciding = canAct && mayDecide(me.role, settings);
  // Every action needs its clause: the one replaced or deleted, or the one a new paragraph goes beside or under.
  const clauseGone = current === null;

  const run = (work: () => Promise<void>, done?: () => void) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    work().then(
      () => {
        setBusy(false);
        done?.();
      },
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof ApiError && failure.id === 'clause-changed') {
          // The card recomputes from the live text; the chair looks again before accepting.
          setAgainstBase(false);
          setMessage(t('proposals.clauseChanged'));
        } else setMessage(t('proposals.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
      },
    );
  };

  const heading = place.alt !== null && !inPanel ? t('proposals.alt', { n: place.alt, name: proposal.author }) : proposal.author;
  const label = place.label ?? t('proposals.clauseGone');
  return (
    <article
      className={`proposal proposal--${proposal.state}${active ? ' is-active' : ''}${place.agreed && open ? ' is-waiting' : ''}`}
      style={{ '--proposer-color': color } as React.CSSProperties}
      data-testid="proposal"
      data-proposal-id={proposal.id}
      data-state={proposal.state}
      tabIndex={-1}
      aria-labelledby={`${ids}-head`}
    >
      <header className="proposal__head">
        {inPanel && (
          <button type="button" className="thread__label proposal__place" onClick={() => actions.choose(proposal)} title={t('proposals.showInText')} data-testid="proposal-choose">
            {place.alt !== null ? t('proposals.placeAlt', { label, n: place.alt }) : label}
          </button>
        )}
        <span className="presence__dot" style={{ background: color }} aria-hidden="true" />
        <h3 className="proposal__author" id={`${ids}-head`}>
          <span className="sr-only">{t('proposals.cardOf', { label })} </span>
          {heading}
        </h3>
        <span className="proposal__when">
          {when(proposal.at)}
          {proposal.editedAt ? ` · ${t('proposals.edited')}` : ''}
        </span>
      </header>

      <div className="proposal__tags">
        {proposal.action !== 'replace' && (
          <span className="proposal__tag proposal__tag--action">{t(`proposals.what.${proposal.action}`, { label })}</span>
        )}
        {proposal.origin !== 'proposed' && (
          <span className="proposal__tag proposal__tag--origin" data-testid="proposal-origin">
            {t(`proposals.origin.${proposal.origin}`)}
          </span>
        )}
        {proposal.state !== 'open' && proposal.decided && (
          <span className={`proposal__tag proposal__tag--${proposal.state}`} data-testid="proposal-decision">
            {t(`proposals.decided.${proposal.state}`, { name: proposal.decided.by, when: when(proposal.decided.at) })}
          </span>
        )}
        {place.agreed && open && (
          <span className="proposal__tag proposal__tag--waiting" data-testid="proposal-not-decided">
            {t('proposals.notDecided')}
          </span>
        )}
      </div>

      {editing && place.suggest && current !== null ? (
        <SuggestEditor
          place={place.suggest}
          current={current}
          color={color}
          editing={proposal}
          onSend={async (change) => {
            await actions.edit(proposal, { ...(change.text ? { text: change.text } : {}), ...(change.baseText ? { baseText: change.baseText } : {}), justification: change.justification ?? '' });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {changedSince && (
            <p className="proposal__changed" data-testid="proposal-changed">
              {t('proposals.changedSince')}{' '}
              <button type="button" className="link-button" aria-pressed={againstBase} onClick={() => setAgainstBase((v) => !v)} data-testid="proposal-against-base">
                {againstBase ? t('proposals.showAgainstCurrent') : t('proposals.showAgainstBase')}
              </button>
            </p>
          )}
          {showingBase && <p className="proposal__against">{t('proposals.againstBase')}</p>}
          <Redline redline={redline} color={color} className={`proposal__redline${inPanel ? ' proposal__redline--panel' : ''}`} />
          {proposal.justification && (
            <p className="proposal__why" data-testid="proposal-justification">
              <span className="proposal__why-label">{t('proposals.justification')}</span> {proposal.justification}
            </p>
          )}
        </>
      )}

      {proposal.state === 'rejected' && proposal.decided?.reason && (
        <p className="proposal__why">
          <span className="proposal__why-label">{t('proposals.rejectReason')}</span> {proposal.decided.reason}
        </p>
      )}

      <p className="proposal__reactions" data-testid="proposal-reactions">
        <span data-testid="proposal-supporters" title={names(proposal.supporters)}>
          {reactionWords(t('proposals.supportCount', { count: proposal.supporters.length }), proposal.supporters)}
        </span>
        <span data-testid="proposal-objectors" title={names(proposal.objectors)}>
          {reactionWords(t('proposals.objectCount', { count: proposal.objectors.length }), proposal.objectors)}
        </span>
      </p>

      {message && (
        <p className="proposal__message" role="alert" data-testid="proposal-message">
          {message}
        </p>
      )}

      {rejecting ? (
        <form
          className="proposal__reject"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.length <= MAX_REJECTION_REASON_LENGTH) run(() => actions.reject(proposal, reason.trim()), () => setRejecting(false));
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setRejecting(false);
            }
          }}
        >
          <label htmlFor={`${ids}-reason`}>{t('proposals.rejectReasonLabel')}</label>
          <textarea id={`${ids}-reason`} className="composer__text" rows={2} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
          {reason.length > MAX_REJECTION_REASON_LENGTH && (
            <p className="composer__error">{t('proposals.suggest.tooLong', { count: reason.length, max: MAX_REJECTION_REASON_LENGTH })}</p>
          )}
          <div className="composer__buttons">
            <button type="submit" className="button button--reject" disabled={busy || reason.length > MAX_REJECTION_REASON_LENGTH} data-testid="reject-confirm">
              {t('proposals.rejectConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setRejecting(false)}>
              {t('proposals.cancel')}
            </button>
          </div>
        </form>
      ) : (
        !editing && (
          <div className="proposal__buttons">
            {open && canAct && mayReact(me.role, me.id, proposal) && (
              <>
                <button
                  type="button"
                  className={`button button--quiet proposal__react${supported ? ' is-on' : ''}`}
                  aria-pressed={supported}
                  disabled={busy}
                  onClick={() => run(() => actions.react(proposal, 'support', !supported))}
                  data-testid="proposal-support"
                >
                  {supported ? t('proposals.supporting') : t('proposals.support')}
                </button>
                <button
                  type="button"
                  className={`button button--quiet proposal__react proposal__react--object${objected ? ' is-on' : ''}`}
                  aria-pressed={objected}
                  disabled={busy}
                  onClick={() => run(() => actions.react(proposal, 'object', !objected))}
                  data-testid="proposal-object"
                >
                  {objected ? t('proposals.objecting') : t('proposals.object')}
                </button>
              </>
            )}
            {open && deciding && !place.agreed && !clauseGone && (
              <button
                type="button"
                className="button proposal__accept"
                disabled={busy || showingBase}
                title={showingBase ? t('proposals.acceptNeedsCurrent') : undefined}
                onClick={() => run(() => actions.accept(proposal, toPlainText(current ?? [])))}
                data-testid="proposal-accept"
              >
                {t('proposals.accept')}
              </button>
            )}
            {open && deciding && (
              <button type="button" className="button button--quiet button--danger" disabled={busy} onClick={() => setRejecting(true)} data-testid="proposal-reject">
                {t('proposals.reject')}
              </button>
            )}
            {proposal.state === 'accepted' && proposal.action === 'delete' && deciding && (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => run(() => actions.undo(proposal))} data-testid="proposal-undo">
                {t('proposals.undoDeletion')}
              </button>
            )}
            <span className="proposal__own">
              {canAct && carriesText(proposal.action) && !place.agreed && place.suggest && current !== null && mayEditProposal(me.id, proposal) && (
                <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="proposal-edit">
                  {t('proposals.edit')}
                </button>
              )}
              {canAct && mayWithdraw(me.id, proposal) && (
                <button
                  type="button"
                  className="link-button link-button--danger"
                  disabled={busy}
                  onClick={() => window.confirm(t('proposals.confirmWithdraw')) && run(() => actions.withdraw(proposal))}
                  data-testid="proposal-withdraw"
                >
                  {t('proposals.withdraw')}
                </button>
              )}
            </span>
          </div>
        )
      )}
    </article>
  );
}
