import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitSummariesOf } from '../../../src/domain/caseworkSummaries.ts';
import { nodeIdFrom, parseHlc } from '../../../src/domain/hlc.ts';
import type { HomeVisit } from '../../../src/domain/homeVisit.ts';
import { openText, sealText } from '../../../src/domain/unsentEnvelope.ts';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { caseIndexOfAll } from '../../../src/storage/caseIndex.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { IMPORTED_IDS_KEY } from '../../../src/storage/importQueue.ts';
import { importUnsentFile } from '../../../src/storage/importUnsent.ts';
import { settleOutbox } from '../../../src/storage/outbox.ts';
import { createStudent, updateStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId, META_KEYS } from '../../../src/storage/syncMeta.ts';
import { exportUnsentLocked, unsentChangesDocument } from '../../../src/storage/unsentExport.ts';
import type { OutboxRow, UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { SCHEMA_VERSION } from '../../../src/sync/protocol.ts';
import { mutationSchema } from '../../../src/sync/protocolSchemas.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { changeOf, freshDatabase, makeStudentFields, remoteHlc } from '../../support/clientFixtures.ts';

const PASSPHRASE = 'lumi Drini në mëngjes';
let lost: UraDatabase; // the phone that made the changes (then is lost)
let spare: UraDatabase; // the phone the mentor signs in on next

beforeEach(() => {
  lost = freshDatabase();
  spare = freshDatabase();
});

afterEach(async () => {
  await Promise.all([lost.delete(), spare.delete()]);
});

/**
 * On the lost phone: Arta registered, her concern flagged, a home visit the
 * server refused, and her guardian's phone corrected afterwards (a `set`).
 */
async function recordOnLostPhone() {
  const fields = makeStudentFields({ givenName: 'Arta', familyName: 'Gashi' });
  const studentId = await createStudent(lost, fields);
  const caseId = await flagCaseOn(lost, studentId);
  const visit = makeVisitInput(caseId);
  await addHomeVisit(lost, visit);
  const visitRow = (await lost.outbox.toArray()).find((row) => row.mutation.entity === 'homeVisit')!;
  await lost.outbox.update(visitRow.seq, { state: 'rejected', rejectionCode: 'invalid_fields' });
  await updateStudent(lost, studentId, { ...fields, guardianPhone: '+383 44 555 666' });
  return { studentId, caseId, visitId: visit.id, rows: await lost.outbox.orderBy('seq').toArray() };
}

const lockedFile = async () => (await exportUnsentLocked(lost, PASSPHRASE)).text;

/** What must survive the trip: everything but the device's own stamps. */
const content = (row: OutboxRow) => ({
  entity: row.mutation.entity,
  entityId: row.mutation.entityId,
  op: row.mutation.op,
  fields: row.mutation.fields,
  base: row.mutation.base,
  state: row.state,
  rejectionCode: row.rejectionCode,
});

async function tableCounts(db: UraDatabase): Promise<Record<string, number>> {
  const counts = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(counts);
}

describe('exportUnsentLocked', () => {
  it('locks every unsent change, waiting or refused, in the order it was made', async () => {
    const { rows } = await recordOnLostPhone();
    const file = await exportUnsentLocked(lost, PASSPHRASE, new Date(2026, 10, 23, 9, 30));
    expect(file.fileName).toBe('ura-unsent-2026-11-23-locked.json');
    expect(file.count).toBe(4);
    expect(file.text).not.toContain('Gashi');
    const opened = await openText(file.text, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.reason);
    const document = JSON.parse(opened.text) as Awaited<ReturnType<typeof unsentChangesDocument>>;
    expect(document.format).toBe('ura-unsent-changes');
    expect(document.changes.map((change) => [change.state, change.rejectionCode, change.mutation])).toEqual(
      rows.map((row) => [row.state, row.rejectionCode, row.mutation]),
    );
  });
});

describe('importUnsentFile', () => {
  it("queues every change on another phone as that phone's own, and shows it there", async () => {
    const { studentId, caseId, visitId, rows } = await recordOnLostPhone();
    const startedAt = Date.now();

    expect(await importUnsentFile(spare, await lockedFile(), PASSPHRASE)).toEqual({
      ok: true,
      queued: 4,
      alreadyHere: 0,
    });

    const queued = await spare.outbox.orderBy('seq').toArray();
    expect(queued.map(content)).toEqual(rows.map(content));
    const spareId = await getClientId(spare);
    expect(spareId).not.toBe(await getClientId(lost));
    const hlcs = queued.map((row) => row.mutation.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(4);
    queued.forEach((row, index) => {
      expect(row.mutation.clientId).toBe(spareId);
      expect(row.mutation.id).not.toBe(rows[index]!.mutation.id);
      expect(parseHlc(row.mutation.hlc).node).toBe(nodeIdFrom(spareId));
      expect(row.createdAt).toBeGreaterThanOrEqual(startedAt);
      expect(row.attempts).toBe(0);
      // What the server will check first.
      expect(mutationSchema.safeParse(row.mutation).success).toBe(true);
    });

    const student = await spare.students.get(studentId);
    expect(student).toMatchObject({ givenName: 'Arta', familyName: 'Gashi', guardianPhone: '+383 44 555 666' });
    expect(student?.searchKey).toContain('arta');
    expect(student?.hlcs.guardianPhone).toBe(queued[3]!.mutation.hlc);
    expect(student?.hlcs.givenName).toBe(queued[0]!.mutation.hlc);
    expect(await spare.cases.get(caseId)).toMatchObject({ studentId });
    expect(await spare.homeVisits.get(visitId)).toMatchObject({ caseId });
    // Derived rows agree with the records, as after any write.
    const index = await spare.caseIndex.toArray();
    expect(index).toEqual(await caseIndexOfAll((name) => spare.table(name)));
    expect(index.map((entry) => [entry.caseId, entry.givenName])).toEqual([[caseId, 'Arta']]);
    const visits = (await spare.homeVisits.toArray()) as HomeVisit[];
    expect(await spare.visitSummaries.toArray()).toEqual(visitSummariesOf(visits));
  });

  it('queues nothing from a file it took before, even after those changes were sent', async () => {
    await recordOnLostPhone();
    const file = await lockedFile();
    await importUnsentFile(spare, file, PASSPHRASE);
    const before = await spare.outbox.orderBy('seq').toArray();

    expect(await importUnsentFile(spare, file, PASSPHRASE)).toEqual({ ok: true, queued: 0, alreadyHere: 4 });
    expect(await spare.outbox.orderBy('seq').toArray()).toEqual(before);

    await settleOutbox(
      spare,
      before.map((row) => ({ id: row.mutation.id, status: 'applied' })),
    );
    // The three waiting ones reached the server and left; the refused visit stays until it is dealt with.
    const left = await spare.outbox.toArray();
    expect(left.map((row) => row.state)).toEqual(['rejected']);
    expect(await importUnsentFile(spare, file, PASSPHRASE)).toEqual({ ok: true, queued: 0, alreadyHere: 4 });
    expect(await spare.outbox.toArray()).toEqual(left);
  });

  it('queues nothing on the phone that made the changes', async () => {
    const { rows } = await recordOnLostPhone();
    const hlcBefore = await lost.meta.get(META_KEYS.hlc);
    expect(await importUnsentFile(lost, await lockedFile(), PASSPHRASE)).toEqual({
      ok: true,
      queued: 0,
      alreadyHere: 4,
    });
    expect(await lost.outbox.orderBy('seq').toArray()).toEqual(rows);
    expect(await lost.meta.get(META_KEYS.hlc)).toEqual(hlcBefore);
  });

  it('does not create again a record the phone holds, but queues the later edits to it', async () => {
    const { studentId, rows } = await recordOnLostPhone();
    const created = rows[0]!.mutation;
    // The student's create reached the server before the phone was lost; the spare phone pulled it.
    await applyRemoteChanges(spare, [changeOf('student', studentId, created.fields, remoteHlc(Date.now()))], 1);

    expect(await importUnsentFile(spare, await lockedFile(), PASSPHRASE)).toEqual({
      ok: true,
      queued: 3,
      alreadyHere: 1,
    });
    const queued = await spare.outbox.orderBy('seq').toArray();
    expect(queued.map((row) => [row.mutation.entity, row.mutation.op])).toEqual([
      ['case', 'create'],
      ['homeVisit', 'create'],
      ['student', 'set'],
    ]);
    // The edit still names what the lost phone saw, so a clash with someone else's edit is recorded.
    expect(queued[2]!.mutation.base).toEqual(rows[3]!.mutation.base);
    expect((await spare.students.get(studentId))?.guardianPhone).toBe('+383 44 555 666');
  });

  it('writes all or nothing: a failure part-way leaves the phone as it was', async () => {
    await recordOnLostPhone();
    const file = await lockedFile();
    await getClientId(spare);
    const before = await tableCounts(spare);
    let adds = 0;
    const failThird = () => {
      adds += 1;
      if (adds === 3) throw new Error('disk gone');
    };
    spare.outbox.hook('creating', failThird);

    await expect(importUnsentFile(spare, file, PASSPHRASE)).rejects.toThrow('disk gone');
    expect(adds).toBe(3);
    expect(await tableCounts(spare)).toEqual(before);
    expect(await spare.meta.get(IMPORTED_IDS_KEY)).toBeUndefined();
    expect(await spare.meta.get(META_KEYS.hlc)).toBeUndefined();

    spare.outbox.hook('creating').unsubscribe(failThird);
    expect(await importUnsentFile(spare, file, PASSPHRASE)).toMatchObject({ ok: true, queued: 4 });
  });

  it('says a passphrase is wrong and changes nothing', async () => {
    await recordOnLostPhone();
    const file = await lockedFile();
    expect(await importUnsentFile(spare, file, 'lumi Drini në mbrëmje')).toEqual({
      ok: false,
      reason: 'cannotDecrypt',
    });
    expect(await importUnsentFile(spare, file, '')).toEqual({ ok: false, reason: 'needsPassphrase' });
    expect(Object.values(await tableCounts(spare)).every((count) => count === 0)).toBe(true);
  });

  it('refuses a whole file when one change in it breaks the protocol, and changes nothing', async () => {
    await recordOnLostPhone();
    const good = await unsentChangesDocument(lost);
    const broken = [
      (fields: Record<string, unknown>) => void (fields.visitDate = 'next Tuesday'),
      (fields: Record<string, unknown>) => void (fields.grade = 'fourth'),
      (fields: Record<string, unknown>) => void (fields.secretField = true),
    ];
    for (const breakFields of broken) {
      const document = structuredClone(good);
      const target = document.changes.find((change) => change.mutation.entity !== 'case')!;
      breakFields(target.mutation.fields);
      // Sealed properly: the file opens, the change inside is wrong.
      const file = JSON.stringify(await sealText(JSON.stringify(document), PASSPHRASE));
      const outcome = await importUnsentFile(spare, file, PASSPHRASE);
      if (outcome.ok || outcome.reason !== 'invalidChanges') {
        expect.fail(`${breakFields.toString()} was let through: ${JSON.stringify(outcome)}`);
      }
    }
    const noId = structuredClone(good);
    delete (noId.changes[1]!.mutation as Partial<OutboxRow['mutation']>).id;
    expect(await importUnsentFile(spare, JSON.stringify(noId), '')).toEqual({ ok: false, reason: 'invalidChanges' });
    expect(Object.values(await tableCounts(spare)).every((count) => count === 0)).toBe(true);
  });

  it('asks for a newer app for changes of a later record schema', async () => {
    await recordOnLostPhone();
    const document = await unsentChangesDocument(lost);
    document.changes[2]!.mutation.schema = SCHEMA_VERSION + 1;
    expect(await importUnsentFile(spare, JSON.stringify(document), '')).toEqual({
      ok: false,
      reason: 'newerVersion',
    });
    expect(await spare.outbox.count()).toBe(0);
  });

  it('takes the unlocked files older versions saved, and refuses other JSON', async () => {
    const { rows } = await recordOnLostPhone();
    const plain = JSON.stringify(await unsentChangesDocument(lost));
    expect(await importUnsentFile(spare, plain, '')).toEqual({ ok: true, queued: 4, alreadyHere: 0 });
    expect((await spare.outbox.orderBy('seq').toArray()).map(content)).toEqual(rows.map(content));

    expect(await importUnsentFile(spare, '{"students":[]}', '')).toEqual({ ok: false, reason: 'notAFile' });
    expect(await importUnsentFile(spare, 'Arta Gashi, 4-2', '')).toEqual({ ok: false, reason: 'notAFile' });
  });
});
