import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_STUDENT_DRAFT, type StudentDraft } from '../../../src/domain/student.ts';
import { validateStudentDraft } from '../../../src/domain/studentValidation.ts';
import { makeStudentDraft, makeStudentFields } from '../../support/clientFixtures.ts';

const TODAY = new Date('2026-03-01T12:00:00Z');
const validDraft = (overrides: Partial<StudentDraft> = {}) =>
  makeStudentDraft({ dateOfBirth: '2016-05-20', ...overrides });

function errorsOf(draft: StudentDraft): Record<string, string | undefined> {
  const result = validateStudentDraft(draft, TODAY);
  if (result.ok) throw new Error('expected the draft to be invalid');
  return result.errors;
}

describe('validateStudentDraft', () => {
  it('accepts a valid draft, converting the grade to a number and trimming text', () => {
    const result = validateStudentDraft(validDraft({ grade: ' 4 ', givenName: '  Marko ' }), TODAY);
    expect(result).toEqual({
      ok: true,
      value: makeStudentFields({ dateOfBirth: '2016-05-20', grade: 4, givenName: 'Marko' }),
    });
  });

  it('accepts an optional phone, guardian and community left empty', () => {
    const result = validateStudentDraft(validDraft({ guardianPhone: '', guardianName: '', community: '' }), TODAY);
    expect(result.ok).toBe(true);
  });

  it('requires both names, also when only spaces were typed', () => {
    expect(errorsOf(validDraft({ givenName: '', familyName: '   ' }))).toEqual({
      givenName: 'required',
      familyName: 'required',
    });
  });

  it('refuses control characters in names and texts, but trims a pasted trailing line break', () => {
    expect(
      errorsOf(validDraft({ givenName: 'Ar\u0000ta', guardianName: 'Shpresa\u001b[2J', className: '5\n1' })),
    ).toEqual({
      givenName: 'invalidCharacters',
      guardianName: 'invalidCharacters',
      className: 'invalidCharacters',
    });
    const pasted = validateStudentDraft(validDraft({ familyName: 'Gashi\n' }), TODAY);
    expect(pasted.ok && pasted.value.familyName).toBe('Gashi');
    const accented = validateStudentDraft(validDraft({ givenName: 'Đorđe Ëndrit Јована' }), TODAY);
    expect(accented.ok).toBe(true);
  });

  it('rejects names and texts that are too long', () => {
    expect(errorsOf(validDraft({ givenName: 'a'.repeat(101) }))).toEqual({ givenName: 'tooLong' });
    expect(errorsOf(validDraft({ guardianName: 'a'.repeat(101) }))).toEqual({ guardianName: 'tooLong' });
    expect(errorsOf(validDraft({ className: 'x'.repeat(21) }))).toEqual({ className: 'tooLong' });
    expect(validateStudentDraft(validDraft({ givenName: 'a'.repeat(100) }), TODAY).ok).toBe(true);
  });

  it('requires a date of birth and rejects dates that do not exist', () => {
    expect(errorsOf(validDraft({ dateOfBirth: '' }))).toEqual({ dateOfBirth: 'required' });
    expect(errorsOf(validDraft({ dateOfBirth: '2015-02-30' }))).toEqual({ dateOfBirth: 'invalidDate' });
    expect(errorsOf(validDraft({ dateOfBirth: '15.05.2016' }))).toEqual({ dateOfBirth: 'invalidDate' });
  });

  it('rejects a date of birth in the future', () => {
    expect(errorsOf(validDraft({ dateOfBirth: '2026-03-02' }))).toEqual({ dateOfBirth: 'dateInFuture' });
  });

  it('rejects an implausible age for a pupil', () => {
    expect(errorsOf(validDraft({ dateOfBirth: '2024-03-01' }))).toEqual({ dateOfBirth: 'implausibleAge' });
    expect(errorsOf(validDraft({ dateOfBirth: '1996-03-01' }))).toEqual({ dateOfBirth: 'implausibleAge' });
    expect(validateStudentDraft(validDraft({ dateOfBirth: '2022-09-01' }), TODAY).ok).toBe(true);
    expect(validateStudentDraft(validDraft({ dateOfBirth: '2001-06-01' }), TODAY).ok).toBe(true);
  });

  it('requires a grade that is a whole number from 0 to 13', () => {
    expect(errorsOf(validDraft({ grade: '' }))).toEqual({ grade: 'required' });
    expect(errorsOf(validDraft({ grade: '14' }))).toEqual({ grade: 'outOfRange' });
    expect(errorsOf(validDraft({ grade: '-1' }))).toEqual({ grade: 'outOfRange' });
    expect(errorsOf(validDraft({ grade: '2.5' }))).toEqual({ grade: 'outOfRange' });
    expect(errorsOf(validDraft({ grade: 'four' }))).toEqual({ grade: 'outOfRange' });
    expect(validateStudentDraft(validDraft({ grade: '0' }), TODAY).ok).toBe(true);
    expect(validateStudentDraft(validDraft({ grade: '13' }), TODAY).ok).toBe(true);
  });

  it('rejects a phone number that is not one', () => {
    expect(errorsOf(validDraft({ guardianPhone: 'call me' }))).toEqual({ guardianPhone: 'invalidPhone' });
    expect(errorsOf(validDraft({ guardianPhone: '12' }))).toEqual({ guardianPhone: 'invalidPhone' });
    expect(validateStudentDraft(validDraft({ guardianPhone: '+383 44 123 456' }), TODAY).ok).toBe(true);
  });

  it('requires a sex and a known one', () => {
    expect(errorsOf(validDraft({ sex: '' }))).toEqual({ sex: 'required' });
    expect(errorsOf(validDraft({ sex: 'unknown' }))).toEqual({ sex: 'invalidChoice' });
  });

  it('requires a school', () => {
    expect(errorsOf(validDraft({ schoolId: '' }))).toEqual({ schoolId: 'required' });
  });

  it('reports every wrong field of an empty draft at once', () => {
    expect(errorsOf(EMPTY_STUDENT_DRAFT)).toEqual({
      givenName: 'required',
      familyName: 'required',
      sex: 'required',
      dateOfBirth: 'required',
      schoolId: 'required',
      grade: 'required',
    });
  });

  it('reports an implausible age together with other fields’ errors', () => {
    expect(errorsOf(validDraft({ givenName: '', grade: '20', dateOfBirth: '1990-01-01' }))).toEqual({
      givenName: 'required',
      grade: 'outOfRange',
      dateOfBirth: 'implausibleAge',
    });
  });
});

describe('changedFields', () => {
  it('returns only the fields whose value differs', () => {
    const before = makeStudentFields();
    const after = { ...before, familyName: 'Petrović', grade: 5, rural: false };
    expect(changedFields(before, after)).toEqual({ familyName: 'Petrović', grade: 5, rural: false });
  });

  it('returns nothing when nothing changed', () => {
    expect(changedFields(makeStudentFields(), makeStudentFields())).toEqual({});
  });
});
