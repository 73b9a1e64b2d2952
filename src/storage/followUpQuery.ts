import { addCalendarDays, type IsoDate } from '../domain/dueDates.ts';
import type { FollowUps } from '../domain/followUps.ts';
import { computeFollowUpsByProfile } from '../domain/followUpsByProfile.ts';
import type { InterventionCode } from '../domain/interventions.ts';
import { fallbackProfileId, getProfile } from '../domain/profiles/profiles.ts';
import { levelRank } from '../domain/protocolProfile.ts';
import type { CaseRow, HomeVisitRow, PlanActionRow, ScreeningRow } from './caseworkRecords.ts';
import type { SchoolRecord, UraDatabase } from './UraDatabase.ts';

/** What computeFollowUps reads, found through the indexes, plus the schools that choose each case's profile. */
export interface FollowUpQueryResult {
  today: IsoDate;
  /** Every case that is not closed. */
  cases: CaseRow[];
  /** The latest note of each open case whose next visit falls due up to a week ahead. */
  visits: HomeVisitRow[];
  /** Plan actions due up to a week ahead (open or not: computeFollowUps keeps the open ones). */
  planActions: PlanActionRow[];
  /** The last two screenings of the students whose risk rose between them. */
  screenings: ScreeningRow[];
  schools: Map<string, SchoolRecord>;
}

export interface StudentName {
  givenName: string;
  familyName: string;
  schoolId: string;
}

export interface TodayData {
  today: IsoDate;
  followUps: FollowUps;
  /** The students the follow-ups name, by id; a student not on the device is missing. */
  students: Map<string, StudentName>;
  /** The intervention of each plan action listed, by plan action id. */
  interventions: Map<string, InterventionCode>;
}

/** Days ahead that "next seven days" covers (computeFollowUps' week). */
const WEEK_DAYS = 7;

/**
 * The latest note of each open case whose next visit falls due by `weekEnd`,
 * found through the per-case visit summaries: one small row per case, not
 * every note. The latest note alone decides the next visit (computeFollowUps).
 */
async function visitsFallingDue(
  db: UraDatabase,
  openCaseIds: ReadonlySet<string>,
  weekEnd: IsoDate,
): Promise<HomeVisitRow[]> {
  const due = await db.visitSummaries.where('nextVisitDate').belowOrEqual(weekEnd).toArray();
  const ids = due.filter((summary) => openCaseIds.has(summary.caseId)).map((summary) => summary.latestVisitId);
  return (await db.homeVisits.bulkGet(ids)).filter((visit): visit is HomeVisitRow => visit !== undefined);
}

/** The last two screenings of each student whose level rose between them: all "risk rose" needs. */
async function screeningsThatRose(db: UraDatabase): Promise<ScreeningRow[]> {
  const rose = await db.screeningSummaries
    .filter(
      (summary) => summary.previousLevel !== null && levelRank(summary.latestLevel) > levelRank(summary.previousLevel),
    )
    .toArray();
  const ids = rose.flatMap((summary) => [summary.latestId, summary.previousId ?? summary.latestId]);
  return (await db.screenings.bulkGet(ids)).filter((row): row is ScreeningRow => row !== undefined);
}

/** Reads what computeFollowUps needs for `today` through the indexes and summaries, never every note. */
export async function loadFollowUpInput(db: UraDatabase, today: IsoDate): Promise<FollowUpQueryResult> {
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  const tables = [db.cases, db.homeVisits, db.visitSummaries, db.planActions, db.screenings, db.screeningSummaries];
  return db.transaction('r', [...tables, db.schools], async () => {
    const [cases, planActions, screenings, schoolRows] = await Promise.all([
      db.cases.where('status').notEqual('closed').toArray(),
      db.planActions.where('dueDate').belowOrEqual(weekEnd).toArray(),
      screeningsThatRose(db),
      db.schools.toArray(),
    ]);
    const visits = await visitsFallingDue(db, new Set(cases.map((record) => record.id)), weekEnd);
    const schools = new Map(schoolRows.map((school) => [school.id, school]));
    return { today, cases, visits, planActions, screenings, schools };
  });
}

/** The names of the students the follow-ups list: a handful of the device's students, read by key. */
function studentIdsOf(followUps: FollowUps): string[] {
  const ids = new Set<string>();
  for (const list of [followUps.overdue, followUps.today, followUps.thisWeek, followUps.deadlinesSoon]) {
    for (const item of list) ids.add(item.studentId);
  }
  for (const rise of followUps.riskRose) ids.add(rise.studentId);
  return [...ids];
}

/**
 * The Today screen's data: follow-ups under each case's own school profile
 * (a case whose school is not on the device takes the profile most of the
 * device's schools use), with the names it shows. One read transaction, so
 * the lists and the names agree.
 */
export async function loadToday(db: UraDatabase, today: IsoDate): Promise<TodayData> {
  const tables = [db.cases, db.homeVisits, db.visitSummaries, db.planActions, db.screenings, db.screeningSummaries];
  return db.transaction('r', [...tables, db.schools, db.students], async () => {
    const input = await loadFollowUpInput(db, today);
    const defaultProfile = getProfile(fallbackProfileId(input.schools.values()));
    const followUps = computeFollowUpsByProfile({
      ...input,
      profileOf: (record) => {
        const country = input.schools.get(record.schoolId)?.country;
        return country === undefined ? undefined : getProfile(country);
      },
      defaultProfile,
    });
    const ids = studentIdsOf(followUps);
    const rows = await db.students.bulkGet(ids);
    const students = new Map<string, StudentName>();
    rows.forEach((row, index) => {
      const id = ids[index];
      if (row && id !== undefined) {
        students.set(id, { givenName: row.givenName, familyName: row.familyName, schoolId: row.schoolId });
      }
    });
    const interventions = new Map(input.planActions.map((action) => [action.id, action.interventionType]));
    return { today, followUps, students, interventions };
  });
}
