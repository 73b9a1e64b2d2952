/**
 * A student as Ura records them (PRODUCT F2). Names keep their diacritics and
 * script exactly as typed; search folds them (see searchText.ts).
 * `community` is special-category data under both countries' laws: optional,
 * and never required to register a child.
 */
export const SEXES = ['female', 'male'] as const;
export const COMMUNITIES = [
  'albanian',
  'serb',
  'roma',
  'ashkali',
  'egyptian',
  'bosniak',
  'turkish',
  'gorani',
  'other',
] as const;

/** Children in Ura's programmes are between 3 (preschool) and 25 (late secondary). */
export const MIN_AGE_YEARS = 3;
export const MAX_AGE_YEARS = 25;
export const MAX_NAME_LENGTH = 100;
export const MAX_GRADE = 13;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fields of a student record, as stored and as carried by sync. */
export interface StudentFields {
  givenName: string;
  familyName: string;
  sex: Sex;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  schoolId: string;
  grade: number;
  className: string;
  /** Special-category data: '' when not recorded. */
  community: Community | '';
  rural: boolean;
  guardianName: string;
  guardianPhone: string;
}

export type Sex = (typeof SEXES)[number];
export type Community = (typeof COMMUNITIES)[number];
export type StudentField = keyof StudentFields;
export const STUDENT_FIELDS: readonly StudentField[] = [
  'givenName',
  'familyName',
  'sex',
  'dateOfBirth',
  'schoolId',
  'grade',
  'className',
  'community',
  'rural',
  'guardianName',
  'guardianPhone',
];

export interface Student extends StudentFields {
  id: string;
}

/** What the form holds while someone types: every value as text or a flag. */
export interface StudentDraft {
  givenName: string;
  familyName: string;
  sex: string;
  dateOfBirth: string;
  schoolId: string;
  grade: string;
  className: string;
  community: string;
  rural: boolean;
  guardianName: string;
  guardianPhone: string;
}

export const EMPTY_STUDENT_DRAFT: StudentDraft = {
  givenName: '',
  familyName: '',
  sex: '',
  dateOfBirth: '',
  schoolId: '',
  grade: '',
  className: '',
  community: '',
  rural: false,
  guardianName: '',
  guardianPhone: '',
};

/** An error code per field; codes are translated by the screens (`validation.<code>`). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The draft a form starts from when editing an existing student. Only the
 * student's own fields: a stored record also carries its id, stamps and search
 * key, and validation refuses any field it does not know.
 */
export function draftFromStudent(student: StudentFields): StudentDraft {
  const fields = Object.fromEntries(STUDENT_FIELDS.map((field) => [field, student[field]])) as unknown as StudentFields;
  return { ...fields, grade: String(student.grade) };
}

/** Only the fields whose value differs: an edit syncs as a field-level change. */
export function changedFields(before: StudentFields, after: StudentFields): Partial<StudentFields> {
  const changes: Partial<Record<StudentField, unknown>> = {};
  for (const field of STUDENT_FIELDS) {
    if (before[field] !== after[field]) changes[field] = after[field];
  }
  return changes as Partial<StudentFields>;
}
