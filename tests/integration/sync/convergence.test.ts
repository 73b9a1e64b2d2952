/**
 * Issue 4, "Convergence under faults": a model test. Three devices and one
 * server; random edits through the app's repositories, interleaved with sync
 * rounds over a network that drops, loses, duplicates, delays and 5xx's
 * requests, with device clocks days off. Once the faults stop, every outbox
 * drains and every device pulls to the end, all devices hold exactly the
 * server's synced state, and the server holds the latest-HLC value of every
 * field any acknowledged mutation wrote. See docs/sync.md, "Proof:
 * convergence under faults". `npm run soak` runs it 5000 times.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkScenario, emptyCoverage } from '../../support/convergenceCheck.ts';
import { scenarioArbitrary } from '../../support/convergenceModel.ts';
import { openDevices, startConvergenceServer, type ConvergenceServer } from '../../support/convergenceWorld.ts';
import { DEVICE_COUNT } from '../../support/convergenceModel.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { ModelClock } from '../../support/convergenceClock.ts';
import { FAULTS } from '../../support/faultyTransport.ts';

const RUNS = Number(process.env.URA_CONVERGENCE_RUNS ?? 500);
/** A failure prints its seed and path: set both to replay exactly that run (ids and clocks are fixed per run). */
const REPLAY =
  process.env.URA_CONVERGENCE_SEED === undefined
    ? {}
    : { seed: Number(process.env.URA_CONVERGENCE_SEED), path: process.env.URA_CONVERGENCE_PATH ?? '' };

describe('convergence under faults', () => {
  // Time stands still unless the model moves it; `Date` follows the acting device's clock.
  const clock = new ModelClock((millis) => vi.setSystemTime(millis));
  let server: ConvergenceServer;
  let devices: UraDatabase[];
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    server = await startConvergenceServer(() => clock.trueNow);
    devices = openDevices(DEVICE_COUNT);
  });
  afterAll(async () => {
    vi.useRealTimers();
    for (const db of devices) await db.delete();
    await server.close();
  });

  it(
    `converges after ${RUNS} random runs of edits, faults and skewed clocks`,
    async () => {
      const coverage = emptyCoverage();
      await fc.assert(
        fc.asyncProperty(scenarioArbitrary, (scenario) =>
          checkScenario(scenario, { server, devices, clock }, coverage),
        ),
        { numRuns: RUNS, ...REPLAY },
      );
      console.info('convergence coverage', JSON.stringify(coverage));
      // Enough runs must have met every fault and both kinds of wrong clock, or the proof proves little.
      if (RUNS >= 200 && process.env.URA_CONVERGENCE_SEED === undefined) {
        for (const fault of FAULTS) expect(coverage.faults[fault], fault).toBeGreaterThan(0);
        expect(coverage.staleDelivered).toBeGreaterThan(0);
        expect(coverage.acceptedFromDaysAhead).toBeGreaterThan(0);
        expect(coverage.acceptedFromDaysBehind).toBeGreaterThan(0);
        expect(coverage.contestedFields).toBeGreaterThan(0);
        expect(coverage.clashesRecorded).toBeGreaterThan(0);
        expect(coverage.clashesResolved).toBeGreaterThan(0);
      }
    },
    RUNS * 2000,
  );
});
