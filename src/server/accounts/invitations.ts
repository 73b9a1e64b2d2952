/**
 * One-time invitation codes: an administrator creates a user, gives them the
 * code, and they choose their own password with it. Only the code's SHA-256
 * is stored; it works once, within 7 days.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { hashPassword } from '../auth/passwordHash.ts';
import { invitationCodeHash, newInvitationCode } from '../auth/secretTokens.ts';

type Db = Kysely<DatabaseSchema>;

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

export interface Invitation {
  /** Shown once to the administrator, never stored. */
  code: string;
  expiresAt: number;
}

/** A new code for the user; codes issued before stay valid until used or expired. */
export async function createInvitation(
  db: Db,
  actorId: string | null,
  userId: string,
  now: number,
): Promise<Invitation> {
  const code = newInvitationCode();
  const expiresAt = now + INVITATION_LIFETIME_MS;
  await db
    .insertInto('invitation')
    .values({
      code_hash: invitationCodeHash(code),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  await recordAudit(db, now, [{ userId: actorId, action: 'invitation_created', entity: 'user', entityId: userId }]);
  return { code, expiresAt };
}

/**
 * Sets the invited user's password, once: true when the code was valid (known,
 * unused, unexpired, its user not disabled). The code is spent in the same
 * transaction that sets the password, so two uses at once cannot both succeed.
 */
export async function acceptInvitation(db: Db, code: string, password: string, now: number): Promise<boolean> {
  const codeHash = invitationCodeHash(code);
  const invitation = await findUsableInvitation(db, codeHash, now);
  if (invitation === undefined) return false;
  // Hashed outside the transaction: it takes a third of a second.
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('invitation')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) === 0) return false;
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
      .where('id', '=', invitation.userId)
      .execute();
    await recordAudit(trx, now, [
      { userId: invitation.userId, action: 'invitation_accepted', entity: 'user', entityId: invitation.userId },
    ]);
    return true;
  });
}

async function findUsableInvitation(db: Db, codeHash: string, now: number): Promise<{ userId: string } | undefined> {
  const row = await db
    .selectFrom('invitation')
    .innerJoin('app_user', 'app_user.id', 'invitation.user_id')
    .select(['invitation.user_id as userId', 'invitation.expires_at as expiresAt', 'invitation.used_at as usedAt'])
    .select('app_user.disabled_at as disabledAt')
    .where('invitation.code_hash', '=', codeHash)
    .executeTakeFirst();
  if (row === undefined || row.usedAt !== null || row.disabledAt !== null || now >= row.expiresAt) return undefined;
  return { userId: row.userId };
}
