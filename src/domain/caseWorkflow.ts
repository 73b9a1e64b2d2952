import {
  isClosureReason,
  STAGES_AFTER_OPENING_CLEARED,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
  type ClosureReason,
} from './caseRecord.ts';
import { isIsoDate, type IsoDate } from './dueDates.ts';

/**
 * The case workflow of PRODUCT F4: flagged → open → assessed → plan active →
 * monitoring → closed. Besides the forward steps:
 * - any open stage may close (a flag proves unfounded, a transfer is
 *   confirmed before assessment, a child moves abroad mid-plan);
 * - monitoring may return to plan active when the plan has to be revised;
 * - closed may reopen, to `open`, when attendance drops again: the child keeps
 *   one case history, and the reopened case is assessed afresh.
 * Everything else is refused with a code the screens translate
 * (`casework:transitionError.<code>`).
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  flagged: ['open', 'closed'],
  open: ['assessed', 'closed'],
  assessed: ['planActive', 'closed'],
  planActive: ['monitoring', 'closed'],
  monitoring: ['planActive', 'closed'],
  closed: ['open'],
};

export const WORKFLOW_ERRORS = [
  'transitionNotAllowed',
  'closureReasonRequired',
  'unknownClosureReason',
  'closureReasonNotExpected',
  'caseManagerRequired',
  'invalidDate',
  'dateBeforeLastChange',
  'reviewNotAllowed',
  'caseClosed',
] as const;
export type WorkflowError = (typeof WORKFLOW_ERRORS)[number];

export type WorkflowResult = { ok: true; case: CaseRecord; event: CaseEvent } | { ok: false; code: WorkflowError };
export type CaseUpdateResult = { ok: true; case: CaseRecord } | { ok: false; code: WorkflowError };

export interface TransitionOptions {
  /** The day the change happened, in the school's calendar (may be back-dated). */
  at: IsoDate;
  /** Required when closing; must be one of the profile's reasons when `allowedClosureReasons` is given. */
  closureReason?: string;
  /** Assigns or replaces the case manager while opening or reopening. */
  caseManagerId?: string;
  /** The profile's closure reasons; defaults to every known reason. */
  allowedClosureReasons?: readonly ClosureReason[];
}

/** Button labels for the allowed steps (`casework:action.<action>`). */
export const WORKFLOW_ACTIONS = ['open', 'assess', 'activatePlan', 'monitor', 'revisePlan', 'close', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Names a step as the user sees it ("Reopen the case" rather than "closed → open"); null if not allowed. */
export function transitionAction(from: CaseStatus, to: CaseStatus): WorkflowAction | null {
  if (!canTransition(from, to)) return null;
  switch (to) {
    case 'open':
      return from === 'closed' ? 'reopen' : 'open';
    case 'assessed':
      return 'assess';
    case 'planActive':
      return from === 'monitoring' ? 'revisePlan' : 'activatePlan';
    case 'monitoring':
      return 'monitor';
    case 'closed':
      return 'close';
    case 'flagged':
      return null;
  }
}

/** Whether the workflow allows moving from one status to another; screens use it to offer buttons. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The date the current status began: a change dated earlier would make deadlines nonsense. */
export function statusSince(record: CaseRecord): IsoDate {
  switch (record.status) {
    case 'flagged':
      return record.flaggedAt;
    case 'open':
      return record.openedAt ?? record.flaggedAt;
    case 'assessed':
      return record.assessedAt ?? record.flaggedAt;
    case 'planActive':
      return record.lastReviewedAt ?? record.planActivatedAt ?? record.flaggedAt;
    case 'monitoring':
      return record.monitoringSince ?? record.flaggedAt;
    case 'closed':
      return record.closedAt ?? record.flaggedAt;
  }
}

function closureCheck(to: CaseStatus, options: TransitionOptions): WorkflowError | ClosureReason | null {
  const reason = options.closureReason?.trim() ?? '';
  if (to !== 'closed') return reason === '' ? null : 'closureReasonNotExpected';
  if (reason === '') return 'closureReasonRequired';
  if (!isClosureReason(reason)) return 'unknownClosureReason';
  if (options.allowedClosureReasons && !options.allowedClosureReasons.includes(reason)) return 'unknownClosureReason';
  return reason;
}

/**
 * Moves a case to `to`, or says why not. Closing needs a reason; opening and
 * reopening need a case manager (one per case). Returns the updated case and
 * the event to append, so storage writes both in one transaction.
 */
export function transition(record: CaseRecord, to: CaseStatus, options: TransitionOptions): WorkflowResult {
  const { at } = options;
  if (!isIsoDate(at)) return { ok: false, code: 'invalidDate' };
  if (!canTransition(record.status, to)) return { ok: false, code: 'transitionNotAllowed' };
  if (at < statusSince(record)) return { ok: false, code: 'dateBeforeLastChange' };
  const closure = closureCheck(to, options);
  if (closure !== null && !isClosureReason(closure)) return { ok: false, code: closure };
  const manager = options.caseManagerId?.trim() || record.caseManagerId;
  if (to === 'open' && !manager) return { ok: false, code: 'caseManagerRequired' };

  const next: CaseRecord = { ...record, status: to };
  switch (to) {
    case 'open':
      next.caseManagerId = manager;
      next.openedAt = at;
      if (record.status === 'closed') {
        Object.assign(next, STAGES_AFTER_OPENING_CLEARED, { reopenCount: record.reopenCount + 1 });
      }
      break;
    case 'assessed':
      next.assessedAt = at;
      break;
    case 'planActive':
      // Back from monitoring, the plan is revised: that counts as a review.
      if (record.status === 'monitoring') next.lastReviewedAt = at;
      else next.planActivatedAt = at;
      next.monitoringSince = null;
      break;
    case 'monitoring':
      next.monitoringSince = at;
      break;
    case 'closed':
      next.closedAt = at;
      next.closureReason = closure;
      break;
    case 'flagged':
      break;
  }
  const event: CaseEvent = {
    caseId: record.id,
    from: record.status,
    to,
    at,
    closureReason: next.closureReason,
    caseManagerId: next.caseManagerId,
  };
  return { ok: true, case: next, event };
}

/** Replaces the case manager: a case has exactly one, and a closed case keeps the last one. */
export function assignCaseManager(record: CaseRecord, caseManagerId: string): CaseUpdateResult {
  if (record.status === 'closed') return { ok: false, code: 'caseClosed' };
  if (caseManagerId.trim() === '') return { ok: false, code: 'caseManagerRequired' };
  return { ok: true, case: { ...record, caseManagerId: caseManagerId.trim() } };
}

/** Records a plan review, which moves the next review's due date (the profile's review interval). */
export function recordReview(record: CaseRecord, at: IsoDate): CaseUpdateResult {
  if (!isIsoDate(at)) return { ok: false, code: 'invalidDate' };
  if (record.status !== 'planActive' && record.status !== 'monitoring') return { ok: false, code: 'reviewNotAllowed' };
  if (at < statusSince(record)) return { ok: false, code: 'dateBeforeLastChange' };
  return { ok: true, case: { ...record, lastReviewedAt: at } };
}
