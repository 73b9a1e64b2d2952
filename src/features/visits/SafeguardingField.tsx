import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../ui/ChoiceField.tsx';

interface SafeguardingFieldProps {
  caseId: string;
  concern: boolean;
  onConcernChange: (concern: boolean) => void;
}

/**
 * Yes or no only: the details of a safeguarding concern never go into the
 * note (domain.md §4) but into a referral to the centre for social work.
 */
export function SafeguardingField({ caseId, concern, onConcernChange }: SafeguardingFieldProps) {
  const { t } = useTranslation(['visits', 'casework']);
  return (
    <div data-field="safeguardingConcern">
      <ChoiceField
        label={t('casework:visitField.safeguardingConcern')}
        name="safeguardingConcern"
        value={concern ? 'yes' : 'no'}
        options={[
          { value: 'no', label: t('visits:no') },
          { value: 'yes', label: t('visits:yes') },
        ]}
        onValueChange={(value) => onConcernChange(value === 'yes')}
      />
      {concern ? (
        <div className="visit-notice" role="note">
          <p>{t('visits:safeguarding.notice')}</p>
          <a className="button" href={`#/cases/${caseId}/refer`}>
            {t('visits:safeguarding.refer')}
          </a>
        </div>
      ) : null}
    </div>
  );
}
