/**
 * Tells whether this tab runs code older than the version now installed, and
 * so cannot load the lazy chunks its code still names (a newer service worker
 * dropped them from the precache and the server no longer has them).
 */
export interface StaleCodeWatch {
  isStale: () => boolean;
  /** For useSyncExternalStore: `listener` runs once the tab turns out stale. Returns an unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  /** This tab asked for the update: it reloads itself into the new version, so its controller change is no news. */
  noteUpdateAsked: () => void;
  updateAsked: () => boolean;
}

/**
 * Starts watching `navigator.serviceWorker` (absent without service workers or
 * outside a secure context: nothing to watch there) and `window` for signs that
 * another tab installed a new version under this one. Never stopped: the app
 * watches for as long as the page lives.
 */
export function watchForStaleCode(): StaleCodeWatch {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  const listeners = new Set<() => void>();
  let stale = false;
  let asked = false;
  let controller = container?.controller ?? null;

  const becomeStale = (): void => {
    if (stale) return;
    stale = true;
    for (const listener of listeners) listener();
  };

  container?.addEventListener('controllerchange', () => {
    const before = controller;
    controller = container.controller;
    // From no controller to one is the first install taking the page, which ran this very version.
    // A worker replacing another is a newer version, activated by another tab's "Update now" (or this tab's).
    if (before !== null && !asked) becomeStale();
  });

  // Vite dispatches this when a dynamic import fails. In a page a service worker controls every chunk of its
  // version is precached, so a failed import means the chunk belongs to a version no longer installed. Without
  // a controller (first visit, development) it is only a network failure, and the import's own error says so.
  // The event is not cancelled: the import still rejects with its original error, which callers handle
  // (a failed sync is retried, a screen shows its error) — cancelling would resolve it to undefined instead.
  window.addEventListener('vite:preloadError', () => {
    if ((container?.controller ?? null) !== null) becomeStale();
  });

  return {
    isStale: () => stale,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    noteUpdateAsked: () => {
      asked = true;
    },
    updateAsked: () => asked,
  };
}
