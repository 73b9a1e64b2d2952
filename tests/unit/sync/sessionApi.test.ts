import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { acceptInvitationSchema } from '../../../src/server/accounts/accountSchemas.ts';
import {
  acceptInvitation,
  MAX_INVITATION_CODE_LENGTH,
  MAX_NEW_PASSWORD_LENGTH,
  MIN_NEW_PASSWORD_LENGTH,
  retryAfterSeconds,
  signIn,
  signOutOnServer,
} from '../../../src/sync/sessionApi.ts';

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

const INVITATION = { code: '7KQ2-M9XD-4HJT-0PZW', password: 'a-new-password' };

describe('acceptInvitation answers', () => {
  it('posts the code and password as JSON with same-origin credentials', async () => {
    const server = answering(204, undefined);
    expect(await acceptInvitation(server.fetch, 'https://ura.example', INVITATION)).toEqual({ ok: true });
    expect(server.sent).toHaveLength(1);
    const [{ url, init }] = server.sent as [{ url: string; init: RequestInit }];
    expect(url).toBe('https://ura.example/api/invitations/accept');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual(INVITATION);
  });

  it('maps 401 to invalid_credentials (a code unknown, used or expired)', async () => {
    const server = answering(401, { error: { code: 'invalid_credentials' } });
    expect(await acceptInvitation(server.fetch, '', INVITATION)).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('maps 429 to too_many_attempts, with the seconds to wait when the server gives them', async () => {
    const timed = answering(429, { error: { code: 'too_many_attempts' } }, { 'retry-after': '42' });
    expect(await acceptInvitation(timed.fetch, '', INVITATION)).toEqual({
      ok: false,
      reason: 'too_many_attempts',
      retryAfterSeconds: 42,
    });
    const untimed = answering(429, { error: { code: 'too_many_attempts' } });
    expect(await acceptInvitation(untimed.fetch, '', INVITATION)).toEqual({ ok: false, reason: 'too_many_attempts' });
  });

  it('maps 400 to bad_request', async () => {
    const server = answering(400, {
      error: { code: 'bad_request', issues: [{ path: 'password', code: 'too_small' }] },
    });
    expect(await acceptInvitation(server.fetch, '', INVITATION)).toEqual({ ok: false, reason: 'bad_request' });
  });

  it("maps a 5xx, and a 200 that is not the server's answer (a captive portal), to server", async () => {
    const failing = answering(500, { error: { code: 'internal' } });
    expect(await acceptInvitation(failing.fetch, '', INVITATION)).toEqual({ ok: false, reason: 'server' });
    const portal: FetchLike = () => Promise.resolve(new Response('<html>Log in to the Wi-Fi</html>', { status: 200 }));
    expect(await acceptInvitation(portal, '', INVITATION)).toEqual({ ok: false, reason: 'server' });
  });

  it('maps a network failure to offline, without throwing', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await acceptInvitation(fetch, '', INVITATION)).toEqual({ ok: false, reason: 'offline' });
  });
});

describe('the limits the phone checks before accepting an invitation', () => {
  const valid = (code: string, password: string) => acceptInvitationSchema.safeParse({ code, password }).success;

  it("are the server's own", () => {
    const shortest = 'p'.repeat(MIN_NEW_PASSWORD_LENGTH);
    const longest = 'p'.repeat(MAX_NEW_PASSWORD_LENGTH);
    const longestCode = 'C'.repeat(MAX_INVITATION_CODE_LENGTH);
    expect(valid(longestCode, shortest)).toBe(true);
    expect(valid(longestCode, longest)).toBe(true);
    expect(valid('C', shortest.slice(1))).toBe(false);
    expect(valid('C', `${longest}p`)).toBe(false);
    expect(valid(`${longestCode}C`, shortest)).toBe(false);
  });
});
