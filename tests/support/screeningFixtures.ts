import { localIsoDate } from '../../src/domain/dueDates.ts';
import type { ScreeningValues } from '../../src/domain/riskScreening.ts';
import { termForDate } from '../../src/domain/schoolTerm.ts';
import { loadNamespace, setupI18n } from '../../src/i18n/setupI18n.ts';
import { newRecordId } from '../../src/storage/recordWrites.ts';
import { addScreening } from '../../src/storage/screeningRepository.ts';
import { createStudent } from '../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import { KOSOVO, USER_ID } from './caseworkFixtures.ts';
import { makeStudentFields } from './clientFixtures.ts';

/** The term the class screening page starts with today. */
export const CURRENT_TERM = termForDate(localIsoDate(new Date()));

/** English plus the lazily loaded casework and screening strings, as lazyScreens.ts loads them. */
export async function setupScreeningI18n(): Promise<void> {
  await setupI18n('en');
  await loadNamespace('casework');
  await loadNamespace('screening');
}

/** Registers `count` students in grade 4, class 4-2 of the school, named Given01 Family01, Given02 Family02… */
export async function seedClass(db: UraDatabase, schoolId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const number = String(index).padStart(2, '0');
    ids.push(
      await createStudent(
        db,
        makeStudentFields({ givenName: `Given${number}`, familyName: `Family${number}`, schoolId, className: '4-2' }),
      ),
    );
  }
  return ids;
}

/** Stores a Kosovo-profile screening for the student, as the form would. */
export async function seedScreening(
  db: UraDatabase,
  studentId: string,
  values: ScreeningValues,
  when: { term?: string; screenedOn?: string } = {},
): Promise<string> {
  const id = newRecordId();
  await addScreening(db, KOSOVO, {
    id,
    studentId,
    term: when.term ?? CURRENT_TERM,
    screenedOn: when.screenedOn ?? localIsoDate(new Date()),
    screenedBy: USER_ID,
    values,
    protectiveFactors: [],
  });
  return id;
}
