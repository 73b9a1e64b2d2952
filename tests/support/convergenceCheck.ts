/**
 * One run of the convergence model, start to finish: emptied devices pull the
 * shared records, the commands run with faults, then a quiescent phase lets
 * every outbox drain and every device pull to the end, and the property is
 * checked. Throws (an assertion) when it does not hold.
 */
import { expect } from 'vitest';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import type { Scenario } from './convergenceModel.ts';
import { runCommand, syncDevice, type ModelRun } from './convergenceRun.ts';
import { DAY_MS, type SeedWrite } from './convergenceSeed.ts';
import { checkClashes } from './convergenceClashes.ts';
import {
  deviceState,
  deviceSummaries,
  expectedServerState,
  serverState,
  valuesOf,
  withoutClashes,
} from './convergenceState.ts';
import type { ModelClock } from './convergenceClock.ts';
import { deviceClientId, resetDevice, type ConvergenceServer } from './convergenceWorld.ts';
import { FAULTS, FaultyNetwork, type Fault } from './faultyTransport.ts';

/** What the runs exercised, so the test can show the faults really happened. */
export interface Coverage {
  faults: Record<Fault, number>;
  staleDelivered: number;
  acceptedFromDaysAhead: number;
  acceptedFromDaysBehind: number;
  /** Fields two or more devices wrote in one run: the conflicts last-writer-wins must settle. */
  contestedFields: number;
  /** Same-field clashes the server recorded (each checked by checkClashes). */
  clashesRecorded: number;
  /** Clashes a user settled on a device: the choice must reach every device. */
  clashesResolved: number;
}

export function emptyCoverage(): Coverage {
  return {
    faults: Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>,
    staleDelivered: 0,
    acceptedFromDaysAhead: 0,
    acceptedFromDaysBehind: 0,
    contestedFields: 0,
    clashesRecorded: 0,
    clashesResolved: 0,
  };
}

/** The first `count` devices sync once each, in order, without faults; each must succeed. */
async function syncCleanly(run: ModelRun, count: number, pullLimit?: number): Promise<void> {
  for (const index of run.devices.keys()) {
    if (index >= count) return;
    const outcome = await run.clock.actingAs(index, () => syncDevice(run, index, pullLimit));
    expect(outcome, `device ${index} syncs`).toBe('synced');
  }
}

async function checkProperty(run: ModelRun, seed: readonly SeedWrite[], server: ConvergenceServer): Promise<number> {
  for (const [index, { db }] of run.devices.entries()) {
    const left = (await db.outbox.toArray()).map(
      (row) => `${row.state} ${row.rejectionCode ?? ''} ${row.mutation.entity}`,
    );
    expect(left, `device ${index} has an empty outbox`).toEqual([]);
  }
  const acknowledged = run.network.acknowledged;
  const applied = new Set(acknowledged.filter((ack) => ack.status === 'applied').map((ack) => ack.mutation.id));
  const orphans = acknowledged.filter((ack) => ack.status === 'duplicate' && !applied.has(ack.mutation.id));
  expect(orphans, 'every "duplicate" answers a mutation once applied').toEqual([]);
  const onServer = await serverState(server.db);
  expect(withoutClashes(onServer), 'the server holds the latest acknowledged write of every field').toEqual(
    withoutClashes(expectedServerState(seed, acknowledged)),
  );
  const clashes = checkClashes(onServer, seed, acknowledged);
  for (const [index, { db }] of run.devices.entries()) {
    const onDevice = await deviceState(db);
    expect(valuesOf(onDevice), `device ${index} holds the server's values`).toEqual(valuesOf(onServer));
    expect(onDevice, `device ${index} holds the server's HLC for every field`).toEqual(onServer);
    const { held, derived } = await deviceSummaries(db);
    expect(held, `device ${index} keeps its summaries in step with its records`).toEqual(derived);
  }
  return clashes;
}

function noteCoverage(coverage: Coverage, run: ModelRun, skews: readonly number[]): void {
  for (const fault of FAULTS) coverage.faults[fault] += run.network.counts[fault];
  coverage.staleDelivered += run.network.staleDelivered;
  const writers = new Map<string, Set<string>>();
  for (const { mutation, status } of run.network.acknowledged) {
    if (status !== 'applied') continue;
    for (const field of Object.keys(mutation.fields)) {
      const key = `${mutation.entity}/${mutation.entityId}/${field}`;
      writers.set(key, (writers.get(key) ?? new Set()).add(mutation.clientId));
    }
    const skew = skews[skews.findIndex((_, index) => deviceClientId(index) === mutation.clientId)] ?? 0;
    if (skew >= DAY_MS) coverage.acceptedFromDaysAhead += 1;
    if (skew <= -DAY_MS) coverage.acceptedFromDaysBehind += 1;
  }
  for (const devices of writers.values()) if (devices.size > 1) coverage.contestedFields += 1;
}

export interface ConvergenceWorld {
  server: ConvergenceServer;
  devices: readonly UraDatabase[];
  clock: ModelClock;
}

export async function checkScenario(scenario: Scenario, world: ConvergenceWorld, coverage: Coverage): Promise<void> {
  world.clock.reset(scenario.skews);
  const seed = await world.server.reset();
  for (const [index, db] of world.devices.entries()) await resetDevice(db, index);
  let idCounter = 0;
  const run: ModelRun = {
    devices: world.devices.map((db, index) => ({ db, pullLimit: scenario.pullLimits[index] ?? 500 })),
    network: new FaultyNetwork(world.server.fetch),
    clock: world.clock,
    nextId: () => `60000000-0000-7000-8000-${(++idCounter).toString(16).padStart(12, '0')}`,
    clashesResolved: 0,
  };
  // Set up online, as a phone is: it pulls the school's records before anyone edits them.
  await syncCleanly(run, run.devices.length, 500);
  for (const command of scenario.commands) await runCommand(run, command);
  // Quiescence: requests still in flight arrive, then no more faults.
  await run.network.deliverHeld();
  await syncCleanly(run, run.devices.length);
  // The last device pushed last and then pulled to the end; the others pull what came after their turn.
  await syncCleanly(run, run.devices.length - 1);
  coverage.clashesRecorded += await checkProperty(run, seed, world.server);
  coverage.clashesResolved += run.clashesResolved;
  noteCoverage(coverage, run, scenario.skews);
}
