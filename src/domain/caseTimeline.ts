import type { CaseEvent, CaseRecord, CaseTrigger } from './caseRecord.ts';
import type { IsoDate } from './dueDates.ts';
import type { HomeVisit } from './homeVisit.ts';
import type { PlanAction } from './planAction.ts';
import type { Referral } from './referral.ts';
import { compareScreeningOrder, type RiskReason, type Screening } from './riskScreening.ts';
import { visitTimeline, type TimelineEntry } from './visitTimeline.ts';

export type StatusEvent = CaseEvent & { id: string };
export type ScreeningWithReasons = Screening & { reasons: readonly RiskReason[] };

/** The note a correction points at, when it is on the device: "Corrects the note of <date>". */
export type VisitEntry = TimelineEntry & { correctsVisitDate: IsoDate | null };

/**
 * One line of a case's history. `date` is the day it happened; a plan action
 * has no day of its own, so it stands at the day it was finished, else its
 * due date, else null (undated: still to do, shown at the top).
 */
export type CaseTimelineItem = { date: IsoDate | null; key: string } & (
  | { kind: 'flagged'; trigger: CaseTrigger }
  | { kind: 'status'; event: StatusEvent }
  | { kind: 'screening'; screening: ScreeningWithReasons }
  | { kind: 'planAction'; action: PlanAction }
  | { kind: 'visit'; entry: VisitEntry }
  | { kind: 'referral'; referral: Referral }
);

export type CaseTimelineKind = CaseTimelineItem['kind'];

export interface CaseTimelineInput {
  caseRecord: CaseRecord;
  events: readonly StatusEvent[];
  /** The student's screenings: a case's history includes those that led to it. */
  screenings: readonly ScreeningWithReasons[];
  planActions: readonly PlanAction[];
  visits: readonly HomeVisit[];
  referrals: readonly Referral[];
}

/**
 * Within one day, the order things usually happen in: a screening raises the
 * flag, the case moves on, a visit is made, actions are planned, referrals go out.
 */
const KIND_ORDER: Readonly<Record<CaseTimelineKind, number>> = {
  screening: 0,
  flagged: 1,
  status: 2,
  visit: 3,
  planAction: 4,
  referral: 5,
};

function compareIds(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function byDateThenId<T extends { id: string }>(date: (item: T) => string) {
  return (a: T, b: T): number => {
    const da = date(a);
    const db = date(b);
    if (da !== db) return da < db ? -1 : 1;
    return compareIds(a, b);
  };
}

function planActionDate(action: PlanAction): IsoDate | null {
  return action.completedAt ?? action.dueDate;
}

/** Each kind in its own agreed order (oldest first), so equal days keep an order every device shares. */
function itemsOldestFirst(input: CaseTimelineInput): CaseTimelineItem[] {
  const { caseRecord } = input;
  const visits = visitTimeline(input.visits);
  const visitDates = new Map(visits.map((entry) => [entry.visit.id, entry.visit.visitDate]));
  return [
    { kind: 'flagged', date: caseRecord.flaggedAt, key: `flagged:${caseRecord.id}`, trigger: caseRecord.trigger },
    ...[...input.events]
      .sort(byDateThenId((event) => event.at))
      .map((event): CaseTimelineItem => ({ kind: 'status', date: event.at, key: `status:${event.id}`, event })),
    ...[...input.screenings].sort(compareScreeningOrder).map((screening): CaseTimelineItem => ({
      kind: 'screening',
      date: screening.screenedOn,
      key: `screening:${screening.id}`,
      screening,
    })),
    ...[...input.planActions]
      .sort(byDateThenId((action) => planActionDate(action) ?? '\uffff'))
      .map((action): CaseTimelineItem => ({
        kind: 'planAction',
        date: planActionDate(action),
        key: `planAction:${action.id}`,
        action,
      })),
    ...visits.map((entry): CaseTimelineItem => ({
      kind: 'visit',
      date: entry.visit.visitDate,
      key: `visit:${entry.visit.id}`,
      entry: {
        ...entry,
        correctsVisitDate:
          entry.visit.correctionOf === null ? null : (visitDates.get(entry.visit.correctionOf) ?? null),
      },
    })),
    ...[...input.referrals].sort(byDateThenId((referral) => referral.sentAt)).map((referral): CaseTimelineItem => ({
      kind: 'referral',
      date: referral.sentAt,
      key: `referral:${referral.id}`,
      referral,
    })),
  ];
}

/**
 * A case's whole history in one list, newest first (PRODUCT F4–F8): the flag,
 * its status changes, the student's screenings, plan actions, home-visit
 * notes with their corrections linked (visitTimeline), and referrals. Same
 * day: by kind (KIND_ORDER), then each kind's own order, so every device
 * shows the same list. Undated plan actions come first.
 */
export function caseTimeline(input: CaseTimelineInput): CaseTimelineItem[] {
  const items = itemsOldestFirst(input);
  const position = new Map(items.map((item, index) => [item, index]));
  const oldestFirst = [...items].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    return (position.get(a) ?? 0) - (position.get(b) ?? 0);
  });
  return oldestFirst.reverse();
}
