import type { Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { ClientWritableEntity, MutationEntity } from '../sync/protocol.ts';
import { caseIndexTables } from './caseIndex.ts';
import { appendToOutbox, baseOf } from './outbox.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * The write path shared by the casework repositories. Each helper must run
 * inside one read-write transaction over the record's table, `outbox` and
 * `meta` (see `writeTransaction`), so a record and its outbox row commit or
 * fail together.
 */
export interface VersionedRow {
  id: string;
  hlcs: Partial<Record<string, string>>;
}

/** `alreadyAdded`: a record with this id was on the device already (a second tap on save); nothing was written. */
export type AddOutcome = 'added' | 'alreadyAdded';

/** A new record id (UUIDv7). Forms make it when they open, so saving twice stores one record. */
export function newRecordId(): string {
  return uuidv7();
}

/**
 * One read-write transaction over `tables`, the outbox, the sync bookkeeping
 * and the case index with what it is built from, so a write can refresh the
 * index entries it changes (refreshCaseIndex) before it commits.
 */
export async function writeTransaction<T>(
  db: UraDatabase,
  tables: readonly Table[],
  work: () => Promise<T>,
): Promise<T> {
  return db.transaction('rw', [...new Set([...tables, ...caseIndexTables(db)]), db.outbox, db.meta], work);
}

function stampAll(fields: object, hlc: string): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
}

function withoutIdentity(row: object): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- id travels as entityId; hlcs are local bookkeeping
  const { id, hlcs, ...fields } = row as Record<string, unknown>;
  return fields;
}

/**
 * Stores a new record and appends its `create`, stamping every field with
 * `hlc`. Does nothing when the id is already on the device.
 */
export async function addRecord<R extends VersionedRow>(
  db: UraDatabase,
  table: Table<R, string>,
  entity: ClientWritableEntity,
  record: Omit<R, 'hlcs'>,
  hlc: string,
): Promise<AddOutcome> {
  if ((await table.get(record.id)) !== undefined) return 'alreadyAdded';
  await storeNewRecord(db, table, entity, record, hlc);
  return 'added';
}

/**
 * Stores a record the caller has checked is new, with its `create`. Both
 * requests go out at once: a transaction runs them in order anyway, and each
 * wait for IndexedDB costs a round trip to the browser's storage process.
 */
export async function storeNewRecord<R extends VersionedRow>(
  db: UraDatabase,
  table: Table<R, string>,
  entity: ClientWritableEntity,
  record: Omit<R, 'hlcs'>,
  hlc: string,
): Promise<void> {
  const fields = withoutIdentity(record);
  const row = { ...record, hlcs: stampAll(fields, hlc) } as unknown as R;
  await Promise.all([table.add(row), appendToOutbox(db, { entity, entityId: record.id, op: 'create', fields }, hlc)]);
}

/** Fields whose value differs between two versions of a record (values compared as JSON). */
export function changedFields(before: object, after: object): Record<string, unknown> {
  const previous = withoutIdentity(before);
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(withoutIdentity(after))) {
    if (JSON.stringify(previous[field]) !== JSON.stringify(value)) changes[field] = value;
  }
  return changes;
}

/**
 * Writes `changes` to a record as a field-level `set` stamped with `hlc`, so
 * two people changing different fields both keep their work. `derive` adds a
 * table's device-only fields (a student's search key) to the row it stores.
 */
export async function setRecordFields<R extends VersionedRow>(
  db: UraDatabase,
  table: Table<R, string>,
  entity: MutationEntity,
  current: R,
  changes: Record<string, unknown>,
  hlc: string,
  derive: (row: R) => R = (row) => row,
): Promise<void> {
  const next = { ...current, ...changes, hlcs: { ...current.hlcs, ...stampAll(changes, hlc) } };
  await table.put(derive(next));
  const base = baseOf(changes, current.hlcs);
  await appendToOutbox(db, { entity, entityId: current.id, op: 'set', fields: changes, base }, hlc);
}

/**
 * Copies exactly the record's own fields. A form's state can carry more
 * (touched flags, errors); the server refuses unknown fields, so they must
 * not reach the outbox. `keys` lists every field: the compiler checks it.
 */
export function pickFields<T extends object>(source: T, keys: Readonly<Record<keyof T, true>>): T {
  const picked: Partial<T> = {};
  for (const key of Object.keys(keys) as (keyof T)[]) picked[key] = source[key];
  return picked as T;
}
