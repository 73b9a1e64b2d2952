import type { ClosureReason } from '../caseRecord.ts';

/**
 * Outcomes at closure as the issue names them (back to regular attendance,
 * transferred, completed, dropped out), and the two kinds of closure that are
 * not an outcome of the work, counted apart so none is mistaken for a success
 * (docs/dashboard.md, "Outcomes at closure").
 */
export const OUTCOMES = [
  'backToAttendance',
  'transferred',
  'completed',
  'droppedOut',
  'outcomeUnknown',
  'notConfirmed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * - attendanceNormal → back to regular attendance;
 * - transferConfirmed → transferred (another school confirmed the child);
 * - completed → completed;
 * - leftEducation → dropped out (the child left school despite the work);
 * - movedAbroad, referredElsewhere → outcome unknown: the child left Ura's
 *   reach, and nobody confirmed whether they are in school;
 * - flagNotConfirmed → not confirmed: the flag proved unfounded, no risk to act on.
 */
export const OUTCOME_OF_REASON: Readonly<Record<ClosureReason, Outcome>> = {
  attendanceNormal: 'backToAttendance',
  transferConfirmed: 'transferred',
  completed: 'completed',
  leftEducation: 'droppedOut',
  movedAbroad: 'outcomeUnknown',
  referredElsewhere: 'outcomeUnknown',
  flagNotConfirmed: 'notConfirmed',
};
