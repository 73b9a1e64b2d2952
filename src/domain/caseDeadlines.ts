import type { CaseRecord } from './caseRecord.ts';
import { addDuration, NO_HOLIDAYS, type IsoDate, type SchoolCalendar } from './dueDates.ts';
import type { DeadlineKind, ProtocolProfile, Source } from './protocolProfile.ts';

/** A protocol deadline that is still to be met, as a due date. */
export interface CaseDeadline {
  caseId: string;
  kind: DeadlineKind;
  /** The date the deadline counts from (the flag, the opening, the last review…). */
  from: IsoDate;
  due: IsoDate;
  /** Where the time limit comes from, so screens never present a default as law. */
  source: Source;
}

/**
 * The deadlines a case still has to meet under its profile (F4: "protocol
 * deadlines become due dates"). Met deadlines are not returned: the case's
 * stage dates and events already record when each was met.
 * - flagged: open the case, counted from the flag;
 * - open: assess, and plan, both counted from the opening;
 * - assessed: plan, counted from the opening;
 * - plan active / monitoring: the next review, from the last review or the
 *   plan's activation; in monitoring also the earliest date to consider closing.
 * A closed case has none.
 */
export function caseDeadlines(
  profile: ProtocolProfile,
  record: CaseRecord,
  calendar: SchoolCalendar = NO_HOLIDAYS,
): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const add = (kind: DeadlineKind, from: IsoDate | null): void => {
    if (from === null) return;
    const rule = profile.deadlines[kind];
    out.push({ caseId: record.id, kind, from, due: addDuration(from, rule.duration, calendar), source: rule.source });
  };
  switch (record.status) {
    case 'flagged':
      add('openCase', record.flaggedAt);
      break;
    case 'open':
      add('assessment', record.openedAt);
      add('plan', record.openedAt);
      break;
    case 'assessed':
      add('plan', record.openedAt);
      break;
    case 'planActive':
      add('review', record.lastReviewedAt ?? record.planActivatedAt);
      break;
    case 'monitoring':
      add('review', record.lastReviewedAt ?? record.planActivatedAt);
      add('closureReview', record.monitoringSince);
      break;
    case 'closed':
      break;
  }
  return out;
}
