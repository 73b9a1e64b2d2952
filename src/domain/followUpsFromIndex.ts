import type { CaseIndexEntry } from './caseIndex.ts';
import type { IsoDate } from './dueDates.ts';
import { emptyFollowUps, followUpPlacer, riskRises, sortFollowUps, type FollowUps } from './followUps.ts';
import type { Screening } from './riskScreening.ts';

export interface IndexedFollowUpInput {
  today: IsoDate;
  /** The index entries of at least every case with something due up to a week ahead (closed ones are skipped). */
  entries: readonly CaseIndexEntry[];
  /** The last two screenings of at least every student whose level rose. */
  screenings: readonly Screening[];
  /** Each student's case that is not closed, for linking a risk rise to it. */
  caseByStudent: ReadonlyMap<string, string>;
  deadlineWarningDays?: number;
}

/**
 * The Today screen's follow-ups from the device's case index: the same lists,
 * in the same order, as computeFollowUpsByProfile over the full records (a
 * test holds the two together), but from one small row per case. The index
 * already holds each case's deadlines under its own school's profile.
 */
export function followUpsFromIndex(input: IndexedFollowUpInput): FollowUps {
  const result = emptyFollowUps();
  const place = followUpPlacer(result, input.today, input.deadlineWarningDays);
  for (const entry of input.entries) {
    if (entry.status === 'closed') continue;
    const { caseId, studentId } = entry;
    for (const deadline of entry.deadlines) {
      const refId = `${caseId}:${deadline.kind}`;
      place({
        kind: 'deadline',
        caseId,
        studentId,
        due: deadline.due,
        refId,
        deadline: deadline.kind,
        source: deadline.source,
      });
    }
    if (entry.nextVisit !== null) {
      const { visitId, due } = entry.nextVisit;
      place({ kind: 'visit', caseId, studentId, due, refId: visitId, deadline: null, source: null });
    }
    for (const action of entry.openActions) {
      place({ kind: 'planAction', caseId, studentId, due: action.due, refId: action.id, deadline: null, source: null });
    }
  }
  result.riskRose = riskRises(input.screenings, input.caseByStudent);
  sortFollowUps(result);
  return result;
}
