import type { ProfileDeadlines } from '../protocolProfile.ts';

/**
 * The workflow deadlines of docs/domain.md §1 steps 2–7, all proposals ([P]):
 * no deadline text of the PRTAN manual (Kosovo) or of the DPM (Serbia) was
 * found. Both profiles start from them; an administrator confirms or changes
 * them (profileOverrides.ts).
 * - open the case within 5 school days of the flag;
 * - assess within 2 weeks (14 calendar days) of opening;
 * - plan within 30 days of opening;
 * - review monthly;
 * - consider closing after about one term (3 months) of monitoring.
 */
export const PROPOSED_DEADLINES: ProfileDeadlines = {
  openCase: { duration: { amount: 5, unit: 'schoolDays' }, source: 'default', refs: ['proposal', 'confirmDeadlines'] },
  assessment: {
    duration: { amount: 14, unit: 'calendarDays' },
    source: 'default',
    refs: ['proposal', 'confirmDeadlines'],
  },
  plan: { duration: { amount: 30, unit: 'calendarDays' }, source: 'default', refs: ['proposal', 'confirmDeadlines'] },
  review: { duration: { amount: 1, unit: 'months' }, source: 'default', refs: ['proposal', 'confirmDeadlines'] },
  closureReview: {
    duration: { amount: 3, unit: 'months' },
    source: 'default',
    refs: ['proposal', 'confirmDeadlines'],
  },
};
