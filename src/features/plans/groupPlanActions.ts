import { PLAN_ACTION_STATUSES, type PlanAction, type PlanActionStatus } from '../../domain/planAction.ts';

export interface PlanActionGroup<A extends PlanAction> {
  status: PlanActionStatus;
  actions: A[];
}

/**
 * The plan's actions by status in the domain's order (planned, in progress,
 * then done and cancelled), so open work comes first; inside a group the
 * earliest due date first and undated actions last. Empty groups are left out.
 */
export function groupPlanActions<A extends PlanAction>(actions: readonly A[]): PlanActionGroup<A>[] {
  const byDue = (a: A, b: A): number => {
    if (a.dueDate === b.dueDate) return a.id < b.id ? -1 : 1;
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  };
  return PLAN_ACTION_STATUSES.map((status) => ({
    status,
    actions: actions.filter((action) => action.status === status).sort(byDue),
  })).filter((group) => group.actions.length > 0);
}
