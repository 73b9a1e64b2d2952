/**
 * Wire shapes of the two records whose domain validation does not describe
 * the stored record by itself: a screening's values are judged against a
 * profile the server may not hold (an administrator's overrides change it),
 * and a visit note's form leaves out who saved it and when. Part of the
 * protocol schemas, so the server and the client's lazy chunks share them.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dueDates.ts';
import { CONFLICT_CHOICES, MAX_RESOLVER_NAME } from '../domain/fieldConflict.ts';
import type { HomeVisit } from '../domain/homeVisit.ts';
import { homeVisitFieldsSchema } from '../domain/homeVisitValidation.ts';
import { PROFILE_IDS, RISK_LEVELS } from '../domain/protocolProfile.ts';
import { INDICATOR_CODES, INDICATOR_DOMAINS, PROTECTIVE_FACTORS } from '../domain/riskIndicators.ts';
import { TERM_PATTERN, type RiskReason, type Screening } from '../domain/riskScreening.ts';
import { MAX_COUNT } from '../domain/screeningValidation.ts';
import { ID_PATTERN } from '../domain/student.ts';

const MAX_PERSON_ID = 100;
/** The largest count any unit allows; the unit itself depends on the profile. */
const LARGEST_COUNT = Math.max(...Object.values(MAX_COUNT));

const isoDate = z.string().refine(isIsoDate, 'invalidDate');
const personId = z
  .string()
  .max(MAX_PERSON_ID, 'tooLong')
  .refine((value) => value.trim() !== '', 'required');
const count = z.number().int().min(0);
const indicator = z.enum(INDICATOR_CODES);

const reasonSchema = z.strictObject({
  indicator,
  domain: z.enum(INDICATOR_DOMAINS),
  kind: z.enum(['count', 'flag']),
  value: count.max(LARGEST_COUNT),
  threshold: count.max(LARGEST_COUNT),
  signal: z.union([z.literal(1), z.literal(2)]),
  points: count,
});

/**
 * A screening as stored: the values entered and the level, score and reasons
 * computed on the device with the profile version it names. The server keeps
 * them as they are, so history never changes when thresholds do.
 */
export const screeningRecordSchema = z.strictObject({
  studentId: z.string().regex(ID_PATTERN),
  term: z.string().regex(TERM_PATTERN),
  screenedOn: isoDate,
  screenedBy: personId,
  profileId: z.enum(PROFILE_IDS),
  profileVersion: z.number().int().positive(),
  values: z.partialRecord(indicator, z.union([count.max(LARGEST_COUNT), z.boolean()])),
  protectiveFactors: z
    .array(z.enum(PROTECTIVE_FACTORS))
    .refine((list) => new Set(list).size === list.length, 'duplicate'),
  level: z.enum(RISK_LEVELS),
  score: count,
  reasons: z.array(reasonSchema).max(INDICATOR_CODES.length),
});

/** A visit note as stored: the form's fields plus who saved it and when (an ISO timestamp). */
export const homeVisitRecordSchema = homeVisitFieldsSchema.extend({
  recordedBy: personId,
  recordedAt: z.iso.datetime(),
});

// Compile-time checks that the wire shapes and the domain records agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const screeningMatches: Same<
  z.infer<typeof screeningRecordSchema>,
  Omit<Screening, 'id'> & { reasons: RiskReason[] }
> = true;
const visitMatches: Same<z.infer<typeof homeVisitRecordSchema>, Omit<HomeVisit, 'id'>> = true;
void screeningMatches;
void visitMatches;

/**
 * What a device may write on a clash record: the user's choice and their name.
 * The rest of the record is the server's, so a device can never `create` one.
 */
export const conflictChoiceSchema = z.strictObject({
  choice: z.enum(CONFLICT_CHOICES),
  resolvedBy: z.string().trim().min(1).max(MAX_RESOLVER_NAME),
});
