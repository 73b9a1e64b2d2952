import { z } from 'zod';
import { isIsoDate } from './dueDates.ts';
import { REFERRAL_REASONS, REFERRAL_SENDERS, REFERRAL_STATUSES, REFERRAL_TARGETS, type Referral } from './referral.ts';
import { ID_PATTERN } from './student.ts';

/**
 * The shape of a handover or referral as the server accepts it from a device,
 * apart from referral.ts so zod loads lazily. Who may refer to whom and when a
 * referral may be answered are rules of referral.ts, applied on the device.
 */
const MAX_PERSON_ID = 100;
const MAX_TEXT = 1000;

const isoDate = z.string().refine(isIsoDate, 'invalidDate');
// No transform (such as trim): the server must store exactly what the device holds.
const nonBlank = z
  .string()
  .max(MAX_PERSON_ID, 'tooLong')
  .refine((value) => value.trim() !== '', 'required');

/** Every field of a referral but its id (the mutation's entityId). */
export const referralFieldsSchema = z.strictObject({
  caseId: z.string().regex(ID_PATTERN, 'required'),
  kind: z.enum(['handover', 'referral'], 'invalidChoice'),
  from: z.enum(REFERRAL_SENDERS, 'invalidChoice'),
  fromUserId: nonBlank,
  to: z.enum(REFERRAL_TARGETS, 'invalidChoice'),
  toOrganisationId: z.union([nonBlank, z.null()], 'invalid'),
  reason: z.enum(REFERRAL_REASONS, 'invalidChoice'),
  reasonText: z.string().max(MAX_TEXT, 'tooLong'),
  sentAt: isoDate,
  status: z.enum(REFERRAL_STATUSES, 'invalidChoice'),
  respondedAt: z.union([isoDate, z.null()], 'invalidDate'),
  respondedBy: z.union([nonBlank, z.null()], 'invalid'),
  responseNote: z.string().max(MAX_TEXT, 'tooLong'),
});

// Compile-time check that the schema and the Referral interface agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const referralMatches: Same<z.infer<typeof referralFieldsSchema>, Omit<Referral, 'id'>> = true;
void referralMatches;
