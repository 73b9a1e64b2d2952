import { isIsoDate } from '../../domain/dueDates.ts';
import type { ScreeningError } from '../../domain/riskScreening.ts';
import { isSchoolTerm } from '../../domain/schoolTerm.ts';
import type { ClassSession } from './classSession.ts';

/** What the class chooser holds while the teacher picks: every value as the select or input has it. */
export interface ClassChoiceDraft {
  schoolId: string;
  grade: string;
  /** CLASS_NONE stands for "no class name", since an empty select value means "not chosen". */
  classValue: string;
  term: string;
  screenedOn: string;
}

export type ClassChoiceErrors = Partial<Record<keyof ClassChoiceDraft, ScreeningError>>;

export const CLASS_NONE = '\u0000none';

export function classValueOf(className: string): string {
  return className === '' ? CLASS_NONE : className;
}

/** Checks the choice with the screening rules (term pattern, real date, not in the future). */
export function validateClassChoice(
  draft: ClassChoiceDraft,
  today: string,
): { ok: true; session: ClassSession } | { ok: false; errors: ClassChoiceErrors } {
  const errors: ClassChoiceErrors = {};
  if (draft.schoolId === '') errors.schoolId = 'required';
  if (draft.grade === '') errors.grade = 'required';
  if (draft.classValue === '') errors.classValue = 'required';
  if (draft.term.trim() === '') errors.term = 'required';
  else if (!isSchoolTerm(draft.term)) errors.term = 'invalidTerm';
  if (draft.screenedOn === '') errors.screenedOn = 'required';
  else if (!isIsoDate(draft.screenedOn)) errors.screenedOn = 'invalidDate';
  else if (draft.screenedOn > today) errors.screenedOn = 'dateInFuture';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    session: {
      schoolId: draft.schoolId,
      grade: Number(draft.grade),
      className: draft.classValue === CLASS_NONE ? '' : draft.classValue,
      term: draft.term.trim(),
      screenedOn: draft.screenedOn,
    },
  };
}
