import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import type { CaseRights } from '../../domain/writeRights.ts';
import { db } from '../../storage/database.ts';
import { planActionsForCase } from '../../storage/planActionRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { useCaseRights } from '../account/useWriteRights.ts';
import { groupPlanActions } from './groupPlanActions.ts';
import { PlanActionCard } from './PlanActionCard.tsx';
import { PlanActionForm } from './PlanActionForm.tsx';
import { PlanCaseHeader } from './PlanCaseHeader.tsx';
import { usePlanCase, type PlanCase } from './usePlanCase.ts';
import './plans.css';

type PlanRights = Pick<CaseRights, 'seePlan' | 'addPlanAction' | 'changePlanAction'>;

/**
 * `#/cases/<id>/plan`: the individual plan's actions, grouped by status, open
 * ones first (PRODUCT F5). Adding and changing actions are offered only to a
 * role that may write them (a mentor moves actions on; the school team adds).
 */
export function CasePlanPage(props: { caseId: string }) {
  const { t } = useTranslation(['plans', 'casework', 'common', 'account']);
  const rights = useCaseRights(props.caseId);
  const loaded = usePlanCase(props.caseId);
  // Loading until the account is read too: no action is offered before the role is known.
  const planCase: PlanCase = rights === undefined ? { state: 'loading' } : loaded;
  // The protocol's own name for the plan: Kosovo's case plan, Serbia's IPDP.
  const title = planCase.state === 'ready' ? t(`casework:plan.${planCase.profile.plan}`) : t('title');
  const ready = planCase.state === 'ready' && rights !== undefined;
  return (
    <section className="page" aria-labelledby="plan-title">
      <PlanCaseHeader titleId="plan-title" title={title} caseId={props.caseId} planCase={planCase} />
      {ready && !rights.seePlan && !rights.addPlanAction ? (
        <p className="plan-notice">{t('account:rights.plan')}</p>
      ) : null}
      {ready && (rights.seePlan || rights.addPlanAction) ? (
        <PlanActions caseId={props.caseId} profile={planCase.profile} rights={rights} />
      ) : null}
    </section>
  );
}

/** Which form is open: a new action above the list, or an edit in place of the action's card. */
type FormState = { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; actionId: string };

function PlanActions({ caseId, profile, rights }: { caseId: string; profile: ProtocolProfile; rights: PlanRights }) {
  const { t } = useTranslation(['plans', 'casework', 'common', 'account']);
  const actions = useLiveQuery(() => planActionsForCase(db, caseId), [caseId]);
  const [form, setForm] = useState<FormState>({ kind: 'closed' });
  const today = localIsoDate(new Date());
  const close = () => setForm({ kind: 'closed' });

  return (
    <>
      {!rights.addPlanAction ? (
        rights.changePlanAction ? (
          <p className="plan-notice">{t('account:rights.planStatusOnly')}</p>
        ) : null
      ) : form.kind === 'add' ? (
        <PlanActionForm caseId={caseId} profile={profile} onClose={close} />
      ) : (
        <button type="button" className="button button-primary plan-add" onClick={() => setForm({ kind: 'add' })}>
          {t('plan.addAction')}
        </button>
      )}
      {actions === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : actions.length === 0 ? (
        <p className="empty">{t('plan.empty')}</p>
      ) : (
        groupPlanActions(actions).map((group) => (
          <section key={group.status} aria-labelledby={`plan-group-${group.status}`}>
            <h2 id={`plan-group-${group.status}`}>
              {t('plan.group', { status: t(`casework:planActionStatus.${group.status}`), count: group.actions.length })}
            </h2>
            <ul className="card-list">
              {group.actions.map((action) => (
                <li key={action.id}>
                  {form.kind === 'edit' && form.actionId === action.id ? (
                    <PlanActionForm caseId={caseId} profile={profile} editing={action} onClose={close} />
                  ) : (
                    <PlanActionCard
                      action={action}
                      today={today}
                      mayChange={rights.changePlanAction}
                      onEdit={() => setForm({ kind: 'edit', actionId: action.id })}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
