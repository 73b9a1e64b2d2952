/** Reading and checking the OpenAPI description in tests (tests/integration/server/openApi.test.ts). */
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
// The JSON Schema validator Fastify itself depends on (ajv 8, with its formats):
// OpenAPI 3.1 schemas are JSON Schema 2020-12.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as prettier from 'prettier';
import { expect } from 'vitest';

export const DOCUMENT_FILE = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));
/** The base URI the description is known by inside the validator; its `#/…` references resolve against it. */
const DOCUMENT_ID = 'urn:ura:openapi';

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The committed file's form of a document: `JSON.stringify` laid out as prettier (npm run lint) wants it. */
export async function formatDocument(document: unknown): Promise<string> {
  const options = await prettier.resolveConfig(DOCUMENT_FILE);
  return prettier.format(JSON.stringify(document, null, 2), { ...options, filepath: DOCUMENT_FILE });
}

/** The value a local reference (`#/a/b~1c`) names, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let value: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    value = (value as JsonObject)[key];
  }
  return value;
}

/** Every `$ref` anywhere in the document. */
export function allRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allRefs);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : allRefs(item),
  );
}

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export interface DocumentValidator {
  /** A validator of the JSON body of a response, following an OpenAPI `$ref` to `components.responses`. */
  response: (path: string, method: string, status: number) => ValidateFunction;
  request: (path: string, method: string) => ValidateFunction;
  /** True when the schema is itself valid JSON Schema 2020-12. */
  isValidSchema: (schema: unknown) => boolean;
}

/** Loads the whole description into one validator, so `#/components/…` references resolve as in the document. */
export function validatorFor(document: JsonObject): DocumentValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // The OpenAPI keys around the schemas are not JSON Schema keywords; naming
  // them keeps strict mode (which refuses unknown keywords) on for the rest.
  ajv.addVocabulary(['openapi', 'info', 'paths', 'components']);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const compileAt = (pointer: string): ValidateFunction => ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
  const operationPointer = (path: string, method: string) => `/paths/${escapeToken(path)}/${method}`;
  return {
    request: (path, method) =>
      compileAt(`${operationPointer(path, method)}/requestBody/content/application~1json/schema`),
    response: (path, method, status) => {
      let pointer = `${operationPointer(path, method)}/responses/${status}`;
      const response = resolvePointer(document, `#${pointer}`);
      if (!isObject(response)) throw new Error(`${method} ${path} documents no ${status} response`);
      if (typeof response.$ref === 'string') pointer = response.$ref.slice(1);
      return compileAt(`${pointer}/content/application~1json/schema`);
    },
    isValidSchema: (schema) => ajv.validateSchema(schema as object) === true,
  };
}

/** Where and why a validation failed, for assertion messages. */
function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

export function expectValid(validate: ValidateFunction, value: unknown): void {
  const valid = validate(value);
  expect(valid, describeErrors(validate.errors).join('\n')).toBe(true);
}

/** The `error.code` a documented error response fixes, e.g. `payload_too_large`. */
export function fixedErrorCode(document: JsonObject, response: unknown): unknown {
  const schema = resolvePointer(response, '#/content/application~1json/schema') as JsonObject;
  return resolvePointer(document, `${schema.$ref as string}/properties/error/properties/code/const`);
}
