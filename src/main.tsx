import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { checkVault } from './features/lock/deviceLockFlow.ts';
import { preloadScreenFor } from './app/lazyScreens.ts';
import { parseRoute } from './app/useHashRoute.ts';
import './app/app.css';
import { setupI18n } from './i18n/setupI18n.ts';
import { db } from './storage/database.ts';
import { setSyncPhase, setSyncReceived } from './state/syncStatusStore.ts';
import { platformFetch } from './sync/postSync.ts';
import { startSync } from './sync/syncController.ts';

async function start(): Promise<void> {
  const openingRoute = parseRoute(window.location.hash);
  preloadScreenFor(openingRoute, 'code');
  // The vault is read while the languages load, so the first render is already the PIN screen.
  void checkVault();
  await setupI18n();
  preloadScreenFor(openingRoute, 'everything');
  startSync({
    db,
    baseUrl: '',
    fetch: platformFetch,
    onPhase: setSyncPhase,
    onProgress: setSyncReceived,
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
