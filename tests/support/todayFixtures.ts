/**
 * Records as a sync would leave them on the device, for the Today screen's
 * tests: rows written directly, then their summaries and case index entries
 * refreshed as applyRemoteChanges does.
 */
import type { CaseRecord } from '../../src/domain/caseRecord.ts';
import type { HomeVisit } from '../../src/domain/homeVisit.ts';
import type { PlanAction } from '../../src/domain/planAction.ts';
import type { RiskLevel } from '../../src/domain/protocolProfile.ts';
import { studentSearchKey } from '../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import { makeCaseRecord, makePlanAction, makeScreening, makeVisit, newId, USER_ID } from './caseworkFixtures.ts';
import { makeStudentFields } from './clientFixtures.ts';
import { refreshScreeningSummaries, refreshVisitSummaries } from '../../src/storage/caseworkSummaries.ts';
import { refreshCaseIndex } from '../../src/storage/caseIndex.ts';

export async function seedStudentRow(
  db: UraDatabase,
  schoolId: string,
  givenName: string,
  familyName: string,
): Promise<string> {
  const fields = makeStudentFields({ givenName, familyName, schoolId });
  const id = newId();
  await db.students.add({ ...fields, id, hlcs: {}, searchKey: studentSearchKey(fields), updatedAt: 0 });
  return id;
}

/** An open case, opened on 4 March 2026 so its deadlines fall after the week of 10 March, unless overridden. */
export async function seedCaseRow(
  db: UraDatabase,
  studentId: string,
  schoolId: string,
  overrides: Partial<CaseRecord> = {},
): Promise<string> {
  const record = makeCaseRecord(studentId, schoolId, {
    status: 'open',
    caseManagerId: USER_ID,
    flaggedAt: '2026-03-03',
    openedAt: '2026-03-04',
    ...overrides,
  });
  await db.cases.add({ ...record, hlcs: {} });
  await refreshCaseIndex(db, { caseIds: [record.id] });
  return record.id;
}

export async function seedVisitRow(
  db: UraDatabase,
  caseId: string,
  overrides: Partial<HomeVisit> = {},
): Promise<string> {
  const visit = makeVisit(caseId, { agreedActions: [], ...overrides });
  await db.homeVisits.add({ ...visit, hlcs: {} });
  // As a pull does: the case's visit summary follows its notes.
  await refreshVisitSummaries(db, [caseId]);
  await refreshCaseIndex(db, { caseIds: [caseId] });
  return visit.id;
}

export async function seedPlanActionRow(
  db: UraDatabase,
  caseId: string,
  overrides: Partial<PlanAction> = {},
): Promise<string> {
  const action = makePlanAction(caseId, overrides);
  await db.planActions.add({ ...action, hlcs: {} });
  await refreshCaseIndex(db, { caseIds: [caseId] });
  return action.id;
}

export async function seedScreeningRow(
  db: UraDatabase,
  studentId: string,
  level: RiskLevel,
  screenedOn: string,
  term: string,
): Promise<string> {
  const screening = { ...makeScreening(studentId), level, screenedOn, term };
  await db.screenings.add({ ...screening, hlcs: {} });
  await refreshScreeningSummaries(db, [studentId]);
  await refreshCaseIndex(db, { studentIds: [studentId] });
  return screening.id;
}

/** `count` open plan actions on one case, due on `dueDate`, written at once (a long list, quickly). */
export async function seedManyPlanActions(
  db: UraDatabase,
  caseId: string,
  count: number,
  dueDate: string,
): Promise<void> {
  const actions = Array.from({ length: count }, () => ({ ...makePlanAction(caseId, { dueDate }), hlcs: {} }));
  await db.planActions.bulkAdd(actions);
  await refreshCaseIndex(db, { caseIds: [caseId] });
}
