import { useEffect, useState } from 'react';
import { MessageScreen } from './chrome/MessageScreen.tsx';
import { DeclarationScreen } from './declaration/DeclarationScreen.tsx';
import { TextView, type TextViewKind } from './room/TextView.tsx';
import { t } from './i18n.ts';
import { loadSession, type SessionResult } from './session.ts';

const RETRY_MS = 5000;

/** `view`: the room view or the reading view of the declaration (ROOM6, ROOM8), signed in as the declaration screen is. */
function DeclarationRoute({ declarationId, view }: { declarationId: string; view?: TextViewKind }) {
  const [session, setSession] = useState<SessionResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void loadSession(declarationId).then((result) => {
      if (!cancelled) setSession(result);
    });
    return () => {
      cancelled = true;
    };
  }, [declarationId, attempt]);
  useEffect(() => {
    if (session?.kind !== 'failed') return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    return () => clearTimeout(timer);
  }, [session]);

  if (session === null) return <p className="loading">{t('session.loading')}</p>;
  switch (session.kind) {
    case 'ok':
      if (view) return <TextView declarationId={declarationId} view={view} role={session.participant.role} />;
      return <DeclarationScreen declarationId={declarationId} me={session.participant} />;
    case 'kept':
      // The views only read what the server sends, and it refuses this browser: say why, as for a link that does not work.
      if (view) return <MessageScreen title={t('session.invalidLink.title')} body={t('session.invalidLink.body')} />;
      return <DeclarationScreen declarationId={declarationId} me={session.participant} refused={session.refused} />;
    case 'invalid-link':
      return <MessageScreen title={t('session.invalidLink.title')} body={t('session.invalidLink.body')} />;
    case 'not-found':
      return <MessageScreen title={t('session.notFound.title')} body={t('session.notFound.body')} />;
    case 'failed':
      return <MessageScreen title={t('session.failed.title')} body={t('session.failed.body')} action={{ label: t('session.retry'), run: () => setAttempt((n) => n + 1) }} />;
  }
}

export function App() {
  const match = /^\/d\/([^/]+)(?:\/(room|read))?\/?$/.exec(window.location.pathname);
  if (match) return <DeclarationRoute declarationId={decodeURIComponent(match[1]!)} view={match[2] as TextViewKind | undefined} />;
  return <MessageScreen title={t('app.name')} body={`${t('landing.needLink')} ${t('landing.noLink')}`} />;
}
