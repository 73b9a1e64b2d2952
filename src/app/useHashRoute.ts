import { useSyncExternalStore } from 'react';

export type Route =
  { name: 'students' } | { name: 'newStudent' } | { name: 'editStudent'; id: string } | { name: 'settings' };

/** Hash routes keep every screen reachable offline from the one precached index.html. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'students' && parts[1] === 'new') return { name: 'newStudent' };
  if (parts[0] === 'students' && parts[1]) return { name: 'editStudent', id: parts[1] };
  return { name: 'students' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
