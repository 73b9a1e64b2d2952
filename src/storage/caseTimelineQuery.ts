import { caseDeadlines, type CaseDeadline } from '../domain/caseDeadlines.ts';
import { caseTimeline, type CaseTimelineItem } from '../domain/caseTimeline.ts';
import { getProfile } from '../domain/profiles/profiles.ts';
import type { ProtocolProfile, RiskLevel } from '../domain/protocolProfile.ts';
import { compareScreeningOrder } from '../domain/riskScreening.ts';
import type { CaseRow } from './caseworkRecords.ts';
import type { SchoolRecord, StudentRecord, UraDatabase } from './UraDatabase.ts';

/** Everything the case view shows, read in one transaction so the header and the history agree. */
export interface CaseView {
  caseRecord: CaseRow;
  /** Undefined while the student or school has not reached the device. */
  student: StudentRecord | undefined;
  school: SchoolRecord | undefined;
  /** The profile of the case's school (its country); Kosovo's until the school is on the device. */
  profile: ProtocolProfile;
  riskLevel: RiskLevel | null;
  deadlines: CaseDeadline[];
  /** Newest first. */
  timeline: CaseTimelineItem[];
}

/** A case pulled across two sync pages may briefly lack a stage date: show no deadline rather than fail. */
function safeDeadlines(profile: ProtocolProfile, record: CaseRow): CaseDeadline[] {
  try {
    return caseDeadlines(profile, record);
  } catch {
    return [];
  }
}

/** One case with its student, school, deadlines and whole history; null when the case is not on the device. */
export async function loadCaseView(db: UraDatabase, caseId: string): Promise<CaseView | null> {
  const tables = [
    db.cases,
    db.students,
    db.schools,
    db.caseEvents,
    db.screenings,
    db.planActions,
    db.homeVisits,
    db.referrals,
  ];
  return db.transaction('r', tables, async () => {
    const caseRecord = await db.cases.get(caseId);
    if (!caseRecord) return null;
    const [student, school, events, screenings, planActions, visits, referrals] = await Promise.all([
      db.students.get(caseRecord.studentId),
      db.schools.get(caseRecord.schoolId),
      db.caseEvents.where('caseId').equals(caseId).toArray(),
      db.screenings.where('studentId').equals(caseRecord.studentId).toArray(),
      db.planActions.where('caseId').equals(caseId).toArray(),
      db.homeVisits.where('caseId').equals(caseId).toArray(),
      db.referrals.where('caseId').equals(caseId).toArray(),
    ]);
    const profile = getProfile(school?.country ?? 'XK');
    const latest = screenings.sort(compareScreeningOrder).at(-1);
    return {
      caseRecord,
      student,
      school,
      profile,
      riskLevel: latest?.level ?? null,
      deadlines: safeDeadlines(profile, caseRecord),
      timeline: caseTimeline({ caseRecord, events, screenings, planActions, visits, referrals }),
    };
  });
}
