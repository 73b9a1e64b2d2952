import type { Role } from '../../domain/accessScope.ts';

/**
 * The roles the server lets read the audit trail (administrators all of it,
 * coordinators their municipality's). Apart from auditApi.ts so the Settings
 * link adds next to nothing to the first screen.
 */
export function mayReadAudit(roles: readonly Role[]): boolean {
  return roles.includes('coordinator') || roles.includes('admin');
}
