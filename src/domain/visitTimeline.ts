import type { HomeVisit } from './homeVisit.ts';

/** One note in a case's visit history, with its correction links resolved. */
export interface TimelineEntry {
  visit: HomeVisit;
  /** Notes that correct this one, oldest first; two devices may have corrected it offline. */
  correctedBy: string[];
  /** False once any later note corrects this one: screens grey it out but keep it readable. */
  current: boolean;
  /** True when `correctionOf` names a note not on this device (not yet synced, or outside scope). */
  correctsMissing: boolean;
}

/** Orders notes by visit date and time, then by when they were saved, then by id, so every device agrees. */
export function compareVisits(a: HomeVisit, b: HomeVisit): number {
  if (a.visitDate !== b.visitDate) return a.visitDate < b.visitDate ? -1 : 1;
  const aTime = a.startTime ?? '';
  const bTime = b.startTime ?? '';
  if (aTime !== bTime) return aTime < bTime ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * A case's visit notes in order, each marked with the notes that correct it
 * (F6: append-only, a correction points at the note it corrects). A chain
 * A ← B ← C leaves only C current. Linear in the number of notes plus the sort.
 */
export function visitTimeline(visits: readonly HomeVisit[]): TimelineEntry[] {
  const sorted = [...visits].sort(compareVisits);
  const ids = new Set(sorted.map((visit) => visit.id));
  const correctedBy = new Map<string, string[]>();
  for (const visit of sorted) {
    const target = visit.correctionOf;
    if (target === null || target === visit.id || !ids.has(target)) continue;
    const list = correctedBy.get(target);
    if (list) list.push(visit.id);
    else correctedBy.set(target, [visit.id]);
  }
  return sorted.map((visit) => {
    const by = correctedBy.get(visit.id) ?? [];
    return {
      visit,
      correctedBy: by,
      current: by.length === 0,
      correctsMissing: visit.correctionOf !== null && !ids.has(visit.correctionOf),
    };
  });
}

/** Only the notes no other note corrects: what follow-ups and summaries should read. */
export function currentVisits(visits: readonly HomeVisit[]): HomeVisit[] {
  const corrected = new Set<string>();
  for (const visit of visits) {
    if (visit.correctionOf !== null && visit.correctionOf !== visit.id) corrected.add(visit.correctionOf);
  }
  return visits.filter((visit) => !corrected.has(visit.id));
}
