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

/** IndexedDB's order of two due keys: strings by code unit, as JavaScript compares them, and numbers. */
export function compareDueKeys(a: DueKey, b: DueKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] - b[1];
  if (a[2] === b[2]) return 0;
  return a[2] < b[2] ? -1 : 1;
}

/**
 * The keys behind case ids read in order from a range of a due-key index (one
 * id per key: what `getAllKeys` on a multi-entry index gives). IndexedDB orders
 * the range by key, then by case id, so each id stands for its case's next key
 * within the range: the keys come back without a cursor over the index.
 */
export function keysBehind(
  caseIds: readonly string[],
  keysOf: (caseId: string) => readonly DueKey[],
  inRange: (key: DueKey) => boolean,
): { key: DueKey; caseId: string }[] {
  const pending = new Map<string, DueKey[]>();
  const out: { key: DueKey; caseId: string }[] = [];
  for (const caseId of caseIds) {
    let keys = pending.get(caseId);
    if (keys === undefined) {
      keys = keysOf(caseId).filter(inRange).sort(compareDueKeys);
      pending.set(caseId, keys);
    }
    const key = keys.shift();
    if (key !== undefined) out.push({ key, caseId });
  }
  return out;
}
