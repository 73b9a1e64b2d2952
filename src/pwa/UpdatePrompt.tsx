import { lazy, Suspense } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useSyncStatusStore } from '../state/syncStatusStore.ts';
import { requestSync } from '../sync/syncController.ts';

// Shown only when a new version waits: loaded then (it is precached with this version), not on every start.
const UpdateBanner = lazy(async () => ({ default: (await import('./UpdateBanner.tsx')).UpdateBanner }));

const HOUR_MS = 60 * 60 * 1000;

/** Registers the service worker, checks for a new version hourly while online, and offers it. */
export function UpdatePrompt({ pending }: { pending: number }) {
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
