import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TRIGGERS } from '../../domain/caseRecord.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import { displayName, type Language } from '../../domain/localizedName.ts';
import { showToast } from '../../state/toastStore.ts';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useStudentRights } from '../account/useWriteRights.ts';
import './cases.css';
import { useFlagContext } from './useFlagContext.ts';
import { useFlagForm } from './useFlagForm.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

type Summary = { kind: 'invalid'; count: number } | { kind: 'failed'; code: 'storageFull' | 'generic' } | null;

/**
 * Flag a concern about a student (PRODUCT F4): a new case starts as a flag,
 * unless one is already open. Offered only to a role that may open a case
 * for this student (a mentor only for the child of one of their cases).
 */
export function NewCasePage({ studentId }: { studentId: string }) {
  const { t, i18n } = useTranslation(['cases', 'casework', 'common', 'account']);
  const language = i18n.language as Language;
  const form = useFlagForm(studentId);
  const context = useFlagContext(studentId, form.caseId);
  const rights = useStudentRights(studentId);
  const [summary, setSummary] = useState<Summary>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = await form.save();
    if (outcome.status === 'saved') {
      showToast(t('flag.saved'));
      window.location.hash = `#/cases/${outcome.caseId}`;
    } else if (outcome.status === 'invalid') {
      setSummary({ kind: 'invalid', count: outcome.count });
      // Move focus to the first wrong field, so a screen reader and a thumb both land there.
      focusFirstInvalidNextFrame(formRef.current);
    } else if (outcome.code !== 'busy') {
      setSummary({ kind: 'failed', code: outcome.code });
    }
  }

  if (context === undefined || rights === undefined) return <p role="status">{t('common:loading')}</p>;
  if (context === null) {
    return (
      <section className="page" aria-labelledby="new-case-title">
        <h1 id="new-case-title">{t('flag.title')}</h1>
        <p>{t('flag.studentNotFound')}</p>
        <a href="#/students">{t('flag.toStudents')}</a>
      </section>
    );
  }

  const name = `${context.student.givenName} ${context.student.familyName}`;
  return (
    <section className="page" aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('flag.title')}</h1>
      <dl className="case-facts">
        <dt>{t('flag.student')}</dt>
        <dd>{name}</dd>
        <dt>{t('flag.school')}</dt>
        <dd>{context.school ? displayName(context.school.name, language) : t('list.unknownSchool')}</dd>
      </dl>
      {context.activeCase ? (
        <div className="case-panel" role="status">
          <p>{t('flag.existing', { name, status: t(`casework:status.${context.activeCase.status}`) })}</p>
          <a className="button button-primary" href={`#/cases/${context.activeCase.id}`}>
            {t('flag.toExisting')}
          </a>
        </div>
      ) : !rights?.flag ? (
        <p className="case-panel">{t('account:rights.flag')}</p>
      ) : (
        <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
          <p>{t('flag.intro')}</p>
          {summary ? (
            <p className="form-summary" role="alert">
              {summary.kind === 'invalid'
                ? t('flag.fixErrors', { count: summary.count })
                : t(`common:errors.${summary.code}`)}
            </p>
          ) : null}
          <ChoiceField
            label={t('casework:caseField.trigger')}
            name="trigger"
            value={form.trigger}
            options={CASE_TRIGGERS.map((trigger) => ({ value: trigger, label: t(`casework:trigger.${trigger}`) }))}
            onValueChange={form.setTrigger}
            error={form.errors.trigger ? t(`flag.${form.errors.trigger}`) : undefined}
          />
          <TextField
            label={t('flag.date')}
            type="date"
            max={localIsoDate(new Date())}
            value={form.date}
            onValueChange={form.setDate}
            error={form.errors.date ? t(`flag.${form.errors.date}`) : undefined}
          />
          {context.closedCaseId ? (
            <p>
              {t('flag.closedBefore')} <a href={`#/cases/${context.closedCaseId}`}>{t('flag.toClosed')}</a>
            </p>
          ) : null}
          <div className="form-actions">
            <a className="button" href={`#/students/${studentId}`}>
              {t('common:actions.cancel')}
            </a>
            <button type="submit" className="button-primary" disabled={form.isSaving}>
              {form.isSaving ? t('common:actions.saving') : t('flag.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
