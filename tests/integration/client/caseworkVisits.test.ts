import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctionDraft } from '../../../src/domain/homeVisit.ts';
import { visitTimeline } from '../../../src/domain/visitTimeline.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { clearDraft, loadDraft, saveDraft } from '../../../src/storage/draftRepository.ts';
import {
  addHomeVisit,
  correctionsOf,
  getHomeVisit,
  homeVisitDraftKey,
  visitsForCase,
} from '../../../src/storage/homeVisitRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { freshDatabase, makeStudentFields } from '../../support/clientFixtures.ts';
import { deviceSnapshot } from '../../support/deviceSnapshot.ts';

let db: UraDatabase;
let caseId: string;

beforeEach(async () => {
  db = freshDatabase();
  const studentId = await createStudent(db, makeStudentFields());
  caseId = newRecordId();
  await createCase(db, { id: caseId, studentId, trigger: 'absence', at: '2026-11-02' });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function visitMutations() {
  return (await db.outbox.orderBy('seq').toArray())
    .map((row) => row.mutation)
    .filter((mutation) => mutation.entity === 'homeVisit');
}

describe('addHomeVisit', () => {
  it('stores the note with who and when, and queues its create in the same write', async () => {
    const input = makeVisitInput(caseId);
    expect(await addHomeVisit(db, input)).toBe('added');

    const stored = await getHomeVisit(db, input.id);
    expect(stored).toMatchObject(input);
    expect(Date.parse(stored?.recordedAt ?? '')).not.toBeNaN();
    const [mutation, ...rest] = await visitMutations();
    expect(rest).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id, hlcs, ...fields } = stored!;
    expect(mutation).toMatchObject({ entityId: input.id, op: 'create' });
    expect(mutation?.fields).toEqual(fields);
  });

  it('stores one note when save is tapped twice', async () => {
    const input = makeVisitInput(caseId);
    const [first, second] = await Promise.all([addHomeVisit(db, input), addHomeVisit(db, input)]);
    expect([first, second].sort()).toEqual(['added', 'alreadyAdded']);
    expect(await db.homeVisits.count()).toBe(1);
    expect(await visitMutations()).toHaveLength(1);
  });

  it("keeps only the note's own fields, whatever else the form holds", async () => {
    const input = { ...makeVisitInput(caseId), errors: { notes: 'tooLong' }, touched: true };
    await addHomeVisit(db, input);
    const [mutation] = await visitMutations();
    expect(mutation?.fields).not.toHaveProperty('errors');
    expect(await getHomeVisit(db, input.id)).not.toHaveProperty('touched');
  });

  it('writes nothing when the outbox write fails, and keeps the draft', async () => {
    const key = homeVisitDraftKey(caseId);
    await saveDraft(db, key, { notes: 'half written' });
    const before = await deviceSnapshot(db);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(addHomeVisit(db, makeVisitInput(caseId), { draftKey: key })).rejects.toThrow('disk full');
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('refuses a note on a case that is not on the device', async () => {
    const before = await deviceSnapshot(db);
    await expect(addHomeVisit(db, makeVisitInput(newRecordId()))).rejects.toThrow('case not found');
    expect(await deviceSnapshot(db)).toEqual(before);
  });
});

describe('visit drafts', () => {
  it('survive closing the app and are cleared by the save, in the same write', async () => {
    const input = makeVisitInput(caseId);
    const key = homeVisitDraftKey(caseId);
    await saveDraft(db, key, { id: input.id, notes: 'Mother was at work' });

    db.close();
    const reopened = new UraDatabase(db.name);
    reopened.dataKey.unlock(db.dataKey.keyForWrapping());
    expect(await loadDraft(reopened, key)).toEqual({ id: input.id, notes: 'Mother was at work' });

    await addHomeVisit(reopened, input, { draftKey: key });
    expect(await loadDraft(reopened, key)).toBeUndefined();
    expect(await reopened.homeVisits.count()).toBe(1);
    reopened.close();
  });

  it('keeps drafts of different forms apart and clears one on request', async () => {
    const original = newRecordId();
    await saveDraft(db, homeVisitDraftKey(caseId), 'new note');
    await saveDraft(db, homeVisitDraftKey(caseId, original), 'correction');
    await clearDraft(db, homeVisitDraftKey(caseId));
    expect(await loadDraft(db, homeVisitDraftKey(caseId))).toBeUndefined();
    expect(await loadDraft(db, homeVisitDraftKey(caseId, original))).toBe('correction');
  });
});

describe('corrections', () => {
  it('chain as new notes and leave every earlier note untouched', async () => {
    const first = makeVisitInput(caseId, { notes: 'Child not seen' });
    await addHomeVisit(db, first);
    const firstStored = await getHomeVisit(db, first.id);

    const second = { ...correctionDraft(firstStored!), id: newRecordId(), recordedBy: first.recordedBy, notes: 'Seen' };
    await addHomeVisit(db, second);
    const third = { ...correctionDraft((await getHomeVisit(db, second.id))!), id: newRecordId(), recordedBy: 'x' };
    await addHomeVisit(db, third);

    expect(await getHomeVisit(db, first.id)).toEqual(firstStored);
    expect((await correctionsOf(db, first.id)).map((visit) => visit.id)).toEqual([second.id]);
    expect((await correctionsOf(db, second.id)).map((visit) => visit.id)).toEqual([third.id]);
    const timeline = visitTimeline(await visitsForCase(db, caseId));
    expect(timeline.filter((entry) => entry.current).map((entry) => entry.visit.id)).toEqual([third.id]);
    // Three creates and no set: nothing was edited.
    expect((await visitMutations()).map((mutation) => mutation.op)).toEqual(['create', 'create', 'create']);
  });

  it('refuses to correct a note that is not on this case', async () => {
    const before = await deviceSnapshot(db);
    const orphan = makeVisitInput(caseId, { correctionOf: newRecordId() });
    await expect(addHomeVisit(db, orphan)).rejects.toThrow('corrected visit not found on this case');
    expect(await deviceSnapshot(db)).toEqual(before);
  });
});
