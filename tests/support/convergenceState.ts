/**
 * The synced state of the server and of a device, in one comparable shape:
 * `entity/id` → field → { value, hlc }. Device-only bookkeeping (a student's
 * searchKey and updatedAt, the summary tables, drafts, the outbox) is left out.
 */
import type { Table } from 'dexie';
import { screeningSummariesOf, visitSummariesOf } from '../../src/domain/caseworkSummaries.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import type { Entity } from '../../src/sync/protocol.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import type { Acknowledged } from './faultyTransport.ts';
import type { SeedWrite } from './convergenceSeed.ts';

export interface FieldState {
  value: unknown;
  hlc: string;
}
export type SyncedState = Record<string, Record<string, FieldState>>;

/** Fields a device keeps for itself on top of a synced record. */
const DEVICE_ONLY_FIELDS: Partial<Record<Entity, readonly string[]>> = { student: ['searchKey', 'updatedAt'] };

function syncedTables(db: UraDatabase): Record<Entity, Table> {
  return {
    student: db.students,
    school: db.schools,
    municipality: db.municipalities,
    case: db.cases,
    caseEvent: db.caseEvents,
    screening: db.screenings,
    homeVisit: db.homeVisits,
    planAction: db.planActions,
    referral: db.referrals,
    conflict: db.conflicts,
    mapPlan: db.mapPlans,
    mapGoal: db.mapGoals,
    mapActivity: db.mapActivities,
    mapProgress: db.mapProgress,
  };
}

/** The state the writes themselves make: clash records are the server's own, checked apart (convergenceClashes.ts). */
export function withoutClashes(state: SyncedState): SyncedState {
  return Object.fromEntries(Object.entries(state).filter(([key]) => !key.startsWith('conflict/')));
}

/** As it would travel: JSON drops `undefined`, so a field the device left undefined was never sent. */
function wireValue(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function sorted(state: SyncedState): SyncedState {
  return Object.fromEntries(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function serverState(db: AppDatabase): Promise<SyncedState> {
  const rows = await db
    .selectFrom('entity_field')
    .select(['entity', 'entity_id', 'field', 'value_json', 'hlc'])
    .execute();
  const state: SyncedState = {};
  for (const row of rows) {
    const record = (state[`${row.entity}/${row.entity_id}`] ??= {});
    record[row.field] = { value: JSON.parse(row.value_json) as unknown, hlc: row.hlc };
  }
  return sorted(state);
}

export async function deviceState(db: UraDatabase): Promise<SyncedState> {
  const state: SyncedState = {};
  for (const [entity, table] of Object.entries(syncedTables(db)) as [Entity, Table][]) {
    const skipped = new Set(['id', 'hlcs', ...(DEVICE_ONLY_FIELDS[entity] ?? [])]);
    for (const row of (await table.toArray()) as { id: string; hlcs: Record<string, string> }[]) {
      const record: Record<string, FieldState> = {};
      for (const [field, value] of Object.entries(row)) {
        if (skipped.has(field) || value === undefined) continue;
        record[field] = { value: wireValue(value), hlc: row.hlcs[field] ?? 'no hlc on the device' };
      }
      state[`${entity}/${row.id}`] = record;
    }
  }
  return sorted(state);
}

/**
 * The device-only summaries, beside what the device's own notes and
 * screenings say they should be (they are kept in step on every write and pull).
 */
export async function deviceSummaries(db: UraDatabase): Promise<{ held: unknown; derived: unknown }> {
  const byKey = <T>(rows: T[], key: (row: T) => string): T[] => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    held: {
      visits: byKey(await db.visitSummaries.toArray(), (row) => row.caseId),
      screenings: byKey(await db.screeningSummaries.toArray(), (row) => row.studentId),
    },
    derived: {
      visits: byKey(visitSummariesOf(await db.homeVisits.toArray()), (row) => row.caseId),
      screenings: byKey(screeningSummariesOf(await db.screenings.toArray()), (row) => row.studentId),
    },
  };
}

/** Values only, for the convergence comparison the issue asks for (hlcs are compared separately). */
export function valuesOf(state: SyncedState): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(state).map(([key, fields]) => [
      key,
      Object.fromEntries(Object.entries(fields).map(([field, { value }]) => [field, value])),
    ]),
  );
}

/**
 * What per-field last-writer-wins says the server must hold: for every field
 * ever written by the seed or by a mutation the server acknowledged, the value
 * of the write with the greatest HLC. Nothing acknowledged may be missing, and
 * nothing else may appear.
 */
export function expectedServerState(seed: readonly SeedWrite[], acknowledged: readonly Acknowledged[]): SyncedState {
  const state: SyncedState = {};
  const write = (key: string, fields: Record<string, unknown>, hlc: string): void => {
    const record = (state[key] ??= {});
    for (const [field, value] of Object.entries(fields)) {
      const current = record[field];
      if (value !== undefined && (current === undefined || hlc > current.hlc)) record[field] = { value, hlc };
    }
  };
  for (const seeded of seed) write(`${seeded.entity}/${seeded.id}`, seeded.fields, seeded.hlc);
  for (const { mutation } of acknowledged) {
    write(`${mutation.entity}/${mutation.entityId}`, mutation.fields, mutation.hlc);
  }
  return sorted(state);
}
