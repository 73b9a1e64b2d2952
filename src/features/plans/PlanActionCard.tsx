import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/dueDates.ts';
import {
  isPlanActionOpen,
  PLAN_ACTION_TRANSITIONS,
  type PlanAction,
  type PlanActionStatus,
} from '../../domain/planAction.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { showToast } from '../../state/toastStore.ts';
import { MarkDoneForm } from './MarkDoneForm.tsx';
import { ResponsibleText } from './ResponsibleText.tsx';
import { usePlanActionStatus } from './usePlanActionStatus.ts';

interface PlanActionCardProps {
  action: PlanAction;
  today: IsoDate;
  /** Whether the signed-in role may change the action (its status or details); else the card only shows it. */
  mayChange: boolean;
  onEdit: () => void;
}

/** The button that moves an action from its status to `to`: undoing reads differently from moving on. */
function stepKey(from: PlanActionStatus, to: PlanActionStatus) {
  if (to === 'inProgress') return from === 'planned' ? 'step.start' : 'step.reopen';
  if (to === 'done') return 'step.done';
  if (to === 'cancelled') return 'step.cancel';
  return 'step.restore';
}

/** One action of the plan: what, who, by when, how far it got, and the next steps the rules allow. */
export function PlanActionCard({ action, today, mayChange, onEdit }: PlanActionCardProps) {
  const { t, i18n } = useTranslation(['plans', 'casework', 'common']);
  const titleId = useId();
  const { problem, isChanging, changeStatus, clearProblem } = usePlanActionStatus(action.id);
  const [finishing, setFinishing] = useState(false);
  const open = isPlanActionOpen(action);
  const overdue = open && action.dueDate !== null && action.dueDate < today;
  const problemText = problem
    ? t(
        problem === 'storageFull' || problem === 'generic'
          ? `common:errors.${problem}`
          : `casework:planActionError.${problem}`,
      )
    : undefined;

  async function step(to: PlanActionStatus): Promise<void> {
    if (to === 'done') {
      clearProblem();
      setFinishing(true);
      return;
    }
    if (await changeStatus(to)) showToast(t('plan.statusChanged', { status: t(`casework:planActionStatus.${to}`) }));
  }

  return (
    <article className="card plan-action" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {t(`casework:intervention.${action.interventionType}`)}
      </h3>
      {action.description ? <p className="plan-description">{action.description}</p> : null}
      <p className="card-detail">
        <ResponsibleText responsible={action.responsible} />
      </p>
      <p className={overdue ? 'card-detail plan-overdue' : 'card-detail'}>
        {action.dueDate === null
          ? t('card.noDueDate')
          : t(overdue ? 'card.overdue' : 'card.due', { date: formatIsoDate(action.dueDate, i18n.language) })}
      </p>
      <p className="card-detail">
        {t('card.status', { status: t(`casework:planActionStatus.${action.status}`) })}
        {action.completedAt
          ? ` · ${t('card.finished', { date: formatIsoDate(action.completedAt, i18n.language) })}`
          : null}
      </p>
      {action.outcome ? (
        <p className="card-detail">
          {t('card.outcome', { outcome: t(`casework:planActionOutcome.${action.outcome}`) })}
        </p>
      ) : null}
      {action.outcomeNote ? <p className="plan-description">{action.outcomeNote}</p> : null}
      {problemText && !(finishing && problem === 'outcomeRequired') ? (
        <p className="field-error" role="alert">
          {problemText}
        </p>
      ) : null}
      {finishing ? (
        <MarkDoneForm
          outcomeError={problem === 'outcomeRequired' ? problemText : undefined}
          isSaving={isChanging}
          onClose={() => {
            clearProblem();
            setFinishing(false);
          }}
          onSave={(finish) =>
            void changeStatus('done', finish).then((done) => {
              if (!done) return;
              setFinishing(false);
              showToast(t('plan.statusChanged', { status: t('casework:planActionStatus.done') }));
            })
          }
        />
      ) : !mayChange ? null : (
        <div className="plan-steps">
          {PLAN_ACTION_TRANSITIONS[action.status].map((to) => (
            <button key={to} type="button" className="button" disabled={isChanging} onClick={() => void step(to)}>
              {t(stepKey(action.status, to))}
            </button>
          ))}
          {open ? (
            <button type="button" className="button" onClick={onEdit}>
              {t('plan.edit')}
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}
