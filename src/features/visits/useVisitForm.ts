import { useRef, useState } from 'react';
import { localIsoDate } from '../../domain/dueDates.ts';
import type { HomeVisitField, HomeVisitFields } from '../../domain/homeVisit.ts';
import { validateHomeVisit, type VisitErrors } from '../../domain/homeVisitValidation.ts';
import { db } from '../../storage/database.ts';
import { clearDraft } from '../../storage/draftRepository.ts';
import { addHomeVisit } from '../../storage/homeVisitRepository.ts';
import { authorName, useWorkerStore } from '../../state/workerStore.ts';
import { useVisitAutosave } from './useVisitAutosave.ts';
import { fieldsToSave, withChange, type SetVisitField, type VisitDraft } from './visitFormFields.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type VisitSaveOutcome =
  | { status: 'saved' }
  | { status: 'invalid'; errors: VisitErrors }
  | { status: 'failed'; code: 'storageFull' | 'generic' }
  | { status: 'busy' };

interface VisitFormOptions {
  draftKey: string;
  /** The note as it starts when no draft is kept: defaults, or the note being corrected. */
  initial: VisitDraft;
  restored: VisitDraft | null;
}

/**
 * State of the visit note. Only the user's own input changes it: a failed
 * save keeps every character, and a draft follows every change. The id is
 * fixed when the form opens (or comes back with the draft), so any number of
 * taps on save stores one note.
 */
export function useVisitForm({ draftKey, initial, restored }: VisitFormOptions) {
  const [id] = useState(() => restored?.id ?? initial.id);
  const [fields, setFields] = useState<HomeVisitFields>(() => restored?.fields ?? initial.fields);
  const [errors, setErrors] = useState<VisitErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const [draftRestored, setDraftRestored] = useState(restored !== null);
  // Refs, not state: a double tap or a page hide arrives before React re-renders.
  const inFlight = useRef(false);
  const saved = useRef(false);
  const changed = useRef(false);
  const draft = useVisitAutosave(draftKey, id, fields, () => changed.current && !inFlight.current && !saved.current);

  const setField: SetVisitField = (field, value) => {
    changed.current = true;
    setFields((current) => withChange(current, field, value));
    const cleared: HomeVisitField[] = field === 'outcome' ? ['outcome', 'present', 'newAddress'] : [field];
    setErrors((current) => (cleared.some((name) => current[name]) ? omit(current, cleared) : current));
  };

  async function discardDraft(): Promise<void> {
    draft.cancelPending();
    changed.current = false;
    setFields(initial.fields);
    setErrors({});
    setDraftRestored(false);
    await clearDraft(db, draftKey).catch(() => undefined);
  }

  async function save(): Promise<VisitSaveOutcome> {
    if (inFlight.current || saved.current) return { status: 'busy' };
    const result = validateHomeVisit(fieldsToSave(fields), localIsoDate(new Date()));
    if (!result.ok) {
      setErrors(result.errors);
      return { status: 'invalid', errors: result.errors };
    }
    inFlight.current = true;
    draft.cancelPending();
    setIsSaving(true);
    try {
      const recordedBy = authorName(useWorkerStore.getState());
      // 'alreadyAdded' is success too: an earlier tap stored this very note.
      await addHomeVisit(db, { ...result.value, id, recordedBy }, { draftKey });
      saved.current = true;
      afterLocalWrite();
      return { status: 'saved' };
    } catch (error) {
      const code = writeFailureOf(error);
      return { status: 'failed', code };
    } finally {
      inFlight.current = false;
      setIsSaving(false);
      // A failed save keeps the draft up to date; after a saved one this writes nothing.
      draft.flush();
    }
  }

  return { fields, errors, isSaving, draftRestored, setField, save, discardDraft };
}

function omit(errors: VisitErrors, fields: readonly HomeVisitField[]): VisitErrors {
  const next = { ...errors };
  for (const field of fields) delete next[field];
  return next;
}
