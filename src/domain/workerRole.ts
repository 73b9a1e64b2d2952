import type { ReferralSender } from './referral.ts';

/**
 * The roles of docs/domain.md §5 that use the app on a phone. Until accounts
 * exist (issue 5) the worker picks a role on the device; the server will then
 * decide it, and what each role may see.
 */
export const WORKER_ROLES = ['mentor', 'teacher', 'schoolTeam', 'coordinator'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

const ROLES: ReadonlySet<string> = new Set(WORKER_ROLES);

export function isWorkerRole(value: unknown): value is WorkerRole {
  return typeof value === 'string' && ROLES.has(value);
}

/** Who a referral or handover is from, for the roles that send them; coordinators only receive. */
export function referralSenderFor(role: WorkerRole): ReferralSender | null {
  return role === 'coordinator' ? null : role;
}
