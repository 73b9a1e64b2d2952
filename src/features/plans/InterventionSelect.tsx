import { useTranslation } from 'react-i18next';
import { INTERVENTION_CATEGORIES, interventionType } from '../../domain/interventions.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';

interface InterventionSelectProps {
  profile: ProtocolProfile;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
}

/** The interventions of the case's protocol profile, grouped by category as the catalogue is. */
export function InterventionSelect({ profile, value, onValueChange, error }: InterventionSelectProps) {
  const { t } = useTranslation(['plans', 'casework']);
  const groups = INTERVENTION_CATEGORIES.map((category) => ({
    category,
    codes: profile.interventions.filter((code) => interventionType(code)?.category === category),
  })).filter((group) => group.codes.length > 0);
  return (
    <FieldFrame label={t('casework:planActionField.interventionType')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onValueChange(event.target.value)}>
          <option value="">{t('form.choose')}</option>
          {groups.map((group) => (
            <optgroup key={group.category} label={t(`casework:interventionCategory.${group.category}`)}>
              {group.codes.map((code) => (
                <option key={code} value={code}>
                  {t(`casework:intervention.${code}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
