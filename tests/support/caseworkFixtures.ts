/** Valid casework records for client, server and round-trip tests (no Dexie here, so the server tests can use it). */
import { randomUUID } from 'node:crypto';
import { flagCase, type CaseEvent, type CaseRecord } from '../../src/domain/caseRecord.ts';
import type { HomeVisit, HomeVisitFields } from '../../src/domain/homeVisit.ts';
import type { PlanAction } from '../../src/domain/planAction.ts';
import { getProfile } from '../../src/domain/profiles/profiles.ts';
import { createReferral, type Referral } from '../../src/domain/referral.ts';
import { makeVisitFields } from '../unit/domain/casework/fixtures.ts';
import {
  scoreScreening,
  type RiskReason,
  type Screening,
  type ScreeningValues,
} from '../../src/domain/riskScreening.ts';

export const USER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01';
export const KOSOVO = getProfile('XK');

/** 14 unjustified absences and a failing subject: a score that reaches a level with reasons. */
export const RISKY_VALUES: ScreeningValues = { unjustifiedAbsences: 14, failingSubjects: 1, economicHardship: true };

export function newId(): string {
  return randomUUID();
}

/** A new flagged case, as flagCase makes it. */
export function makeCaseRecord(studentId: string, schoolId: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return { ...flagCase({ id: newId(), studentId, schoolId, trigger: 'screening', at: '2026-11-02' }), ...overrides };
}

export function makeCaseEvent(caseId: string, overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    caseId,
    from: 'flagged',
    to: 'open',
    at: '2026-11-03',
    closureReason: null,
    caseManagerId: USER_ID,
    ...overrides,
  };
}

/** What the visit form would hand to addHomeVisit: the family was met, the child was there. */
export function makeVisitInput(
  caseId: string,
  overrides: Partial<HomeVisitFields & Pick<HomeVisit, 'id' | 'recordedBy'>> = {},
): HomeVisitFields & Pick<HomeVisit, 'id' | 'recordedBy'> {
  return {
    id: newId(),
    recordedBy: USER_ID,
    ...makeVisitFields({
      caseId,
      visitDate: '2026-11-05',
      agreedActions: [{ what: 'Mother brings her to school on Monday', who: 'Mother', byDate: '2026-11-09' }],
      nextVisitDate: '2026-11-16',
    }),
    ...overrides,
  };
}

/** A whole stored visit note (its wire fields plus id). */
export function makeVisit(caseId: string, overrides: Partial<HomeVisit> = {}): HomeVisit {
  return { ...makeVisitInput(caseId), recordedAt: '2026-11-05T16:00:00.000Z', ...overrides };
}

export function makePlanAction(caseId: string, overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: newId(),
    caseId,
    interventionType: 'mentoring',
    description: 'Weekly mentoring after school',
    responsible: { kind: 'user', userId: USER_ID },
    dueDate: '2026-11-20',
    status: 'planned',
    outcome: null,
    outcomeNote: '',
    completedAt: null,
    ...overrides,
  };
}

/** A stored screening with level, score and reasons computed by the Kosovo profile. */
export function makeScreening(
  studentId: string,
  values: ScreeningValues = RISKY_VALUES,
): Screening & { reasons: RiskReason[] } {
  const result = scoreScreening(KOSOVO, values);
  return {
    id: newId(),
    studentId,
    term: '2026-2027/1',
    screenedOn: '2026-11-02',
    screenedBy: USER_ID,
    profileId: result.profileId,
    profileVersion: result.profileVersion,
    values,
    protectiveFactors: ['artsOrSport'],
    level: result.level,
    score: result.score,
    reasons: result.reasons,
  };
}

/** A pending handover from a teacher to the school team. */
export function makeReferral(caseId: string, overrides: Partial<Referral> = {}): Referral {
  const result = createReferral(
    { id: caseId, status: 'open' },
    {
      id: newId(),
      from: 'teacher',
      fromUserId: USER_ID,
      to: 'schoolTeam',
      reason: 'attendanceConcern',
      at: '2026-11-04',
    },
  );
  if (!result.ok) throw new Error(result.code);
  return { ...result.referral, ...overrides };
}

/** The fields of a record as a mutation carries them: everything but the id. */
export function wireFields(record: { id: string }): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the id travels as entityId
  const { id, ...fields } = record;
  return fields;
}
