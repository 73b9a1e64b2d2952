import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Mutation } from '../sync/protocol.ts';
import type { CaseIndexEntry } from '../domain/caseIndex.ts';
import {
  screeningSummariesOf,
  visitSummariesOf,
  type ScreeningSummary,
  type VisitSummary,
} from '../domain/caseworkSummaries.ts';
import type { FieldConflict } from '../domain/fieldConflict.ts';
import type { HomeVisit } from '../domain/homeVisit.ts';
import type { LocalizedName } from '../domain/localizedName.ts';
import type { Screening } from '../domain/riskScreening.ts';
import type { StudentFields } from '../domain/student.ts';
import type {
  CaseEventRow,
  CaseRow,
  DraftRow,
  HomeVisitRow,
  PlanActionRow,
  ReferralRow,
  ScreeningRow,
} from './caseworkRecords.ts';
import { caseIndexOfAll } from './caseIndex.ts';
import { DataKeyHolder } from './crypto/dataKeyHolder.ts';
import { encryptionMiddleware } from './crypto/encryptionMiddleware.ts';
import type { VaultRow } from './crypto/vaultRow.ts';
import type { DashboardSnapshotRow } from './dashboardSnapshotRow.ts';
import type { ExportLogRow } from './exportLog.ts';
import type { MapActivityRow, MapGoalRow, MapPlanRow, MapProgressRow } from './mapRecords.ts';

/** A student as kept on the device: its fields, the HLC that wrote each, and a folded search key. */
export interface StudentRecord extends StudentFields {
  id: string;
  /** The HLC of the last write to each field, local or remote (per-field last-writer-wins). */
  hlcs: Partial<Record<keyof StudentFields, string>>;
  /** Names folded by foldForSearch, so the list can search without re-folding each keystroke. */
  searchKey: string;
  updatedAt: number;
}

export interface MunicipalityRecord {
  id: string;
  name: LocalizedName;
  country: 'XK' | 'RS';
  hlcs: Record<string, string>;
}

export interface SchoolRecord {
  id: string;
  name: LocalizedName;
  municipalityId: string;
  country: 'XK' | 'RS';
  hlcs: Record<string, string>;
}

/**
 * A change waiting to reach the server. `seq` keeps the user's order; `state`
 * is `pending` until the server answers, then the row is deleted, or kept as
 * `rejected` (with the server's code) until the user has seen it.
 */
export interface OutboxRow {
  seq?: number;
  mutation: Mutation;
  state: 'pending' | 'rejected';
  rejectionCode?: string;
  createdAt: number;
  attempts: number;
}

/** A clash as kept on the device, with the HLC that wrote each field. */
export interface ConflictRow extends FieldConflict {
  hlcs: Partial<Record<string, string>>;
}

/** Device-local settings and sync bookkeeping, one row per key. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The derived tables may disagree with the records: set by the v10 upgrade (their Today indexes came later) and by
 * a first sync's deferred pages (applyRemoteChanges); cleared by their rebuild (derivedTables.ts).
 */
export const DERIVED_STALE_KEY = 'derivedStale';

/**
 * Meta rows kept plain: the device id, needed to sign in before there is a key,
 * and the flag an upgrade writes while the phone is locked. Neither names a person.
 */
const PLAIN_META_KEYS: ReadonlySet<string> = new Set(['clientId', DERIVED_STALE_KEY]);

export class UraDatabase extends Dexie {
  students!: EntityTable<StudentRecord, 'id'>;
  schools!: EntityTable<SchoolRecord, 'id'>;
  municipalities!: EntityTable<MunicipalityRecord, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  // Plain tables: a casework record's id is always made on the device (the form's id guards double saves).
  cases!: Table<CaseRow, string>;
  caseEvents!: Table<CaseEventRow, string>;
  screenings!: Table<ScreeningRow, string>;
  homeVisits!: Table<HomeVisitRow, string>;
  planActions!: Table<PlanActionRow, string>;
  referrals!: Table<ReferralRow, string>;
  drafts!: EntityTable<DraftRow, 'key'>;
  // Device-only, derived from the notes and screenings in the same transactions (caseworkSummaries.ts); never synced.
  visitSummaries!: EntityTable<VisitSummary, 'caseId'>;
  screeningSummaries!: EntityTable<ScreeningSummary, 'studentId'>;
  caseIndex!: EntityTable<CaseIndexEntry, 'caseId'>;
  // Same-field clashes the server recorded, pulled like any record; a device only sets the user's choice.
  conflicts!: Table<ConflictRow, string>;
  // The wrapped data key and the PIN's counters (deviceVault.ts); the one table never sealed.
  vault!: EntityTable<VaultRow, 'id'>;
  // The last dashboard figures per place, for reading offline (dashboardSnapshotRow.ts).
  dashboards!: EntityTable<DashboardSnapshotRow, 'key'>;
  // Exports made here, until the server's audit trail has them (exportLog.ts).
  exportLog!: EntityTable<ExportLogRow, 'id'>;
  // The Municipal Action Plan (mapRecords.ts), synced like casework; only a coordinator's device holds any.
  mapPlans!: Table<MapPlanRow, string>;
  mapGoals!: Table<MapGoalRow, string>;
  mapActivities!: Table<MapActivityRow, string>;
  mapProgress!: Table<MapProgressRow, string>;
  /** The data key while the app is unlocked; every other table is sealed and opened with it. */
  readonly dataKey = new DataKeyHolder();

  constructor(name = 'ura') {
    // Outbox writes must reach the disk before we tell the user "saved".
    super(name, { chromeTransactionDurability: 'strict' });
    // The device id is needed to sign in, before there is a key; it names a device, not a person.
    this.use(
      encryptionMiddleware(this.dataKey, {
        tables: new Set(['vault']),
        row: (table, row) => table === 'meta' && PLAIN_META_KEYS.has((row as MetaRow | undefined)?.key ?? ''),
      }),
    );

    // Version history. Never edit a shipped version: add a new one, and carry
    // the outbox through every upgrade (its rows record their own schema).
    // v1 (2026-11): students, schools, municipalities, outbox, meta — the walking skeleton.
    this.version(1).stores({
      students: 'id, schoolId, familyName, updatedAt',
      schools: 'id, municipalityId',
      municipalities: 'id',
      outbox: '++seq, state',
      meta: 'key',
    });
    // v2 (2026-12): casework tables and form drafts. Only new tables, so no upgrade step; the outbox is untouched.
    this.version(2).stores({
      cases: 'id, studentId, schoolId, status, caseManagerId',
      caseEvents: 'id, caseId',
      screenings: 'id, studentId, term',
      homeVisits: 'id, caseId, visitDate, correctionOf',
      planActions: 'id, caseId, dueDate, status',
      referrals: 'id, caseId, status',
      drafts: 'key',
    });
    // v3 (2026-12): next-visit dates indexed, so Today finds visits falling due without reading every note.
    this.version(3).stores({
      homeVisits: 'id, caseId, visitDate, correctionOf, nextVisitDate',
    });
    // v4 (2026-12): per-case visit and per-student screening summaries, so Today and the case list read one
    // small row per case instead of every note and screening. Built here from what the device holds.
    this.version(4)
      .stores({ visitSummaries: 'caseId, nextVisitDate', screeningSummaries: 'studentId' })
      .upgrade(async (tx) => {
        const visits = (await tx.table('homeVisits').toArray()) as HomeVisit[];
        await tx.table('visitSummaries').bulkPut(visitSummariesOf(visits));
        const screenings = (await tx.table('screenings').toArray()) as Screening[];
        await tx.table('screeningSummaries').bulkPut(screeningSummariesOf(screenings));
      });
    // v5 (2026-12): one small device-only row per case with its name, level and what is due (caseIndex.ts), so the
    // case list and Today read 10,000 small rows instead of every case, student and plan action. Built from v4's rows.
    this.version(5)
      .stores({ caseIndex: 'caseId, firstFollowUp, nextDue, studentId' })
      .upgrade(async (tx) => {
        await tx.table('caseIndex').bulkPut(await caseIndexOfAll((name) => tx.table(name)));
      });
    // v6 (2027-01): clashes recorded by the server, shown on their case. A new table only; the outbox is untouched.
    this.version(6).stores({ conflicts: 'id, recordId' });
    // v7 (2027-01): rows sealed with the data key (docs/encryption.md). No index may hold a name, so the students'
    // family-name and the cases' case-manager indexes go; the vault keeps the wrapped key. Rows from v6 stay readable and are sealed after the
    // first PIN is chosen (sealExistingRows).
    this.version(7).stores({
      students: 'id, schoolId, updatedAt',
      // The case manager is written as a name; no query used its index, so it goes rather than stay plain.
      cases: 'id, studentId, schoolId, status',
      vault: 'id',
    });
    // v8 (2027-02): the coordinator's office — dashboard figures kept for offline reading, and exports waiting to be
    // audited on the server. New tables only; the outbox is untouched.
    this.version(8).stores({ dashboards: 'key', exportLog: 'id' });
    // v9 (2027-03): the Municipal Action Plan's records, by plan and municipality. New tables only.
    this.version(9).stores({
      mapPlans: 'id, municipalityId',
      mapGoals: 'id, planId',
      mapActivities: 'id, planId, goalId',
      mapProgress: 'id, planId, activityId',
    });
    // v10 (2027-04): Today reads a window of what is due instead of every case with something due this week: the
    // case index keeps its follow-ups as keys of two multi-entry indexes, and a screening summary the date a risk
    // rose. Rows here are sealed and the upgrade runs while the phone is locked, so it cannot rebuild them: it
    // leaves a plain flag, and the first unlock rebuilds both tables (derivedTables.ts). Until then Today reads
    // every due entry, as before.
    this.version(10)
      .stores({
        caseIndex: 'caseId, firstFollowUp, nextDue, studentId, *dueKeys, *deadlineDues',
        screeningSummaries: 'studentId, riseOrder',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: DERIVED_STALE_KEY, value: true });
      });
  }
}
