/** The sync API's paths (`/api`, `/api/…`, `/api?…`): compressed, never cached, JSON-only CSP. */
export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
