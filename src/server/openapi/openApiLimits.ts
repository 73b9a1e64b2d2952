/**
 * The server's limits as the description states them, built from the very
 * constants the server enforces, so a changed limit changes the description.
 */
import { INVITATION_LIFETIME_MS } from '../accounts/invitations.ts';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../auth/signIn.ts';
import { ATTEMPT_WINDOW_MS, MAX_ATTEMPTS_PER_WINDOW } from '../auth/signInLimiter.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_RENEW_AFTER_MS } from '../auth/sessionStore.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const LOCKOUT = `${MAX_FAILED_SIGN_INS} wrong passwords in a row lock the login for ${LOCKOUT_MS / MINUTE_MS} minutes`;

/** A deployment may raise it (`signInAttemptsPerMinute`); this is the default. */
export const PER_ADDRESS_LIMIT =
  `more than ${MAX_ATTEMPTS_PER_WINDOW} attempts (sign-ins and invitation codes together) from one address ` +
  `within ${ATTEMPT_WINDOW_MS / 1000} seconds (by default)`;

export const SESSION_LIFETIME =
  `${SESSION_IDLE_MS / DAY_MS} days after its last use, and ${SESSION_MAX_MS / DAY_MS} days after sign-in at the ` +
  'latest';

export const SESSION_RENEWAL = `at most once every ${SESSION_RENEW_AFTER_MS / MINUTE_MS} minutes`;

export const INVITATION_LIFETIME = `${INVITATION_LIFETIME_MS / DAY_MS} days`;
