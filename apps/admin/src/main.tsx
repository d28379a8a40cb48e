import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { createQueryClient } from './api/query-client';
import { App } from './app';
import { createI18n, initialLanguage, rememberLanguage } from './i18n/i18n';
import { createSessionStore } from './session/session-store';

const session = createSessionStore(window.sessionStorage);
const api = createApiClient({ token: session.token });
const queryClient = createQueryClient(session);
const language = initialLanguage();
rememberLanguage(language);
const i18n = createI18n(language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={api} session={session} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);
