import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { pendingMutations } from '../../../src/storage/outbox.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import type { Mutation } from '../../../src/sync/protocol.ts';
import { UraDatabase, type OutboxRow } from '../../../src/storage/UraDatabase.ts';
import { makeStudentFields, remoteHlc } from '../../support/clientFixtures.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

/** The schema the walking skeleton shipped (UraDatabase v1), as a device still holds it. */
const V1_STORES = {
  students: 'id, schoolId, familyName, updatedAt',
  schools: 'id, municipalityId',
  municipalities: 'id',
  outbox: '++seq, state',
  meta: 'key',
};

const CLIENT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4e01';
let name = '';

afterEach(async () => {
  await Dexie.delete(name);
});

function studentCreate(index: number): Mutation {
  const id = `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f40${String(index).padStart(2, '0')}`;
  return {
    id: newRecordId(),
    clientId: CLIENT_ID,
    hlc: remoteHlc(Date.parse('2026-11-20T08:00:00Z'), index, '0123456789abcdef'),
    schema: 1,
    entity: 'student',
    entityId: id,
    op: index === 2 ? 'set' : 'create',
    fields: index === 2 ? { grade: 6 } : makeStudentFields({ givenName: `Ana ${index}` }),
  };
}

/** A device that used the app before casework existed: students and a queue not yet synced. */
async function writeVersionOneDevice(): Promise<OutboxRow[]> {
  name = `ura-upgrade-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.open();
  const rows: OutboxRow[] = [0, 1, 2, 3].map((index) => ({
    mutation: studentCreate(index),
    state: index === 1 ? 'rejected' : 'pending',
    ...(index === 1 ? { rejectionCode: 'invalid_fields' } : {}),
    createdAt: Date.parse('2026-11-20T08:00:00Z') + index,
    attempts: index,
  }));
  await old.transaction('rw', old.table('outbox'), old.table('students'), old.table('meta'), async () => {
    for (const row of rows) await old.table('outbox').add(row);
    await old
      .table('students')
      .add({ ...makeStudentFields(), id: rows[0]!.mutation.entityId, hlcs: {}, searchKey: '' });
    await old.table('meta').bulkPut([
      { key: 'clientId', value: CLIENT_ID },
      { key: 'pullCursor', value: 42 },
    ]);
  });
  const stored = (await old.table('outbox').orderBy('seq').toArray()) as OutboxRow[];
  old.close();
  return stored;
}

/** The version this app declares: every upgrade below must end there. */
const LATEST_VERSION = 10;

describe('upgrading the device database to the latest version', () => {
  it('keeps every queued mutation, unchanged and in order', async () => {
    const before = await writeVersionOneDevice();

    const db = unlockedForTest(new UraDatabase(name));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(before);
    // v8's tables (the dashboard's kept figures, exports waiting for the audit trail) start empty.
    expect(await db.dashboards.count()).toBe(0);
    expect(await db.exportLog.count()).toBe(0);
    // v9's tables (the Municipal Action Plan) start empty too.
    expect(await db.mapPlans.count()).toBe(0);
    expect(await db.mapProgress.count()).toBe(0);
    expect((await pendingMutations(db, 10)).map((row) => row.mutation)).toEqual(
      before.filter((row) => row.state === 'pending').map((row) => row.mutation),
    );
    expect(await db.students.count()).toBe(1);
    expect(await db.meta.get('pullCursor')).toEqual({ key: 'pullCursor', value: 42 });
    db.close();
  });

  it('queues new casework after the old mutations and sends them in that order', async () => {
    const before = await writeVersionOneDevice();
    const db = unlockedForTest(new UraDatabase(name));
    const studentId = before[0]!.mutation.entityId;
    await createCase(db, { id: newRecordId(), studentId, trigger: 'absence', at: '2026-11-21' });

    const sent: Mutation[] = [];
    await expect(
      syncWithServer(db, {
        baseUrl: '',
        fetch: (_url, init) => {
          sent.push(...(JSON.parse(init.body as string) as { mutations: Mutation[] }).mutations);
          return Promise.reject(new TypeError('offline'));
        },
      }),
    ).rejects.toThrow();
    expect(sent.map((mutation) => mutation.entity)).toEqual(['student', 'student', 'student', 'case']);
    expect(sent.slice(0, 3)).toEqual(before.filter((row) => row.state === 'pending').map((row) => row.mutation));
    // The new write reuses the device's identity from before the upgrade.
    expect(sent[3]?.clientId).toBe(CLIENT_ID);
    db.close();
  });
});

/** The casework schema of v2, as a device that recorded visits before v3 holds it. */
const V2_HOME_VISITS = 'id, caseId, visitDate, correctionOf';

describe('upgrading from version 2', () => {
  it('indexes the next-visit dates of notes already on the device, so Today finds them', async () => {
    name = `ura-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores({ ...V1_STORES, homeVisits: V2_HOME_VISITS });
    await old.open();
    await old.table('homeVisits').bulkAdd([
      { id: 'a', caseId: 'c1', visitDate: '2026-11-02', correctionOf: null, nextVisitDate: '2026-11-23' },
      { id: 'b', caseId: 'c2', visitDate: '2026-11-03', correctionOf: null, nextVisitDate: null },
      { id: 'c', caseId: 'c3', visitDate: '2026-11-04', correctionOf: null, nextVisitDate: '2026-12-20' },
    ]);
    old.close();

    const db = unlockedForTest(new UraDatabase(name));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const due = await db.homeVisits.where('nextVisitDate').belowOrEqual('2026-11-30').primaryKeys();
    expect(due).toEqual(['a']);
    expect(await db.homeVisits.count()).toBe(3);
    // v4 builds the per-case summaries Today reads from the notes already there.
    expect(await db.visitSummaries.where('nextVisitDate').belowOrEqual('2026-11-30').toArray()).toEqual([
      { caseId: 'c1', latestVisitId: 'a', nextVisitDate: '2026-11-23' },
    ]);
    expect(await db.visitSummaries.count()).toBe(3);
    db.close();
  });
});

/** The stores of v4 (every table before the case index), as a device on that version holds them. */
const V4_STORES = {
  ...V1_STORES,
  cases: 'id, studentId, schoolId, status, caseManagerId',
  caseEvents: 'id, caseId',
  screenings: 'id, studentId, term',
  homeVisits: 'id, caseId, visitDate, correctionOf, nextVisitDate',
  planActions: 'id, caseId, dueDate, status',
  referrals: 'id, caseId, status',
  drafts: 'key',
  visitSummaries: 'caseId, nextVisitDate',
  screeningSummaries: 'studentId',
};

describe('upgrading from version 4', () => {
  it('builds the case index from the records already on the device, keeping the outbox', async () => {
    name = `ura-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores(V4_STORES);
    await old.open();
    const student = { ...makeStudentFields({ givenName: 'Ђорђе', familyName: 'Јовић' }), id: 's1', hlcs: {} };
    await old.table('students').add({ ...student, searchKey: 'dorde jovic', updatedAt: 0 });
    await old.table('schools').add({ id: student.schoolId, country: 'RS', municipalityId: 'm', name: {}, hlcs: {} });
    const flagged = { id: 'c1', studentId: 's1', schoolId: student.schoolId, status: 'flagged', hlcs: {} };
    await old.table('cases').bulkAdd([
      { ...flagged, flaggedAt: '2026-11-16', openedAt: null, caseManagerId: null },
      { ...flagged, id: 'c2', status: 'closed', flaggedAt: '2026-09-01', caseManagerId: 'u1' },
    ]);
    const action = { caseId: 'c1', status: 'planned', interventionType: 'mentoring', hlcs: {} };
    await old.table('planActions').bulkAdd([
      { ...action, id: 'p1', dueDate: '2026-11-25' },
      { ...action, id: 'p2', dueDate: '2026-11-20', status: 'done' },
    ]);
    await old.table('visitSummaries').add({ caseId: 'c1', latestVisitId: 'v1', nextVisitDate: '2026-11-24' });
    await old.table('screeningSummaries').add({
      studentId: 's1',
      latestId: 'x2',
      latestLevel: 'high',
      previousId: 'x1',
      previousLevel: 'low',
    });
    await old.table('outbox').add({ mutation: studentCreate(0), state: 'pending', createdAt: 1, attempts: 0 });
    old.close();

    const db = unlockedForTest(new UraDatabase(name));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const open = await db.caseIndex.get('c1');
    expect(open).toMatchObject({
      studentId: 's1',
      givenName: 'Ђорђе',
      searchKey: 'dorde jovic',
      status: 'flagged',
      riskLevel: 'high',
      openActions: [{ id: 'p1', due: '2026-11-25', interventionType: 'mentoring' }],
      nextVisit: { visitId: 'v1', due: '2026-11-24' },
    });
    expect(open?.deadlines.map((deadline) => deadline.kind)).toEqual(['openCase']);
    expect(open?.firstFollowUp).toBe([open?.deadlines[0]?.due, '2026-11-24'].sort()[0]);
    // A closed case has nothing due, so the Today index skips it.
    expect(await db.caseIndex.get('c2')).toMatchObject({
      deadlines: [],
      openActions: [],
      nextVisit: null,
      nextDue: null,
    });
    expect(await db.caseIndex.where('firstFollowUp').belowOrEqual('2026-12-31').primaryKeys()).toEqual(['c1']);
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });
});
