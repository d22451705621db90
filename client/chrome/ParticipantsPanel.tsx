import { useCallback, useEffect, useState } from 'react';
import { mayActOnParticipant } from '../../shared/participantAccess.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { useReturnFocus } from './useDismiss.ts';

/**
 * For the chair and the secretariat: who takes part, their links, adding,
 * removing and restoring. It offers on each row only what the server allows
 * (`mayActOnParticipant`, docs/SPEC.md ROLE4, PART2): the secretariat sees
 * no link and no button on the chair's row.
 */
interface Listed extends ParticipantInfo {
  revoked: boolean;
  url: string | null;
}

export function ParticipantsPanel({ declarationId, me, onClose }: { declarationId: string; me: ParticipantInfo; onClose(): void }) {
  // Escape or Close gives the focus back to the button that opened the panel (KEY4).
  useReturnFocus();
  const [participants, setParticipants] = useState<Listed[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'delegation' | 'observer'>('delegation');
  const fail = (failure: unknown) => setError(t('participants.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
  const reload = useCallback(() => {
    api<{ participants: Listed[] }>(declarationId, '/participants').then((r) => setParticipants(r.participants), fail);
  }, [declarationId]);
  useEffect(reload, [reload]);

  const act = async (path: string, confirmText: string) => {
    if (!window.confirm(confirmText)) return;
    setError(null);
    try {
      const { participant } = await api<{ participant: Listed }>(declarationId, path, {});
      // Our own new link: the old one no longer signs this browser in, the new one does.
      if (participant.id === me.id && participant.url) window.location.assign(participant.url);
      else reload();
    } catch (failure) {
      fail(failure);
    }
  };
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api(declarationId, '/participants', { name, role });
      setName('');
      reload();
    } catch (failure) {
      fail(failure);
    }
  };

  const row = (p: Listed) => (
    <li key={p.id} className={p.revoked ? 'is-revoked' : ''} data-testid="participant-row" data-name={p.name} data-revoked={p.revoked}>
      <span className="presence__dot" style={{ background: p.color }} aria-hidden="true" />
      <span className="panel__name">{p.name}</span>
      <span className="panel__role">{p.revoked ? t('participants.revoked') : t(`role.${p.role}`)}</span>
      <span className="panel__actions">
        {p.url && (
          <button type="button" className="button button--quiet" onClick={() => void navigator.clipboard?.writeText(p.url!).then(() => setCopied(p.id))} data-testid="copy-link">
            {copied === p.id ? t('participants.copied') : t('participants.copy')}
          </button>
        )}
        {!p.revoked && !p.url && p.role === 'chair' && <span className="panel__note">{t('participants.chairKeepsLink')}</span>}
        {!p.revoked && mayActOnParticipant(me, p, 'newLink') && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => act(`/participants/${p.id}/new-link`, p.id === me.id ? t('participants.confirmOwnNewLink') : t('participants.confirmNewLink', { name: p.name }))}
            data-testid="new-link"
          >
            {t('participants.newLink')}
          </button>
        )}
        {!p.revoked && mayActOnParticipant(me, p, 'revoke') && (
          <button
            type="button"
            className="button button--quiet button--danger"
            onClick={() => act(`/participants/${p.id}/revoke`, t('participants.confirmRevoke', { name: p.name }))}
            data-testid="revoke"
          >
            {t('participants.revoke')}
          </button>
        )}
        {p.revoked && mayActOnParticipant(me, p, 'restore') && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => act(`/participants/${p.id}/restore`, t('participants.confirmRestore', { name: p.name }))}
            data-testid="restore"
          >
            {t('participants.restore')}
          </button>
        )}
      </span>
    </li>
  );
  const current = (participants ?? []).filter((p) => !p.revoked);
  const removed = (participants ?? []).filter((p) => p.revoked);

  return (
    <aside className="panel" role="dialog" aria-label={t('participants.title')} data-testid="participants-panel" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="panel__header">
        <h2>{t('participants.title')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          {t('participants.close')}
        </button>
      </header>
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
      <ul className="panel__list">{current.map(row)}</ul>
      <form className="panel__add" onSubmit={add}>
        <label>
          {t('participants.addName')}
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} data-testid="participant-name" />
        </label>
        <label>
          {t('participants.addRole')}
          <select value={role} onChange={(e) => setRole(e.target.value as 'delegation' | 'observer')}>
            <option value="delegation">{t('role.delegation')}</option>
            <option value="observer">{t('role.observer')}</option>
          </select>
        </label>
        <button type="submit" className="button" data-testid="participant-add">
          {t('participants.add')}
        </button>
      </form>
      {removed.length > 0 && (
        <section className="panel__removed" aria-labelledby="participants-removed">
          <h3 id="participants-removed">{t('participants.removedHeading')}</h3>
          <p className="panel__hint">{t('participants.removedHint')}</p>
          <ul className="panel__list">{removed.map(row)}</ul>
        </section>
      )}
    </aside>
  );
}
