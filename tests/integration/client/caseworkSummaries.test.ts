import { beforeEach, describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { refreshVisitSummaries } from '../../../src/storage/caseworkSummaries.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import {
  KOSOVO,
  makeScreening,
  makeVisit,
  makeVisitInput,
  newId,
  USER_ID,
  wireFields,
} from '../../support/caseworkFixtures.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { changeOf, makeStudentFields, remoteHlc, seedSchool } from '../../support/clientFixtures.ts';

let studentId = '';
let caseId = '';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db);
  studentId = await createStudent(db, makeStudentFields({ schoolId: school.id }));
  caseId = await flagCaseOn(db, studentId);
});

describe('the visit summary of a case', () => {
  it('follows the latest note saved on the device, and a correction of it', async () => {
    const first = makeVisitInput(caseId, { visitDate: '2026-11-05', nextVisitDate: '2026-11-16' });
    await addHomeVisit(db, first);
    expect(await db.visitSummaries.get(caseId)).toEqual({
      caseId,
      latestVisitId: first.id,
      nextVisitDate: '2026-11-16',
    });

    const fix = makeVisitInput(caseId, {
      visitDate: '2026-11-05',
      nextVisitDate: '2026-11-19',
      correctionOf: first.id,
    });
    await addHomeVisit(db, fix);
    expect(await db.visitSummaries.get(caseId)).toMatchObject({ latestVisitId: fix.id, nextVisitDate: '2026-11-19' });
  });

  it('follows notes pulled from another device, in the same transaction as the notes', async () => {
    const pulled = makeVisit(caseId, { visitDate: '2026-11-20', nextVisitDate: null });
    await applyRemoteChanges(db, [changeOf('homeVisit', pulled.id, wireFields(pulled), remoteHlc(Date.now()))], 7);
    expect(await db.visitSummaries.get(caseId)).toEqual({ caseId, latestVisitId: pulled.id, nextVisitDate: null });
    expect(await db.meta.get('pullCursor')).toMatchObject({ value: 7 });
  });

  it('refreshes many cases at once: each from its own notes, and none for a case whose notes are gone', async () => {
    const otherCase = await flagCaseOn(db, studentId);
    const mine = makeVisit(caseId, { visitDate: '2026-11-20', nextVisitDate: '2026-12-01' });
    const theirs = makeVisit(otherCase, { visitDate: '2026-11-21', nextVisitDate: null });
    await applyRemoteChanges(
      db,
      [mine, theirs].map((visit) => changeOf('homeVisit', visit.id, wireFields(visit), remoteHlc(Date.now()))),
      9,
    );
    expect(await db.visitSummaries.bulkGet([caseId, otherCase])).toEqual([
      { caseId, latestVisitId: mine.id, nextVisitDate: '2026-12-01' },
      { caseId: otherCase, latestVisitId: theirs.id, nextVisitDate: null },
    ]);

    // As scope pruning leaves it: the notes of one case removed, then its summary refreshed.
    await db.transaction('rw', db.homeVisits, db.visitSummaries, async () => {
      await db.homeVisits.delete(theirs.id);
      await refreshVisitSummaries(db, [caseId, otherCase, otherCase]);
    });
    expect(await db.visitSummaries.toArray()).toEqual([
      { caseId, latestVisitId: mine.id, nextVisitDate: '2026-12-01' },
    ]);
  });
});

describe('the screening summary of a student', () => {
  it('keeps the last two levels, whether screened here or pulled', async () => {
    await addScreening(db, KOSOVO, {
      id: newId(),
      studentId,
      term: '2025-2026/2',
      screenedOn: '2026-03-02',
      screenedBy: USER_ID,
      values: { unjustifiedAbsences: 0 },
      protectiveFactors: [],
    });
    expect(await db.screeningSummaries.get(studentId)).toMatchObject({ latestLevel: 'low', previousLevel: null });

    const pulled = { ...makeScreening(studentId), screenedOn: '2026-11-02' };
    await applyRemoteChanges(db, [changeOf('screening', pulled.id, wireFields(pulled), remoteHlc(Date.now()))], 8);
    expect(await db.screeningSummaries.get(studentId)).toMatchObject({
      latestId: pulled.id,
      latestLevel: pulled.level,
      previousLevel: 'low',
    });
  });
});
