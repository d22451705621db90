import { useState } from 'react';
import { CONVENTIONS, DECLARATION_LANGUAGES, isDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';

/**
 * The declaration's language, at the head of the text (DL9): the chair and
 * the secretariat change it — a wrong detection on import is put right —,
 * everyone else reads it. A native select, so that the keyboard and screen
 * readers work as everywhere; each language in its own name, as in the
 * import dialog. The select does not move by itself: it shows what the
 * server mirrors into `settings` (DL2), so every screen — this one too —
 * switches when the change comes back over the wire, and a refusal
 * (409 frozen, 403) leaves it where it was.
 */
export function DeclarationLanguageControl({
  declarationId,
  language,
  mayChoose,
  enabled,
  notify,
}: {
  declarationId: string;
  language: DeclarationLanguage;
  /** The chair or the secretariat (`changeLanguage`). */
  mayChoose: boolean;
  /** Connection open and the text not frozen (SIL4): the server would refuse otherwise. */
  enabled: boolean;
  notify(message: string): void;
}) {
  const [busy, setBusy] = useState(false);
  if (!mayChoose) {
    return (
      <div className="declaration-language" title={t('declarationLanguage.hint')} data-testid="declaration-language" data-language={language}>
        {t('declarationLanguage.shown', { language: CONVENTIONS[language].name })}
      </div>
    );
  }
  const choose = async (value: string) => {
    if (!isDeclarationLanguage(value) || value === language) return;
    setBusy(true);
    try {
      await api<{ language: DeclarationLanguage }>(declarationId, '/language', { language: value }, 'PUT');
      notify(t('declarationLanguage.changed', { language: CONVENTIONS[value].name }));
    } catch (failure) {
      notify(t('declarationLanguage.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="declaration-language" data-testid="declaration-language" data-language={language}>
      <label title={t('declarationLanguage.hint')}>
        <span>{t('declarationLanguage.label')}</span>
        <select value={language} disabled={!enabled || busy} onChange={(event) => void choose(event.target.value)} data-testid="declaration-language-select">
          {DECLARATION_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {CONVENTIONS[code].name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
