/** Reloads this tab into the version its service worker now serves (a module of its own so tests can replace it). */
export function reloadPage(): void {
  window.location.reload();
}
