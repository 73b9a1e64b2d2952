import type { ReferralTarget } from '../../domain/referral.ts';
import type { WorkerRole } from '../../domain/workerRole.ts';

/**
 * The phone role that answers a referral sent to `target`: the school team
 * takes handovers, the municipal coordinator takes referrals to the
 * municipality. The centre for social work has no role in the app yet, so
 * nobody on a phone answers for it (null).
 */
export function receiverRole(target: ReferralTarget): WorkerRole | null {
  if (target === 'schoolTeam') return 'schoolTeam';
  if (target === 'municipality') return 'coordinator';
  return null;
}

/**
 * Whether this role may read what a referral says about the child's safety.
 * docs/domain.md §5 keeps safeguarding notes to the case manager (school
 * team) and the centre for social work.
 */
export function maySeeSafeguardingDetails(role: WorkerRole): boolean {
  return role === 'schoolTeam';
}
