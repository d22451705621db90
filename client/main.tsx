import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { useLanguage } from './i18n.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import './styles.css';

/**
 * Renders the app again when the interface language changes (I18N3): every
 * component below reads its strings anew, and keeps its state — unsent edits,
 * an open panel, a half-written comment — as no reload or remount would.
 */
function InLanguage({ children }: { children: () => ReactNode }) {
  useLanguage();
  return children();
}

registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <InLanguage>{() => <App />}</InLanguage>
  </StrictMode>,
);
