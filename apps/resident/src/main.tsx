import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createI18n, markDocumentLanguage } from './i18n/i18n';
import { LocationProvider } from './router/location';
import { phoneLanguage } from './session/device-storage';

const storages = { local: window.localStorage, session: window.sessionStorage };
const language = phoneLanguage(storages.local, window.location.search);
markDocumentLanguage(language);
const i18n = createI18n(language);

// The app shell works offline once the service worker has cached it (browsers allow service
// workers only over https or on localhost; over plain http on a LAN the app still says when
// it has no connection, from its own screen).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .catch(() => undefined);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <LocationProvider>
        <App storages={storages} />
      </LocationProvider>
    </I18nextProvider>
  </StrictMode>,
);
