import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revokeDevice } from '../../../src/server/accounts/devices.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { setSessionProblem, useSessionStore } from '../../../src/state/sessionStore.ts';
import { saveSignIn } from '../../../src/storage/accountRepository.ts';
import { countPending } from '../../../src/storage/outbox.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { signIn } from '../../../src/sync/sessionApi.ts';
import { requestSync, startSync, stopSync } from '../../../src/sync/syncController.ts';
import type { SyncPhase } from '../../../src/sync/syncScheduler.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import {
  PHONE_PASSWORD,
  startSessionServer,
  type Phone,
  type SessionServer,
} from '../../support/clientSessionServer.ts';

const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
const DAY = 24 * 60 * 60 * 1000;
const WAIT = { timeout: 20_000 };

let server: SessionServer;
let phone: Phone;
let device: UraDatabase;
let phases: SyncPhase[];

async function signInPhone(): Promise<void> {
  const clientId = await getClientId(device);
  const result = await signIn(phone.fetch, '', { login: 'loop-team', password: PHONE_PASSWORD, clientId });
  if (!result.ok) throw new Error(result.reason);
  await saveSignIn(device, result.session, server.clock.now);
}

const syncRequests = () => phone.requests.filter((request) => request === 'POST /api/sync').length;

beforeEach(async () => {
  server = await startSessionServer();
  await server.createAccount('loop-team', [{ role: 'schoolTeam', schoolId: SCHOOL }]);
  phone = server.phone();
  device = freshDatabase();
  phases = [];
  startSync({
    db: device,
    baseUrl: '',
    fetch: phone.fetch,
    onPhase: (phase) => phases.push(phase),
    onProgress: () => undefined,
  });
  // Nobody has signed in: the loop runs, but does not ask the server anything.
  await vi.waitFor(() => expect(phases).toContain('idle'), WAIT);
  expect(syncRequests()).toBe(0);
  await signInPhone();
  requestSync('now');
  await vi.waitFor(
    async () => expect(await device.students.get('30000000-0000-4000-8000-000000000001')).toBeDefined(),
    WAIT,
  );
}, 60_000);

afterEach(async () => {
  stopSync();
  setSessionProblem(null);
  device.close();
  await device.delete();
  await server.close();
});

describe('the app sync loop and the session', () => {
  it('says signedOut when the session has ended, keeps the change, and sends it after a new sign-in', async () => {
    await createStudent(device, makeStudentFields({ schoolId: SCHOOL }));
    server.clock.now += 31 * DAY;
    requestSync('now');
    await vi.waitFor(() => expect(useSessionStore.getState().problem).toBe('signedOut'), WAIT);
    expect(await countPending(device)).toBe(1);
    const refused = syncRequests();

    await signInPhone();
    setSessionProblem(null);
    await vi.waitFor(async () => expect(await countPending(device)).toBe(0), WAIT);
    expect(syncRequests()).toBeGreaterThan(refused);
  }, 60_000);

  it('says revoked and leaves nothing on the device when an administrator revoked it', async () => {
    await revokeDevice(server.db, null, await getClientId(device), server.clock.now);
    requestSync('now');
    await vi.waitFor(() => expect(useSessionStore.getState().problem).toBe('revoked'), WAIT);
    expect(await device.students.count()).toBe(0);
    expect(await device.meta.count()).toBe(0);
  }, 60_000);
});
