/**
 * The session cookie (docs/accounts.md): `HttpOnly` (no script reads it),
 * `Secure`, `SameSite=Strict` (no other site's page can make the browser send
 * it) and `Path=/api` (the app's files never carry it).
 */
export const SESSION_COOKIE = 'ura_session';

const ATTRIBUTES = 'Path=/api; HttpOnly; Secure; SameSite=Strict';

/** `Set-Cookie` for a session that ends at `expiresAt`. */
export function sessionCookie(token: string, expiresAt: number, now: number): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return `${SESSION_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${maxAge}`;
}

/** `Set-Cookie` that makes the browser forget the session. */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`;
}

/** Token values are base64url; anything else in the cookie is not one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** The session token in a `Cookie` header, if it holds a well-formed one. */
export function sessionTokenFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    if (TOKEN_PATTERN.test(value)) return value;
  }
  return undefined;
}
