import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

/** What the audit trail records (docs/accounts.md, "Audit"). */
export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'sign_out'
  | 'session_expired'
  | 'case_read'
  | 'case_write'
  | 'scope_changed'
  | 'case_assigned'
  | 'case_unassigned'
  | 'role_granted'
  | 'role_revoked'
  | 'user_created'
  | 'organisation_created'
  | 'device_revoked'
  | 'invitation_created'
  | 'invitation_accepted'
  | 'export';

export interface AuditEntry {
  userId: string | null;
  clientId?: string | null;
  action: AuditAction;
  entity?: string | null;
  entityId?: string | null;
  /** Ids and counts only: never a name, a note or a field value. */
  detail?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Appends audit rows in one statement; pass the request's transaction so they commit with what they record. */
export async function recordAudit(
  db: Kysely<DatabaseSchema>,
  at: number,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      entries.map((entry) => ({
        at,
        user_id: entry.userId,
        client_id: entry.clientId ?? null,
        action: entry.action,
        entity: entry.entity ?? null,
        entity_id: entry.entityId ?? null,
        detail_json: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      })),
    )
    .execute();
}
