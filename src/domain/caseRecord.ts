import type { IsoDate } from './dueDates.ts';
import type { Source } from './protocolProfile.ts';

/**
 * A dropout-prevention case (PRODUCT F4, docs/domain.md §1 and §8). The case
 * keeps the date each stage began, so deadlines can be computed from it; the
 * history of changes is the list of CaseEvents (append-only, never merged).
 */
export const CASE_STATUSES = ['flagged', 'open', 'assessed', 'planActive', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Why a case was closed. The first five are domain.md §1 step 7; all are
 * proposals ([P]) an administrator may trim per profile. `flagNotConfirmed`
 * closes a flag that proved unfounded (absence explained); `leftEducation`
 * records honestly that the child left school despite the work, so outcomes
 * reports (F16) do not count such cases as successes.
 */
export const CLOSURE_REASONS = [
  'attendanceNormal',
  'transferConfirmed',
  'completed',
  'movedAbroad',
  'referredElsewhere',
  'flagNotConfirmed',
  'leftEducation',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CLOSURE_REASON_SOURCE: Source = 'default';

/** What raised the flag: a screening, a teacher's alert on sudden change, absence data, a CSO. */
export const CASE_TRIGGERS = ['screening', 'suddenChange', 'absence', 'missingGrades', 'csoConcern', 'other'] as const;
export type CaseTrigger = (typeof CASE_TRIGGERS)[number];

export interface CaseRecord {
  id: string;
  studentId: string;
  schoolId: string;
  trigger: CaseTrigger;
  status: CaseStatus;
  /** One case manager per case (the child's reference person); required from `open` on. */
  caseManagerId: string | null;
  flaggedAt: IsoDate;
  openedAt: IsoDate | null;
  assessedAt: IsoDate | null;
  planActivatedAt: IsoDate | null;
  monitoringSince: IsoDate | null;
  lastReviewedAt: IsoDate | null;
  closedAt: IsoDate | null;
  closureReason: ClosureReason | null;
  /** How many times the case was reopened after closing. */
  reopenCount: number;
}

/** One status change, kept forever; sync never merges these (domain.md §8). */
export interface CaseEvent {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  at: IsoDate;
  closureReason: ClosureReason | null;
  caseManagerId: string | null;
}

const REASONS: ReadonlySet<string> = new Set(CLOSURE_REASONS);

/** Narrows a typed or synced string to a known closure reason before a case is closed with it. */
export function isClosureReason(value: string): value is ClosureReason {
  return REASONS.has(value);
}

/** The stage dates and closure of a case that has not got past opening (a new flag, or a reopened case). */
export const STAGES_AFTER_OPENING_CLEARED = {
  assessedAt: null,
  planActivatedAt: null,
  monitoringSince: null,
  lastReviewedAt: null,
  closedAt: null,
  closureReason: null,
} as const satisfies Partial<CaseRecord>;

/** A new case starts as a flag, with no case manager yet: anyone who may flag can start one. */
export function flagCase(input: {
  id: string;
  studentId: string;
  schoolId: string;
  trigger: CaseTrigger;
  at: IsoDate;
}): CaseRecord {
  const { at, ...identity } = input;
  return {
    ...identity,
    status: 'flagged',
    caseManagerId: null,
    flaggedAt: at,
    openedAt: null,
    ...STAGES_AFTER_OPENING_CLEARED,
    reopenCount: 0,
  };
}
