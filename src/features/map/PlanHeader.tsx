import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { changeMapPlan } from '../../storage/mapRepository.ts';
import type { MapPlanRow } from '../../storage/mapRecords.ts';
import { showToast } from '../../state/toastStore.ts';
import { AdoptionForm } from './AdoptionForm.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { formatPeriod } from './mapFormat.ts';
import { PlanDetailsForm } from './PlanDetailsForm.tsx';
import { PlanStatusText } from './PlanStatusText.tsx';
import { asMapWrite, useMapForm } from './useMapForm.ts';
import type { MapMunicipality } from './useMapMunicipalities.ts';

type Panel = 'details' | 'adoption' | 'toDraft' | null;

/** The plan's title, place, period and status, with what changes them. */
export function PlanHeader({ plan, municipality }: { plan: MapPlanRow; municipality: MapMunicipality }) {
  const { t, i18n } = useTranslation('map');
  const [panel, setPanel] = useState<Panel>(null);
  const toDraft = useMapForm(() => ({}));
  const close = () => setPanel(null);

  async function backToDraft(): Promise<void> {
    const saved = await toDraft.save(null, async () =>
      asMapWrite(await changeMapPlan(db, plan.id, { status: 'draft', actReference: '', adoptedOn: null })),
    );
    if (saved) {
      showToast(t('plan.toDraftDone'));
      close();
    }
  }

  return (
    <header className="map-header">
      <h1 id="map-plan-title">{plan.title}</h1>
      <p className="map-muted">{municipality.name ?? t('place.notOnPhone')}</p>
      <p>{formatPeriod(plan.periodStart, plan.periodEnd, i18n.language)}</p>
      <p>
        <PlanStatusText plan={plan} />
      </p>
      {panel === null ? (
        <div className="map-actions">
          <button type="button" className="button" onClick={() => setPanel('details')}>
            {t('plan.edit')}
          </button>
          {plan.status === 'adopted' ? (
            <button type="button" className="button" onClick={() => setPanel('toDraft')}>
              {t('plan.toDraft')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setPanel('adoption')}>
              {t('plan.adopt')}
            </button>
          )}
          <a className="button" href={`#/map/${plan.id}/report`}>
            {t('plan.report')}
          </a>
        </div>
      ) : null}
      {panel === 'details' ? <PlanDetailsForm plan={plan} onClose={close} /> : null}
      {panel === 'adoption' ? <AdoptionForm plan={plan} onClose={close} /> : null}
      {panel === 'toDraft' ? (
        <ConfirmStep
          question={t('plan.toDraftQuestion')}
          confirmLabel={t('plan.toDraftConfirm')}
          busy={toDraft.isSaving}
          onConfirm={() => void backToDraft()}
          onCancel={close}
        />
      ) : null}
    </header>
  );
}
