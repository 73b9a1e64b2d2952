import type { CaseStatus, ClosureReason } from '../../../../src/domain/caseRecord.ts';
import type {
  DashboardCase,
  DashboardInput,
  DashboardPlanAction,
  DashboardScreening,
  DashboardStudent,
} from '../../../../src/domain/dashboard/dashboardFigures.ts';
import type { InterventionCode } from '../../../../src/domain/interventions.ts';
import type { PlanActionStatus } from '../../../../src/domain/planAction.ts';
import type { RiskLevel } from '../../../../src/domain/protocolProfile.ts';
import type { Community, Sex } from '../../../../src/domain/student.ts';

export const AS_OF = '2026-11-23';
export const SCHOOL_A = 'school-a';
export const SCHOOL_B = 'school-b';

export function student(
  id: string,
  schoolId: string,
  sex: Sex,
  rural: boolean,
  community: Community | '',
): DashboardStudent {
  return { id, schoolId, sex, rural, community };
}

export function screening(id: string, studentId: string, screenedOn: string, level: RiskLevel): DashboardScreening {
  return { id, studentId, term: '2026-2027/1', screenedOn, level };
}

export function kase(
  id: string,
  studentId: string,
  schoolId: string,
  status: CaseStatus,
  dates: Partial<Omit<DashboardCase, 'id' | 'studentId' | 'schoolId' | 'status'>> & { flaggedAt: string },
): DashboardCase {
  return {
    id,
    studentId,
    schoolId,
    status,
    openedAt: null,
    planActivatedAt: null,
    closedAt: null,
    closureReason: null,
    reopenCount: 0,
    ...dates,
  };
}

export function closed(
  id: string,
  studentId: string,
  schoolId: string,
  reason: ClosureReason,
  dates: { flaggedAt: string; closedAt: string; planActivatedAt?: string },
): DashboardCase {
  return kase(id, studentId, schoolId, 'closed', {
    planActivatedAt: dates.planActivatedAt ?? null,
    flaggedAt: dates.flaggedAt,
    closedAt: dates.closedAt,
    closureReason: reason,
  });
}

export function action(
  caseId: string,
  interventionType: InterventionCode,
  status: PlanActionStatus,
): DashboardPlanAction {
  return { caseId, interventionType, status };
}

/**
 * Two schools (A in Kosovo, B in Serbia) and a school outside the place (Z),
 * with the figures worked out by hand in dashboard.test.ts.
 */
export function handCountedInput(): DashboardInput {
  return {
    asOf: AS_OF,
    schools: [
      { id: SCHOOL_A, country: 'XK' },
      { id: SCHOOL_B, country: 'RS' },
    ],
    students: [
      student('s1', SCHOOL_A, 'female', true, 'roma'),
      student('s2', SCHOOL_A, 'male', false, 'albanian'),
      student('s3', SCHOOL_A, 'female', false, ''),
      student('s4', SCHOOL_B, 'male', true, 'serb'),
      student('s5', SCHOOL_B, 'female', true, 'serb'),
      student('s6', 'school-z', 'female', false, 'albanian'),
    ],
    screenings: [
      screening('x1', 's1', '2026-09-10', 'high'),
      screening('x0', 's1', '2025-03-01', 'low'),
      screening('x2', 's2', '2025-10-01', 'medium'),
      screening('x3', 's3', '2026-10-01', 'low'),
      screening('x4', 's4', '2026-10-05', 'veryHigh'),
      screening('x5', 's4', '2026-02-01', 'medium'),
      screening('x6', 's6', '2026-10-01', 'high'),
    ],
    cases: [
      kase('c1', 's1', SCHOOL_A, 'planActive', {
        flaggedAt: '2026-09-01',
        openedAt: '2026-09-03',
        planActivatedAt: '2026-09-20',
      }),
      closed('c2', 's2', SCHOOL_A, 'attendanceNormal', {
        flaggedAt: '2026-01-15',
        planActivatedAt: '2026-03-10',
        closedAt: '2026-06-01',
      }),
      kase('c3', 's3', SCHOOL_A, 'open', { flaggedAt: '2026-10-01', openedAt: '2026-10-02' }),
      closed('c4', 's4', SCHOOL_B, 'leftEducation', {
        flaggedAt: '2025-11-20',
        planActivatedAt: '2025-12-15',
        closedAt: '2026-02-10',
      }),
      closed('c5', 's5', SCHOOL_B, 'flagNotConfirmed', { flaggedAt: '2026-11-02', closedAt: '2026-11-05' }),
      closed('c6', 's4', SCHOOL_B, 'transferConfirmed', { flaggedAt: '2025-01-01', closedAt: '2025-06-01' }),
      kase('c7', 's1', SCHOOL_A, 'monitoring', {
        flaggedAt: '2026-02-02',
        openedAt: '2026-08-01',
        planActivatedAt: '2026-08-20',
        reopenCount: 1,
      }),
      kase('c8', 's6', 'school-z', 'open', { flaggedAt: '2026-10-01', openedAt: '2026-10-01' }),
      kase('c9', 's2', SCHOOL_A, 'flagged', { flaggedAt: '2026-11-20' }),
    ],
    planActions: [
      action('c1', 'homeVisit', 'done'),
      action('c1', 'remedialClasses', 'inProgress'),
      action('c2', 'scholarship', 'done'),
      action('c6', 'counselling', 'done'),
      action('c8', 'mentoring', 'planned'),
      action('c7', 'counselling', 'planned'),
    ],
  };
}
