import { useRef, useState } from 'react';
import type { CaseStatus } from '../../domain/caseRecord.ts';
import type { TransitionOptions, WorkflowError } from '../../domain/caseWorkflow.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { recordCaseReview, setCaseManager, transitionCase } from '../../storage/caseRepository.ts';
import type { CaseRow } from '../../storage/caseworkRecords.ts';
import { db } from '../../storage/database.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

/** What the panel can do: move the case on, record a plan review, or hand the case to another manager. */
export type WorkflowStep = { kind: 'transition'; to: CaseStatus } | { kind: 'review' } | { kind: 'manager' };
export type StepField = 'caseManager' | 'date' | 'closureReason';
export type StepError =
  { field: StepField | null; code: WorkflowError } | { field: null; code: 'storageFull' | 'generic' };
export type StepOutcome = { status: 'saved'; step: WorkflowStep } | { status: 'refused' | 'busy' };

/** Which field a refusal belongs to, so its message stands next to it; null: the step as a whole. */
const FIELD_OF_ERROR: Readonly<Record<WorkflowError, StepField | null>> = {
  transitionNotAllowed: null,
  closureReasonRequired: 'closureReason',
  unknownClosureReason: 'closureReason',
  closureReasonNotExpected: null,
  caseManagerRequired: 'caseManager',
  invalidDate: 'date',
  dateBeforeLastChange: 'date',
  reviewNotAllowed: null,
  caseClosed: null,
};

/** The fields a step asks for. */
export function fieldsOf(step: WorkflowStep): StepField[] {
  if (step.kind === 'manager') return ['caseManager'];
  if (step.kind === 'review') return ['date'];
  if (step.to === 'open') return ['caseManager', 'date'];
  if (step.to === 'closed') return ['closureReason', 'date'];
  return ['date'];
}

/**
 * The workflow panel's form. The domain decides every rule (caseWorkflow.ts,
 * through the repository); a refusal writes nothing, and what was typed stays.
 */
export function useWorkflowStep(record: CaseRow, profile: ProtocolProfile) {
  const worker = useWorkerStore();
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [caseManager, setCaseManagerValue] = useState(() => record.caseManagerId ?? authorName(worker));
  const [date, setDateValue] = useState(() => localIsoDate(new Date()));
  const [closureReason, setClosureReasonValue] = useState('');
  const [error, setError] = useState<StepError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  const clearFieldError = (field: StepField) => setError((current) => (current?.field === field ? null : current));
  const values = { caseManager, date, closureReason };
  const setters: Record<StepField, (value: string) => void> = {
    caseManager: (value) => {
      setCaseManagerValue(value);
      clearFieldError('caseManager');
    },
    date: (value) => {
      setDateValue(value);
      clearFieldError('date');
    },
    closureReason: (value) => {
      setClosureReasonValue(value);
      clearFieldError('closureReason');
    },
  };

  function choose(next: WorkflowStep | null): void {
    setStep(next);
    setError(null);
  }

  async function run(current: WorkflowStep) {
    const at = date.trim();
    if (current.kind === 'review') return recordCaseReview(db, record.id, at);
    if (current.kind === 'manager') return setCaseManager(db, record.id, caseManager);
    const options: TransitionOptions = { at, allowedClosureReasons: profile.closureReasons };
    if (current.to === 'open') options.caseManagerId = caseManager;
    if (current.to === 'closed') options.closureReason = closureReason;
    return transitionCase(db, record.id, current.to, options);
  }

  async function save(): Promise<StepOutcome> {
    if (step === null || inFlight.current) return { status: 'busy' };
    inFlight.current = true;
    setIsSaving(true);
    try {
      const result = await run(step);
      if (!result.ok) {
        setError({ field: FIELD_OF_ERROR[result.code], code: result.code });
        return { status: 'refused' };
      }
      afterLocalWrite();
      setStep(null);
      setError(null);
      return { status: 'saved', step };
    } catch (caught) {
      const code = writeFailureOf(caught);
      setError({ field: null, code });
      return { status: 'refused' };
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { step, choose, values, setters, error, isSaving, save };
}
