import { useEffect, useState } from 'react';
import { choosePending } from '../../shared/pendingWith.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';

/**
 * The delegations an ad ref is pending with, ticked from the declaration's
 * current delegations (docs/SPEC.md STAT3): the server accepts no other
 * name, so the chair is never offered one. Asked of the server each time the
 * form opens, so a delegation added a minute ago is there.
 */
export function PendingChoice({ declarationId, chosen, onChange }: { declarationId: string; chosen: string[]; onChange(names: string[]): void }) {
  const [delegations, setDelegations] = useState<string[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api<{ people: ParticipantInfo[] }>(declarationId, '/people').then(
      (answer) => live && setDelegations(answer.people.filter((p) => p.role === 'delegation').map((p) => p.name)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [declarationId]);
  useEffect(() => {
    // A delegation removed since the status was set can no longer be waited for: untick it.
    if (delegations === null) return;
    const kept = choosePending(chosen, delegations).names;
    if (kept.length !== chosen.length) onChange(kept);
  }, [delegations, chosen, onChange]);
  const toggle = (name: string, on: boolean) => onChange(on ? [...chosen, name] : chosen.filter((n) => n !== name));

  return (
    <fieldset className="status-form__pending" data-testid="status-pending">
      <legend>{t('status.pendingLabel')}</legend>
      {failed ? (
        <p className="status-form__hint">{t('status.pendingFailed')}</p>
      ) : delegations === null ? (
        <p className="status-form__hint">{t('status.pendingLoading')}</p>
      ) : delegations.length === 0 ? (
        <p className="status-form__hint">{t('status.pendingNone')}</p>
      ) : (
        <div className="status-form__choices">
          {delegations.map((name) => (
            <label key={name} className="status-form__option">
              <input type="checkbox" checked={chosen.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
              {name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
