import { useId, useState } from 'react';
import { MAX_VERSION_NAME, MAX_VERSION_NOTE, type VersionInfo } from '../../shared/versions/version.ts';
import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';

/** Which field a refusal of the server is about (docs/API.md: POST …/versions). */
function fieldOf(failure: unknown): 'name' | 'note' | null {
  if (!(failure instanceof ApiError)) return null;
  if (failure.id === 'bad-version-name' || failure.id === 'version-name-taken') return 'name';
  if (failure.id === 'bad-version-note') return 'note';
  return null;
}

/**
 * "Save version…" for the chair and the secretariat (VER1, VER4): a name,
 * an optional note. Enter in the name saves, Escape cancels. The server's
 * refusal is said under the field it is about, and what was typed stays.
 */
export function SaveVersionForm({ save, onSaved, onCancel }: { save(name: string, note: string): Promise<VersionInfo>; onSaved(version: VersionInfo): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'note' | null; message: string } | null>(null);
  const ids = { name: useId(), note: useId(), error: useId() };

  const submit = async () => {
    if (busy) return;
    if (name.trim() === '') {
      setError({ field: 'name', message: t('versions.save.nameRequired') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await save(name.trim(), note.trim());
      onSaved(version);
    } catch (failure) {
      setError({ field: fieldOf(failure), message: failure instanceof Error ? failure.message : String(failure) });
      setBusy(false);
    }
  };
  const fieldError = (field: 'name' | 'note') =>
    error?.field === field ? (
      <p className="versions-form__error" role="alert" id={ids.error} data-testid={`save-version-${field}-error`}>
        {error.message}
      </p>
    ) : null;

  return (
    <form
      className="versions-form"
      data-testid="save-version-form"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <label htmlFor={ids.name}>{t('versions.save.name')}</label>
      <input
        id={ids.name}
        type="text"
        value={name}
        maxLength={MAX_VERSION_NAME + 20}
        placeholder={t('versions.save.namePlaceholder')}
        autoFocus
        aria-invalid={error?.field === 'name'}
        aria-describedby={error?.field === 'name' ? ids.error : undefined}
        onChange={(event) => setName(event.target.value)}
        data-testid="save-version-name"
      />
      {fieldError('name')}
      <label htmlFor={ids.note}>{t('versions.save.note')}</label>
      <textarea
        id={ids.note}
        value={note}
        rows={2}
        maxLength={MAX_VERSION_NOTE + 100}
        placeholder={t('versions.save.notePlaceholder')}
        aria-invalid={error?.field === 'note'}
        aria-describedby={error?.field === 'note' ? ids.error : undefined}
        onChange={(event) => setNote(event.target.value)}
        data-testid="save-version-note"
      />
      {fieldError('note')}
      {error && error.field === null && (
        <p className="versions-form__error" role="alert" data-testid="save-version-error">
          {t('versions.save.failed', { message: error.message })}
        </p>
      )}
      <div className="versions-form__buttons">
        <button type="submit" className="button" disabled={busy} data-testid="save-version-submit">
          {busy ? t('versions.save.saving') : t('versions.save.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('versions.cancel')}
        </button>
        <span className="versions-form__hint">{t('versions.save.hint')}</span>
      </div>
    </form>
  );
}
