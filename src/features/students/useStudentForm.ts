import { useRef, useState } from 'react';
import {
  EMPTY_STUDENT_DRAFT,
  type FieldErrors,
  type StudentDraft,
  type StudentField,
  type StudentFields,
} from '../../domain/student.ts';
import { validateStudentDraft } from '../../domain/studentValidation.ts';
import { db } from '../../storage/database.ts';
import { createStudent, updateStudent } from '../../storage/studentRepository.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type SaveOutcome =
  | { status: 'saved'; id: string }
  | { status: 'invalid'; count: number }
  | { status: 'notAllowed' }
  | { status: 'failed'; code: string };

/**
 * Turns a valid student into what is stored, or null when the signed-in role
 * may not store it there (the server would refuse it as `forbidden`).
 */
export type PrepareStudent = (value: StudentFields) => StudentFields | null;

/**
 * Form state for registering or editing a student. The draft is only ever
 * replaced by the user's own typing: a failed save keeps every character.
 * `prepare` has the last word before anything is written.
 */
export function useStudentForm(
  initial: StudentDraft = EMPTY_STUDENT_DRAFT,
  studentId?: string,
  prepare: PrepareStudent = (value) => value,
) {
  const [draft, setDraft] = useState<StudentDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors<StudentField>>({});
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  function setField<K extends keyof StudentDraft>(field: K, value: StudentDraft[K]): void {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }

  async function save(): Promise<SaveOutcome> {
    if (inFlight.current) return { status: 'failed', code: 'busy' };
    const result = validateStudentDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return { status: 'invalid', count: Object.keys(result.errors).length };
    }
    const value = prepare(result.value);
    if (value === null) return { status: 'notAllowed' };
    inFlight.current = true;
    setIsSaving(true);
    try {
      const id = studentId ?? (await createStudent(db, value));
      if (studentId) await updateStudent(db, studentId, value);
      afterLocalWrite();
      return { status: 'saved', id };
    } catch (error) {
      const code = writeFailureOf(error);
      return { status: 'failed', code };
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { draft, errors, isSaving, setField, save };
}
