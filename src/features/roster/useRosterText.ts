import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../domain/roster/rosterCheck.ts';
import type { RowProblem } from '../../domain/roster/rosterDraft.ts';
import type { StudentDraft, StudentFields } from '../../domain/student.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/**
 * The preview's sentences in the reader's language: a row's problems, named
 * by row number and field (the student form's own messages where the rule is
 * the form's), a duplicate, and a student as it will be saved.
 */
export function useRosterText(schoolName: string) {
  const { t, i18n } = useTranslation(['roster', 'students']);
  const language = i18n.language;
  const dateOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatIsoDate(iso, language) : iso);
  const nameOf = (draft: StudentDraft | StudentFields) => `${draft.givenName} ${draft.familyName}`.trim();

  function problemText(problem: RowProblem): string {
    const field = t(`roster:field.${problem.field}`);
    const value = problem.value ?? '';
    switch (problem.code) {
      case 'unknownSchool':
        return t('roster:problem.unknownSchool', { field, value, school: schoolName });
      case 'outsideClass':
        return t('roster:problem.outsideClass');
      case 'unrecognised':
        return t('roster:problem.unrecognised', { field, value });
      default:
        return t(`students:validation.${problem.code as 'invalid'}`, { field });
    }
  }

  return {
    rowProblems: (row: RosterRow) =>
      t('roster:rowProblem', { row: row.rowNumber, messages: row.problems.map(problemText).join(' ') }),
    duplicate: (row: RosterRow) => {
      const values = { row: row.rowNumber, name: nameOf(row.draft), date: dateOf(row.draft.dateOfBirth) };
      return row.duplicate?.of === 'row'
        ? t('roster:preview.sameAsRow', { ...values, other: row.duplicate.rowNumber })
        : t('roster:preview.onDevice', values);
    },
    name: nameOf,
    detail: (student: StudentFields) => {
      const values = { sex: t(`students:sex.${student.sex}`), date: dateOf(student.dateOfBirth), grade: student.grade };
      return student.className === ''
        ? t('roster:preview.detail', values)
        : t('roster:preview.detailClass', { ...values, className: student.className });
    },
  };
}
