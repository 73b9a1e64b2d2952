/** What the audit trail records (docs/accounts.md, "Audit"): one list for the server that records and the screen that filters. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'sign_out',
  'session_expired',
  'case_read',
  'case_write',
  'scope_changed',
  'case_assigned',
  'case_unassigned',
  'role_granted',
  'role_revoked',
  'user_created',
  'organisation_created',
  'device_revoked',
  'invitation_created',
  'invitation_accepted',
  'export',
  'dashboard_read',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
