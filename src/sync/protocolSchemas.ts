/**
 * zod schemas of the sync protocol (protocol.ts holds the types and
 * constants). The server validates every request with them; the app loads
 * them only where it validates, so they stay out of the first screen's bundle.
 */
import { z } from 'zod';
import { isHlc } from '../domain/hlc.ts';
import { ID_PATTERN } from '../domain/student.ts';
import { studentFieldsSchema } from '../domain/studentValidation.ts';
import { MAX_MUTATIONS_PER_REQUEST, MAX_PULL_LIMIT, type ClientWritableEntity, type Entity } from './protocol.ts';

const id = z.string().regex(ID_PATTERN);
const hlc = z.string().refine(isHlc);

/** What the server enforces per client-writable record type. */
export interface EntityRule {
  /** The whole record: a `create` must satisfy it; a `set` carries any valid subset. */
  fields: z.ZodObject;
  /** Append-only records (screenings, visit notes) are never edited: a correction is a new record. */
  appendOnly: boolean;
  /** Fields that name another record, which must exist on the server. */
  references: Readonly<Record<string, Entity>>;
}

export const ENTITY_RULES = {
  student: { fields: studentFieldsSchema, appendOnly: false, references: { schoolId: 'school' } },
} as const satisfies Record<ClientWritableEntity, EntityRule>;

function mutationSchemaFor<E extends ClientWritableEntity, F extends z.ZodObject>(entity: E, fields: F) {
  return z.strictObject({
    id,
    clientId: id,
    hlc,
    schema: z.number().int().positive(),
    entity: z.literal(entity),
    entityId: id,
    op: z.enum(['create', 'set']),
    fields: fields.partial(),
  });
}

export const mutationSchema = z.discriminatedUnion('entity', [
  mutationSchemaFor('student', ENTITY_RULES.student.fields),
]);

export const syncRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  clientId: id,
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_REQUEST),
});
