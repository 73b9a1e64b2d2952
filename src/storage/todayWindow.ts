import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import { addCalendarDays, type IsoDate } from '../domain/dueDates.ts';
import type { DueKey } from '../domain/followUpKeys.ts';
import { followUpOfKey, keysBehind } from '../domain/followUpOfKey.ts';
import { emptyFollowUps, riskRises, sortFollowUps, type FollowUpItem, type FollowUps } from '../domain/followUps.ts';
import type { ScreeningRow } from './caseworkRecords.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** The lists of the Today screen, in the order it shows them. */
export type TodayList = keyof FollowUps;
export const TODAY_LISTS = [
  'overdue',
  'today',
  'thisWeek',
  'deadlinesSoon',
  'riskRose',
] as const satisfies readonly TodayList[];

/** Cards a list brings at first: a long overdue list stays quick to read and draw on a cheap phone. */
export const TODAY_WINDOW = 30;

/** A list longer than this says "500+" and offers to show everything, rather than count every item. */
export const TODAY_COUNT_CAP = 500;

/** Days ahead that "next seven days" covers, and that "about to pass" warns of (followUpPlacer). */
export const WEEK_DAYS = 7;
const DEADLINE_WARNING_DAYS = 3;

export interface TodayWindow {
  /** The first TODAY_WINDOW items of each list, or every item of a list in `whole`, in the screen's order. */
  followUps: FollowUps;
  /** Each list's full length, or TODAY_COUNT_CAP for a list in `capped`. */
  totals: Record<TodayList, number>;
  /** The lists longer than TODAY_COUNT_CAP, whose length was not counted. */
  capped: ReadonlySet<TodayList>;
  /** The index entries the items came from, for names and interventions. */
  entries: CaseIndexEntry[];
}

/** [from, to): the key range of the follow-ups due from `from` to the day before `to`. */
type DueRange = [from: IsoDate | null, to: IsoDate];
type DueIndex = 'dueKeys' | 'deadlineDues';

const inRange =
  ([from, to]: DueRange) =>
  ([due]: DueKey): boolean =>
    (from === null || due >= from) && due < to;

/**
 * A list's length, counted up to TODAY_COUNT_CAP, and the case ids of its
 * first items: one request, the case ids of up to 501 items in the key
 * order (a multi-entry index repeats a case for each of its keys). Which key
 * each id stands for is worked out from the entries (keysBehind).
 * IndexedDB's own count() walks the whole range, and reading index keys walks
 * a cursor with a round trip per key: both far slower over thousands of items.
 */
async function readRange(db: UraDatabase, index: DueIndex, [from, to]: DueRange, whole: boolean) {
  // Every key is an array, and arrays sort after every number: -Infinity is below them all.
  const range = db.caseIndex.where(index).between(from === null ? -Infinity : [from], [to], true, false);
  const caseIds = await (whole ? range : range.limit(TODAY_COUNT_CAP + 1)).primaryKeys();
  const capped = !whole && caseIds.length > TODAY_COUNT_CAP;
  return {
    total: capped ? TODAY_COUNT_CAP : caseIds.length,
    capped,
    caseIds: whole ? caseIds : caseIds.slice(0, TODAY_WINDOW),
  };
}

/**
 * The students whose risk rose, newest screening first, then by id (as
 * sortFollowUps orders them: the `riseOrder` index's own order), counted up
 * to TODAY_COUNT_CAP like the other lists.
 */
async function riskRoseWindow(db: UraDatabase, whole: boolean) {
  const rose = db.screeningSummaries.where('riseOrder').above('');
  const risen = await (whole ? rose : rose.limit(TODAY_COUNT_CAP + 1)).primaryKeys();
  const capped = !whole && risen.length > TODAY_COUNT_CAP;
  const shown = whole ? risen : risen.slice(0, TODAY_WINDOW);
  const summaries = (await db.screeningSummaries.bulkGet(shown)).filter((row) => row !== undefined);
  const ids = summaries.flatMap((summary) => [summary.latestId, summary.previousId ?? summary.latestId]);
  const [screenings, cases] = await Promise.all([
    db.screenings.bulkGet(ids),
    shown.length === 0 ? [] : db.caseIndex.where('studentId').anyOf(shown).sortBy('caseId'),
  ]);
  const caseByStudent = new Map<string, string>();
  for (const entry of cases) if (entry.status !== 'closed') caseByStudent.set(entry.studentId, entry.caseId);
  const rows = screenings.filter((row): row is ScreeningRow => row !== undefined);
  const total = capped ? TODAY_COUNT_CAP : risen.length;
  return { total, capped, rises: riskRises(rows, caseByStudent), entries: cases };
}

/**
 * A window of the Today screen (PRODUCT F7) from the case index's due-key
 * indexes: each list's count and its first items, opening only the index
 * entries those items belong to — about a hundred, however many cases the
 * phone holds. Call inside a read transaction over caseIndex, screeningSummaries and screenings.
 */
export async function readTodayWindow(
  db: UraDatabase,
  today: IsoDate,
  whole: ReadonlySet<TodayList>,
): Promise<TodayWindow> {
  const tomorrow = addCalendarDays(today, 1);
  const ranges: Record<Exclude<TodayList, 'riskRose'>, DueRange> = {
    overdue: [null, today],
    today: [today, tomorrow],
    thisWeek: [tomorrow, addCalendarDays(today, WEEK_DAYS + 1)],
    deadlinesSoon: [today, addCalendarDays(today, DEADLINE_WARNING_DAYS + 1)],
  };
  const dueLists = ['overdue', 'today', 'thisWeek', 'deadlinesSoon'] as const;
  const indexOf = (list: (typeof dueLists)[number]): DueIndex =>
    list === 'deadlinesSoon' ? 'deadlineDues' : 'dueKeys';
  const [read, risen] = await Promise.all([
    Promise.all(dueLists.map((list) => readRange(db, indexOf(list), ranges[list], whole.has(list)))),
    riskRoseWindow(db, whole.has('riskRose')),
  ]);
  const caseIds = [...new Set(read.flatMap((range) => range.caseIds))];
  const entries = (await db.caseIndex.bulkGet(caseIds)).filter((entry) => entry !== undefined);
  const byCase = new Map(entries.map((entry) => [entry.caseId, entry]));

  const followUps = emptyFollowUps();
  const totals = { riskRose: risen.total } as Record<TodayList, number>;
  const capped = new Set<TodayList>(risen.capped ? ['riskRose'] : []);
  dueLists.forEach((list, at) => {
    const range = read[at] ?? { total: 0, capped: false, caseIds: [] };
    totals[list] = range.total;
    if (range.capped) capped.add(list);
    const index = indexOf(list);
    const keyed = keysBehind(range.caseIds, (caseId) => byCase.get(caseId)?.[index] ?? [], inRange(ranges[list]));
    followUps[list] = keyed.flatMap(({ key, caseId }): FollowUpItem[] => {
      const entry = byCase.get(caseId);
      const item = entry ? followUpOfKey(key, entry) : null;
      return item ? [item] : [];
    });
  });
  followUps.riskRose = risen.rises;
  sortFollowUps(followUps);
  return { followUps, totals, capped, entries: [...entries, ...risen.entries] };
}
