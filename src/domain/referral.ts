import type { CaseRecord } from './caseRecord.ts';
import { isIsoDate, type IsoDate } from './dueDates.ts';

/**
 * Handover and referral (PRODUCT F8). A mentor or teacher hands a case to the
 * school team; the school team refers it to the centre for social work (CSW)
 * or the municipal education directorate, as Tool 1 has the PRTAN do for the
 * most complex cases. Made offline, a referral stays pending until the
 * receiving side accepts or declines it after sync.
 */
export const REFERRAL_SENDERS = ['mentor', 'teacher', 'schoolTeam'] as const;
export type ReferralSender = (typeof REFERRAL_SENDERS)[number];

export const REFERRAL_TARGETS = ['schoolTeam', 'csw', 'municipality'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** Who may send to whom. Mentors and teachers do not refer outside the school: the school team does. */
export const ALLOWED_REFERRALS: Readonly<Record<ReferralSender, readonly ReferralTarget[]>> = {
  mentor: ['schoolTeam'],
  teacher: ['schoolTeam'],
  schoolTeam: ['csw', 'municipality'],
};

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_REASONS = [
  'attendanceConcern',
  'safeguarding',
  'complexCase',
  'socialAssistance',
  'enrolmentOrTransfer',
  'transport',
  'other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** Error codes, translated as `casework:referralError.<code>`. */
export const REFERRAL_ERRORS = [
  'directionNotAllowed',
  'reasonRequired',
  'reasonTextRequired',
  'caseClosed',
  'invalidDate',
  'alreadyAnswered',
  'declineNoteRequired',
  'answeredBeforeSent',
] as const;
export type ReferralError = (typeof REFERRAL_ERRORS)[number];

export interface Referral {
  id: string;
  caseId: string;
  /** `handover` stays inside the school; `referral` goes to an outside body. */
  kind: 'handover' | 'referral';
  from: ReferralSender;
  fromUserId: string;
  to: ReferralTarget;
  /** The receiving CSW or directorate when known; the school team is the case's own. */
  toOrganisationId: string | null;
  reason: ReferralReason;
  reasonText: string;
  sentAt: IsoDate;
  status: ReferralStatus;
  respondedAt: IsoDate | null;
  respondedBy: string | null;
  responseNote: string;
}

export type ReferralResult = { ok: true; referral: Referral } | { ok: false; code: ReferralError };

/** Whether a sender may hand over or refer to a target; screens offer only these. */
export function canRefer(from: ReferralSender, to: ReferralTarget): boolean {
  return ALLOWED_REFERRALS[from].includes(to);
}

const REASONS: ReadonlySet<string> = new Set(REFERRAL_REASONS);

/**
 * Creates a pending handover or referral, or says why not: a closed case is
 * not referred, the direction must be allowed, and "other" needs words.
 */
export function createReferral(
  record: Pick<CaseRecord, 'id' | 'status'>,
  input: {
    id: string;
    from: ReferralSender;
    fromUserId: string;
    to: ReferralTarget;
    toOrganisationId?: string | null;
    reason: string;
    reasonText?: string;
    at: IsoDate;
  },
): ReferralResult {
  if (record.status === 'closed') return { ok: false, code: 'caseClosed' };
  if (!canRefer(input.from, input.to)) return { ok: false, code: 'directionNotAllowed' };
  if (!REASONS.has(input.reason)) return { ok: false, code: 'reasonRequired' };
  const reasonText = input.reasonText?.trim() ?? '';
  if (input.reason === 'other' && reasonText === '') return { ok: false, code: 'reasonTextRequired' };
  if (!isIsoDate(input.at)) return { ok: false, code: 'invalidDate' };
  return {
    ok: true,
    referral: {
      id: input.id,
      caseId: record.id,
      kind: input.to === 'schoolTeam' ? 'handover' : 'referral',
      from: input.from,
      fromUserId: input.fromUserId,
      to: input.to,
      toOrganisationId: input.toOrganisationId ?? null,
      reason: input.reason as ReferralReason,
      reasonText,
      sentAt: input.at,
      status: 'pending',
      respondedAt: null,
      respondedBy: null,
      responseNote: '',
    },
  };
}

/**
 * The receiving side's answer. Only a pending referral can be answered (the
 * server keeps the first answer when two arrive); declining must say why, so
 * the sender knows what to do next.
 */
export function respondToReferral(
  referral: Referral,
  answer: { decision: 'accepted' | 'declined'; at: IsoDate; by: string; note?: string },
): ReferralResult {
  if (referral.status !== 'pending') return { ok: false, code: 'alreadyAnswered' };
  if (!isIsoDate(answer.at)) return { ok: false, code: 'invalidDate' };
  if (answer.at < referral.sentAt) return { ok: false, code: 'answeredBeforeSent' };
  const note = answer.note?.trim() ?? '';
  if (answer.decision === 'declined' && note === '') return { ok: false, code: 'declineNoteRequired' };
  return {
    ok: true,
    referral: {
      ...referral,
      status: answer.decision,
      respondedAt: answer.at,
      respondedBy: answer.by,
      responseNote: note,
    },
  };
}
