import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctionDraft } from '../../../src/domain/homeVisit.ts';
import { visitTimeline } from '../../../src/domain/visitTimeline.ts';
import { DEMO_STUDENT_IDS } from '../../../src/server/seed/demoStudents.ts';
import { caseHistory, createCase, getCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { addHomeVisit, getHomeVisit, visitsForCase } from '../../../src/storage/homeVisitRepository.ts';
import { countPending, countRejected } from '../../../src/storage/outbox.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addReferral, answerReferral, referralsForCase } from '../../../src/storage/referralRepository.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { makeVisitInput, USER_ID } from '../../support/caseworkFixtures.ts';
import { startInProcessServer, type InProcessServer } from '../../support/inProcessSync.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

const STUDENT = DEMO_STUDENT_IDS.erezaCeku;

describe('casework round trip', () => {
  let server: InProcessServer;
  const devices: UraDatabase[] = [];

  function freshDevice(): UraDatabase {
    const device = unlockedForTest(new UraDatabase(`casework-round-trip-${crypto.randomUUID()}`));
    devices.push(device);
    return device;
  }

  async function syncDevice(device: UraDatabase): Promise<void> {
    await syncWithServer(device, { fetch: server.fetch, baseUrl: '' });
  }

  beforeEach(async () => {
    server = await startInProcessServer();
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.delete();
    await server.close();
  });

  it('carries a case flagged, moved on and visited offline on a phone to a laptop', async () => {
    const phone = freshDevice();
    const laptop = freshDevice();
    await syncDevice(phone);

    // Offline on the phone: flag, open, assess, and note a visit — nothing synced in between.
    const caseId = newRecordId();
    await createCase(phone, { id: caseId, studentId: STUDENT, trigger: 'absence', at: '2026-11-02' });
    await transitionCase(phone, caseId, 'open', { at: '2026-11-03', caseManagerId: USER_ID });
    await transitionCase(phone, caseId, 'assessed', { at: '2026-11-06' });
    const visit = makeVisitInput(caseId);
    await addHomeVisit(phone, visit);
    expect(await countPending(phone)).toBe(6);

    await syncDevice(phone);
    expect(await countPending(phone)).toBe(0);
    expect(await countRejected(phone)).toBe(0);

    await syncDevice(laptop);
    // The same values and the same HLC per field: both devices would decide a later conflict alike.
    expect(await getCase(laptop, caseId)).toEqual(await getCase(phone, caseId));
    expect(await getCase(laptop, caseId)).toMatchObject({ status: 'assessed', assessedAt: '2026-11-06' });
    expect((await caseHistory(laptop, caseId)).map((event) => [event.from, event.to])).toEqual([
      ['flagged', 'open'],
      ['open', 'assessed'],
    ]);
    expect(await getHomeVisit(laptop, visit.id)).toEqual(await getHomeVisit(phone, visit.id));
  });

  it('brings a correction made on the laptop back to the phone, keeping the original', async () => {
    const phone = freshDevice();
    const laptop = freshDevice();
    await syncDevice(phone);
    const caseId = newRecordId();
    await createCase(phone, { id: caseId, studentId: STUDENT, trigger: 'absence', at: '2026-11-02' });
    const original = makeVisitInput(caseId, { notes: 'Child not seen' });
    await addHomeVisit(phone, original);
    await syncDevice(phone);
    await syncDevice(laptop);

    const stored = (await getHomeVisit(laptop, original.id))!;
    const correction = { ...correctionDraft(stored), id: newRecordId(), recordedBy: USER_ID, notes: 'Seen' };
    await addHomeVisit(laptop, correction);
    await syncDevice(laptop);
    await syncDevice(phone);

    const timeline = visitTimeline(await visitsForCase(phone, caseId));
    expect(timeline.map((entry) => [entry.visit.notes, entry.current])).toEqual([
      ['Child not seen', false],
      ['Seen', true],
    ]);
  });

  it("delivers the receiving side's answer to a referral back to the sender", async () => {
    const phone = freshDevice();
    const laptop = freshDevice();
    await syncDevice(phone);
    const caseId = newRecordId();
    await createCase(phone, { id: caseId, studentId: STUDENT, trigger: 'absence', at: '2026-11-02' });
    const referralId = newRecordId();
    const sent = await addReferral(phone, caseId, {
      id: referralId,
      from: 'teacher',
      fromUserId: USER_ID,
      to: 'schoolTeam',
      reason: 'attendanceConcern',
      at: '2026-11-04',
    });
    expect(sent.ok).toBe(true);
    await syncDevice(phone);
    await syncDevice(laptop);

    const answer = await answerReferral(laptop, referralId, { decision: 'accepted', at: '2026-11-05', by: USER_ID });
    expect(answer.ok).toBe(true);
    await syncDevice(laptop);
    await syncDevice(phone);

    expect(await referralsForCase(phone, caseId)).toEqual([
      expect.objectContaining({ id: referralId, status: 'accepted', respondedAt: '2026-11-05', respondedBy: USER_ID }),
    ]);
  });
});
