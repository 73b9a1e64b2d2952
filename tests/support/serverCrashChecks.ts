/**
 * What the crash proof reads back: each mutation's trace in the database (its
 * idempotency row and the field writes it logged), and each device's view of
 * the records after pulling everything.
 */
import { isDeepStrictEqual } from 'node:util';
import { openDatabase, type OpenDatabaseOptions } from '../../src/server/database/openDatabase.ts';
import type { Change, Mutation } from '../../src/sync/protocol.ts';
import { pushBatch } from './serverCrashLoad.ts';

/** present: recorded as applied with every field logged; absent: no trace at all; partial: anything else. */
export type Presence = 'present' | 'absent' | 'partial';

/**
 * Reads the database directly (as a restarted server would find it). A mutation
 * is `present` only if its `applied_mutation` row says applied and the change log
 * holds one write of each of its fields, with its values, for its record.
 */
export async function readPresence(
  target: OpenDatabaseOptions,
  mutations: readonly Mutation[],
): Promise<Map<string, Presence>> {
  const db = openDatabase(target);
  try {
    const recorded = await db.selectFrom('applied_mutation').select(['id', 'status']).execute();
    const statusById = new Map(recorded.map((row) => [row.id, row.status]));
    const logged = await db
      .selectFrom('change_log')
      .select(['mutation_id', 'entity', 'entity_id', 'field', 'value_json'])
      .where('mutation_id', 'is not', null)
      .execute();
    const writesById = new Map<string, typeof logged>();
    for (const row of logged) {
      const writes = writesById.get(row.mutation_id ?? '') ?? [];
      writes.push(row);
      writesById.set(row.mutation_id ?? '', writes);
    }
    return new Map(
      mutations.map((mutation) => {
        const status = statusById.get(mutation.id);
        // Only the mutation's own record: the server may log other rows (such as a clash record) under its id.
        const writes = (writesById.get(mutation.id) ?? []).filter(
          (row) => row.entity === mutation.entity && row.entity_id === mutation.entityId,
        );
        if (status === undefined && writes.length === 0) return [mutation.id, 'absent'];
        return [mutation.id, status === 'applied' && logsEveryField(mutation, writes) ? 'present' : 'partial'];
      }),
    );
  } finally {
    await db.destroy();
  }
}

function logsEveryField(mutation: Mutation, writes: readonly { field: string; value_json: string }[]): boolean {
  const fields = Object.entries(mutation.fields);
  if (writes.length !== fields.length) return false;
  return fields.every(([field, value]) =>
    writes.some((write) => write.field === field && isDeepStrictEqual(JSON.parse(write.value_json), value)),
  );
}

/** Records by "entity/id", each field with its value and the HLC that wrote it. */
export type DeviceState = Map<string, Map<string, { value: unknown; hlc: string }>>;

/** Per-field last-writer-wins, as a device merges its own writes and pulled changes. */
export function mergeInto(state: DeviceState, change: Change): void {
  const key = `${change.entity}/${change.entityId}`;
  const record = state.get(key) ?? new Map<string, { value: unknown; hlc: string }>();
  for (const [field, value] of Object.entries(change.fields)) {
    const hlc = change.hlcs[field] ?? '';
    const held = record.get(field);
    if (held === undefined || hlc > held.hlc) record.set(field, { value, hlc });
  }
  state.set(key, record);
}

/** A mutation as the change it makes: every field written at its HLC. */
export function changeOfMutation(mutation: Mutation): Change {
  const fields = mutation.fields as Record<string, unknown>;
  const hlcs = Object.fromEntries(Object.keys(fields).map((field) => [field, mutation.hlc]));
  return { entity: mutation.entity, entityId: mutation.entityId, fields, hlcs };
}

/**
 * A device's records after pulling from cursor 0 to the end, page by page: its own
 * writes (the server leaves them out of its pulls) merged with everyone else's.
 */
export async function pullEverything(url: string, clientId: string, own: readonly Mutation[]): Promise<DeviceState> {
  const state: DeviceState = new Map();
  for (const mutation of own) mergeInto(state, changeOfMutation(mutation));
  let cursor = 0;
  for (;;) {
    const page = await pushBatch(url, clientId, [], cursor);
    for (const change of page.changes) mergeInto(state, change);
    cursor = page.nextCursor;
    if (!page.hasMore) return state;
  }
}
