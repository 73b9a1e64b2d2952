import type { CaseTimelineItem, ScreeningWithReasons, VisitEntry } from '../../domain/caseTimeline.ts';
import type { IsoDate } from '../../domain/dueDates.ts';
import type { PlanAction } from '../../domain/planAction.ts';
import type { Referral } from '../../domain/referral.ts';
import { compareScreeningOrder } from '../../domain/riskScreening.ts';

/** What the printed summary shows beyond the case and student records, taken from the case's history. */
export interface SummaryContent {
  /** The student's latest screening, with the indicators it flagged; undefined when never screened. */
  latestScreening: ScreeningWithReasons | undefined;
  /** Oldest first, as a plan is read. */
  planActions: PlanAction[];
  referrals: Referral[];
  /** Current notes only (a corrected note gives way to its correction), oldest first. */
  visits: VisitEntry[];
}

/**
 * Picks the summary's parts out of the case view's history (newest first).
 * Nothing is read twice: the summary shows what the case view shows, less.
 */
export function summaryContent(timeline: readonly CaseTimelineItem[]): SummaryContent {
  const oldestFirst = [...timeline].reverse();
  const screenings: ScreeningWithReasons[] = [];
  const content: SummaryContent = { latestScreening: undefined, planActions: [], referrals: [], visits: [] };
  for (const item of oldestFirst) {
    if (item.kind === 'screening') screenings.push(item.screening);
    if (item.kind === 'planAction') content.planActions.push(item.action);
    if (item.kind === 'referral') content.referrals.push(item.referral);
    if (item.kind === 'visit' && item.entry.current) content.visits.push(item.entry);
  }
  content.latestScreening = screenings.sort(compareScreeningOrder).at(-1);
  return content;
}

/** Whole years from the date of birth to `today` (both ISO dates); undefined for a date that does not parse. */
export function ageOn(dateOfBirth: string, today: IsoDate): number | undefined {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (birth === null || now === null) return undefined;
  const [, by = '', bm = '', bd = ''] = birth;
  const [, ny = '', nm = '', nd = ''] = now;
  const hadBirthday = `${nm}-${nd}` >= `${bm}-${bd}`;
  const age = Number(ny) - Number(by) - (hadBirthday ? 0 : 1);
  return age >= 0 ? age : undefined;
}

/** The stage dates of a case in the order a case moves through them. */
export const STAGE_DATES = [
  'flaggedAt',
  'openedAt',
  'assessedAt',
  'planActivatedAt',
  'monitoringSince',
  'lastReviewedAt',
  'closedAt',
] as const;
export type StageDate = (typeof STAGE_DATES)[number];
