import { deadlineRefId, FOLLOW_UP_KIND_ORDER, type DueKey, type DueSources } from './followUpKeys.ts';
import type { FollowUpItem } from './followUps.ts';

/**
 * The follow-up a key stands for, read back from the index entry it was read
 * from (the key's primary key); null
 * when the entry no longer lists it (it cannot, inside one read transaction).
 * Apart from followUpKeys.ts, which the first load carries: only Today reads keys back.
 */
export function followUpOfKey(key: DueKey, entry: DueSources & { studentId: string }): FollowUpItem | null {
  const [due, kindOrder, ref] = key;
  const { caseId, studentId } = entry;
  if (kindOrder === FOLLOW_UP_KIND_ORDER.deadline) {
    const deadline = entry.deadlines.find((each) => each.kind === ref && each.due === due);
    if (!deadline) return null;
    const refId = deadlineRefId(caseId, deadline.kind);
    return { kind: 'deadline', caseId, studentId, due, refId, deadline: deadline.kind, source: deadline.source };
  }
  if (kindOrder === FOLLOW_UP_KIND_ORDER.visit) {
    if (entry.nextVisit?.visitId !== ref || entry.nextVisit.due !== due) return null;
    return { kind: 'visit', caseId, studentId, due, refId: ref, deadline: null, source: null };
  }
  const action = entry.openActions.find((each) => each.id === ref && each.due === due);
  if (!action) return null;
  return { kind: 'planAction', caseId, studentId, due, refId: ref, deadline: null, source: null };
}
