/**
 * Online sign-in of one person on one device (docs/accounts.md, "Sign-in").
 * An unknown login, a wrong password, a disabled user and a user who has not
 * yet chosen a password all answer the same, after the same scrypt work. Five
 * wrong passwords in a row lock the login for 15 minutes. Success hands back
 * the device's recovery secret, which no other reply carries.
 */
import type { Kysely } from 'kysely';
import type { SignInRequest } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { normaliseLogin } from '../accounts/accountQueries.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwordHash.ts';
import { openSession } from './sessionStore.ts';

type Db = Kysely<DatabaseSchema>;

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SignInOutcome =
  | { ok: true; userId: string; token: string; expiresAt: number; recoverySecret: string }
  | { ok: false; status: 401; code: 'invalid_credentials' }
  | { ok: false; status: 403; code: 'device_revoked' }
  | { ok: false; status: 429; code: 'too_many_attempts'; retryAfterSeconds: number };

const INVALID = { ok: false, status: 401, code: 'invalid_credentials' } as const;

function locked(until: number, now: number): SignInOutcome {
  return { ok: false, status: 429, code: 'too_many_attempts', retryAfterSeconds: Math.ceil((until - now) / 1000) };
}

export async function signIn(db: Db, request: SignInRequest, now: number): Promise<SignInOutcome> {
  const { clientId } = request;
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled_at', 'locked_until'])
    .where('login', '=', normaliseLogin(request.login))
    .executeTakeFirst();
  if (user?.locked_until != null && user.locked_until > now) {
    // No password check while locked: a right guess must not be told apart from a wrong one.
    await recordAudit(db, now, [{ userId: user.id, clientId, action: 'sign_in_locked' }]);
    return locked(user.locked_until, now);
  }
  const storedHash = user !== undefined && user.disabled_at === null ? user.password_hash : null;
  const matches = await verifyPassword(request.password, storedHash);
  if (user === undefined) {
    await recordAudit(db, now, [{ userId: null, clientId, action: 'sign_in_failed' }]);
    return INVALID;
  }
  if (!matches || storedHash === null) return recordFailure(db, user.id, clientId, now);

  const opened = await openSession(db, { userId: user.id, clientId }, now);
  if (opened === 'deviceRevoked') {
    await recordAudit(db, now, [
      { userId: user.id, clientId, action: 'sign_in_failed', detail: { deviceRevoked: true } },
    ]);
    return { ok: false, status: 403, code: 'device_revoked' };
  }
  // A hash made at a lower cost than today's is replaced while the password is at hand.
  const rehashed = needsRehash(storedHash) ? { password_hash: await hashPassword(request.password) } : {};
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, locked_until: null, ...rehashed })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, now, [{ userId: user.id, clientId, action: 'sign_in' }]);
  });
  return {
    ok: true,
    userId: user.id,
    token: opened.token,
    expiresAt: opened.expiresAt,
    recoverySecret: opened.recoverySecret,
  };
}

/** Counts a wrong password; the fifth in a row locks the login (and starts the count again). */
async function recordFailure(db: Db, userId: string, clientId: string, now: number): Promise<SignInOutcome> {
  return db.transaction().execute(async (trx) => {
    const counted = await trx
      .updateTable('app_user')
      .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_sign_ins')
      .executeTakeFirstOrThrow();
    const failures = Number(counted.failed_sign_ins);
    if (failures < MAX_FAILED_SIGN_INS) {
      await recordAudit(trx, now, [{ userId, clientId, action: 'sign_in_failed', detail: { failures } }]);
      return INVALID;
    }
    const until = now + LOCKOUT_MS;
    await trx
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, locked_until: until })
      .where('id', '=', userId)
      .execute();
    await recordAudit(trx, now, [
      { userId, clientId, action: 'sign_in_failed', detail: { failures } },
      { userId, clientId, action: 'sign_in_locked', detail: { lockedMinutes: LOCKOUT_MS / 60_000 } },
    ]);
    return locked(until, now);
  });
}
