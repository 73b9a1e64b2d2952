import type { IndexedAction, IndexedDeadline } from './caseIndex.ts';
import type { IsoDate } from './dueDates.ts';
import type { FollowUpItem } from './followUps.ts';

/**
 * Deadlines first, then visits, then plan actions, on the same day. Here, not
 * in followUps.ts, so the case index (in the first load) does not pull in the
 * Today screen's computations.
 */
export const FOLLOW_UP_KIND_ORDER: Readonly<Record<FollowUpItem['kind'], number>> = {
  deadline: 0,
  visit: 1,
  planAction: 2,
};

/**
 * One follow-up of a case as an IndexedDB key: its due date, its kind's
 * order, and the deadline's kind or the note's or action's id (`dueRefOf`).
 * IndexedDB orders a multi-entry index by key, then by the row's primary key
 * (the case id) — exactly as `byDue` sorts the items — so a range of the case
 * index's `dueKeys` index read in order is a Today list in order, and its
 * length is the list's — without opening a single sealed row. Dates, kinds
 * and ids only: nothing identifying. Kept short: every case index entry
 * carries its keys, and the case list reads every entry.
 */
export type DueKey = [due: IsoDate, kindOrder: number, ref: string];

/** What an index entry says is due, as `dueKeysOf` reads it. */
export interface DueSources {
  caseId: string;
  status: string;
  deadlines: readonly IndexedDeadline[];
  openActions: readonly IndexedAction[];
  nextVisit: { visitId: string; due: IsoDate } | null;
}

/** The refId of a case's protocol deadline, as every follow-up list names it. */
export const deadlineRefId = (caseId: string, kind: string): string => `${caseId}:${kind}`;

/** What a due key names an item by after its date and kind: a deadline's kind (its case comes next), else its id. */
export const dueRefOf = (item: Pick<FollowUpItem, 'refId' | 'deadline'>): string => item.deadline ?? item.refId;

/**
 * The keys of everything due on a case (`dueKeys`), and of its protocol
 * deadlines alone (`deadlineDues`, for "deadlines about to pass"). A closed
 * case has none, so it is in neither index.
 */
export function dueKeysOf(entry: DueSources): { dueKeys: DueKey[]; deadlineDues: DueKey[] } {
  if (entry.status === 'closed') return { dueKeys: [], deadlineDues: [] };
  const deadlineDues = entry.deadlines.map((deadline): DueKey => [
    deadline.due,
    FOLLOW_UP_KIND_ORDER.deadline,
    deadline.kind,
  ]);
  const dueKeys: DueKey[] = [...deadlineDues];
  if (entry.nextVisit !== null) {
    dueKeys.push([entry.nextVisit.due, FOLLOW_UP_KIND_ORDER.visit, entry.nextVisit.visitId]);
  }
  for (const action of entry.openActions) {
    dueKeys.push([action.due, FOLLOW_UP_KIND_ORDER.planAction, action.id]);
  }
  return { dueKeys, deadlineDues };
}
