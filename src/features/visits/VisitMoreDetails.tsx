import { useTranslation } from 'react-i18next';
import { CONSENT_STATUSES, STATED_REASONS, type ConsentStatus, type VisitError } from '../../domain/homeVisit.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { MultiChoiceField } from '../../ui/MultiChoiceField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AgreedActionsField } from './AgreedActionsField.tsx';
import { SafeguardingField } from './SafeguardingField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import type { VisitSectionProps } from './visitFormFields.ts';

interface VisitMoreDetailsProps extends VisitSectionProps {
  caseId: string;
  /** The code itself: the list points it at the row it concerns. */
  agreedActionsError: VisitError | undefined;
}

/** Everything a thorough note adds; hidden until asked for, so a quick note stays quick. */
export function VisitMoreDetails({ fields, setField, errorFor, caseId, agreedActionsError }: VisitMoreDetailsProps) {
  const { t } = useTranslation(['visits', 'casework']);
  const longText = (field: 'statedReasonsText' | 'observations' | 'childView' | 'strengths') => (
    <div data-field={field}>
      <TextAreaField
        label={t(`casework:visitField.${field}`)}
        value={fields[field]}
        error={errorFor(field)}
        onValueChange={(value) => setField(field, value)}
      />
    </div>
  );
  const shortText = (field: 'otherVisitors' | 'language') => (
    <div data-field={field}>
      <TextField
        label={t(`casework:visitField.${field}`)}
        value={fields[field]}
        error={errorFor(field)}
        autoComplete="off"
        onValueChange={(value) => setField(field, value)}
      />
    </div>
  );
  const time = (field: 'startTime' | 'endTime') => (
    <div data-field={field}>
      <TextField
        label={t(`casework:visitField.${field}`)}
        type="time"
        value={fields[field] ?? ''}
        error={errorFor(field)}
        onValueChange={(value) => setField(field, value === '' ? null : value)}
      />
    </div>
  );
  const flag = (field: 'interpreterOrMediator' | 'familyInformedOfDataUse' | 'parentAcknowledged') => (
    <div data-field={field}>
      <CheckboxField
        label={t(`casework:visitField.${field}`)}
        checked={fields[field]}
        onCheckedChange={(checked) => setField(field, checked)}
      />
    </div>
  );

  return (
    <>
      <div className="field-row">
        {time('startTime')}
        {time('endTime')}
      </div>
      {shortText('otherVisitors')}
      {shortText('language')}
      {flag('interpreterOrMediator')}
      <div data-field="statedReasons">
        <MultiChoiceField
          label={t('casework:visitField.statedReasons')}
          name="statedReasons"
          values={fields.statedReasons}
          error={errorFor('statedReasons')}
          options={STATED_REASONS.map((reason) => ({ value: reason, label: t(`casework:statedReason.${reason}`) }))}
          onValuesChange={(values) => setField('statedReasons', values)}
        />
      </div>
      {longText('statedReasonsText')}
      {longText('observations')}
      {longText('childView')}
      {longText('strengths')}
      <SafeguardingField
        caseId={caseId}
        concern={fields.safeguardingConcern}
        onConcernChange={(concern) => setField('safeguardingConcern', concern)}
      />
      <AgreedActionsField
        actions={fields.agreedActions}
        visitDate={fields.visitDate}
        error={agreedActionsError}
        onActionsChange={(actions) => setField('agreedActions', actions)}
      />
      {flag('familyInformedOfDataUse')}
      <div data-field="consent">
        <ChoiceField
          label={t('casework:visitField.consent')}
          name="consent"
          value={fields.consent}
          error={errorFor('consent')}
          options={CONSENT_STATUSES.map((status) => ({ value: status, label: t(`casework:consent.${status}`) }))}
          onValueChange={(value) => setField('consent', value as ConsentStatus)}
        />
      </div>
      {flag('parentAcknowledged')}
    </>
  );
}
