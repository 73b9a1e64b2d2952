/** zod schemas of the session and administration request bodies, and the 400 they answer. */
import { z } from 'zod';
import { classKeyOf } from '../../domain/accessScope.ts';
import { ID_PATTERN } from '../../domain/student.ts';
import { LANGUAGES } from '../../domain/localizedName.ts';
import type { ErrorResponse } from '../../sync/protocol.ts';
import { AUDIT_ACTIONS } from '../audit/auditLog.ts';
import { errorBody } from '../routes/errorReplies.ts';
import { MIN_PASSWORD_LENGTH } from './invitations.ts';
import { ORGANISATION_KINDS } from './organisations.ts';
import type { RoleGrant } from './roles.ts';

const MAX_ISSUES = 20;
const id = z.string().regex(ID_PATTERN);
const text = (max: number) => z.string().trim().min(1).max(max);

export const idSchema = id;

export const createOrganisationSchema = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS),
  name: text(200),
  municipalityId: id.nullable().optional(),
  schoolId: id.nullable().optional(),
});

/** Lower-case letters, digits and . _ - @ (an e-mail address works as a login). */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,99}$/);

export const createUserSchema = z.strictObject({
  login: loginSchema,
  displayName: text(200),
  organisationId: id.nullable(),
  locale: z.enum(LANGUAGES),
});

/** "grade|class name", stored as classKeyOf makes it (so " 7/2" and "7/2 " name one class). */
const classKey = z
  .string()
  .max(50)
  .regex(/^\d{1,2}\|.*\S/)
  .transform((key) => {
    const separator = key.indexOf('|');
    return classKeyOf(Number(key.slice(0, separator)), key.slice(separator + 1));
  });

export const roleGrantSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.enum(['schoolTeam', 'principal']), schoolId: id }),
  z.strictObject({ role: z.literal('teacher'), schoolId: id, classKey }),
  z.strictObject({ role: z.enum(['coordinator', 'cswLiaison']), municipalityId: id }),
  z.strictObject({ role: z.enum(['mentor', 'admin']) }),
]);

// A grant parsed from a body is exactly what grantRole takes.
const grantMatches: z.output<typeof roleGrantSchema> extends RoleGrant ? true : false = true;
void grantMatches;

export const acceptInvitationSchema = z.strictObject({
  code: z.string().min(1).max(64),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
});

/** Epoch milliseconds in a query string. */
const instant = z.coerce.number().int().min(0).max(8.64e15);

/** Which page of the audit trail, and which events (ids and times only: a query string is logged). */
export const auditQuerySchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    before: z.coerce.number().int().min(1).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    userId: id.optional(),
    caseId: id.optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, {
    path: ['to'],
  });

export type BodyParse<T> = { ok: true; data: T } | { ok: false; body: ErrorResponse };

/** Where and what kind of fault, never the value sent (it may be a password). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): BodyParse<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
  return { ok: false, body: errorBody('bad_request', issues) };
}
