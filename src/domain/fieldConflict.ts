/**
 * A same-field clash: two devices changed one field of a record, neither
 * having seen the other's change. Per-field last-writer-wins keeps the later
 * write; the server records the clash so the people involved see both values
 * and choose (docs/sync.md, "Conflicts"). The choice is itself a synced edit.
 */
export const CONFLICT_CHOICES = ['kept', 'lost'] as const;
/** kept: the value the server kept stays; lost: the replaced value is put back. */
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export interface FieldConflict {
  id: string;
  /** The record whose field clashed (a student, case, plan action or referral). */
  recordEntity: 'student' | 'case' | 'planAction' | 'referral';
  recordId: string;
  field: string;
  /** The value last-writer-wins kept, the HLC that wrote it and the device that made it. */
  keptValue: unknown;
  keptHlc: string;
  keptBy: string | null;
  /** The value it replaced (or that arrived too late), with its HLC and device. */
  lostValue: unknown;
  lostHlc: string;
  lostBy: string | null;
  /** Null until someone chooses. */
  choice: ConflictChoice | null;
  /** Who chose, as they named themselves on their phone. */
  resolvedBy: string | null;
}

export const MAX_RESOLVER_NAME = 200;

/** One side of a clash for display: "yours" when this device wrote it. */
export type ConflictSide = 'yours' | 'theirs' | 'kept' | 'replaced';

/**
 * How to label both values on this device. A device that wrote one side sees
 * "yours" and "theirs"; any other device sees "kept" and "replaced".
 */
export function conflictSides(conflict: FieldConflict, clientId: string): { kept: ConflictSide; lost: ConflictSide } {
  if (conflict.keptBy === clientId) return { kept: 'yours', lost: 'theirs' };
  if (conflict.lostBy === clientId) return { kept: 'theirs', lost: 'yours' };
  return { kept: 'kept', lost: 'replaced' };
}

/** Open clashes of one field are resolved together: one choice settles the field. */
export function sameField(a: FieldConflict, b: FieldConflict): boolean {
  return a.recordEntity === b.recordEntity && a.recordId === b.recordId && a.field === b.field;
}
