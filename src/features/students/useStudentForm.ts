import { useRef, useState } from 'react';
import { EMPTY_STUDENT_DRAFT, type FieldErrors, type StudentDraft, type StudentField } from '../../domain/student.ts';
import { validateStudentDraft } from '../../domain/studentValidation.ts';
import { db } from '../../storage/database.ts';
import { createStudent, updateStudent } from '../../storage/studentRepository.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type SaveOutcome =
  { status: 'saved'; id: string } | { status: 'invalid'; count: number } | { status: 'failed'; code: string };

/**
 * Form state for registering or editing a student. The draft is only ever
 * replaced by the user's own typing: a failed save keeps every character.
 */
export function useStudentForm(initial: StudentDraft = EMPTY_STUDENT_DRAFT, studentId?: string) {
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
    inFlight.current = true;
    setIsSaving(true);
    try {
      const id = studentId ?? (await createStudent(db, result.value));
      if (studentId) await updateStudent(db, studentId, result.value);
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
