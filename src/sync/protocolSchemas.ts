/**
 * zod schemas of the sync protocol (protocol.ts holds the types and
 * constants). The server validates every request with them; the app loads
 * them only where it validates, so they stay out of the first screen's bundle.
 */
import { z } from 'zod';
import { isHlc } from '../domain/hlc.ts';
import { ID_PATTERN } from '../domain/student.ts';
import { caseEventFieldsSchema, caseFieldsSchema } from '../domain/caseRecordValidation.ts';
import { planActionFieldsSchema } from '../domain/planActionValidation.ts';
import { referralFieldsSchema } from '../domain/referralValidation.ts';
import { studentFieldsSchema } from '../domain/studentValidation.ts';
import {
  MAX_MUTATIONS_PER_REQUEST,
  MAX_PULL_LIMIT,
  RECOVERY_SECRET_PATTERN,
  type Entity,
  type MutationEntity,
} from './protocol.ts';
import {
  mapActivityFieldsSchema,
  mapGoalFieldsSchema,
  mapPlanFieldsSchema,
  mapProgressFieldsSchema,
} from '../domain/map/mapValidation.ts';
import { conflictChoiceSchema, homeVisitRecordSchema, screeningRecordSchema } from './protocolRecordSchemas.ts';

const id = z.string().regex(ID_PATTERN);
/**
 * The HLC pattern alone lets through dates that do not exist ("2026-19-39…"):
 * such a stamp escapes the clock-ahead check (its time is NaN) yet sorts after
 * every real one, so it would win each later edit of its fields. Every HLC the
 * app makes comes from Date#toISOString and passes.
 */
const hlc = z.string().refine((value) => isHlc(value) && isRealInstant(value));

function isRealInstant(value: string): boolean {
  const iso = value.slice(0, 24);
  const millis = Date.parse(iso);
  return Number.isFinite(millis) && new Date(millis).toISOString() === iso;
}

/** What the server enforces per client-writable record type. */
export interface EntityRule {
  /** The whole record: a `create` must satisfy it; a `set` carries any valid subset. */
  fields: z.ZodObject;
  /** Append-only records (screenings, visit notes) are never edited: a correction is a new record. */
  appendOnly: boolean;
  /**
   * Fields that name another record, which must exist on the server when the
   * field is set (null means "none"). A record created earlier in the same
   * batch counts: a case flagged offline arrives just before its first visit.
   */
  references: Readonly<Record<string, Entity>>;
}

export const ENTITY_RULES = {
  student: { fields: studentFieldsSchema, appendOnly: false, references: { schoolId: 'school' } },
  case: {
    fields: caseFieldsSchema,
    appendOnly: false,
    references: { studentId: 'student', schoolId: 'school' },
  },
  // The status history: never edited, never merged (docs/domain.md §8).
  caseEvent: { fields: caseEventFieldsSchema, appendOnly: true, references: { caseId: 'case' } },
  screening: { fields: screeningRecordSchema, appendOnly: true, references: { studentId: 'student' } },
  homeVisit: {
    fields: homeVisitRecordSchema,
    appendOnly: true,
    references: { caseId: 'case', correctionOf: 'homeVisit' },
  },
  planAction: { fields: planActionFieldsSchema, appendOnly: false, references: { caseId: 'case' } },
  referral: { fields: referralFieldsSchema, appendOnly: false, references: { caseId: 'case' } },
  // The Municipal Action Plan: each record names its plan, which names its municipality (recordKeys.ts).
  mapPlan: { fields: mapPlanFieldsSchema, appendOnly: false, references: { municipalityId: 'municipality' } },
  mapGoal: { fields: mapGoalFieldsSchema, appendOnly: false, references: { planId: 'mapPlan' } },
  mapActivity: {
    fields: mapActivityFieldsSchema,
    appendOnly: false,
    references: { planId: 'mapPlan', goalId: 'mapGoal' },
  },
  mapProgress: {
    fields: mapProgressFieldsSchema,
    appendOnly: false,
    references: { planId: 'mapPlan', activityId: 'mapActivity' },
  },
  // Created by the server only (its mutation schema allows `set` alone); a device sets the choice.
  conflict: { fields: conflictChoiceSchema, appendOnly: false, references: {} },
} as const satisfies Record<MutationEntity, EntityRule>;

/**
 * `base`: for a `set`, the HLC of each field as the device held it when the
 * user changed it (null: the device held no value). A stored stamp newer than
 * the base means someone else changed the field meanwhile: a clash.
 */
function mutationSchemaFor<E extends MutationEntity, F extends z.ZodObject>(
  entity: E,
  fields: F,
  ops: readonly ['create', 'set'] | readonly ['set'] = ['create', 'set'],
) {
  return z.strictObject({
    id,
    clientId: id,
    hlc,
    schema: z.number().int().positive(),
    entity: z.literal(entity),
    entityId: id,
    op: z.enum(ops),
    fields: fields.partial(),
    base: z.partialRecord(fields.keyof(), z.union([hlc, z.null()])).optional(),
  });
}

export const mutationSchema = z.discriminatedUnion('entity', [
  mutationSchemaFor('student', ENTITY_RULES.student.fields),
  mutationSchemaFor('case', ENTITY_RULES.case.fields),
  mutationSchemaFor('caseEvent', ENTITY_RULES.caseEvent.fields),
  mutationSchemaFor('screening', ENTITY_RULES.screening.fields),
  mutationSchemaFor('homeVisit', ENTITY_RULES.homeVisit.fields),
  mutationSchemaFor('planAction', ENTITY_RULES.planAction.fields),
  mutationSchemaFor('referral', ENTITY_RULES.referral.fields),
  mutationSchemaFor('mapPlan', ENTITY_RULES.mapPlan.fields),
  mutationSchemaFor('mapGoal', ENTITY_RULES.mapGoal.fields),
  mutationSchemaFor('mapActivity', ENTITY_RULES.mapActivity.fields),
  mutationSchemaFor('mapProgress', ENTITY_RULES.mapProgress.fields),
  mutationSchemaFor('conflict', ENTITY_RULES.conflict.fields, ['set']),
]);

export const syncRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  clientId: id,
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_REQUEST),
  /** The access-scope version the device holds; absent before its first reply with a scope. */
  scopeVersion: z.number().int().min(0).optional(),
  /**
   * The pull since this device's last scope change: send its own writes too.
   * They are left out of every other pull (the device holds them), but a case
   * that left the device and came back took them with it.
   */
  includeOwnWrites: z
    .boolean()
    .optional()
    .meta({
      description:
        "Send this device's own writes too. The app asks it while it pulls again from cursor 0 after a scope " +
        'change, until that pull is done: the records of a case that left the device and came back were removed ' +
        'with it, its own notes among them. Other pulls leave them out: the device holds them.',
    }),
});

/** `POST /api/session`. Lengths are capped so a hash of a megabyte password cannot tie up the server. */
export const signInRequestSchema = z.strictObject({
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(256),
  clientId: id,
});

/** `recoverySecret` of the sign-in reply (SignInReply): 32 random bytes, base64url, 43 characters. */
export const recoverySecretSchema = z.string().length(43).regex(RECOVERY_SECRET_PATTERN);
