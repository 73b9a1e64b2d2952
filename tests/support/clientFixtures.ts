import { rebuildCaseIndex } from '../../src/storage/caseIndex.ts';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { LocalizedName } from '../../src/domain/localizedName.ts';
import type { StudentDraft, StudentFields } from '../../src/domain/student.ts';
import type { Change } from '../../src/sync/protocol.ts';
import { UraDatabase, type SchoolRecord } from '../../src/storage/UraDatabase.ts';
import { unlockedForTest } from './testDataKey.ts';

/** A UUIDv7 as `uuid` writes it (version nibble 7, RFC 4122 variant). */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An ISO date (YYYY-MM-DD) in the middle of the year, `years` before `today`'s year. */
export function birthDateYearsAgo(years: number, today = new Date()): string {
  return `${today.getUTCFullYear() - years}-06-15`;
}

/** A valid student, 10 years old, with any fields overridden. */
export function makeStudentFields(overrides: Partial<StudentFields> = {}): StudentFields {
  return {
    givenName: 'Marko',
    familyName: 'Jovanović',
    sex: 'male',
    dateOfBirth: birthDateYearsAgo(10),
    schoolId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    grade: 4,
    className: '4-2',
    community: '',
    rural: true,
    guardianName: 'Milica Jovanović',
    guardianPhone: '+381 64 123 4567',
    ...overrides,
  };
}

/** What the form would hold for `makeStudentFields()`, with any fields overridden. */
export function makeStudentDraft(overrides: Partial<StudentDraft> = {}): StudentDraft {
  const fields = makeStudentFields();
  return { ...fields, grade: String(fields.grade), ...overrides };
}

/** A database of its own, so tests never see each other's rows. Delete it after the test. */
export function freshDatabase(): UraDatabase {
  return unlockedForTest(new UraDatabase(`ura-test-${crypto.randomUUID()}`));
}

export function localizedName(latin: string, cyrillic = latin): LocalizedName {
  return { sq: latin, 'sr-Latn': latin, 'sr-Cyrl': cyrillic, en: latin };
}

/** Puts one school on the device, as a pull from the server would. */
export async function seedSchool(db: UraDatabase, overrides: Partial<SchoolRecord> = {}): Promise<SchoolRecord> {
  const school: SchoolRecord = {
    id: uuidv7(),
    name: localizedName('OŠ „Vuk Karadžić“', 'ОШ „Вук Караџић“'),
    municipalityId: uuidv7(),
    country: 'RS',
    hlcs: {},
    ...overrides,
  };
  await db.schools.add(school);
  // As a pull does: a school's arrival can change the profile of cases already on the device.
  await rebuildCaseIndex(db);
  return school;
}

/** A formatted HLC at `millis` from another device. */
export function remoteHlc(millis: number, counter = 0, node = 'ffffffffffffffff'): string {
  return formatHlc({ millis, counter, node });
}

/** A pulled change whose every field was written at `hlc`. */
export function changeOf(entity: Change['entity'], entityId: string, fields: object, hlc: string): Change {
  const values = { ...fields } as Record<string, unknown>;
  return {
    entity,
    entityId,
    fields: values,
    hlcs: Object.fromEntries(Object.keys(values).map((field) => [field, hlc])),
  };
}
