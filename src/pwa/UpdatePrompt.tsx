import { lazy, Suspense, useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useSyncStatusStore } from '../state/syncStatusStore.ts';
import { requestSync } from '../sync/syncController.ts';

// Shown only when a new version waits: loaded then (it is precached with this version), not on every start.
const UpdateBanner = lazy(async () => ({ default: (await import('./UpdateBanner.tsx')).UpdateBanner }));

const HOUR_MS = 60 * 60 * 1000;
/**
 * The service worker is registered this long after the app opens, so workbox-window's code and the update
 * check do not share the page's thread with the first screen (a reason, not a measured gain: the warm-start
 * figures could not tell the difference, docs/benchmarks.md).
 */
const REGISTER_AFTER_MS = 2_000;

/** Registers the service worker (shortly after the first screen), checks for a new version hourly, and offers it. */
export function UpdatePrompt({ pending }: { pending: number }) {
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), REGISTER_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return due ? <RegisteredUpdatePrompt pending={pending} /> : null;
}

function RegisteredUpdatePrompt({ pending }: { pending: number }) {
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
  });

  const syncPhase = useSyncStatusStore((state) => state.phase);
  if (!needRefresh) return null;
  return (
    <Suspense fallback={null}>
      <UpdateBanner
        pending={pending}
        syncPhase={syncPhase}
        onUpdate={() => void updateServiceWorker(true)}
        onSyncFirst={() => requestSync('now')}
        onLater={() => setNeedRefresh(false)}
      />
    </Suspense>
  );
}
