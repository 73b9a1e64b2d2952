import { canRead, hiddenFields, type AccessScope, type RecordKeys } from './accessScope.ts';

/** One record under a moved student or case: its keys before the move and after. */
export interface MovedRecord {
  before: RecordKeys;
  after: RecordKeys;
}

/**
 * Whether a move shows `scope` something it did not see before: a record
 * under the moved one that comes into view, or a field of one that was hidden
 * (special-category data, which follows the school). Only then does the
 * mover's own device need the move's re-sent fields; otherwise it already
 * holds every one it may see, and sending them back costs its user bytes on
 * every day a student changes class (docs/sync.md, "A move").
 */
export function moveWidensView(scope: AccessScope, moved: readonly MovedRecord[]): boolean {
  return moved.some(({ before, after }) => {
    if (!canRead(scope, after)) return false;
    if (!canRead(scope, before)) return true;
    const hiddenAfter = hiddenFields(scope, after);
    return hiddenFields(scope, before).some((field) => !hiddenAfter.includes(field));
  });
}
