import type { Table } from 'dexie';
import { fallbackProfileId } from '../domain/profiles/profiles.ts';
import type { Change, Entity } from '../sync/protocol.ts';
import { refreshCaseIndex } from './caseIndex.ts';
import { refreshScreeningSummaries, refreshVisitSummaries } from './caseworkSummaries.ts';
import { isDerivedStale, markDerivedStale } from './derivedStaleFlag.ts';
import { derivedRebuildTables, rebuildDerivedTables } from './derivedTables.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** How a pulled page keeps the derived tables: it notes each record it writes, then finishes in its transaction. */
export interface PageDerived {
  note(entity: Entity, id: string, record: object): void;
  finish(): Promise<void>;
}

/** The tables a page's transaction must include for its derived tables, besides its records' tables. */
export function pageDerivedTables(db: UraDatabase, deferDerived: boolean): Table[] {
  // A deferred page writes none of them. Any other page may find the flag set and rebuild them all from every note
  // and screening; the flag can only be read inside the transaction, so its scope allows for that.
  return deferDerived ? [db.meta] : derivedRebuildTables(db);
}

/** Call inside the page's transaction (pageDerivedTables), before the page's records are written. */
export async function derivedOfPage(
  db: UraDatabase,
  changes: readonly Change[],
  deferDerived: boolean,
): Promise<PageDerived> {
  const ignore = () => undefined;
  // The flag goes with the page: a crash after it leaves both or neither, and the next unlock rebuilds.
  if (deferDerived) return { note: ignore, finish: () => markDerivedStale(db) };
  // An earlier page was deferred (or an upgrade left the flag): refreshing only what this page touched would leave
  // the rest stale, so everything is rebuilt, once, and the flag goes in the same commit.
  if (await isDerivedStale(db)) return { note: ignore, finish: () => rebuildDerivedTables(db) };
  return refreshingPage(db, changes);
}

/** Refreshes the summaries and index entries of what the page touched. */
async function refreshingPage(db: UraDatabase, changes: readonly Change[]): Promise<PageDerived> {
  const visitCases = new Set<string>();
  const screenedStudents = new Set<string>();
  const caseIds = new Set<string>();
  const studentIds = new Set<string>();
  const schoolIds = new Set<string>();
  const schoolsChange = changes.some((change) => change.entity === 'school');
  const fallbackBefore = schoolsChange ? fallbackProfileId(await db.schools.toArray()) : null;
  return {
    note(entity, id, record) {
      // A record pulled across two pages may not know its case or student yet; the later page refreshes it.
      const owner = record as { caseId?: unknown; studentId?: unknown };
      if (entity === 'homeVisit' && typeof owner.caseId === 'string') visitCases.add(owner.caseId);
      if (entity === 'screening' && typeof owner.studentId === 'string') screenedStudents.add(owner.studentId);
      if (entity === 'case') caseIds.add(id);
      if (entity === 'planAction' && typeof owner.caseId === 'string') caseIds.add(owner.caseId);
      if (entity === 'student') studentIds.add(id);
      if (entity === 'school') schoolIds.add(id);
    },
    async finish() {
      await refreshVisitSummaries(db, visitCases);
      await refreshScreeningSummaries(db, screenedStudents);
      // A new school can change the profile of every case whose school is not on the device: then all are refreshed.
      const fallbackMoved = schoolsChange && fallbackProfileId(await db.schools.toArray()) !== fallbackBefore;
      await refreshCaseIndex(db, {
        caseIds: fallbackMoved ? await db.cases.toCollection().primaryKeys() : [...caseIds, ...visitCases],
        studentIds: [...studentIds, ...screenedStudents],
        schoolIds,
      });
    },
  };
}
