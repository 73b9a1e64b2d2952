import { z } from 'zod';
import {
  ID_PATTERN,
  ISO_DATE,
  MAX_AGE_YEARS,
  MAX_GRADE,
  MAX_NAME_LENGTH,
  MIN_AGE_YEARS,
  COMMUNITIES,
  PHONE,
  SEXES,
  type FieldErrors,
  type StudentDraft,
  type StudentField,
  type StudentFields,
} from './student.ts';

/**
 * Validation of student records, shared by the form and the server. Kept apart
 * from student.ts so zod loads only with the screens that validate.
 * Each message is an error code that the screens translate (`validation.<code>`).
 */
/**
 * No control characters (line breaks, tabs, NUL, escapes): nobody types them in
 * a name, and a pasted or forged one would break lists, exports and the
 * search key. Checked after trim, so a pasted trailing newline is just removed.
 */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const name = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_NAME_LENGTH, 'tooLong')
  .regex(NO_CONTROL_CHARACTERS, 'invalidCharacters');
const optionalText = z
  .string()
  .trim()
  .max(MAX_NAME_LENGTH, 'tooLong')
  .regex(NO_CONTROL_CHARACTERS, 'invalidCharacters');

export const studentFieldsSchema = z.strictObject({
  givenName: name,
  familyName: name,
  sex: z.enum(SEXES, 'invalidChoice'),
  dateOfBirth: z.string().regex(ISO_DATE, 'invalidDate').refine(isRealDate, 'invalidDate'),
  schoolId: z.string().regex(ID_PATTERN, 'required'),
  grade: z.number().int('outOfRange').min(0, 'outOfRange').max(MAX_GRADE, 'outOfRange'),
  className: z.string().trim().max(20, 'tooLong').regex(NO_CONTROL_CHARACTERS, 'invalidCharacters'),
  community: z.union([z.enum(COMMUNITIES, 'invalidChoice'), z.literal('')]),
  rural: z.boolean(),
  guardianName: optionalText,
  guardianPhone: z.union([z.string().trim().regex(PHONE, 'invalidPhone'), z.literal('')]),
});

// Compile-time check that the schema and the StudentFields interface agree.
const schemaMatchesInterface: z.infer<typeof studentFieldsSchema> extends StudentFields
  ? StudentFields extends z.infer<typeof studentFieldsSchema>
    ? true
    : false
  : false = true;
void schemaMatchesInterface;

export type StudentValidation = { ok: true; value: StudentFields } | { ok: false; errors: FieldErrors<StudentField> };

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function ageCheck(dateOfBirth: string, today: Date): string | undefined {
  const born = new Date(`${dateOfBirth}T00:00:00Z`);
  if (born.getTime() > today.getTime()) return 'dateInFuture';
  const years = (today.getTime() - born.getTime()) / (365.25 * 24 * 3600 * 1000);
  if (years < MIN_AGE_YEARS || years > MAX_AGE_YEARS) return 'implausibleAge';
  return undefined;
}

/** Turns what was typed into a student, or names every field that is wrong and why. */
export function validateStudentDraft(draft: StudentDraft, today = new Date()): StudentValidation {
  const candidate = {
    ...draft,
    grade: draft.grade.trim() === '' ? Number.NaN : Number(draft.grade),
  };
  const errors: FieldErrors<StudentField> = {};
  if (draft.sex === '') errors.sex = 'required';
  if (draft.dateOfBirth.trim() === '') errors.dateOfBirth = 'required';
  if (draft.grade.trim() === '') errors.grade = 'required';
  // "four" or "5a" gets the message that says what a grade must be.
  else if (Number.isNaN(candidate.grade)) errors.grade = 'outOfRange';
  const parsed = studentFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as StudentField;
      errors[field] ??= codeOf(issue.message);
    }
  }
  // Judge the age whenever the date itself is valid, so it is reported alongside other fields' errors.
  if (errors.dateOfBirth === undefined) {
    const age = ageCheck(draft.dateOfBirth, today);
    if (age) errors.dateOfBirth = age;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

const KNOWN_CODES = new Set([
  'required',
  'tooLong',
  'invalidDate',
  'invalidChoice',
  'outOfRange',
  'invalidPhone',
  'invalidCharacters',
]);

function codeOf(message: string): string {
  return KNOWN_CODES.has(message) ? message : 'invalid';
}
