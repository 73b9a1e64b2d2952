import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import { addCalendarDays, type IsoDate } from '../domain/dueDates.ts';
import type { FollowUps } from '../domain/followUps.ts';
import { followUpsFromIndex } from '../domain/followUpsFromIndex.ts';
import type { InterventionCode } from '../domain/interventions.ts';
import { levelRank } from '../domain/protocolProfile.ts';
import type { ScreeningRow } from './caseworkRecords.ts';
import { isDerivedStale } from './derivedStaleFlag.ts';
import {
  readTodayWindow,
  TODAY_LISTS,
  TODAY_WINDOW,
  WEEK_DAYS,
  type TodayList,
  type TodayWindow,
} from './todayWindow.ts';
import type { UraDatabase } from './UraDatabase.ts';

export interface StudentName {
  givenName: string;
  familyName: string;
  schoolId: string;
}

export interface TodayData {
  today: IsoDate;
  /** The first TODAY_WINDOW items of each list (every item of a list asked for whole). */
  followUps: FollowUps;
  /** Each list's full length, however many of its items are in `followUps`. */
  totals: Record<TodayList, number>;
  /** Lists longer than their total says (TODAY_COUNT_CAP): shown as "500+". */
  capped: ReadonlySet<TodayList>;
  /** The students the follow-ups name, by id; a student not on the device is missing. */
  students: Map<string, StudentName>;
  /** The intervention of each plan action listed, by plan action id. */
  interventions: Map<string, InterventionCode>;
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
 * Every case index entry with something due up to a week ahead, as before
 * schema v10: only while the first unlock after that upgrade has not yet
 * rebuilt the index with its due keys (derivedTables.ts).
 */
async function readEveryDueEntry(db: UraDatabase, today: IsoDate, whole: ReadonlySet<TodayList>): Promise<TodayWindow> {
  const [entries, screenings] = await Promise.all([
    db.caseIndex.where('firstFollowUp').belowOrEqual(addCalendarDays(today, WEEK_DAYS)).toArray(),
    screeningsThatRose(db),
  ]);
  const risen = [...new Set(screenings.map((screening) => screening.studentId))];
  const casesOfRisen = await db.caseIndex.where('studentId').anyOf(risen).sortBy('caseId');
  const caseByStudent = new Map<string, string>();
  for (const entry of casesOfRisen) if (entry.status !== 'closed') caseByStudent.set(entry.studentId, entry.caseId);
  const all = followUpsFromIndex({ today, entries, screenings, caseByStudent });
  const cut = <T>(list: TodayList, items: T[]): T[] => (whole.has(list) ? items : items.slice(0, TODAY_WINDOW));
  const followUps: FollowUps = {
    overdue: cut('overdue', all.overdue),
    today: cut('today', all.today),
    thisWeek: cut('thisWeek', all.thisWeek),
    deadlinesSoon: cut('deadlinesSoon', all.deadlinesSoon),
    riskRose: cut('riskRose', all.riskRose),
  };
  const totals = Object.fromEntries(TODAY_LISTS.map((list) => [list, all[list].length])) as Record<TodayList, number>;
  return { followUps, totals, capped: new Set(), entries: [...entries, ...casesOfRisen] };
}

/**
 * The Today screen's data (PRODUCT F7): a window of each list from the case
 * index's due-key indexes (todayWindow.ts) — never every case, plan action
 * or note. `whole` names the lists the user asked to see in full. One read
 * transaction, so the lists, their counts and the names agree.
 */
export async function loadToday(
  db: UraDatabase,
  today: IsoDate,
  whole: ReadonlySet<TodayList> = new Set(),
): Promise<TodayData> {
  const tables = [db.caseIndex, db.screeningSummaries, db.screenings, db.students, db.meta];
  return db.transaction('r', tables, async () => {
    const stale = await isDerivedStale(db);
    const { followUps, totals, capped, entries } = stale
      ? await readEveryDueEntry(db, today, whole)
      : await readTodayWindow(db, today, whole);
    const students = await namesOf(db, studentIdsOf(followUps), entries);
    const interventions = new Map<string, InterventionCode>();
    for (const entry of entries)
      for (const action of entry.openActions) interventions.set(action.id, action.interventionType);
    return { today, followUps, totals, capped, students, interventions };
  });
}
