/**
 * zod twins of the administration API's replies, for the OpenAPI description
 * only. Their types live beside the code that makes them (src/server/accounts,
 * the audit route); the checks at the end make typecheck fail when one of
 * those changes and its twin here does not.
 */
import { z } from 'zod';
import { LANGUAGES } from '../../domain/localizedName.ts';
import type { RoleGrantRow } from '../accounts/accountQueries.ts';
import type { DeviceSummary } from '../accounts/devices.ts';
import type { Invitation } from '../accounts/invitations.ts';
import { ORGANISATION_KINDS, type Organisation } from '../accounts/organisations.ts';
import type { CreatedUser, UserSummary } from '../accounts/users.ts';
import type { AuditAction } from '../audit/auditLog.ts';
import type { AuditPage, AuditRow } from '../audit/auditTrail.ts';
import { INVITATION_LIFETIME } from './openApiLimits.ts';
import { roleSchema, type Same } from './replySchemas.ts';

/** Each audit action; a `Record` so a new action without its meaning fails typecheck. */
const AUDIT_ACTION_MEANINGS: Record<AuditAction, string> = {
  sign_in: 'signed in',
  sign_in_failed: 'a wrong password, an unknown login or a revoked device',
  sign_in_locked: 'the login was locked, or a sign-in came while it was',
  sign_out: 'signed out',
  session_expired: 'a session lapsed',
  case_read: 'a sync reply carried a case, or a student without one (one row each per request)',
  case_write: 'a sync push wrote records of a case, or of a student without one (one row each per request)',
  scope_changed: "a sync sent the user's new access scope",
  case_assigned: 'a case was given to someone, or a mentor flagged one (which gives it to them)',
  case_unassigned: 'a case was taken from someone',
  role_granted: 'a role was granted',
  role_revoked: 'a role was taken away',
  user_created: 'an account was made',
  organisation_created: 'an organisation was made',
  device_revoked: 'a device was revoked',
  invitation_created: 'an invitation code was made',
  invitation_accepted: 'an invitation code was used to choose a password',
  export: 'data exported from a device (reserved: no request records it yet)',
  dashboard_read: "a dashboard's figures were read (the municipality and school in the detail)",
};

const nullableId = z.string().nullable();
const time = (description: string) =>
  z
    .number()
    .int()
    .meta({ description: `${description} (ms since 1970).` });

export const organisationSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  municipalityId: nullableId,
  schoolId: nullableId.meta({ description: "A school organisation's school record; null for every other kind." }),
  createdAt: time('When it was made'),
});

export const roleAssignmentSchema = z.strictObject({
  id: z.string().meta({ description: 'The assignment, to take it away again.' }),
  role: roleSchema,
  schoolId: nullableId,
  municipalityId: nullableId,
  classKey: z.string().nullable().meta({ description: 'A teacher\'s class, "grade|class name" lower-cased.' }),
});

export const invitationSchema = z.strictObject({
  code: z.string().meta({
    description: 'Shown this once (the server keeps only its hash): the person chooses a password with it.',
  }),
  expiresAt: time(`When it stops working, ${INVITATION_LIFETIME} after it was made`),
});

export const userSummarySchema = z.strictObject({
  id: z.string(),
  login: z.string().meta({ description: 'Lower-case, as stored.' }),
  displayName: z.string(),
  organisationId: nullableId,
  // A string, not an enum: it is the stored column, which the app's languages may outgrow.
  locale: z.string().meta({ description: `The person's language: one of ${LANGUAGES.join(', ')}.` }),
  createdAt: time('When the account was made'),
  disabled: z.boolean(),
  hasPassword: z.boolean().meta({ description: 'False until an invitation is accepted.' }),
  roles: z.array(roleAssignmentSchema),
});

export const createdUserSchema = z.strictObject({
  user: userSummarySchema,
  invitation: invitationSchema,
});

export const deviceSchema = z.strictObject({
  clientId: z.string().meta({ description: "The device's sync client id." }),
  userId: z.string(),
  firstSeenAt: time('First sign-in on it'),
  lastSeenAt: time('Its last sign-in, or its last use of a session (noted at most hourly)'),
  revokedAt: z.number().int().nullable().meta({ description: 'When an administrator revoked it; null if never.' }),
});

export const auditEventSchema = z.strictObject({
  id: z.number().int().min(1).meta({ description: 'Increasing: pass the smallest seen as `before` to read on.' }),
  at: time('When it happened'),
  userId: nullableId.meta({ description: 'Who did it; null for the server itself or an unknown login.' }),
  clientId: nullableId,
  // A string, not an enum: rows written by an older server keep their action.
  action: z.string().meta({
    description: `What happened: ${Object.entries(AUDIT_ACTION_MEANINGS)
      .map(([action, meaning]) => `\`${action}\`, ${meaning}`)
      .join('; ')}.`,
  }),
  entity: z.string().nullable(),
  entityId: nullableId,
  detail: z.unknown().meta({ description: 'Ids and counts only, never names, notes or values; null when none.' }),
});

export const organisationListSchema = z.strictObject({ organisations: z.array(organisationSchema) });
export const organisationCreatedSchema = z.strictObject({ organisation: organisationSchema });
export const userListSchema = z.strictObject({ users: z.array(userSummarySchema) });
export const invitationCreatedSchema = z.strictObject({ invitation: invitationSchema });
export const roleAssignmentCreatedSchema = z.strictObject({ roleAssignment: roleAssignmentSchema });
export const deviceListSchema = z.strictObject({ devices: z.array(deviceSchema) });
export const auditPageSchema = z.strictObject({
  events: z.array(auditEventSchema).meta({ description: 'Newest first.' }),
  hasMore: z.boolean().meta({ description: 'Older events match the same filters: ask again with `before`.' }),
  people: z.record(z.string(), z.string()).meta({
    description:
      'The display name of each person the page names (who acted, whose account, a case assignee), by user id, ' +
      'as it is now: the trail itself stores ids only.',
  }),
  organisations: z
    .record(z.string(), z.string())
    .meta({ description: 'The name of each organisation the page is about, by id.' }),
});

// Compile-time checks that each twin and the type its route sends agree both ways.
const organisationMatches: Same<z.output<typeof organisationSchema>, Organisation> = true;
const roleAssignmentMatches: Same<z.output<typeof roleAssignmentSchema>, RoleGrantRow> = true;
const invitationMatches: Same<z.output<typeof invitationSchema>, Invitation> = true;
const userSummaryMatches: Same<z.output<typeof userSummarySchema>, UserSummary> = true;
// A user made through the API never has a password yet, so their invitation is always there.
const createdUserMatches: Same<z.output<typeof createdUserSchema>, Required<CreatedUser>> = true;
const deviceMatches: Same<z.output<typeof deviceSchema>, DeviceSummary> = true;
const auditEventMatches: Same<z.output<typeof auditEventSchema>, AuditRow> = true;
const auditPageMatches: Same<z.output<typeof auditPageSchema>, AuditPage> = true;
void organisationMatches;
void roleAssignmentMatches;
void invitationMatches;
void userSummaryMatches;
void createdUserMatches;
void deviceMatches;
void auditEventMatches;
void auditPageMatches;
