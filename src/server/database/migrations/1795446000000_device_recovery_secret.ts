import type { Kysely } from 'kysely';

/**
 * Each device's recovery secret (docs/accounts.md, "Recovery secret"): the
 * server's half of the device's data key, handed over only by a password
 * sign-in. Stored as it is, not hashed, because it must be given back. Null
 * until the device signs in, and again once it is revoked or signed out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('device').addColumn('recovery_secret', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('device').dropColumn('recovery_secret').execute();
}
