import { useEffect, useState } from 'react';
import { MessageScreen } from './chrome/MessageScreen.tsx';
import { DeclarationScreen } from './declaration/DeclarationScreen.tsx';
import { t } from './i18n.ts';
import { loadSession, type SessionResult } from './session.ts';

const RETRY_MS = 5000;

function DeclarationRoute({ declarationId }: { declarationId: string }) {
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
      return <DeclarationScreen declarationId={declarationId} me={session.participant} />;
    case 'kept':
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
  const match = /^\/d\/([^/]+)\/?$/.exec(window.location.pathname);
  if (match) return <DeclarationRoute declarationId={decodeURIComponent(match[1]!)} />;
  return <MessageScreen title={t('app.name')} body={`${t('landing.needLink')} ${t('landing.noLink')}`} />;
}
