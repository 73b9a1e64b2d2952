import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import { addCalendarDays, type IsoDate } from '../domain/dueDates.ts';
import type { FollowUps } from '../domain/followUps.ts';
import { followUpsFromIndex } from '../domain/followUpsFromIndex.ts';
import type { InterventionCode } from '../domain/interventions.ts';
import { levelRank } from '../domain/protocolProfile.ts';
import type { ScreeningRow } from './caseworkRecords.ts';
import type { UraDatabase } from './UraDatabase.ts';

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

/** The students the follow-ups list: a handful of the device's students. */
function studentIdsOf(followUps: FollowUps): string[] {
  const ids = new Set<string>();
  for (const list of [followUps.overdue, followUps.today, followUps.thisWeek, followUps.deadlinesSoon]) {
    for (const item of list) ids.add(item.studentId);
  }
  for (const rise of followUps.riskRose) ids.add(rise.studentId);
  return [...ids];
}

/** Names from the index entries; a student with no case on the device (a risk rise) is read by key. */
async function namesOf(db: UraDatabase, ids: string[], entries: CaseIndexEntry[]): Promise<Map<string, StudentName>> {
  const names = new Map<string, StudentName>();
  for (const entry of entries) {
    if (entry.givenName !== '' || entry.familyName !== '') {
      const { givenName, familyName, schoolId } = entry;
      names.set(entry.studentId, { givenName, familyName, schoolId });
    }
  }
  const missing = ids.filter((id) => !names.has(id));
  const rows = await db.students.bulkGet(missing);
  rows.forEach((row, index) => {
    const id = missing[index];
    if (row && id !== undefined) {
      names.set(id, { givenName: row.givenName, familyName: row.familyName, schoolId: row.schoolId });
    }
  });
  return names;
}

/**
 * The Today screen's data (PRODUCT F7): the case index entries with anything
 * due up to a week ahead, through its `firstFollowUp` index, and the
 * screenings of students whose risk rose — never every case, plan action or
 * note. Each entry already holds its deadlines under its own school's profile.
 * One read transaction, so the lists and the names agree.
 */
export async function loadToday(db: UraDatabase, today: IsoDate): Promise<TodayData> {
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  const tables = [db.caseIndex, db.screeningSummaries, db.screenings, db.students];
  return db.transaction('r', tables, async () => {
    const [entries, screenings] = await Promise.all([
      db.caseIndex.where('firstFollowUp').belowOrEqual(weekEnd).toArray(),
      screeningsThatRose(db),
    ]);
    const risen = [...new Set(screenings.map((screening) => screening.studentId))];
    const casesOfRisen = await db.caseIndex.where('studentId').anyOf(risen).sortBy('caseId');
    const caseByStudent = new Map<string, string>();
    for (const entry of casesOfRisen) if (entry.status !== 'closed') caseByStudent.set(entry.studentId, entry.caseId);

    const followUps = followUpsFromIndex({ today, entries, screenings, caseByStudent });
    const students = await namesOf(db, studentIdsOf(followUps), [...entries, ...casesOfRisen]);
    const interventions = new Map<string, InterventionCode>();
    for (const entry of entries)
      for (const action of entry.openActions) interventions.set(action.id, action.interventionType);
    return { today, followUps, students, interventions };
  });
}
