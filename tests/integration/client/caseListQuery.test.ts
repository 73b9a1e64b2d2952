import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { sortCases } from '../../../src/domain/caseListFilter.ts';
import { loadCaseListHead, loadCaseSummaries } from '../../../src/storage/caseListQuery.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addPlanAction } from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import type { SchoolRecord, UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { makePlanAction, makeVisitInput, RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { bulkPutCases, seedStudentAt } from '../../support/casesFixtures.ts';
import { freshDatabase, seedSchool } from '../../support/clientFixtures.ts';

let db: UraDatabase;
let serbian: SchoolRecord;
let kosovar: SchoolRecord;

beforeEach(async () => {
  db = freshDatabase();
  serbian = await seedSchool(db, { country: 'RS' });
  kosovar = await seedSchool(db, { country: 'XK' });
});

afterEach(async () => {
  await db.delete();
});

async function flag(studentId: string, at = '2026-11-02'): Promise<string> {
  const id = newRecordId();
  await createCase(db, { id, studentId, trigger: 'absence', at });
  return id;
}

describe('loadCaseSummaries', () => {
  it('gives one row per case with the student, the latest screening level and the next due date', async () => {
    const marko = await seedStudentAt(db, serbian, {
      givenName: 'Ђорђе',
      familyName: 'Јовановић',
      grade: 6,
      className: 'VI-2',
    });
    const arta = await seedStudentAt(db, kosovar, { givenName: 'Arta', familyName: 'Gashi' });
    const flagged = await flag(marko);
    const opened = await flag(arta);
    expect((await transitionCase(db, opened, 'open', { at: '2026-11-03', caseManagerId: USER_ID })).ok).toBe(true);
    const base = { term: '2026-2027/1', screenedBy: USER_ID, protectiveFactors: [] };
    await addScreening(db, getProfile('XK'), {
      ...base,
      id: newRecordId(),
      studentId: arta,
      screenedOn: '2026-09-20',
      values: RISKY_VALUES,
    });
    await addScreening(db, getProfile('XK'), {
      ...base,
      id: newRecordId(),
      studentId: arta,
      screenedOn: '2026-10-20',
      values: { unjustifiedAbsences: 0 },
    });

    const rows = await loadCaseSummaries(db);
    expect(rows).toHaveLength(2);
    const byId = new Map(rows.map((row) => [row.caseId, row]));
    expect(byId.get(flagged)).toEqual({
      caseId: flagged,
      status: 'flagged',
      studentId: marko,
      givenName: 'Ђорђе',
      familyName: 'Јовановић',
      searchKey: 'dorde jovanovic',
      schoolId: serbian.id,
      riskLevel: null,
      // Flagged on Monday 2 November: open within 5 school days.
      nextDue: '2026-11-09',
      caseManagerId: null,
      flaggedAt: '2026-11-02',
      // What the list's file needs besides, so an export reads no records.
      file: {
        record: { trigger: 'absence', openedAt: null, planActivatedAt: null, closedAt: null, closureReason: null },
        student: { grade: 6, className: 'VI-2' },
      },
    });
    // Opened on 3 November: assess within 14 days; the later screening (low) is the one that counts.
    expect(byId.get(opened)).toMatchObject({
      status: 'open',
      riskLevel: 'low',
      nextDue: '2026-11-17',
      caseManagerId: USER_ID,
      file: expect.objectContaining({ record: expect.objectContaining({ openedAt: '2026-11-03' }) }),
    });
  });

  it('takes an open plan action due sooner than the deadlines, but not a finished one nor a closed case', async () => {
    const student = await seedStudentAt(db, kosovar);
    const caseId = await flag(student);
    await transitionCase(db, caseId, 'open', { at: '2026-11-03', caseManagerId: USER_ID });
    await addPlanAction(
      db,
      makePlanAction(caseId, { dueDate: '2026-11-01', status: 'done', outcome: 'achieved', completedAt: '2026-11-01' }),
    );
    await addPlanAction(db, makePlanAction(caseId, { dueDate: '2026-11-12' }));
    const closed = await flag(await seedStudentAt(db, kosovar));
    const planOnClosed = makePlanAction(closed, { dueDate: '2026-11-04' });
    await addPlanAction(db, planOnClosed);
    await transitionCase(db, closed, 'closed', { at: '2026-11-05', closureReason: 'flagNotConfirmed' });

    const rows = await loadCaseSummaries(db);
    expect(rows.find((row) => row.caseId === caseId)?.nextDue).toBe('2026-11-12');
    expect(rows.find((row) => row.caseId === closed)?.nextDue).toBeNull();
  });

  it('never reads the home-visit notes', async () => {
    const student = await seedStudentAt(db, serbian);
    const caseId = await flag(student);
    await addHomeVisit(db, makeVisitInput(caseId));
    let visitsRead = 0;
    db.homeVisits.hook('reading', (row) => {
      visitsRead += 1;
      return row;
    });
    expect(await loadCaseSummaries(db)).toHaveLength(1);
    expect(visitsRead).toBe(0);
  });

  it('reads a list longer than a slice whole: each case once, none missed at the cuts', async () => {
    const cases = await bulkPutCases(db, 23, { id: newRecordId(), schoolId: kosovar.id });
    for (const sliceSize of [1, 5, 22, 23, 24]) {
      const rows = await loadCaseSummaries(db, sliceSize);
      expect(rows.map((row) => row.caseId)).toEqual(cases.map((row) => row.id).sort());
    }
  });

  it('refuses a slice of no rows, which would never end', async () => {
    await bulkPutCases(db, 2, { id: newRecordId(), schoolId: kosovar.id });
    for (const sliceSize of [0, -1, 2.5]) await expect(loadCaseSummaries(db, sliceSize)).rejects.toThrow(RangeError);
  });

  it('as a live query, sees a change to a case read in the last slice', async () => {
    const student = await seedStudentAt(db, kosovar, { givenName: 'Arta', familyName: 'Gashi' });
    const cases = await bulkPutCases(db, 12, { id: student, schoolId: kosovar.id });
    const lastId = cases.map((row) => row.id).sort()[11] ?? '';
    const seen: (string | undefined)[] = [];
    const subscription = liveQuery(() => loadCaseSummaries(db, 5)).subscribe((rows) =>
      seen.push(rows.find((row) => row.caseId === lastId)?.status),
    );
    await vi.waitFor(() => expect(seen.at(-1)).toBe('flagged'));

    expect((await transitionCase(db, lastId, 'open', { at: '2026-11-03', caseManagerId: USER_ID })).ok).toBe(true);

    await vi.waitFor(() => expect(seen.at(-1)).toBe('open'));
    subscription.unsubscribe();
  });

  it('still lists a case whose student and school have not reached the device', async () => {
    await bulkPutCases(db, 3, { id: newRecordId(), schoolId: newRecordId() });
    const rows = await loadCaseSummaries(db);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ givenName: '', familyName: '', searchKey: '', nextDue: '2026-11-09' });
  });
});

describe('loadCaseListHead', () => {
  it('gives the first rows of the default order, ties on the last day included, before the whole list', async () => {
    const names = ['Vesna', 'Ana', 'Ђорђе', 'Besa', 'Milica', 'Arbër'];
    for (const [index, givenName] of names.entries()) {
      const student = await seedStudentAt(db, kosovar, { givenName, familyName: 'Gashi' });
      // Two flags a day: several cases fall due on the same day, so the cut falls inside a tie.
      await bulkPutCases(db, 2, { id: student, schoolId: kosovar.id }, { flaggedAt: `2026-11-0${1 + (index % 3)}` });
    }
    await bulkPutCases(db, 3, { id: newRecordId(), schoolId: kosovar.id }, { status: 'closed' });

    const everything = sortCases(await loadCaseSummaries(db), 'due');
    for (const size of [1, 3, 5, 8, 12]) {
      const head = await loadCaseListHead(db, size);
      expect(head?.rows).toEqual(everything.slice(0, size));
      expect(head?.total).toBe(15);
    }
  });

  it('gives nothing when too few cases have anything due to decide the first rows without reading all', async () => {
    await bulkPutCases(db, 2, { id: newRecordId(), schoolId: kosovar.id });
    await bulkPutCases(db, 5, { id: newRecordId(), schoolId: kosovar.id }, { status: 'closed' });
    expect(await loadCaseListHead(db, 3)).toBeNull();
    expect(await loadCaseListHead(db, 2)).not.toBeNull();
  });
});
