/**
 * Starts the app afresh on its first screen. After a sign-out nothing of the
 * last person may stay in memory (stores, caches, half-filled screens), and a
 * reload is the one way to be sure of it.
 */
export function restartApp(): void {
  window.location.hash = '#/';
  window.location.reload();
}
