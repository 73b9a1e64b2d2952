import { useTranslation } from 'react-i18next';
import { PRESENT_PARTIES, VISIT_OUTCOMES, type VisitOutcome } from '../../domain/homeVisit.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ChoiceField } from '../../ui/ChoiceField.tsx';
import { MultiChoiceField } from '../../ui/MultiChoiceField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { NextVisitField } from './NextVisitField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import type { VisitSectionProps } from './visitFormFields.ts';

/** The first screen: all a common visit needs, reachable without scrolling hunts. */
export function VisitEssentials({ fields, setField, errorFor }: VisitSectionProps) {
  const { t } = useTranslation(['visits', 'casework']);
  return (
    <>
      <div data-field="visitDate">
        <TextField
          label={t('casework:visitField.visitDate')}
          type="date"
          value={fields.visitDate}
          error={errorFor('visitDate')}
          onValueChange={(value) => setField('visitDate', value)}
        />
      </div>
      <div data-field="outcome">
        <ChoiceField
          label={t('casework:visitField.outcome')}
          name="outcome"
          value={fields.outcome}
          error={errorFor('outcome')}
          options={VISIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`casework:visitOutcome.${outcome}`) }))}
          onValueChange={(value) => setField('outcome', value as VisitOutcome)}
        />
      </div>
      {fields.outcome === 'moved' ? (
        <div data-field="newAddress">
          <TextField
            label={t('casework:visitField.newAddress')}
            value={fields.newAddress}
            error={errorFor('newAddress')}
            autoComplete="off"
            onValueChange={(value) => setField('newAddress', value)}
          />
        </div>
      ) : null}
      {/* Nobody home: nobody can be marked present, so the choice is not offered at all. */}
      {fields.outcome === 'nobodyHome' ? null : (
        <div data-field="present">
          <MultiChoiceField
            label={t('casework:visitField.present')}
            name="present"
            values={fields.present}
            error={errorFor('present')}
            options={PRESENT_PARTIES.map((party) => ({ value: party, label: t(`casework:present.${party}`) }))}
            onValuesChange={(values) => setField('present', values)}
          />
        </div>
      )}
      <div data-field="planned">
        <CheckboxField
          label={t('casework:visitField.planned')}
          checked={fields.planned}
          onCheckedChange={(checked) => setField('planned', checked)}
        />
      </div>
      <NextVisitField
        visitDate={fields.visitDate}
        value={fields.nextVisitDate}
        error={errorFor('nextVisitDate')}
        onValueChange={(value) => setField('nextVisitDate', value)}
      />
      <div data-field="notes">
        <TextAreaField
          label={t('casework:visitField.notes')}
          value={fields.notes}
          error={errorFor('notes')}
          onValueChange={(value) => setField('notes', value)}
        />
      </div>
    </>
  );
}
