import { useEffect, useId, useState } from 'react';
import type { DeclarationSettings, EditingMode } from '../../shared/settings.ts';
import { messageParts } from '../chrome/messageParts.tsx';
import { t } from '../i18n.ts';

/**
 * The chair's settings for proposals (PROP6, PROP9): direct editing or
 * proposals only, and whether the secretariat decides too. Folded under
 * one line that says the mode, so the list of proposals keeps the room.
 * The choice shows at once; the server's mirror confirms it (or, refused,
 * it goes back).
 */
export function EditingSettings({ settings, onChange }: { settings: DeclarationSettings; onChange(change: Partial<DeclarationSettings>): Promise<void> }) {
  const [pending, setPending] = useState<Partial<DeclarationSettings>>({});
  const ids = useId();
  useEffect(() => setPending({}), [settings.editing, settings.secretariatDecides]);
  const shown = { ...settings, ...pending };
  const change = (next: Partial<DeclarationSettings>) => {
    setPending((current) => ({ ...current, ...next }));
    onChange(next).catch(() => setPending({}));
  };
  return (
    <details className="editing-settings" data-testid="editing-settings">
      <summary>
        {messageParts('proposals.settings.current', { mode: <span className="editing-settings__current">{t(`proposals.settings.${shown.editing}`)}</span> })}
      </summary>
      <fieldset>
        <legend className="sr-only">{t('proposals.settings.title')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('proposals.settings.mode')}>
          {(['direct', 'proposals'] as const satisfies readonly EditingMode[]).map((mode) => (
            <label key={mode} className={shown.editing === mode ? 'is-on' : undefined}>
              <input type="radio" name={`${ids}-mode`} checked={shown.editing === mode} onChange={() => change({ editing: mode })} data-testid={`editing-${mode}`} />
              {t(`proposals.settings.${mode}`)}
            </label>
          ))}
        </div>
        <p className="editing-settings__hint">{t(`proposals.settings.${shown.editing}Hint`)}</p>
        <label className="check">
          <input type="checkbox" checked={shown.secretariatDecides} onChange={(e) => change({ secretariatDecides: e.target.checked })} data-testid="secretariat-decides" />
          {t('proposals.settings.secretariatDecides')}
        </label>
      </fieldset>
    </details>
  );
}
