import { useTranslation } from 'react-i18next';
import type { IndicatorDefinition, ProtocolProfile } from '../../domain/protocolProfile.ts';
import type { IndicatorDomain, ProtectiveFactor } from '../../domain/riskIndicators.ts';
import type { ScreeningErrors } from '../../domain/screeningValidation.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { CountInput } from './CountInput.tsx';
import type { SheetDraft } from './useScreeningSheet.ts';

interface IndicatorFieldsProps {
  profile: ProtocolProfile;
  draft: SheetDraft;
  errors: ScreeningErrors;
  onValueChange: (code: string, value: string | boolean) => void;
  onFactorChange: (factor: ProtectiveFactor, present: boolean) => void;
}

/** The profile's indicators in its own order, grouped by domain. */
function byDomain(profile: ProtocolProfile): [IndicatorDomain, IndicatorDefinition[]][] {
  const groups = new Map<IndicatorDomain, IndicatorDefinition[]>();
  for (const indicator of profile.indicators)
    groups.set(indicator.domain, [...(groups.get(indicator.domain) ?? []), indicator]);
  return [...groups.entries()];
}

/** Counts as compact numbers, yes/no indicators as checkboxes, and the protective factors folded away. */
export function IndicatorFields({ profile, draft, errors, onValueChange, onFactorChange }: IndicatorFieldsProps) {
  const { t } = useTranslation(['screening', 'casework']);
  const errorText = (code: string) => {
    const error = errors[code];
    return error ? t(`casework:screeningError.${error}`) : undefined;
  };
  return (
    <>
      {byDomain(profile).map(([domain, indicators]) => (
        <fieldset key={domain} className="indicator-group">
          <legend>{t(`casework:domain.${domain}`)}</legend>
          {indicators.map((indicator) => {
            const label = t(`casework:indicator.${indicator.code}`);
            const value = draft.values[indicator.code];
            return indicator.kind === 'count' ? (
              <CountInput
                key={indicator.code}
                label={label}
                value={typeof value === 'string' ? value : ''}
                error={errorText(indicator.code)}
                decreaseLabel={t('sheet.decrease', { indicator: label })}
                increaseLabel={t('sheet.increase', { indicator: label })}
                onValueChange={(next) => onValueChange(indicator.code, next)}
              />
            ) : (
              <CheckboxField
                key={indicator.code}
                label={label}
                checked={value === true}
                onCheckedChange={(checked) => onValueChange(indicator.code, checked)}
              />
            );
          })}
        </fieldset>
      ))}
      <details className="protective-factors">
        <summary>{t('casework:screening.protectiveFactors')}</summary>
        {profile.protectiveFactors.map((factor) => (
          <CheckboxField
            key={factor}
            label={t(`casework:protectiveFactor.${factor}`)}
            checked={draft.protectiveFactors.includes(factor)}
            onCheckedChange={(present) => onFactorChange(factor, present)}
          />
        ))}
      </details>
    </>
  );
}
