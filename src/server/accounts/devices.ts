/**
 * Devices a user signed in on. Revoking one (a lost phone) ends its sessions;
 * its next request answers 403 device_revoked and the app wipes itself.
 */
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
  const rows = await db
    .selectFrom('device')
    .selectAll()
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
  await db.updateTable('device').set({ revoked_at: now }).where('client_id', '=', clientId).execute();
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
