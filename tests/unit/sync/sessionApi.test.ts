import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { retryAfterSeconds, signIn, signOutOnServer } from '../../../src/sync/sessionApi.ts';

const REQUEST = { login: 'team', password: 'wrong-password', clientId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };

/** A server that answers every request the same way, recording what it was sent. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = (url, init) => {
    sent.push({ url, init });
    return Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );
  };
  return { fetch, sent };
}

describe('signIn answers', () => {
  it('posts the request as JSON with same-origin credentials', async () => {
    const server = answering(401, { error: { code: 'invalid_credentials' } });
    await signIn(server.fetch, 'https://ura.example', REQUEST);
    expect(server.sent).toHaveLength(1);
    const [{ url, init }] = server.sent as [{ url: string; init: RequestInit }];
    expect(url).toBe('https://ura.example/api/session');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual(REQUEST);
  });

  it('maps 401 to invalid_credentials', async () => {
    const server = answering(401, { error: { code: 'invalid_credentials' } });
    expect(await signIn(server.fetch, '', REQUEST)).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('maps 429 to too_many_attempts with the seconds to wait', async () => {
    const server = answering(429, { error: { code: 'too_many_attempts' } }, { 'retry-after': '840' });
    expect(await signIn(server.fetch, '', REQUEST)).toEqual({
      ok: false,
      reason: 'too_many_attempts',
      retryAfterSeconds: 840,
    });
  });

  it('maps 429 without Retry-After to too_many_attempts alone', async () => {
    const server = answering(429, { error: { code: 'too_many_attempts' } });
    expect(await signIn(server.fetch, '', REQUEST)).toEqual({ ok: false, reason: 'too_many_attempts' });
  });

  it('maps 403 device_revoked to device_revoked, and another 403 to server', async () => {
    const revoked = answering(403, { error: { code: 'device_revoked' } });
    expect(await signIn(revoked.fetch, '', REQUEST)).toEqual({ ok: false, reason: 'device_revoked' });
    const other = answering(403, { error: { code: 'forbidden' } });
    expect(await signIn(other.fetch, '', REQUEST)).toEqual({ ok: false, reason: 'server' });
  });

  it('maps a proxy error page (502, not JSON) to server', async () => {
    const fetch: FetchLike = () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await signIn(fetch, '', REQUEST)).toEqual({ ok: false, reason: 'server' });
  });

  it('maps a network failure to offline', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await signIn(fetch, '', REQUEST)).toEqual({ ok: false, reason: 'offline' });
    expect(await signOutOnServer(fetch, '')).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2027-01-10T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sun, 10 Jan 2027 10:15:00 GMT', now)).toBe(900);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});
