import { useRef, useState } from 'react';
import type { CaseRecord } from '../../domain/caseRecord.ts';
import { localIsoDate } from '../../domain/dueDates.ts';
import {
  ALLOWED_REFERRALS,
  createReferral,
  type ReferralError,
  type ReferralSender,
  type ReferralTarget,
} from '../../domain/referral.ts';
import { db } from '../../storage/database.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { addReferral } from '../../storage/referralRepository.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

export interface ReferralDraft {
  to: ReferralTarget;
  reason: string;
  reasonText: string;
  sentAt: string;
}

export const REFERRAL_FORM_FIELDS = ['to', 'reason', 'reasonText', 'sentAt'] as const;
export type ReferralFormField = (typeof REFERRAL_FORM_FIELDS)[number];
export type ReferralFormErrors = Partial<Record<ReferralFormField | 'form', ReferralError>>;
export type ReferralSaveOutcome =
  | { status: 'saved' }
  | { status: 'invalid'; fields: ReferralFormField[] }
  | { status: 'failed'; code: ReferralError | 'busy' | 'storageFull' | 'generic' };

/** The field each domain refusal is about, and a value that clears it (to look for the next one). */
const FIELD_OF: Partial<Record<ReferralError, ReferralFormField>> = {
  directionNotAllowed: 'to',
  reasonRequired: 'reason',
  reasonTextRequired: 'reasonText',
  invalidDate: 'sentAt',
};

/**
 * Every problem createReferral finds in the draft. It stops at the first, so
 * each field it names is given a valid stand-in and the draft checked again:
 * the worker sees all the fields to correct at once.
 */
function findProblems(record: Pick<CaseRecord, 'id' | 'status'>, from: ReferralSender, draft: ReferralDraft) {
  const errors: ReferralFormErrors = {};
  let probe = { ...draft };
  for (let round = 0; round < REFERRAL_FORM_FIELDS.length + 1; round += 1) {
    const input = { id: 'probe', from, fromUserId: 'probe', to: probe.to, reason: probe.reason, at: probe.sentAt };
    const result = createReferral(record, { ...input, reasonText: probe.reasonText });
    if (result.ok) break;
    const field = FIELD_OF[result.code];
    if (!field) return { ...errors, form: result.code };
    errors[field] = result.code;
    const stand: Record<ReferralFormField, Partial<ReferralDraft>> = {
      to: { to: ALLOWED_REFERRALS[from][0] ?? probe.to },
      reason: { reason: 'complexCase' },
      reasonText: { reasonText: 'probe' },
      sentAt: { sentAt: '2000-01-01' },
    };
    probe = { ...probe, ...stand[field] };
  }
  return errors;
}

function emptyDraft(from: ReferralSender, to?: ReferralTarget): ReferralDraft {
  return {
    to: to ?? ALLOWED_REFERRALS[from][0] ?? 'schoolTeam',
    reason: '',
    reasonText: '',
    sentAt: localIsoDate(new Date()),
  };
}

/**
 * A handover or referral from the worker on this phone. The id is made when
 * the form opens, so a double tap stores one referral; after a send the
 * form starts afresh with a new id.
 */
export function useReferralForm(record: Pick<CaseRecord, 'id' | 'status'>, from: ReferralSender, fromUserId: string) {
  const [id, setId] = useState(newRecordId);
  const [draft, setDraft] = useState<ReferralDraft>(() => emptyDraft(from));
  const [errors, setErrors] = useState<ReferralFormErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  function setField<K extends keyof ReferralDraft>(field: K, value: ReferralDraft[K]): void {
    setDraft((current) => ({ ...current, [field]: value }));
    // A new reason may make the note optional again.
    const cleared = field === 'reason' ? ['reason', 'reasonText', 'form'] : [field, 'form'];
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.includes(key))));
  }

  async function save(): Promise<ReferralSaveOutcome> {
    if (inFlight.current) return { status: 'failed', code: 'busy' };
    const problems = findProblems(record, from, draft);
    const fields = REFERRAL_FORM_FIELDS.filter((field) => problems[field] !== undefined);
    if (problems.form || fields.length > 0) {
      setErrors(problems);
      return problems.form ? { status: 'failed', code: problems.form } : { status: 'invalid', fields };
    }
    inFlight.current = true;
    setIsSaving(true);
    try {
      const input = { id, from, fromUserId, to: draft.to, reason: draft.reason, reasonText: draft.reasonText };
      const result = await addReferral(db, record.id, { ...input, at: draft.sentAt });
      if (!result.ok) {
        // The case changed on the device since the form opened (e.g. closed by a sync).
        const field = FIELD_OF[result.code];
        setErrors(field ? { [field]: result.code } : { form: result.code });
        return field ? { status: 'invalid', fields: [field] } : { status: 'failed', code: result.code };
      }
      afterLocalWrite();
      setId(newRecordId());
      setDraft(emptyDraft(from, draft.to));
      setErrors({});
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
