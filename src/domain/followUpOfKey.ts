import { deadlineRefId, FOLLOW_UP_KIND_ORDER, type DueKey, type DueSources } from './followUpKeys.ts';
import type { FollowUpItem } from './followUps.ts';

/**
 * The follow-up a key stands for, read back from its case's index entry; null
 * when the entry no longer lists it (it cannot, inside one read transaction).
 * Apart from followUpKeys.ts, which the first load carries: only Today reads keys back.
 */
export function followUpOfKey(key: DueKey, entry: DueSources & { studentId: string }): FollowUpItem | null {
  const [due, kindOrder, refId, caseId] = key;
  const { studentId } = entry;
  if (kindOrder === FOLLOW_UP_KIND_ORDER.deadline) {
    const deadline = entry.deadlines.find((each) => deadlineRefId(caseId, each.kind) === refId && each.due === due);
    if (!deadline) return null;
    return { kind: 'deadline', caseId, studentId, due, refId, deadline: deadline.kind, source: deadline.source };
  }
  if (kindOrder === FOLLOW_UP_KIND_ORDER.visit) {
    if (entry.nextVisit?.visitId !== refId || entry.nextVisit.due !== due) return null;
    return { kind: 'visit', caseId, studentId, due, refId, deadline: null, source: null };
  }
  const action = entry.openActions.find((each) => each.id === refId && each.due === due);
  if (!action) return null;
  return { kind: 'planAction', caseId, studentId, due, refId, deadline: null, source: null };
}
