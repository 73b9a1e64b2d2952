import { flagCase, type CaseRecord } from '../../../../src/domain/caseRecord.ts';
import type { HomeVisit, HomeVisitFields } from '../../../../src/domain/homeVisit.ts';
import type { PlanAction, PlanActionFields } from '../../../../src/domain/planAction.ts';
import type { Screening } from '../../../../src/domain/riskScreening.ts';

/** Fixed ids, valid UUIDs, so validation accepts them and failures read well. */
export const CASE_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
export const STUDENT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01';
export const USER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01';

/** A case in any status, with the stage dates that status implies. */
export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const flagged = flagCase({
    id: CASE_ID,
    studentId: STUDENT_ID,
    schoolId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4d01',
    trigger: 'screening',
    at: '2026-01-05',
  });
  return { ...flagged, ...overrides };
}

/** Valid home-visit fields: the family was met, the child was there. */
export function makeVisitFields(overrides: Partial<HomeVisitFields> = {}): HomeVisitFields {
  return {
    caseId: CASE_ID,
    visitDate: '2026-03-02',
    startTime: '15:00',
    endTime: '15:40',
    planned: true,
    otherVisitors: '',
    language: 'romani',
    interpreterOrMediator: false,
    outcome: 'metFamily',
    newAddress: '',
    present: ['child', 'mother'],
    statedReasons: ['careDuties'],
    statedReasonsText: 'Looks after her two younger brothers in the mornings.',
    observations: '',
    childView: 'Wants to come back after the winter.',
    strengths: 'Grandmother supports schooling.',
    safeguardingConcern: false,
    agreedActions: [{ what: 'Mother brings her to school on Monday', who: 'Mother', byDate: '2026-03-09' }],
    nextVisitDate: '2026-03-16',
    familyInformedOfDataUse: true,
    consent: 'given',
    parentAcknowledged: false,
    notes: '',
    correctionOf: null,
    ...overrides,
  };
}

export function makeVisit(id: string, overrides: Partial<HomeVisit> = {}): HomeVisit {
  return {
    ...makeVisitFields(),
    id,
    recordedBy: USER_ID,
    recordedAt: '2026-03-02T16:00:00.000Z',
    ...overrides,
  };
}

/** Valid plan-action fields: weekly mentoring by a user of Ura, due 10 March. */
export function makeActionFields(overrides: Partial<PlanActionFields> = {}): PlanActionFields {
  return {
    caseId: CASE_ID,
    interventionType: 'mentoring',
    description: 'Weekly mentoring after school',
    responsible: { kind: 'user', userId: USER_ID },
    dueDate: '2026-03-10',
    status: 'planned',
    outcome: null,
    outcomeNote: '',
    completedAt: null,
    ...overrides,
  };
}

export function makeAction(id: string, overrides: Partial<PlanAction> = {}): PlanAction {
  return { id, ...makeActionFields(), ...overrides };
}

export function makeScreening(id: string, overrides: Partial<Screening> = {}): Screening {
  return {
    id,
    studentId: STUDENT_ID,
    term: '2025-2026/1',
    screenedOn: '2025-11-20',
    screenedBy: USER_ID,
    profileId: 'XK',
    profileVersion: 1,
    values: {},
    protectiveFactors: [],
    level: 'low',
    score: 0,
    ...overrides,
  };
}
