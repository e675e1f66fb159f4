import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installWebTransport } from './api/web-transport.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

installWebTransport();
await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
