import { caseDeadlines } from './caseDeadlines.ts';
import type { CaseFileFields, CaseSummary } from './caseListFilter.ts';
import type { CaseRecord } from './caseRecord.ts';
import type { IsoDate } from './dueDates.ts';
import { dueKeysOf, type DueKey } from './followUpKeys.ts';
import type { InterventionCode } from './interventions.ts';
import { isPlanActionOpen, type PlanAction } from './planAction.ts';
import { fallbackProfileId, getProfile } from './profiles/profiles.ts';
import type { DeadlineKind, ProfileId, RiskLevel, Source } from './protocolProfile.ts';

/** A protocol deadline the case still has to meet, under its school's profile. */
export interface IndexedDeadline {
  kind: DeadlineKind;
  due: IsoDate;
  source: Source;
}

/** An open plan action with a due date. */
export interface IndexedAction {
  id: string;
  due: IsoDate;
  interventionType: InterventionCode;
}

/**
 * One small row per case with everything the case list and Today read: the
 * student's name and search key, the latest risk level, and what is due. Kept
 * on the device beside the records, rewritten in the transaction that changes
 * any of them, so the screens read 10,000 of these instead of every case,
 * student, plan action and note (docs/benchmarks.md). Never synced.
 */
export interface CaseIndexEntry extends CaseSummary {
  /** Empty for a closed case. */
  deadlines: IndexedDeadline[];
  /** Open plan actions with a due date; empty for a closed case. */
  openActions: IndexedAction[];
  /** The next visit set by the case's latest current note; null for a closed case or none set. */
  nextVisit: { visitId: string; due: IsoDate } | null;
  /** The earliest of the deadlines, open actions and next visit; absent when nothing is due (so not indexed). */
  firstFollowUp?: IsoDate;
  /** Everything due, as keys of the multi-entry index Today reads a window of (followUpKeys.ts); empty when closed. */
  dueKeys: DueKey[];
  /** The protocol deadlines alone, for "deadlines about to pass". */
  deadlineDues: DueKey[];
}

/** What building entries reads, each list possibly a subset (the cases being refreshed and what they point to). */
export interface CaseIndexSources {
  cases: readonly CaseRecord[];
  students: readonly {
    id: string;
    givenName: string;
    familyName: string;
    searchKey: string;
    grade?: number;
    className?: string;
  }[];
  /** Every school on the device: a case whose school is missing takes the profile most of them use. */
  schools: readonly { id: string; country: ProfileId }[];
  screeningLevels: readonly { studentId: string; latestLevel: RiskLevel }[];
  /** Plan actions of the cases (open or not: only open ones with a due date count). */
  planActions: readonly Pick<PlanAction, 'id' | 'caseId' | 'dueDate' | 'status' | 'interventionType'>[];
  visitSummaries: readonly { caseId: string; latestVisitId: string; nextVisitDate: IsoDate | null }[];
}

function earliest(dates: Iterable<IsoDate>): IsoDate | null {
  let first: IsoDate | null = null;
  for (const date of dates) if (first === null || date < first) first = date;
  return first;
}

function deadlinesOf(record: CaseRecord, country: ProfileId): IndexedDeadline[] {
  try {
    return caseDeadlines(getProfile(country), record).map(({ kind, due, source }) => ({ kind, due, source }));
  } catch {
    // A case pulled across two sync pages may briefly lack a stage date: no deadline rather than no row.
    return [];
  }
}

function groupActions(planActions: CaseIndexSources['planActions']): Map<string, IndexedAction[]> {
  const byCase = new Map<string, IndexedAction[]>();
  for (const action of planActions) {
    if (action.dueDate === null || !isPlanActionOpen(action)) continue;
    const entry = { id: action.id, due: action.dueDate, interventionType: action.interventionType };
    const list = byCase.get(action.caseId);
    if (list) list.push(entry);
    else byCase.set(action.caseId, [entry]);
  }
  for (const list of byCase.values())
    list.sort((a, b) => (a.due === b.due ? (a.id < b.id ? -1 : 1) : a.due < b.due ? -1 : 1));
  return byCase;
}

/**
 * The index entries of `sources.cases`, joined in memory with Maps: linear in
 * the rows given. The list's `nextDue` keeps its meaning (deadlines and open
 * actions); `firstFollowUp` adds the next visit, for Today.
 */
export function buildCaseIndex(sources: CaseIndexSources): CaseIndexEntry[] {
  const students = new Map(sources.students.map((student) => [student.id, student]));
  const countries = new Map(sources.schools.map((school) => [school.id, school.country]));
  const fallbackCountry = fallbackProfileId(sources.schools);
  const levels = new Map(sources.screeningLevels.map((summary) => [summary.studentId, summary.latestLevel]));
  const actions = groupActions(sources.planActions);
  const visits = new Map(sources.visitSummaries.map((summary) => [summary.caseId, summary]));

  return sources.cases.map((record): CaseIndexEntry => {
    const student = students.get(record.studentId);
    const open = record.status !== 'closed';
    const deadlines = open ? deadlinesOf(record, countries.get(record.schoolId) ?? fallbackCountry) : [];
    const openActions = open ? (actions.get(record.id) ?? []) : [];
    const visit = visits.get(record.id);
    const nextVisit =
      open && visit?.nextVisitDate != null ? { visitId: visit.latestVisitId, due: visit.nextVisitDate } : null;
    const nextDue = earliest([...deadlines, ...openActions].map((item) => item.due));
    const firstFollowUp = earliest([nextDue, nextVisit?.due ?? null].filter((date) => date !== null));
    const entry = {
      caseId: record.id,
      status: record.status,
      studentId: record.studentId,
      givenName: student?.givenName ?? '',
      familyName: student?.familyName ?? '',
      searchKey: student?.searchKey ?? '',
      schoolId: record.schoolId,
      riskLevel: levels.get(record.studentId) ?? null,
      nextDue,
      caseManagerId: record.caseManagerId,
      flaggedAt: record.flaggedAt,
      deadlines,
      openActions,
      nextVisit,
      ...(firstFollowUp === null ? {} : { firstFollowUp }),
      file: fileFieldsOf(record, student),
    };
    return { ...entry, ...dueKeysOf(entry) };
  });
}

function fileFieldsOf(record: CaseRecord, student: CaseIndexSources['students'][number] | undefined): CaseFileFields {
  const { trigger, openedAt, planActivatedAt, closedAt, closureReason } = record;
  return {
    record: { trigger, openedAt, planActivatedAt, closedAt, closureReason },
    student: student?.grade === undefined ? null : { grade: student.grade, className: student.className ?? '' },
  };
}

/**
 * The entry with a new next visit, when only the case's notes changed: the
 * same result buildCaseIndex gives, without reading the case, student,
 * school and plan actions again (saving a visit must stay within 20 ms).
 */
export function withNextVisit(
  entry: CaseIndexEntry,
  visit: { latestVisitId: string; nextVisitDate: IsoDate | null } | undefined,
): CaseIndexEntry {
  const nextVisit =
    entry.status !== 'closed' && visit?.nextVisitDate != null
      ? { visitId: visit.latestVisitId, due: visit.nextVisitDate }
      : null;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- recomputed below
  const { firstFollowUp: _old, ...rest } = entry;
  const firstFollowUp = earliest([entry.nextDue, nextVisit?.due ?? null].filter((date) => date !== null));
  const updated = { ...rest, nextVisit, ...(firstFollowUp === null ? {} : { firstFollowUp }) };
  return { ...updated, ...dueKeysOf(updated) };
}
