import { useRef, useState } from 'react';
import type { PlanActionError, PlanActionFields, Responsible } from '../../domain/planAction.ts';
import { validatePlanAction } from '../../domain/planActionValidation.ts';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import { db } from '../../storage/database.ts';
import { addPlanAction, editPlanAction } from '../../storage/planActionRepository.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import {
  PLAN_ACTION_FORM_FIELDS,
  responsibleFromDraft,
  type PlanActionDraft,
  type PlanActionFormField,
} from './planActionDraft.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type PlanActionFormErrors = Partial<Record<PlanActionFormField, PlanActionError>>;
export type PlanActionSaveOutcome =
  | { status: 'saved' }
  | { status: 'invalid'; fields: PlanActionFormField[] }
  | { status: 'failed'; code: 'busy' | 'storageFull' | 'generic' };

export interface PlanActionFormSetup {
  caseId: string;
  profile: ProtocolProfile;
  initial: PlanActionDraft;
  /** Used when the person's name is left empty. */
  fallbackResponsible: Responsible;
  /** The stored action when editing; a new action otherwise. */
  editing?: PlanActionFields & { id: string };
}

const NEW_ACTION_STATE = { status: 'planned', outcome: null, outcomeNote: '', completedAt: null } as const;

/**
 * Adds an action to the plan or edits one. The id is made when the form
 * opens, so a second tap on save stores nothing more; a refusal keeps every
 * character the worker typed.
 */
export function usePlanActionForm(setup: PlanActionFormSetup) {
  const [id] = useState(() => setup.editing?.id ?? newRecordId());
  const [draft, setDraft] = useState<PlanActionDraft>(setup.initial);
  const [errors, setErrors] = useState<PlanActionFormErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  function setField<K extends keyof PlanActionDraft>(field: K, value: PlanActionDraft[K]): void {
    setDraft((current) => ({ ...current, [field]: value }));
    const shown: PlanActionFormField =
      field === 'interventionType' || field === 'description' || field === 'dueDate' ? field : 'responsible';
    setErrors((current) => {
      if (!current[shown]) return current;
      const rest = { ...current };
      delete rest[shown];
      return rest;
    });
  }

  function validate() {
    const { editing } = setup;
    const raw = {
      ...(editing ? { status: editing.status, outcome: editing.outcome } : NEW_ACTION_STATE),
      outcomeNote: editing?.outcomeNote ?? '',
      completedAt: editing?.completedAt ?? null,
      caseId: setup.caseId,
      interventionType: draft.interventionType,
      description: draft.description,
      responsible: responsibleFromDraft(draft, setup.fallbackResponsible),
      dueDate: draft.dueDate === '' ? null : draft.dueDate,
    };
    const result = validatePlanAction(setup.profile, raw);
    const found: PlanActionFormErrors = {};
    if (!result.ok) {
      for (const field of PLAN_ACTION_FORM_FIELDS) {
        const code = result.errors[field];
        if (code) found[field] = code;
      }
    }
    // The domain allows an action without a date; the form asks for one so follow-ups can track it (F7).
    if (draft.dueDate.trim() === '') found.dueDate = 'required';
    const fields = PLAN_ACTION_FORM_FIELDS.filter((field) => found[field] !== undefined);
    return { result, found, fields };
  }

  async function save(): Promise<PlanActionSaveOutcome> {
    if (inFlight.current) return { status: 'failed', code: 'busy' };
    const { result, found, fields } = validate();
    if (fields.length > 0 || !result.ok) {
      setErrors(found);
      return fields.length > 0 ? { status: 'invalid', fields } : { status: 'failed', code: 'generic' };
    }
    inFlight.current = true;
    setIsSaving(true);
    try {
      const { interventionType, description, responsible, dueDate } = result.value;
      if (setup.editing) await editPlanAction(db, id, { interventionType, description, responsible, dueDate });
      else await addPlanAction(db, { id, ...result.value });
      afterLocalWrite();
      return { status: 'saved' };
    } catch (error) {
      const code = writeFailureOf(error);
      return { status: 'failed', code };
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { draft, errors, isSaving, setField, save };
}
