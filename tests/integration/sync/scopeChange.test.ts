import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { localIsoDate } from '../../../src/domain/dueDates.ts';
import { assignCase, unassignCase } from '../../../src/server/accounts/caseAssignments.ts';
import { grantRole } from '../../../src/server/accounts/roles.ts';
import { demoCasework } from '../../../src/server/seed/demoCasework.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENT_IDS } from '../../../src/server/seed/demoStudents.ts';
import { loadAccount } from '../../../src/storage/accountRepository.ts';
import { saveDraft } from '../../../src/storage/draftRepository.ts';
import { addHomeVisit, homeVisitDraftKey } from '../../../src/storage/homeVisitRepository.ts';
import { getCursor, pullsOwnWrites } from '../../../src/storage/syncMeta.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { signInDevice, startSessionServer, type Phone, type SessionServer } from '../../support/clientSessionServer.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

const S = DEMO_SCHOOL_IDS;
const STUDENT = DEMO_STUDENT_IDS;

/** The demo case of each student who has one (ids are fixed; dates do not matter here). */
function demoCaseOf(studentId: string): string {
  const found = demoCasework(localIsoDate(new Date())).find(
    (record) => record.entity === 'case' && (record.fields as { studentId?: string }).studentId === studentId,
  );
  if (!found) throw new Error(`no demo case for ${studentId}`);
  return found.id;
}
const ARBER_CASE = demoCaseOf(STUDENT.arberKrasniqi);
const SENAD_CASE = demoCaseOf(STUDENT.senadBajramovic);
const MILICA_CASE = demoCaseOf(STUDENT.milicaJovanovic);

let server: SessionServer;
let phone: Phone;
let device: UraDatabase;

beforeEach(async () => {
  server = await startSessionServer();
  phone = server.phone();
  device = unlockedForTest(new UraDatabase(`scope-change-${crypto.randomUUID()}`));
});
afterEach(async () => {
  device.close();
  await device.delete();
  await server.close();
});

function signInAs(login: string): Promise<void> {
  return signInDevice(server, phone, device, login);
}

function sync() {
  return syncWithServer(device, { fetch: phone.fetch, baseUrl: '' });
}

async function caseRecordsHeld(caseId: string) {
  return {
    case: (await device.cases.get(caseId)) !== undefined,
    events: await device.caseEvents.where('caseId').equals(caseId).count(),
    visits: await device.homeVisits.where('caseId').equals(caseId).count(),
    plans: await device.planActions.where('caseId').equals(caseId).count(),
    referrals: await device.referrals.where('caseId').equals(caseId).count(),
    indexed: (await device.caseIndex.get(caseId)) !== undefined,
  };
}

describe("a mentor's caseload changing on the server", () => {
  let mentorId: string;
  beforeEach(async () => {
    mentorId = await server.createAccount('phone-mentor', [{ role: 'mentor' }], [ARBER_CASE, SENAD_CASE]);
    await signInAs('phone-mentor');
    await sync();
  });

  it('holds the assigned cases with what hangs on them, and their students without community', async () => {
    expect(await caseRecordsHeld(ARBER_CASE)).toMatchObject({ case: true, indexed: true });
    expect((await caseRecordsHeld(ARBER_CASE)).visits).toBeGreaterThan(0);
    expect((await caseRecordsHeld(SENAD_CASE)).referrals).toBeGreaterThan(0);
    // The server leaves community out of a mentor's pulls.
    const senad = await device.students.get(STUDENT.senadBajramovic);
    expect(senad).toMatchObject({ familyName: 'Bajramović' });
    expect(senad?.community ?? '').toBe('');
    expect(await device.cases.get(MILICA_CASE)).toBeUndefined();
  });

  it('removes a case taken away, with its records, student and drafts, and keeps the others', async () => {
    await saveDraft(device, homeVisitDraftKey(SENAD_CASE), { notes: 'half-written' });
    const arberBefore = await caseRecordsHeld(ARBER_CASE);
    await unassignCase(server.db, null, SENAD_CASE, mentorId, server.clock.now);

    const summary = await sync();

    expect(await caseRecordsHeld(SENAD_CASE)).toEqual({
      case: false,
      events: 0,
      visits: 0,
      plans: 0,
      referrals: 0,
      indexed: false,
    });
    expect(await device.students.get(STUDENT.senadBajramovic)).toBeUndefined();
    expect(await device.drafts.get(homeVisitDraftKey(SENAD_CASE))).toBeUndefined();
    expect(await caseRecordsHeld(ARBER_CASE)).toEqual(arberBefore);
    // The scope reply, then the pull again from 0.
    expect(summary.roundTrips).toBeGreaterThanOrEqual(2);
    expect((await loadAccount(device))?.scope.caseIds).toEqual([ARBER_CASE]);
    expect(await getCursor(device)).toBeGreaterThan(0);
  });

  it('re-pulls from the start to bring a case given later, whose records the cursor had already passed', async () => {
    await assignCase(server.db, null, MILICA_CASE, mentorId, server.clock.now);
    await sync();
    expect(await caseRecordsHeld(MILICA_CASE)).toMatchObject({ case: true, indexed: true });
    expect(await device.students.get(STUDENT.milicaJovanovic)).toMatchObject({ givenName: expect.any(String) });
  });

  it('brings back whole a case given back, with the notes this phone wrote on it, though the link drops', async () => {
    const visit = makeVisitInput(ARBER_CASE, { notes: 'Mother works in the fields until five' });
    await addHomeVisit(device, visit);
    await sync();
    await unassignCase(server.db, null, ARBER_CASE, mentorId, server.clock.now);
    await sync();
    expect(await device.homeVisits.get(visit.id)).toBeUndefined();

    await assignCase(server.db, null, ARBER_CASE, mentorId, server.clock.now);
    let answered = 0; // the scope reply and a page arrive, then the link drops
    const cut: FetchLike = (url, init) =>
      ++answered > 2 ? Promise.reject(new TypeError('offline')) : phone.fetch(url, init);
    await expect(syncWithServer(device, { fetch: cut, baseUrl: '', pullLimit: 5 })).rejects.toThrow();
    expect(await pullsOwnWrites(device)).toBe(true);
    await sync();

    expect(await device.homeVisits.get(visit.id)).toMatchObject({ notes: visit.notes, caseId: ARBER_CASE });
    expect(await pullsOwnWrites(device)).toBe(false);
  });

  it('removes a note on a case taken away while it waited, once the server refused it', async () => {
    const visit = makeVisitInput(SENAD_CASE);
    expect(await addHomeVisit(device, visit)).toBe('added');
    await unassignCase(server.db, null, SENAD_CASE, mentorId, server.clock.now);

    await sync();

    // Refused as outside the mentor's cases: it stays in the outbox (to show and export), not in the case.
    const rows = await device.outbox.toArray();
    expect(rows.map((row) => [row.mutation.entityId, row.state, row.rejectionCode])).toEqual([
      [visit.id, 'rejected', 'forbidden'],
    ]);
    expect(await device.homeVisits.get(visit.id)).toBeUndefined();
    expect(await device.cases.get(SENAD_CASE)).toBeUndefined();
  });
});

describe('a school team member who becomes a class teacher', () => {
  it("keeps only the class, without notes, plans and referrals, and forgets the students' community", async () => {
    const userId = await server.createAccount('phone-staff', [
      { role: 'schoolTeam', schoolId: S.ferizajAhmetHoxha },
      { role: 'schoolTeam', schoolId: S.aleksinacVozdKaradjordje },
    ]);
    await signInAs('phone-staff');
    await sync();
    expect(await device.students.get(STUDENT.arberKrasniqi)).toMatchObject({ community: 'albanian' });
    expect((await caseRecordsHeld(ARBER_CASE)).plans).toBeGreaterThan(0);
    expect(await device.cases.get(MILICA_CASE)).toBeDefined();

    await server.db.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
    const classKey = classKeyOf(7, '7/2');
    await grantRole(
      server.db,
      null,
      userId,
      { role: 'teacher', schoolId: S.ferizajAhmetHoxha, classKey },
      server.clock.now,
    );
    await sync();

    expect(await device.students.get(STUDENT.arberKrasniqi)).toMatchObject({ community: '', familyName: 'Krasniqi' });
    expect(await caseRecordsHeld(ARBER_CASE)).toMatchObject({ case: true, visits: 0, plans: 0, referrals: 0 });
    expect((await caseRecordsHeld(ARBER_CASE)).events).toBeGreaterThan(0);
    expect(await device.screenings.where('studentId').equals(STUDENT.arberKrasniqi).count()).toBeGreaterThan(0);
    expect(await device.cases.get(MILICA_CASE)).toBeUndefined();
    expect(await device.students.get(STUDENT.milicaJovanovic)).toBeUndefined();
  });
});
