import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../src/server/accounts/devices.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENT_IDS } from '../../../src/server/seed/demoStudents.ts';
import { setSessionProblem, useSessionStore } from '../../../src/state/sessionStore.ts';
import { loadAccount, saveSignIn } from '../../../src/storage/accountRepository.ts';
import { countPending } from '../../../src/storage/outbox.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { SyncRefusedError } from '../../../src/sync/postSync.ts';
import type { SyncRequest } from '../../../src/sync/protocol.ts';
import { signIn } from '../../../src/sync/sessionApi.ts';
import { finishSignOut, prepareSignOut } from '../../../src/sync/signOut.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { tableCounts } from '../../support/clientSessionDevice.ts';
import {
  PHONE_PASSWORD,
  signInDevice,
  startSessionServer,
  type Phone,
  type SessionServer,
} from '../../support/clientSessionServer.ts';
import { makeStudentFields } from '../../support/serverFixtures.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
const DAY = 24 * 60 * 60 * 1000;

let server: SessionServer;
let phone: Phone;
let device: UraDatabase;
let userId: string;

beforeEach(async () => {
  server = await startSessionServer();
  userId = await server.createAccount('phone-team', [{ role: 'schoolTeam', schoolId: SCHOOL }]);
  phone = server.phone();
  device = unlockedForTest(new UraDatabase(`scope-session-${crypto.randomUUID()}`));
});
afterEach(async () => {
  setSessionProblem(null);
  device.close();
  await device.delete();
  await server.close();
});

/** Signs the phone in as the test account and keeps the sign-in, as the sign-in screen does. */
function signInPhone(): Promise<void> {
  return signInDevice(server, phone, device, 'phone-team');
}

function sync() {
  return syncWithServer(device, { fetch: phone.fetch, baseUrl: '', onSessionEnd: setSessionProblem });
}

describe('signing in and syncing against the server', () => {
  it('refuses a wrong password, then signs in and pulls the school with the scope it was given', async () => {
    const clientId = await getClientId(device);
    expect(await signIn(phone.fetch, '', { login: 'phone-team', password: 'not-the-password', clientId })).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    const result = await signIn(phone.fetch, '', { login: 'Phone-Team ', password: PHONE_PASSWORD, clientId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.user).toMatchObject({ id: userId, login: 'phone-team' });
    expect(result.session.scope).toMatchObject({ roles: ['schoolTeam'], schoolIds: [SCHOOL] });
    await saveSignIn(device, result.session, server.clock.now);

    const sent: SyncRequest[] = [];
    const watching: typeof phone.fetch = (url, init) => {
      sent.push(JSON.parse(init.body as string) as SyncRequest);
      return phone.fetch(url, init);
    };
    await syncWithServer(device, { fetch: watching, baseUrl: '' });

    expect(sent[0]?.scopeVersion).toBe(result.session.scope.version);
    // The scope it signed in with is the current one: no rewind, a single page.
    expect(sent).toHaveLength(1);
    expect(await device.students.get(DEMO_STUDENT_IDS.arberKrasniqi)).toMatchObject({ community: 'albanian' });
    expect(await device.students.get(DEMO_STUDENT_IDS.milicaJovanovic)).toBeUndefined();
    expect(await device.cases.where('schoolId').equals(SCHOOL).count()).toBeGreaterThan(0);
  });

  it('keeps the outbox and the records when the session has ended, says so, and goes on after a new sign-in', async () => {
    await signInPhone();
    await sync();
    await createStudent(device, makeStudentFields({ schoolId: SCHOOL }));
    const before = await tableCounts(device);

    server.clock.now += 31 * DAY;
    await expect(sync()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });

    expect(useSessionStore.getState().problem).toBe('signedOut');
    expect(await tableCounts(device)).toEqual(before);
    expect(await countPending(device)).toBe(1);
    expect((await loadAccount(device))?.user.id).toBe(userId);

    await signInPhone();
    setSessionProblem(null);
    await sync();
    expect(await countPending(device)).toBe(0);
  });

  it('wipes the device when the server says it was revoked', async () => {
    await signInPhone();
    await sync();
    await createStudent(device, makeStudentFields({ schoolId: SCHOOL }));
    expect(await device.students.count()).toBeGreaterThan(1);

    expect(await revokeDevice(server.db, null, await getClientId(device), server.clock.now)).toBe('revoked');
    const refused = await sync().catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(SyncRefusedError);
    expect(refused).toMatchObject({ status: 403, code: 'device_revoked' });
    expect(useSessionStore.getState().problem).toBe('revoked');
    expect(Object.values(await tableCounts(device)).every((count) => count === 0)).toBe(true);
    expect(await loadAccount(device)).toBeNull();
  });
});

describe('signing out', () => {
  it('sends the outbox first, then ends the session and wipes the device', async () => {
    await signInPhone();
    await sync();
    const studentId = await createStudent(device, makeStudentFields({ schoolId: SCHOOL }));

    expect(await prepareSignOut(device, phone.fetch, '')).toEqual({ unsent: 0 });
    const stored = await server.db
      .selectFrom('entity_field')
      .select('entity_id')
      .where('entity_id', '=', studentId)
      .executeTakeFirst();
    expect(stored).toBeDefined();

    const cookie = phone.cookie();
    expect(cookie).toBeDefined();
    await finishSignOut(device, phone.fetch, '');

    expect(Object.values(await tableCounts(device)).every((count) => count === 0)).toBe(true);
    expect(phone.cookie()).toBeUndefined();
    expect(phone.requests.at(-1)).toBe('DELETE /api/session');
    // The old cookie no longer opens a session.
    const reused = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookie ?? '' } });
    expect(reused.statusCode).toBe(401);
  });

  it('offline: counts what was not sent (waiting and refused), and still wipes', async () => {
    await signInPhone();
    await sync();
    await createStudent(device, makeStudentFields({ schoolId: SCHOOL }));
    const refused = (await device.outbox.toArray())[0]!;
    await device.outbox.add({ ...refused, seq: undefined, state: 'rejected', rejectionCode: 'forbidden' } as never);
    phone.setOffline(true);

    expect(await prepareSignOut(device, phone.fetch, '')).toEqual({ unsent: 2 });
    await finishSignOut(device, phone.fetch, '');
    expect(Object.values(await tableCounts(device)).every((count) => count === 0)).toBe(true);
  });
});
