import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useSyncStatusStore } from '../state/syncStatusStore.ts';
import { requestSync } from '../sync/syncController.ts';
import { useRegisterSW } from './registerServiceWorker.ts';
import { reloadPage } from './reloadPage.ts';
import { StaleTabBanner } from './StaleTabBanner.tsx';
import { watchForStaleCode } from './staleCode.ts';

// Shown only when a new version waits: loaded then (it is precached with this version), not on every start.
const UpdateBanner = lazy(async () => ({ default: (await import('./UpdateBanner.tsx')).UpdateBanner }));

const HOUR_MS = 60 * 60 * 1000;
/**
 * The service worker is registered this long after the app opens, so workbox-window's code and the update
 * check do not share the page's thread with the first screen (a reason, not a measured gain: the warm-start
 * figures could not tell the difference, docs/benchmarks.md).
 */
const REGISTER_AFTER_MS = 2_000;

/**
 * Watched from the app's start, not from the prompt's mount: behind the lock screen the prompt is not mounted,
 * and an update another tab takes meanwhile must still be noticed when this one is unlocked.
 */
const staleCode = watchForStaleCode();

/**
 * Registers the service worker (shortly after the first screen), checks for a new version hourly, and offers it;
 * once another tab has installed a new version, asks for this tab to be reloaded instead.
 */
export function UpdatePrompt({ pending }: { pending: number }) {
  const stale = useSyncExternalStore(staleCode.subscribe, staleCode.isStale);
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), REGISTER_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      {due ? <RegisteredUpdatePrompt pending={pending} hidden={stale} /> : null}
      {stale ? <StaleTabBanner pending={pending} onReload={reloadPage} /> : null}
    </>
  );
}

function RegisteredUpdatePrompt({ pending, hidden }: { pending: number; hidden: boolean }) {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, HOUR_MS);
    },
    // Without this the plugin reloads every tab that had seen the new version waiting, when it takes control:
    // a tab where the user is typing would lose the form. Only the tab that asked reloads; the others show
    // StaleTabBanner and let the user choose when.
    onNeedReload() {
      if (staleCode.updateAsked()) reloadPage();
    },
  });

  const syncPhase = useSyncStatusStore((state) => state.phase);
  // Once stale, nothing waits any more (the new version is active), so "Update now" could not work.
  if (!needRefresh || hidden) return null;
  return (
    <Suspense fallback={null}>
      <UpdateBanner
        pending={pending}
        syncPhase={syncPhase}
        onUpdate={() => {
          staleCode.noteUpdateAsked();
          void updateServiceWorker(true);
        }}
        onSyncFirst={() => requestSync('now')}
        onLater={() => setNeedRefresh(false)}
      />
    </Suspense>
  );
}
