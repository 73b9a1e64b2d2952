import { z } from 'zod';
import { CASE_STATUSES, CASE_TRIGGERS, CLOSURE_REASONS, type CaseEvent, type CaseRecord } from './caseRecord.ts';
import { isIsoDate } from './dueDates.ts';
import { ID_PATTERN } from './student.ts';

/**
 * The shape of a case and of a case event, as the server accepts them from a
 * device. Kept apart from caseRecord.ts so zod loads only where records are
 * validated. Workflow rules (which step follows which) live in
 * caseWorkflow.ts and run on the device; the server checks that each field is
 * well formed, since a `set` carries only some fields of a case.
 */
const MAX_PERSON_ID = 100;

const id = z.string().regex(ID_PATTERN, 'required');
const isoDate = z.string().refine(isIsoDate, 'invalidDate');
const isoDateOrNull = z.union([isoDate, z.null()], 'invalidDate');
const status = z.enum(CASE_STATUSES, 'invalidChoice');
const closureReasonOrNull = z.union([z.enum(CLOSURE_REASONS), z.null()], 'invalidChoice');
// No transform (such as trim): the server must store exactly what the device holds.
const personIdOrNull = z.union(
  [
    z
      .string()
      .max(MAX_PERSON_ID, 'tooLong')
      .refine((value) => value.trim() !== '', 'required'),
    z.null(),
  ],
  'required',
);

/** Every field of a case but its id (the mutation's entityId). */
export const caseFieldsSchema = z.strictObject({
  studentId: id,
  schoolId: id,
  trigger: z.enum(CASE_TRIGGERS, 'invalidChoice'),
  status,
  caseManagerId: personIdOrNull,
  flaggedAt: isoDate,
  openedAt: isoDateOrNull,
  assessedAt: isoDateOrNull,
  planActivatedAt: isoDateOrNull,
  monitoringSince: isoDateOrNull,
  lastReviewedAt: isoDateOrNull,
  closedAt: isoDateOrNull,
  closureReason: closureReasonOrNull,
  reopenCount: z.number().int('invalid').min(0, 'invalid'),
});

/** A status change; its id is the mutation's entityId. */
export const caseEventFieldsSchema = z.strictObject({
  caseId: id,
  from: status,
  to: status,
  at: isoDate,
  closureReason: closureReasonOrNull,
  caseManagerId: personIdOrNull,
});

// Compile-time checks that the schemas and the domain interfaces agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const caseMatches: Same<z.infer<typeof caseFieldsSchema>, Omit<CaseRecord, 'id'>> = true;
const eventMatches: Same<z.infer<typeof caseEventFieldsSchema>, CaseEvent> = true;
void caseMatches;
void eventMatches;
