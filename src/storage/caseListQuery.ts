import { caseDeadlines } from '../domain/caseDeadlines.ts';
import type { CaseSummary } from '../domain/caseListFilter.ts';
import type { IsoDate } from '../domain/dueDates.ts';
import type { PlanAction } from '../domain/planAction.ts';
import { fallbackProfileId, getProfile } from '../domain/profiles/profiles.ts';
import type { ScreeningSummary } from '../domain/caseworkSummaries.ts';
import type { CaseRow } from './caseworkRecords.ts';
import type { SchoolRecord, StudentRecord, UraDatabase } from './UraDatabase.ts';

export type { CaseSummary };

/** What the list needs from each table, already read in bulk. */
export interface CaseSummarySources {
  cases: readonly CaseRow[];
  students: readonly Pick<StudentRecord, 'id' | 'givenName' | 'familyName' | 'searchKey'>[];
  schools: readonly Pick<SchoolRecord, 'id' | 'country'>[];
  /** Each student's latest screening level (the device-only screening summaries). */
  screeningLevels: readonly Pick<ScreeningSummary, 'studentId' | 'latestLevel'>[];
  /** Open plan actions only (planned or in progress). */
  openPlanActions: readonly Pick<PlanAction, 'caseId' | 'dueDate'>[];
}

function earlier(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}

/**
 * One row per case, joined in memory with Maps: linear in the rows read, so
 * 10,000 cases cost one pass each. A closed case has nothing due.
 */
export function buildCaseSummaries(sources: CaseSummarySources): CaseSummary[] {
  const students = new Map(sources.students.map((student) => [student.id, student]));
  const countries = new Map(sources.schools.map((school) => [school.id, school.country]));
  // A school not on the device yet still gives its cases a due date, by the same rule as Today.
  const fallbackCountry = fallbackProfileId(sources.schools);

  const latestLevel = new Map(sources.screeningLevels.map((summary) => [summary.studentId, summary.latestLevel]));
  const actionDue = new Map<string, IsoDate>();
  for (const action of sources.openPlanActions) {
    if (action.dueDate === null) continue;
    actionDue.set(action.caseId, earlier(actionDue.get(action.caseId) ?? null, action.dueDate) ?? action.dueDate);
  }

  // Many cases share a profile, a status and stage dates: compute each set of deadlines once.
  const deadlineDue = new Map<string, IsoDate | null>();
  const firstDeadline = (record: CaseRow): IsoDate | null => {
    const country = countries.get(record.schoolId) ?? fallbackCountry;
    const key = [
      country,
      record.status,
      record.flaggedAt,
      record.openedAt,
      record.planActivatedAt,
      record.lastReviewedAt,
      record.monitoringSince,
    ].join('|');
    if (deadlineDue.has(key)) return deadlineDue.get(key) ?? null;
    let due: IsoDate | null = null;
    try {
      for (const deadline of caseDeadlines(getProfile(country), record)) due = earlier(due, deadline.due);
    } catch {
      // A case pulled across two sync pages may briefly lack a stage date: no due date rather than no list.
      due = null;
    }
    deadlineDue.set(key, due);
    return due;
  };

  return sources.cases.map((record): CaseSummary => {
    const student = students.get(record.studentId);
    const nextDue =
      record.status === 'closed' ? null : earlier(firstDeadline(record), actionDue.get(record.id) ?? null);
    return {
      caseId: record.id,
      status: record.status,
      studentId: record.studentId,
      givenName: student?.givenName ?? '',
      familyName: student?.familyName ?? '',
      searchKey: student?.searchKey ?? '',
      schoolId: record.schoolId,
      riskLevel: latestLevel.get(record.studentId) ?? null,
      nextDue,
      caseManagerId: record.caseManagerId,
      flaggedAt: record.flaggedAt,
    };
  });
}

/**
 * The case list's rows (PRODUCT F2, F4). Reads cases, students, schools,
 * each student's screening summary and open plan actions in bulk, in one
 * read transaction, and never the home-visit notes or whole screenings.
 */
export async function loadCaseSummaries(db: UraDatabase): Promise<CaseSummary[]> {
  return db.transaction('r', [db.cases, db.students, db.schools, db.screeningSummaries, db.planActions], async () => {
    const [cases, students, schools, screeningLevels, openPlanActions] = await Promise.all([
      db.cases.toArray(),
      db.students.toArray(),
      db.schools.toArray(),
      db.screeningSummaries.toArray(),
      db.planActions.where('status').anyOf('planned', 'inProgress').toArray(),
    ]);
    return buildCaseSummaries({ cases, students, schools, screeningLevels, openPlanActions });
  });
}
