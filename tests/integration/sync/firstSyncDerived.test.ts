import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { isDerivedStale } from '../../../src/storage/derivedStaleFlag.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { signInDevice, startSessionServer, type SessionServer } from '../../support/clientSessionServer.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

/**
 * A first sync in many pages leaves the visit and screening summaries and the
 * case index to its last page (docs/sync.md, "A first sync builds the derived
 * tables once"); it must end with the tables a one-page pull builds.
 */
let server: SessionServer;
const devices: UraDatabase[] = [];

beforeEach(async () => {
  server = await startSessionServer();
  await server.createAccount('phone-team', [{ role: 'schoolTeam', schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha }]);
});
afterEach(async () => {
  for (const device of devices.splice(0)) {
    device.close();
    await device.delete();
  }
  await server.close();
});

async function signedInDevice(): Promise<{ device: UraDatabase; fetch: FetchLike }> {
  const device = unlockedForTest(new UraDatabase(`first-sync-${crypto.randomUUID()}`));
  devices.push(device);
  const phone = server.phone();
  await signInDevice(server, phone, device, 'phone-team');
  return { device, fetch: phone.fetch };
}

async function derivedOf(device: UraDatabase) {
  const sorted = <T>(rows: T[], key: (row: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    caseIndex: sorted(await device.caseIndex.toArray(), (row) => row.caseId),
    visitSummaries: sorted(await device.visitSummaries.toArray(), (row) => row.caseId),
    screeningSummaries: sorted(await device.screeningSummaries.toArray(), (row) => row.studentId),
  };
}

it('builds the derived tables once at the end of a paged first sync, equal to a one-page pull', async () => {
  const paged = await signedInDevice();
  const staleAfterPage: Promise<boolean>[] = [];
  await syncWithServer(paged.device, {
    fetch: paged.fetch,
    baseUrl: '',
    pullLimit: 40,
    onProgress: (_received, hasMore) => void (hasMore && staleAfterPage.push(isDerivedStale(paged.device))),
  });
  // Many pages came, and after the first the flag was set: nothing was refreshed page by page.
  expect(staleAfterPage.length).toBeGreaterThan(3);
  expect(await staleAfterPage[0]).toBe(true);
  expect(await isDerivedStale(paged.device)).toBe(false);

  const whole = await signedInDevice();
  await syncWithServer(whole.device, { fetch: whole.fetch, baseUrl: '' });

  const derived = await derivedOf(paged.device);
  expect(derived.caseIndex.length).toBeGreaterThan(0);
  expect(derived.visitSummaries.length).toBeGreaterThan(0);
  expect(derived.screeningSummaries.length).toBeGreaterThan(0);
  expect(derived).toEqual(await derivedOf(whole.device));
});
