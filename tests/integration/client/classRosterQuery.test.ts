import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreeningValues } from '../../../src/domain/riskScreening.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { classesOfSchool, classRoster } from '../../../src/storage/classRosterQuery.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { KOSOVO, makeCaseRecord, USER_ID } from '../../support/caseworkFixtures.ts';
import { freshDatabase, makeStudentFields, seedSchool } from '../../support/clientFixtures.ts';

const TERM = '2026-2027/1';
let db: UraDatabase;
let schoolId: string;

beforeEach(async () => {
  db = freshDatabase();
  schoolId = (await seedSchool(db, { country: 'XK' })).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function student(familyName: string, grade = 4, className = '4-2', school = schoolId): Promise<string> {
  return createStudent(db, makeStudentFields({ givenName: 'Ana', familyName, grade, className, schoolId: school }));
}

async function screen(studentId: string, term: string, screenedOn: string, values: ScreeningValues): Promise<string> {
  const id = newRecordId();
  await addScreening(db, KOSOVO, {
    id,
    studentId,
    term,
    screenedOn,
    screenedBy: USER_ID,
    values,
    protectiveFactors: [],
  });
  return id;
}

describe('classesOfSchool', () => {
  it('lists each grade and class of the school once, with its size, in grade then class order', async () => {
    await student('Berisha', 5, '5-1');
    await student('Gashi', 4, '4-10');
    await student('Hoxha', 4, '4-2');
    await student('Krasniqi', 4, '4-2');
    await student('Other', 4, '4-2', (await seedSchool(db)).id);

    expect(await classesOfSchool(db, schoolId)).toEqual([
      { grade: 4, className: '4-2', size: 2 },
      { grade: 4, className: '4-10', size: 1 },
      { grade: 5, className: '5-1', size: 1 },
    ]);
  });
});

describe('classRoster', () => {
  it('lists only the class, by family name, with this term’s screening, the one before it and any active case', async () => {
    const krasniqi = await student('Krasniqi');
    const berisha = await student('Berisha');
    const gashi = await student('Gashi');
    await student('Elsewhere', 4, '4-1');

    const earlier = await screen(krasniqi, '2025-2026/2', '2026-03-10', { unjustifiedAbsences: 3 });
    const now = await screen(krasniqi, TERM, '2026-11-02', { unjustifiedAbsences: 14 });
    const onlyEarlier = await screen(gashi, '2025-2026/2', '2026-03-11', { unjustifiedAbsences: 0 });
    const activeCase = newRecordId();
    await createCase(db, { id: activeCase, studentId: krasniqi, trigger: 'screening', at: '2026-11-02' });
    await db.cases.add({ ...makeCaseRecord(berisha, schoolId, { status: 'closed' }), hlcs: {} });

    const roster = await classRoster(db, { schoolId, grade: 4, className: '4-2' }, TERM);

    expect(roster.map((entry) => entry.student.familyName)).toEqual(['Berisha', 'Gashi', 'Krasniqi']);
    const [first, second, third] = roster;
    expect(first).toMatchObject({ termScreening: undefined, previousScreening: undefined, activeCaseId: undefined });
    expect(second?.termScreening).toBeUndefined();
    expect(second?.previousScreening?.id).toBe(onlyEarlier);
    expect(second?.latestScreening?.id).toBe(onlyEarlier);
    expect(third?.termScreening).toMatchObject({ id: now, level: 'medium' });
    expect(third?.previousScreening).toMatchObject({ id: earlier, level: 'low' });
    expect(third?.latestScreening?.id).toBe(now);
    expect(third?.activeCaseId).toBe(activeCase);
  });

  it('takes the latest of two screenings in the same term (a re-screening)', async () => {
    const id = await student('Krasniqi');
    const first = await screen(id, TERM, '2026-10-01', { unjustifiedAbsences: 2 });
    const second = await screen(id, TERM, '2026-11-20', { unjustifiedAbsences: 25 });

    const [entry] = await classRoster(db, { schoolId, grade: 4, className: '4-2' }, TERM);

    expect(entry?.termScreening?.id).toBe(second);
    expect(entry?.previousScreening?.id).toBe(first);
  });

  it('reads screenings and cases once for the whole class, not once per student', async () => {
    for (let index = 0; index < 25; index += 1) await student(`Student${String(index).padStart(2, '0')}`);
    const screeningReads = vi.spyOn(db.screenings, 'where');
    const caseReads = vi.spyOn(db.cases, 'where');

    const roster = await classRoster(db, { schoolId, grade: 4, className: '4-2' }, TERM);

    expect(roster).toHaveLength(25);
    expect(screeningReads).toHaveBeenCalledTimes(1);
    expect(caseReads).toHaveBeenCalledTimes(1);
  });

  it('returns an empty roster for a class with no students', async () => {
    expect(await classRoster(db, { schoolId, grade: 9, className: '' }, TERM)).toEqual([]);
  });
});
