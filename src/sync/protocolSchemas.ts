/**
 * zod schemas of the sync protocol (protocol.ts holds the types and
 * constants). The server validates every request with them; the app loads
 * them only where it validates, so they stay out of the first screen's bundle.
 */
import { z } from 'zod';
import { isHlc } from '../domain/hlc.ts';
import { ID_PATTERN } from '../domain/student.ts';
import { studentFieldsSchema } from '../domain/studentValidation.ts';
import { MAX_MUTATIONS_PER_REQUEST, MAX_PULL_LIMIT } from './protocol.ts';

const id = z.string().regex(ID_PATTERN);
const hlc = z.string().refine(isHlc);

export const studentMutationSchema = z.strictObject({
  id,
  clientId: id,
  hlc,
  schema: z.number().int().positive(),
  entity: z.literal('student'),
  entityId: id,
  op: z.enum(['create', 'set']),
  fields: studentFieldsSchema.partial(),
});

export const mutationSchema = z.discriminatedUnion('entity', [studentMutationSchema]);

export const syncRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  clientId: id,
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_REQUEST),
});
