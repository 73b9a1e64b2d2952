import { useRef, useState } from 'react';
import { CASE_TRIGGERS, type CaseTrigger } from '../../domain/caseRecord.ts';
import { isIsoDate, localIsoDate } from '../../domain/dueDates.ts';
import { createCase } from '../../storage/caseRepository.ts';
import { db } from '../../storage/database.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export type FlagField = 'trigger' | 'date';
export type FlagError = 'triggerRequired' | 'dateRequired' | 'invalidDate' | 'dateInFuture';
export type FlagErrors = { [F in FlagField]?: FlagError | undefined };
export type FlagSaveOutcome =
  | { status: 'saved'; caseId: string }
  | { status: 'invalid'; count: number }
  | { status: 'failed'; code: 'storageFull' | 'generic' | 'busy' };

const TRIGGERS: ReadonlySet<string> = new Set(CASE_TRIGGERS);

/** Checks the flag's two fields; the date is the school's calendar day and cannot be in the future. */
export function validateFlag(trigger: string, date: string, today: string): FlagErrors {
  const errors: FlagErrors = {};
  if (!TRIGGERS.has(trigger)) errors.trigger = 'triggerRequired';
  const day = date.trim();
  if (day === '') errors.date = 'dateRequired';
  else if (!isIsoDate(day)) errors.date = 'invalidDate';
  else if (day > today) errors.date = 'dateInFuture';
  return errors;
}

/**
 * The flag form. The case id is made when the screen opens, so a second tap
 * on save finds the case and writes nothing; a failed save keeps the choice.
 */
export function useFlagForm(studentId: string) {
  const [caseId] = useState(newRecordId);
  const [trigger, setTriggerValue] = useState('');
  const [date, setDateValue] = useState(() => localIsoDate(new Date()));
  const [errors, setErrors] = useState<FlagErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  function setTrigger(value: string): void {
    setTriggerValue(value);
    setErrors((current) => ({ ...current, trigger: undefined }));
  }
  function setDate(value: string): void {
    setDateValue(value);
    setErrors((current) => ({ ...current, date: undefined }));
  }

  async function save(): Promise<FlagSaveOutcome> {
    if (inFlight.current) return { status: 'failed', code: 'busy' };
    const found = validateFlag(trigger, date, localIsoDate(new Date()));
    const wrong = (['trigger', 'date'] as const).filter((field) => found[field] !== undefined);
    if (wrong.length > 0) {
      setErrors(found);
      return { status: 'invalid', count: wrong.length };
    }
    inFlight.current = true;
    setIsSaving(true);
    try {
      await createCase(db, { id: caseId, studentId, trigger: trigger as CaseTrigger, at: date.trim() });
      afterLocalWrite();
      return { status: 'saved', caseId };
    } catch (error) {
      const code = writeFailureOf(error);
      return { status: 'failed', code };
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { caseId, trigger, date, errors, isSaving, setTrigger, setDate, save };
}
