/**
 * Sessions and the devices they belong to (docs/accounts.md, "Session"). A
 * session ends 30 days after its last use and 90 days after sign-in at the
 * latest; each use renews it, at most once an hour, so a busy device costs
 * one write an hour rather than one per sync.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { recoverySecretOf } from '../accounts/devices.ts';
import { newSessionToken, sha256Hex } from './secretTokens.ts';

type Db = Kysely<DatabaseSchema>;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const SESSION_IDLE_MS = 30 * DAY_MS;
export const SESSION_MAX_MS = 90 * DAY_MS;
export const SESSION_RENEW_AFTER_MS = HOUR_MS;

export interface ActiveSession {
  tokenHash: string;
  userId: string;
  clientId: string;
  createdAt: number;
  expiresAt: number;
}

export type SessionLookup =
  | { status: 'active'; session: ActiveSession; renewed: boolean }
  /** The device was revoked: the app must wipe itself (403 device_revoked). */
  | { status: 'deviceRevoked'; userId: string; clientId: string }
  /** Unknown, expired, signed out, or its user disabled (401 unauthenticated). */
  | { status: 'ended' };

export interface NewSession {
  token: string;
  expiresAt: number;
  /** The device's recovery secret, for the sign-in reply only (docs/accounts.md). */
  recoverySecret: string;
}

export function sessionExpiry(createdAt: number, now: number): number {
  return Math.min(now + SESSION_IDLE_MS, createdAt + SESSION_MAX_MS);
}

/**
 * Binds the device to the user and starts a session on it, in one transaction.
 * A device another person used is taken over (a shared phone), and any session
 * still open on it ends: a device holds one person's session at a time. A
 * revoked device stays revoked and gets no session. The device's recovery
 * secret is kept for the same person and made anew for another one.
 */
export async function openSession(
  db: Db,
  { userId, clientId }: { userId: string; clientId: string },
  now: number,
): Promise<NewSession | 'deviceRevoked'> {
  return db.transaction().execute(async (trx) => {
    const device = await trx
      .selectFrom('device')
      .select(['user_id', 'revoked_at'])
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (device?.revoked_at != null) return 'deviceRevoked' as const;
    if (device === undefined) {
      await trx
        .insertInto('device')
        .values({ client_id: clientId, user_id: userId, first_seen_at: now, last_seen_at: now, revoked_at: null })
        .execute();
    } else {
      // Another person must not receive the secret that unlocks the previous one's data.
      const takenOver = device.user_id !== userId ? { recovery_secret: null } : {};
      await trx
        .updateTable('device')
        .set({ user_id: userId, last_seen_at: now, ...takenOver })
        .where('client_id', '=', clientId)
        .execute();
    }
    await trx
      .updateTable('session')
      .set({ revoked_at: now })
      .where('client_id', '=', clientId)
      .where('revoked_at', 'is', null)
      .execute();
    const token = newSessionToken();
    const expiresAt = sessionExpiry(now, now);
    await trx
      .insertInto('session')
      .values({
        token_hash: sha256Hex(token),
        user_id: userId,
        client_id: clientId,
        created_at: now,
        last_used_at: now,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
    return { token, expiresAt, recoverySecret: await recoverySecretOf(trx, clientId) };
  });
}

/** What a session token stands for now, renewing it when its last renewal is an hour old. */
export async function resolveSession(db: Db, token: string, now: number): Promise<SessionLookup> {
  const tokenHash = sha256Hex(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .leftJoin('device', 'device.client_id', 'session.client_id')
    .select([
      'session.user_id as userId',
      'session.client_id as clientId',
      'session.created_at as createdAt',
      'session.last_used_at as lastUsedAt',
      'session.expires_at as expiresAt',
      'session.revoked_at as revokedAt',
      'app_user.disabled_at as disabledAt',
      'device.revoked_at as deviceRevokedAt',
      'device.user_id as deviceUserId',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined) return { status: 'ended' };
  // Checked before the session's own end: revoking a device ends its sessions too,
  // yet the device must still learn that it was revoked, so it wipes itself.
  if (row.deviceRevokedAt !== null && row.deviceUserId === row.userId) {
    return { status: 'deviceRevoked', userId: row.userId, clientId: row.clientId };
  }
  const expired = now >= row.expiresAt || now >= row.createdAt + SESSION_MAX_MS;
  if (row.revokedAt !== null || row.disabledAt !== null || row.deviceUserId !== row.userId) return { status: 'ended' };
  if (expired) {
    await endExpiredSession(db, tokenHash, row.userId, row.clientId, now);
    return { status: 'ended' };
  }
  const session = { tokenHash, userId: row.userId, clientId: row.clientId, createdAt: row.createdAt };
  if (now - row.lastUsedAt < SESSION_RENEW_AFTER_MS) {
    return { status: 'active', session: { ...session, expiresAt: row.expiresAt }, renewed: false };
  }
  const expiresAt = sessionExpiry(row.createdAt, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('session')
      .set({ last_used_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
    await trx.updateTable('device').set({ last_seen_at: now }).where('client_id', '=', row.clientId).execute();
  });
  return { status: 'active', session: { ...session, expiresAt }, renewed: true };
}

/** Marks an expired session ended, once, so the audit trail says when it lapsed. */
async function endExpiredSession(db: Db, tokenHash: string, userId: string, clientId: string, now: number) {
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('session')
      .set({ revoked_at: now })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) > 0) {
      await recordAudit(trx, now, [{ userId, clientId, action: 'session_expired' }]);
    }
  });
}

/** Signs one session out; true when it was still open. */
export async function endSession(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
