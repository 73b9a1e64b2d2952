import { useTranslation } from 'react-i18next';
import type { WriteFailure } from '../../storage/writeFailure.ts';
import type { MapFieldErrors } from './useMapForm.ts';

interface FormProblemsProps {
  errors: MapFieldErrors;
  failure: WriteFailure | undefined;
  /** The fields the form shows: their errors stand next to them; any other is said here. */
  shown: readonly string[];
}

/** Why a save did not happen, above the form: how many fields to fix, or what no field can show. */
export function FormProblems({ errors, failure, shown }: FormProblemsProps) {
  const { t } = useTranslation(['map', 'common']);
  if (failure !== undefined) {
    return (
      <p className="form-summary" role="alert">
        {t(`common:errors.${failure}`)}
      </p>
    );
  }
  const marked = shown.filter((field) => errors[field] !== undefined);
  const elsewhere = Object.entries(errors).filter(([field, code]) => code !== undefined && !shown.includes(field));
  if (marked.length === 0 && elsewhere.length === 0) return null;
  return (
    <div className="form-summary" role="alert">
      {marked.length > 0 ? <p>{t('form.fixErrors', { count: marked.length })}</p> : null}
      {elsewhere.length > 0 ? <p>{t('form.notSaved')}</p> : null}
    </div>
  );
}
