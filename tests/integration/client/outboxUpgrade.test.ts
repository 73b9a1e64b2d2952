/**
 * Upgrade proof (issue 4): a phone on any older Dexie schema, with changes in its
 * outbox, updates the app; the current UraDatabase opens the old database, keeps
 * every outbox row as it was and in order, and the real sync delivers every
 * pending change to a real server (in-process, on a SQLite file). The rows carry
 * `schema: 1`, as the app wrote them then; see docs/sync.md.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDerivedStale } from '../../../src/storage/derivedStaleFlag.ts';
import { rebuildStaleDerivedTables } from '../../../src/storage/derivedTables.ts';
import { DERIVED_STALE_KEY, UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import type { Mutation, SyncResponse } from '../../../src/sync/protocol.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { startInProcessServer, type InProcessServer } from '../../support/inProcessSync.ts';
import { DERIVED_TABLES, LEGACY_STORES } from '../../support/legacySchemas.ts';
import { readLegacyTables, writeLegacyDevice } from '../../support/outboxUpgradeDevice.ts';
import { readStoredFields } from '../../support/serverFixtures.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

/** The version the app declares now (Dexie's `verno` before opening is the highest declared). */
const CURRENT_VERSION = new UraDatabase('ura-version-probe').verno;
const OLDER_VERSIONS = Array.from({ length: CURRENT_VERSION - 1 }, (_, index) => index + 1);

/** As the old app sent it, in its own protocol and schema version 1; the reply never reached the phone. */
async function sendAsOldApp(server: InProcessServer, mutation: Mutation): Promise<void> {
  const body = { protocolVersion: 1, schemaVersion: 1, clientId: mutation.clientId, cursor: 0, limit: 1 };
  const reply = await server.fetch('/api/sync', {
    method: 'POST',
    body: JSON.stringify({ ...body, mutations: [mutation] }),
  });
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as SyncResponse).results).toEqual([{ id: mutation.id, status: 'applied' }]);
}

/** The fields of `mutation` that no later mutation in `all` writes again: what the server must hold from it. */
function lastWrittenBy(mutation: Mutation, all: readonly Mutation[]): Record<string, unknown> {
  const later = all.slice(all.indexOf(mutation) + 1).filter((other) => other.entityId === mutation.entityId);
  const fields = Object.entries(mutation.fields);
  return Object.fromEntries(fields.filter(([field]) => !later.some((other) => field in other.fields)));
}

it('has the stores of every Dexie version older than the current one', () => {
  expect(OLDER_VERSIONS.length).toBeGreaterThan(0);
  expect(OLDER_VERSIONS.filter((version) => LEGACY_STORES[version] === undefined)).toEqual([]);
});

describe.each(OLDER_VERSIONS)('a phone on Dexie version %i with unsent changes, after the app update', (version) => {
  let server: InProcessServer;
  let name = '';
  beforeEach(async () => {
    server = await startInProcessServer();
  });
  afterEach(async () => {
    await server.close();
    if (name !== '') await Dexie.delete(name);
  });

  it('keeps every outbox row unchanged and in order, and delivers every pending change once', async () => {
    // The device's clock is a second after the server's seed, so its edit of a seeded student wins.
    const device = await writeLegacyDevice(version, Date.now() + 1000);
    name = device.name;
    await sendAsOldApp(server, device.answeredTooLate);
    const before = await readLegacyTables(name, version);

    const db = unlockedForTest(new UraDatabase(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(device.outbox);
    for (const [table, rows] of before) {
      if (DERIVED_TABLES.has(table)) continue;
      // The one row an upgrade adds: v10's flag asking the first unlock to rebuild the derived tables.
      const now = (await db.table(table).toArray()).filter((row: { key?: unknown }) => row.key !== DERIVED_STALE_KEY);
      expect({ table, rows: now }).toEqual({ table, rows });
    }
    expect(await isDerivedStale(db)).toBe(true);
    expect(await rebuildStaleDerivedTables(db)).toBe(true);
    expect(await isDerivedStale(db)).toBe(false);

    const answers = new Map<string, string>();
    const recording: FetchLike = async (url, init) => {
      const reply = await server.fetch(url, init);
      const parsed = (await reply.clone().json()) as Partial<SyncResponse>;
      for (const result of parsed.results ?? []) answers.set(result.id, result.status);
      return reply;
    };
    await syncWithServer(db, { fetch: recording, baseUrl: '' });

    const pending = device.outbox.filter((row) => row.state === 'pending').map((row) => row.mutation);
    const refused = device.outbox.filter((row) => row.state === 'rejected');
    expect(pending.length).toBeGreaterThan(2);
    expect(refused).toHaveLength(1);
    // Sent in the outbox's order; only the one the server already held answers `duplicate`; the refused row stays.
    expect([...answers]).toEqual(
      pending.map((mutation) => [mutation.id, mutation === device.answeredTooLate ? 'duplicate' : 'applied']),
    );
    expect(await db.outbox.toArray()).toEqual(refused);
    const recorded = await server.db.selectFrom('applied_mutation').select(['id', 'status']).execute();
    expect(recorded.filter((row) => refused.some((item) => item.mutation.id === row.id))).toEqual([]);
    for (const mutation of pending) {
      expect(recorded).toContainEqual({ id: mutation.id, status: 'applied' });
      const stored = await readStoredFields(server.db, mutation.entity, mutation.entityId);
      expect(stored).toMatchObject(lastWrittenBy(mutation, pending));
    }
    db.close();
  });
});
