import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { adoptTokenFromAddress, deviceLanguage, idleSeconds } from './device/device-settings';
import { createI18n, markDocumentLanguage } from './i18n/i18n';

const storage = window.localStorage;
adoptTokenFromAddress(window.location, window.history, storage);
const language = deviceLanguage(window.location, storage, navigator.language);
markDocumentLanguage(language);
const i18n = createI18n(language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App
        storage={storage}
        idleSeconds={idleSeconds(window.location, storage)}
        language={language}
      />
    </I18nextProvider>
  </StrictMode>,
);
