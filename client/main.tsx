import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { language } from './i18n.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import './styles.css';

document.documentElement.lang = language;
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
