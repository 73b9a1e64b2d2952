import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeVisitField } from '../../domain/homeVisit.ts';
import type { VisitErrors } from '../../domain/homeVisitValidation.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { HomeVisitRow } from '../../storage/caseworkRecords.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { showToast } from '../../state/toastStore.ts';
import type { VisitCaseSummary } from './useVisitCase.ts';
import { useVisitForm } from './useVisitForm.ts';
import { VisitCaseHeader } from './VisitCaseHeader.tsx';
import { VisitEssentials } from './VisitEssentials.tsx';
import {
  correctionFields,
  DETAIL_FIELDS,
  ESSENTIAL_FIELDS,
  newVisitFields,
  restoredDraft,
  type VisitDraft,
} from './visitFormFields.ts';
import { VisitMoreDetails } from './VisitMoreDetails.tsx';

interface VisitFormProps {
  caseId: string;
  draftKey: string;
  summary: VisitCaseSummary;
  /** The note being corrected, or null for a new note. */
  original: HomeVisitRow | null;
  storedDraft: unknown;
}

/** The control to focus for a wrong field: the marked input, else the chosen option, else the first control. */
function focusField(form: HTMLFormElement | null, field: HomeVisitField): void {
  const box = form?.querySelector(`[data-field="${field}"]`);
  const target =
    box?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    box?.querySelector<HTMLElement>('input:checked') ??
    box?.querySelector<HTMLElement>('input, textarea, select');
  target?.focus();
}

export function VisitForm({ caseId, draftKey, summary, original, storedDraft }: VisitFormProps) {
  const { t, i18n } = useTranslation(['visits', 'casework', 'common']);
  const [initial] = useState<VisitDraft>(() => {
    const now = new Date();
    return { id: newRecordId(), fields: original ? correctionFields(original, now) : newVisitFields(caseId, now) };
  });
  const [restored] = useState(() => restoredDraft(storedDraft, initial.fields));
  const form = useVisitForm({ draftKey, initial, restored });
  // A correction usually concerns the details, so they start open there.
  const [detailsOpen, setDetailsOpen] = useState(original !== null);
  const [summaryText, setSummaryText] = useState<string>();
  const [focusRequest, setFocusRequest] = useState<{ field: HomeVisitField }>();
  const formRef = useRef<HTMLFormElement>(null);
  const detailsId = useId();

  // After the render that shows the errors (and opens "More details" if needed), move focus to the first one.
  useEffect(() => {
    if (focusRequest) focusField(formRef.current, focusRequest.field);
  }, [focusRequest]);

  function showErrors(errors: VisitErrors): void {
    setSummaryText(t('visits:fixErrors', { count: Object.keys(errors).length }));
    const first = [...ESSENTIAL_FIELDS, ...DETAIL_FIELDS].find((field) => errors[field] !== undefined);
    if (first === undefined) return;
    if (DETAIL_FIELDS.includes(first)) setDetailsOpen(true);
    // A new object each time, so a second failed save focuses again.
    setFocusRequest({ field: first });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const outcome = await form.save();
    if (outcome.status === 'saved') {
      showToast(t('visits:saved'));
      window.location.hash = `#/cases/${caseId}`;
    } else if (outcome.status === 'invalid') {
      showErrors(outcome.errors);
    } else if (outcome.status === 'failed') {
      setSummaryText(t(`common:errors.${outcome.code}`));
    }
  }

  const errorFor = (field: HomeVisitField): string | undefined => {
    const code = form.errors[field];
    return code ? t(`casework:visitError.${code}`) : undefined;
  };
  const sections = { fields: form.fields, setField: form.setField, errorFor };

  return (
    <section className="page visit-page" aria-labelledby="visit-title">
      <h1 id="visit-title">{original ? t('visits:correctionTitle') : t('visits:title')}</h1>
      <VisitCaseHeader summary={summary} />
      {original ? (
        <p className="visit-correcting">
          {t('visits:correcting', { date: formatIsoDate(original.visitDate, i18n.language) })}
        </p>
      ) : null}
      {form.draftRestored ? (
        <div className="visit-notice" role="status">
          <p>{t('visits:draft.restored')}</p>
          <button type="button" onClick={() => void form.discardDraft().then(() => setSummaryText(undefined))}>
            {t('visits:draft.discard')}
          </button>
        </div>
      ) : null}
      <form ref={formRef} className="visit-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {summaryText ? (
          <p className="form-summary" role="alert">
            {summaryText}
          </p>
        ) : null}
        <VisitEssentials {...sections} />
        <button
          type="button"
          className="visit-more"
          aria-expanded={detailsOpen}
          aria-controls={detailsId}
          onClick={() => setDetailsOpen((open) => !open)}
        >
          {t('visits:moreDetails')}
        </button>
        <div id={detailsId} hidden={!detailsOpen}>
          {detailsOpen ? (
            <VisitMoreDetails {...sections} caseId={caseId} agreedActionsError={form.errors.agreedActions} />
          ) : null}
        </div>
        <div className="visit-save-bar">
          <a className="button" href={`#/cases/${caseId}`}>
            {t('common:actions.cancel')}
          </a>
          <button type="submit" className="button button-primary" disabled={form.isSaving}>
            {form.isSaving ? t('common:actions.saving') : t('common:actions.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
