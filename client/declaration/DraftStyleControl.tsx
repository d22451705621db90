import { useState } from 'react';
import { CONVENTIONS, type DeclarationLanguage, type SubItemStyle } from '../../shared/declarationLanguage.ts';
import { markerOf } from '../../shared/numbering.ts';
import { PARAGRAPH_STYLES, isParagraphStyle } from '../../shared/paragraphStyle.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';

/** "(a)" or "a)": the style's own example, drawn by the numbering itself. */
const example = (style: SubItemStyle) => markerOf('a', 1, style);

/**
 * How the text prints its numbers (DP4), at the head of the text beside the
 * declaration's language: the chair chooses numbered paragraphs, articles
 * ("Article 1" above each operative paragraph) or unnumbered paragraphs,
 * and sub-items "(a)", "a)" or as the declaration's language letters them.
 * Native selects, for the keyboard and screen readers. Like the language,
 * the selects show what the server mirrors into `settings`: every screen
 * changes when the change comes back, and a refusal leaves them as they were.
 * Working labels (OP3, OP3(a)) never change. Others see the style in the text itself.
 */
export function DraftStyleControl({
  declarationId,
  settings,
  language,
  enabled,
  notify,
}: {
  declarationId: string;
  settings: DeclarationSettings;
  language: DeclarationLanguage;
  /** Connection open and the text not frozen. */
  enabled: boolean;
  notify(message: string): void;
}) {
  const [busy, setBusy] = useState(false);
  const change = async (next: Partial<Pick<DeclarationSettings, 'paragraphs' | 'subItemStyle'>>) => {
    setBusy(true);
    try {
      await api<{ settings: DeclarationSettings }>(declarationId, '/settings', next, 'PUT');
      notify(t('draftStyle.changed'));
    } catch (failure) {
      notify(t('draftStyle.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };
  const subItems = settings.subItemStyle ?? 'language';
  return (
    <div className="draft-style" data-testid="draft-style" title={t('draftStyle.hint')}>
      <label>
        <span>{t('draftStyle.paragraphs')}</span>
        <select
          value={settings.paragraphs}
          disabled={!enabled || busy}
          onChange={(event) => isParagraphStyle(event.target.value) && void change({ paragraphs: event.target.value })}
          data-testid="paragraph-style-select"
        >
          {PARAGRAPH_STYLES.map((style) => (
            <option key={style} value={style}>
              {t(`draftStyle.paragraphs.${style}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('draftStyle.subItems')}</span>
        <select
          value={subItems}
          disabled={!enabled || busy}
          onChange={(event) => {
            const value = event.target.value;
            void change({ subItemStyle: value === 'enclosed' || value === 'closing' ? value : null });
          }}
          data-testid="subitem-style-select"
        >
          <option value="enclosed">{example('enclosed')}</option>
          <option value="closing">{example('closing')}</option>
          <option value="language">{t('draftStyle.subItems.language', { example: example(CONVENTIONS[language].subItemStyle) })}</option>
        </select>
      </label>
    </div>
  );
}
