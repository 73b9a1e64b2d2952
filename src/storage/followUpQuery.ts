import { addCalendarDays, type IsoDate } from '../domain/dueDates.ts';
import type { FollowUps } from '../domain/followUps.ts';
import { computeFollowUpsByProfile } from '../domain/followUpsByProfile.ts';
import type { InterventionCode } from '../domain/interventions.ts';
import { getProfile } from '../domain/profiles/profiles.ts';
import type { CaseRow, HomeVisitRow, PlanActionRow, ScreeningRow } from './caseworkRecords.ts';
import type { SchoolRecord, UraDatabase } from './UraDatabase.ts';

/** What computeFollowUps reads, found through the indexes, plus the schools that choose each case's profile. */
export interface FollowUpQueryResult {
  today: IsoDate;
  /** Every case that is not closed. */
  cases: CaseRow[];
  /** Every note of the open cases that have a next visit set up to a week ahead: the latest note decides. */
  visits: HomeVisitRow[];
  /** Plan actions due up to a week ahead (open or not: computeFollowUps keeps the open ones). */
  planActions: PlanActionRow[];
  /** All screenings: a rise compares each student's last two. */
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
 * The notes of open cases whose next visit may fall due by `weekEnd`. The
 * index finds the notes with such a date; only those cases' other notes are
 * then read (a later note or a correction may have moved or cleared the date),
 * by key first so no note is read twice.
 */
async function visitsFallingDue(
  db: UraDatabase,
  openCaseIds: ReadonlySet<string>,
  weekEnd: IsoDate,
): Promise<HomeVisitRow[]> {
  const dated = (await db.homeVisits.where('nextVisitDate').belowOrEqual(weekEnd).toArray()).filter((visit) =>
    openCaseIds.has(visit.caseId),
  );
  if (dated.length === 0) return [];
  const caseIds = [...new Set(dated.map((visit) => visit.caseId))];
  const read = new Set(dated.map((visit) => visit.id));
  const allIds = await db.homeVisits.where('caseId').anyOf(caseIds).primaryKeys();
  const others = await db.homeVisits.bulkGet(allIds.filter((id) => !read.has(id)));
  for (const visit of others) if (visit) dated.push(visit);
  return dated;
}

/** Reads what computeFollowUps needs for `today`, without reading every visit note or plan action. */
export async function loadFollowUpInput(db: UraDatabase, today: IsoDate): Promise<FollowUpQueryResult> {
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  return db.transaction('r', [db.cases, db.homeVisits, db.planActions, db.screenings, db.schools], async () => {
    const [cases, planActions, screenings, schoolRows] = await Promise.all([
      db.cases.where('status').notEqual('closed').toArray(),
      db.planActions.where('dueDate').belowOrEqual(weekEnd).toArray(),
      db.screenings.toArray(),
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
  const tables = [db.cases, db.homeVisits, db.planActions, db.screenings, db.schools, db.students];
  return db.transaction('r', tables, async () => {
    const input = await loadFollowUpInput(db, today);
    const defaultProfile = getProfile(commonestCountry(input.schools.values()));
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

/** The country most schools on the device belong to; Kosovo on a device with none yet. */
function commonestCountry(schools: Iterable<SchoolRecord>): SchoolRecord['country'] {
  let kosovo = 0;
  let serbia = 0;
  for (const school of schools) {
    if (school.country === 'RS') serbia += 1;
    else kosovo += 1;
  }
  return serbia > kosovo ? 'RS' : 'XK';
}
