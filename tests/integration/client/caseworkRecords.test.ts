import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import {
  addPlanAction,
  editPlanAction,
  getPlanAction,
  planActionsForCase,
  updatePlanActionStatus,
} from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import {
  addReferral,
  answerReferral,
  pendingReferrals,
  referralsForCase,
} from '../../../src/storage/referralRepository.ts';
import { addScreening, getScreening, screeningsForStudent } from '../../../src/storage/screeningRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import {
  KOSOVO,
  makePlanAction,
  makeScreening,
  makeVisit,
  RISKY_VALUES,
  USER_ID,
} from '../../support/caseworkFixtures.ts';
import { changeOf, freshDatabase, makeStudentFields, remoteHlc } from '../../support/clientFixtures.ts';
import { deviceSnapshot } from '../../support/deviceSnapshot.ts';

let db: UraDatabase;
let studentId: string;
let caseId: string;

beforeEach(async () => {
  db = freshDatabase();
  studentId = await createStudent(db, makeStudentFields());
  caseId = newRecordId();
  await createCase(db, { id: caseId, studentId, trigger: 'absence', at: '2026-11-02' });
});

afterEach(async () => {
  await db.delete();
});

async function lastMutation() {
  return (await db.outbox.orderBy('seq').last())?.mutation;
}

function screeningInput(overrides: Partial<ReturnType<typeof makeScreening>> = {}) {
  const { id, term, screenedOn, screenedBy, values, protectiveFactors } = { ...makeScreening(studentId), ...overrides };
  return { id, studentId, term, screenedOn, screenedBy, values, protectiveFactors };
}

describe('screenings', () => {
  it('store the level, score and reasons computed now, with the profile version, and queue a create', async () => {
    const input = screeningInput();
    expect(await addScreening(db, KOSOVO, input)).toBe('added');

    const expected = makeScreening(studentId, RISKY_VALUES);
    const stored = await getScreening(db, input.id);
    expect(stored).toMatchObject({
      ...input,
      profileId: 'XK',
      profileVersion: KOSOVO.version,
      level: expected.level,
      score: expected.score,
      reasons: expected.reasons,
    });
    expect(expected.level).not.toBe('low');
    expect(stored?.reasons.length).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id, hlcs, ...fields } = stored!;
    expect(await lastMutation()).toMatchObject({ entity: 'screening', entityId: input.id, op: 'create', fields });
  });

  it('are append-only: a second term is a second record, a repeated save is nothing', async () => {
    const first = screeningInput();
    await addScreening(db, KOSOVO, first);
    const before = await deviceSnapshot(db);
    expect(await addScreening(db, KOSOVO, first)).toBe('alreadyAdded');
    expect(await deviceSnapshot(db)).toEqual(before);

    await addScreening(db, KOSOVO, screeningInput({ term: '2026-2027/2', screenedOn: '2027-02-10', values: {} }));
    const history = await screeningsForStudent(db, studentId);
    expect(history.map((row) => [row.term, row.level])).toEqual([
      ['2026-2027/1', makeScreening(studentId).level],
      ['2026-2027/2', 'low'],
    ]);
    expect((await db.outbox.toArray()).filter((row) => row.mutation.op === 'set')).toEqual([]);
  });

  it('write nothing when the outbox write fails', async () => {
    const before = await deviceSnapshot(db);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(addScreening(db, KOSOVO, screeningInput())).rejects.toThrow('disk full');
    expect(await deviceSnapshot(db)).toEqual(before);
  });
});

describe('plan actions', () => {
  it('are added with a create and change status as a set of the changed fields only', async () => {
    const action = makePlanAction(caseId);
    expect(await addPlanAction(db, action)).toBe('added');
    expect(await lastMutation()).toMatchObject({ entity: 'planAction', op: 'create', fields: { status: 'planned' } });

    const done = await updatePlanActionStatus(db, action.id, 'done', { at: '2026-11-18', outcome: 'achieved' });
    expect(done).toMatchObject({
      ok: true,
      action: { status: 'done', outcome: 'achieved', completedAt: '2026-11-18' },
    });
    expect((await lastMutation())?.fields).toEqual({ status: 'done', outcome: 'achieved', completedAt: '2026-11-18' });

    await editPlanAction(db, action.id, { dueDate: '2026-11-25', description: action.description });
    expect((await lastMutation())?.fields).toEqual({ dueDate: '2026-11-25' });
    expect(await planActionsForCase(db, caseId)).toEqual([await getPlanAction(db, action.id)]);
  });

  it('refuse a status change the domain refuses, writing nothing', async () => {
    const action = makePlanAction(caseId);
    await addPlanAction(db, action);
    const before = await deviceSnapshot(db);
    expect(await updatePlanActionStatus(db, action.id, 'done', { at: '2026-11-18' })).toEqual({
      ok: false,
      code: 'outcomeRequired',
    });
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('write neither the change nor its row when the outbox write fails', async () => {
    const action = makePlanAction(caseId);
    await addPlanAction(db, action);
    const before = await deviceSnapshot(db);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(updatePlanActionStatus(db, action.id, 'inProgress', { at: '2026-11-10' })).rejects.toThrow();
    expect(await deviceSnapshot(db)).toEqual(before);
  });
});

describe('referrals', () => {
  const handover = () => ({
    id: newRecordId(),
    from: 'teacher' as const,
    fromUserId: USER_ID,
    to: 'schoolTeam' as const,
    reason: 'attendanceConcern',
    at: '2026-11-04',
  });

  it('are created pending and answered as a set of the answer', async () => {
    const input = handover();
    expect(await addReferral(db, caseId, input)).toEqual({ ok: true, outcome: 'added' });
    expect(await lastMutation()).toMatchObject({ entity: 'referral', op: 'create', fields: { status: 'pending' } });
    expect((await pendingReferrals(db)).map((row) => row.id)).toEqual([input.id]);

    const answer = { decision: 'declined' as const, at: '2026-11-05', by: USER_ID, note: 'Not our area' };
    expect(await answerReferral(db, input.id, answer)).toMatchObject({ ok: true, referral: { status: 'declined' } });
    expect(await lastMutation()).toMatchObject({
      entity: 'referral',
      entityId: input.id,
      op: 'set',
      fields: { status: 'declined', respondedAt: '2026-11-05', respondedBy: USER_ID, responseNote: 'Not our area' },
    });
    expect(await pendingReferrals(db)).toEqual([]);

    const before = await deviceSnapshot(db);
    expect(await answerReferral(db, input.id, { ...answer, decision: 'accepted' })).toEqual({
      ok: false,
      code: 'alreadyAnswered',
    });
    expect(await deviceSnapshot(db)).toEqual(before);
  });

  it('refuse a closed case with the domain code, writing nothing', async () => {
    await transitionCase(db, caseId, 'closed', { at: '2026-11-03', closureReason: 'flagNotConfirmed' });
    const before = await deviceSnapshot(db);
    expect(await addReferral(db, caseId, handover())).toEqual({ ok: false, code: 'caseClosed' });
    expect(await deviceSnapshot(db)).toEqual(before);
    expect(await referralsForCase(db, caseId)).toEqual([]);
  });
});

describe('pulled casework', () => {
  it('lands in its own table', async () => {
    const visit = makeVisit(caseId);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id, ...fields } = visit;
    await applyRemoteChanges(db, [changeOf('homeVisit', visit.id, fields, remoteHlc(Date.now()))], 5);
    expect(await db.homeVisits.get(visit.id)).toMatchObject(visit);
  });
});
