import { caseDeadlines } from './caseDeadlines.ts';
import type { CaseRecord } from './caseRecord.ts';
import { addCalendarDays, NO_HOLIDAYS, type IsoDate, type SchoolCalendar } from './dueDates.ts';
import type { HomeVisit } from './homeVisit.ts';
import { isPlanActionOpen, type PlanAction } from './planAction.ts';
import type { DeadlineKind, ProtocolProfile, RiskLevel, Source } from './protocolProfile.ts';
import { compareScreeningOrder, compareScreenings, type Screening } from './riskScreening.ts';
import { compareVisits, currentVisits } from './visitTimeline.ts';
import { dueRefOf, FOLLOW_UP_KIND_ORDER } from './followUpKeys.ts';

/** Something due on a case: the next home visit, an open plan action, or a protocol deadline. */
export interface FollowUpItem {
  kind: 'visit' | 'planAction' | 'deadline';
  caseId: string;
  studentId: string;
  due: IsoDate;
  /** The visit note that set the next visit, the plan action, or `<caseId>:<deadline kind>`. */
  refId: string;
  /** For deadlines: which one, and whether its time limit is law or a default. */
  deadline: DeadlineKind | null;
  source: Source | null;
}

/** A student whose last screening put them at a higher level than the one before. */
export interface RiskRise {
  studentId: string;
  screeningId: string;
  screenedOn: IsoDate;
  from: RiskLevel;
  to: RiskLevel;
  /** The student's case that is not closed, if there is one on the device. */
  caseId: string | null;
}

export interface FollowUps {
  overdue: FollowUpItem[];
  today: FollowUpItem[];
  /** Due in the next seven days after today. */
  thisWeek: FollowUpItem[];
  /** Protocol deadlines due from today to `deadlineWarningDays` ahead: about to pass. */
  deadlinesSoon: FollowUpItem[];
  riskRose: RiskRise[];
}

export interface FollowUpInput {
  today: IsoDate;
  cases: readonly CaseRecord[];
  visits: readonly HomeVisit[];
  planActions: readonly PlanAction[];
  screenings: readonly Screening[];
  profile: ProtocolProfile;
  calendar?: SchoolCalendar;
  /** How far ahead a protocol deadline counts as about to pass; 3 days unless said otherwise. */
  deadlineWarningDays?: number;
}

/**
 * The order of every follow-up list: by due date, deadlines first, then by
 * the deadline's kind or the item's id, then by case — the order of the due
 * keys (followUpKeys.ts), so Today can read a list as an index range.
 */
export function byDue(a: FollowUpItem, b: FollowUpItem): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.kind !== b.kind) return FOLLOW_UP_KIND_ORDER[a.kind] - FOLLOW_UP_KIND_ORDER[b.kind];
  const refA = dueRefOf(a);
  const refB = dueRefOf(b);
  if (refA !== refB) return refA < refB ? -1 : 1;
  if (a.caseId === b.caseId) return 0;
  return a.caseId < b.caseId ? -1 : 1;
}

/** The last note per case that no other note corrects: its next-visit date is the one that counts. */
function latestVisitByCase(visits: readonly HomeVisit[]): Map<string, HomeVisit> {
  const latest = new Map<string, HomeVisit>();
  for (const visit of currentVisits(visits)) {
    const known = latest.get(visit.caseId);
    if (!known || compareVisits(known, visit) < 0) latest.set(visit.caseId, visit);
  }
  return latest;
}

/** Per student, the last two screenings, found in one pass without sorting everything. */
function lastTwoScreenings(screenings: readonly Screening[]): Map<string, [Screening, Screening | undefined]> {
  const out = new Map<string, [Screening, Screening | undefined]>();
  for (const screening of screenings) {
    const known = out.get(screening.studentId);
    if (!known) out.set(screening.studentId, [screening, undefined]);
    else if (compareScreeningOrder(known[0], screening) < 0) out.set(screening.studentId, [screening, known[0]]);
    else if (!known[1] || compareScreeningOrder(known[1], screening) < 0) known[1] = screening;
  }
  return out;
}

/**
 * The "Today" screen (PRODUCT F7), computed on the device: visits and plan
 * actions due today, this week or overdue; protocol deadlines about to pass;
 * students whose risk rose at their last screening. Closed cases, and items
 * of cases not on the device, are left out. One pass over each list, indexed
 * by case with Maps, so it stays fast over 10,000 cases on a phone.
 */
export function computeFollowUps(input: FollowUpInput): FollowUps {
  const { today, profile } = input;
  const calendar = input.calendar ?? NO_HOLIDAYS;
  const result = emptyFollowUps();

  const activeCases = new Map<string, CaseRecord>();
  const caseByStudent = new Map<string, string>();
  for (const record of input.cases) {
    if (record.status === 'closed') continue;
    activeCases.set(record.id, record);
    caseByStudent.set(record.studentId, record.id);
  }

  const place = followUpPlacer(result, today, input.deadlineWarningDays);

  for (const record of activeCases.values()) {
    for (const deadline of caseDeadlines(profile, record, calendar)) {
      place({
        kind: 'deadline',
        caseId: record.id,
        studentId: record.studentId,
        due: deadline.due,
        refId: `${record.id}:${deadline.kind}`,
        deadline: deadline.kind,
        source: deadline.source,
      });
    }
  }
  for (const visit of latestVisitByCase(input.visits).values()) {
    const record = activeCases.get(visit.caseId);
    if (!record || visit.nextVisitDate === null) continue;
    place({
      kind: 'visit',
      caseId: record.id,
      studentId: record.studentId,
      due: visit.nextVisitDate,
      refId: visit.id,
      deadline: null,
      source: null,
    });
  }
  for (const action of input.planActions) {
    const record = activeCases.get(action.caseId);
    if (!record || action.dueDate === null || !isPlanActionOpen(action)) continue;
    place({
      kind: 'planAction',
      caseId: record.id,
      studentId: record.studentId,
      due: action.dueDate,
      refId: action.id,
      deadline: null,
      source: null,
    });
  }

  result.riskRose = riskRises(input.screenings, caseByStudent);
  sortFollowUps(result);
  return result;
}

export function emptyFollowUps(): FollowUps {
  return { overdue: [], today: [], thisWeek: [], deadlinesSoon: [], riskRose: [] };
}

/** Puts an item in its lists: overdue, today or this week by its due date, and about-to-pass for deadlines. */
export function followUpPlacer(
  result: FollowUps,
  today: IsoDate,
  deadlineWarningDays = 3,
): (item: FollowUpItem) => void {
  const weekEnd = addCalendarDays(today, 7);
  const soonEnd = addCalendarDays(today, deadlineWarningDays);
  return (item) => {
    if (item.due < today) result.overdue.push(item);
    else if (item.due === today) result.today.push(item);
    else if (item.due <= weekEnd) result.thisWeek.push(item);
    if (item.kind === 'deadline' && item.due >= today && item.due <= soonEnd) result.deadlinesSoon.push(item);
  };
}

/** Sorts every list of `result` in place, in the order the screen shows them. */
export function sortFollowUps(result: FollowUps): void {
  result.overdue.sort(byDue);
  result.today.sort(byDue);
  result.thisWeek.sort(byDue);
  result.deadlinesSoon.sort(byDue);
  result.riskRose.sort((a, b) =>
    a.screenedOn === b.screenedOn ? (a.studentId < b.studentId ? -1 : 1) : a.screenedOn > b.screenedOn ? -1 : 1,
  );
}

/**
 * Students whose last screening put them higher than the one before, each
 * linked to their case that is not closed (`caseByStudent`), if any.
 */
export function riskRises(screenings: readonly Screening[], caseByStudent: ReadonlyMap<string, string>): RiskRise[] {
  const rises: RiskRise[] = [];
  for (const [studentId, [latest, previous]] of lastTwoScreenings(screenings)) {
    if (!previous || compareScreenings(previous, latest) !== 'rose') continue;
    rises.push({
      studentId,
      screeningId: latest.id,
      screenedOn: latest.screenedOn,
      from: previous.level,
      to: latest.level,
      caseId: caseByStudent.get(studentId) ?? null,
    });
  }
  return rises;
}
