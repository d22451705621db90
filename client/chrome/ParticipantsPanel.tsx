import { useCallback, useEffect, useState } from 'react';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';

/** For the chair and the secretariat: who takes part, their links, adding and removing. */
interface Listed extends ParticipantInfo {
  revoked: boolean;
  url: string | null;
}

export function ParticipantsPanel({ declarationId, onClose }: { declarationId: string; onClose(): void }) {
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
      await api(declarationId, path, {});
      reload();
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
      <ul className="panel__list">
        {(participants ?? []).map((p) => (
          <li key={p.id} className={p.revoked ? 'is-revoked' : ''} data-testid="participant-row" data-name={p.name}>
            <span className="presence__dot" style={{ background: p.color }} aria-hidden="true" />
            <span className="panel__name">{p.name}</span>
            <span className="panel__role">{p.revoked ? t('participants.revoked') : t(`role.${p.role}`)}</span>
            {p.url && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void navigator.clipboard?.writeText(p.url!).then(() => setCopied(p.id))}
              >
                {copied === p.id ? t('participants.copied') : t('participants.copy')}
              </button>
            )}
            {!p.revoked && (
              <button type="button" className="button button--quiet" onClick={() => act(`/participants/${p.id}/new-link`, t('participants.confirmNewLink', { name: p.name }))}>
                {t('participants.newLink')}
              </button>
            )}
            {!p.revoked && p.role !== 'chair' && (
              <button
                type="button"
                className="button button--quiet button--danger"
                onClick={() => act(`/participants/${p.id}/revoke`, t('participants.confirmRevoke', { name: p.name }))}
                data-testid="revoke"
              >
                {t('participants.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
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
    </aside>
  );
}
