/**
 * Devices a user signed in on. Revoking one (a lost phone) ends its sessions;
 * its next request answers 403 device_revoked and the app wipes itself.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';

type Db = Kysely<DatabaseSchema>;

export interface DeviceSummary {
  clientId: string;
  userId: string;
  firstSeenAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
}

export async function listDevices(db: Db, userId: string): Promise<DeviceSummary[]> {
  // Named columns, not selectAll: the recovery secret never leaves through this list.
  const rows = await db
    .selectFrom('device')
    .select(['client_id', 'user_id', 'first_seen_at', 'last_seen_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('client_id')
    .execute();
  return rows.map((row) => ({
    clientId: row.client_id,
    userId: row.user_id,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  }));
}

export type RevokeOutcome = 'revoked' | 'alreadyRevoked' | 'unknown';

/** Revokes the device and ends every session on it, in the caller's transaction. */
export async function revokeDevice(
  db: Db,
  actorId: string | null,
  clientId: string,
  now: number,
): Promise<RevokeOutcome> {
  const device = await db
    .selectFrom('device')
    .select(['user_id', 'revoked_at'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (device === undefined) return 'unknown';
  if (device.revoked_at !== null) return 'alreadyRevoked';
  // The secret goes with the device: a lost phone's files can no longer recover its data key.
  await db
    .updateTable('device')
    .set({ revoked_at: now, recovery_secret: null })
    .where('client_id', '=', clientId)
    .execute();
  const ended = await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await recordAudit(db, now, [
    {
      userId: actorId,
      clientId,
      action: 'device_revoked',
      entity: 'user',
      entityId: device.user_id,
      detail: { sessionsEnded: Number(ended.numUpdatedRows) },
    },
  ]);
  return 'revoked';
}

/**
 * The device's recovery secret (docs/accounts.md, "Recovery secret"), made the
 * first time it is asked for and kept, so the same device signing in again gets
 * the same one. 32 random bytes, base64url (43 characters). Unlike session
 * tokens it is stored as it is: it must be handed back, and it unlocks nothing
 * without the phone's own files. Call it in the sign-in's transaction.
 */
export async function recoverySecretOf(db: Db, clientId: string): Promise<string> {
  // Fills only an empty one: of two sign-ins racing on one device, both read the winner's.
  await db
    .updateTable('device')
    .set({ recovery_secret: randomBytes(32).toString('base64url') })
    .where('client_id', '=', clientId)
    .where('recovery_secret', 'is', null)
    .execute();
  const device = await db
    .selectFrom('device')
    .select('recovery_secret')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (device?.recovery_secret == null) throw new Error('the device signing in has no row');
  return device.recovery_secret;
}

/**
 * Destroys the device's recovery secret when the device still belongs to
 * `userId` (signing out wipes the phone, so nothing is left for it to unlock).
 * Another person who has since signed in on the device keeps theirs.
 */
export async function forgetRecoverySecret(db: Db, clientId: string, userId: string): Promise<void> {
  await db
    .updateTable('device')
    .set({ recovery_secret: null })
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .execute();
}

/** Destroys the recovery secrets of every device of a person an administrator removes. */
export async function forgetRecoverySecretsOfUser(db: Db, userId: string): Promise<void> {
  await db.updateTable('device').set({ recovery_secret: null }).where('user_id', '=', userId).execute();
}
