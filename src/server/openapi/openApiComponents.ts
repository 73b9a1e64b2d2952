/**
 * The `components.schemas` of the OpenAPI description, generated with zod's
 * own JSON Schema output: the request from the schemas the server validates
 * with (so the description cannot drift from them), the replies from
 * replySchemas.ts (tied to protocol.ts by typecheck).
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../sync/protocol.ts';
import { mutationSchema, syncRequestSchema } from '../../sync/protocolSchemas.ts';
import {
  changeSchema,
  errorCodeSchema,
  errorReplySchemaFor,
  errorResponseSchema,
  healthResponseSchema,
  issueSchema,
  mutationResultSchema,
  rejectionCodeSchema,
  syncResponseSchema,
} from './replySchemas.ts';

export type JsonSchema = Record<string, unknown>;

export const COMPONENT_SCHEMAS_PATH = '#/components/schemas/';

/** The component holding one refusal's body, e.g. `PayloadTooLargeError` for `payload_too_large`. */
export function errorComponentName(code: ErrorCode): string {
  const words = code.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${words.join('')}Error`;
}

export function schemaRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_SCHEMAS_PATH}${name}` };
}

/**
 * Every named schema. A schema registered here becomes a component, and any
 * other component that contains it refers to it by `$ref` instead of
 * repeating it.
 */
function namedSchemas(): [z.ZodType, string][] {
  return [
    [syncRequestSchema, 'SyncRequest'],
    [mutationSchema, 'Mutation'],
    [syncResponseSchema, 'SyncResponse'],
    [mutationResultSchema, 'MutationResult'],
    [rejectionCodeSchema, 'RejectionCode'],
    [changeSchema, 'Change'],
    [errorResponseSchema, 'ErrorResponse'],
    [errorCodeSchema, 'ErrorCode'],
    [issueSchema, 'Issue'],
    [healthResponseSchema, 'HealthResponse'],
    ...ERROR_CODES.map((code): [z.ZodType, string] => [errorReplySchemaFor(code), errorComponentName(code)]),
  ];
}

export function buildComponentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of namedSchemas()) registry.add(schema, { id });
  // `input`: a request is described as a client writes it (before any
  // transform); the replies have no transforms, so both sides agree there.
  // An unrepresentable schema throws rather than being described as "anything".
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `${COMPONENT_SCHEMAS_PATH}${id}`,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, asComponent(schema)]));
}

/**
 * zod stamps each schema as a standalone document (`$schema`, and `$id` set
 * to the fragment it was given). Inside an OpenAPI 3.1 document the dialect
 * is already JSON Schema 2020-12, and an `$id` would rebase the `$ref`s in the
 * schema away from the document, so both go.
 */
function asComponent(schema: JsonSchema): JsonSchema {
  const { $schema, $id, ...rest } = schema;
  void $schema;
  void $id;
  return rest;
}
