import type { IsoDate } from './dueDates.ts';
import type { InterventionCode } from './interventions.ts';

/**
 * An action of the individual plan (PRODUCT F5; Kosovo's case plan, Serbia's
 * IPDP): one catalogue intervention, who is responsible, by when, how far it
 * got and what came of it.
 */
export const PLAN_ACTION_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

export const PLAN_ACTION_OUTCOMES = ['achieved', 'partlyAchieved', 'notAchieved'] as const;
export type PlanActionOutcome = (typeof PLAN_ACTION_OUTCOMES)[number];

/** Kinds of organisation that can carry an action (docs/domain.md §8 Organisation, plus partners of §3). */
export const ORGANISATION_TYPES = [
  'school',
  'cso',
  'educationDirectorate',
  'csw',
  'health',
  'police',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * A user of Ura (by account id), a person named in words (a teacher, the
 * mentor — all there is until accounts exist, and later people without an
 * account), or an organisation outside the school (a CSW, a health centre).
 */
export type Responsible =
  | { kind: 'user'; userId: string }
  | { kind: 'person'; name: string }
  | { kind: 'organisation'; organisationType: OrganisationType; name: string };

export interface PlanActionFields {
  caseId: string;
  interventionType: InterventionCode;
  description: string;
  responsible: Responsible;
  dueDate: IsoDate | null;
  status: PlanActionStatus;
  /** Required once done; null otherwise. */
  outcome: PlanActionOutcome | null;
  outcomeNote: string;
  /** The day it was done or cancelled. */
  completedAt: IsoDate | null;
}

export interface PlanAction extends PlanActionFields {
  id: string;
}

/**
 * Status changes. Done and cancelled end an action, but a mistaken tap can be
 * undone: done → in progress, cancelled → planned.
 */
export const PLAN_ACTION_TRANSITIONS: Readonly<Record<PlanActionStatus, readonly PlanActionStatus[]>> = {
  planned: ['inProgress', 'done', 'cancelled'],
  inProgress: ['done', 'cancelled'],
  done: ['inProgress'],
  cancelled: ['planned'],
};

/** Error codes of plan actions, translated as `casework:planActionError.<code>`. */
export const PLAN_ACTION_ERRORS = [
  'required',
  'tooLong',
  'invalidChoice',
  'invalidDate',
  'notInProfile',
  'outcomeRequired',
  'outcomeNotExpected',
  'statusChangeNotAllowed',
  'invalid',
] as const;
export type PlanActionError = (typeof PLAN_ACTION_ERRORS)[number];

export type PlanActionResult = { ok: true; action: PlanAction } | { ok: false; code: PlanActionError };

/** Open actions are the ones follow-ups track (F7). */
export function isPlanActionOpen(action: Pick<PlanActionFields, 'status'>): boolean {
  return action.status === 'planned' || action.status === 'inProgress';
}

/**
 * Moves an action to a new status. Finishing asks for the outcome, so the
 * coordinator's outcome reports (F16) have one for every action done.
 */
export function changePlanActionStatus(
  action: PlanAction,
  to: PlanActionStatus,
  options: { at: IsoDate; outcome?: PlanActionOutcome; outcomeNote?: string },
): PlanActionResult {
  if (!PLAN_ACTION_TRANSITIONS[action.status].includes(to)) return { ok: false, code: 'statusChangeNotAllowed' };
  if (to === 'done' && options.outcome === undefined) return { ok: false, code: 'outcomeRequired' };
  if (to !== 'done' && options.outcome !== undefined) return { ok: false, code: 'outcomeNotExpected' };
  const finished = to === 'done' || to === 'cancelled';
  return {
    ok: true,
    action: {
      ...action,
      status: to,
      outcome: to === 'done' ? (options.outcome ?? null) : null,
      outcomeNote: options.outcomeNote?.trim() ?? action.outcomeNote,
      completedAt: finished ? options.at : null,
    },
  };
}
