/**
 * What the sync fuzz checks after every hostile request: a cheap fingerprint of
 * the server's tables, and the shape of a refusal. Shared by the fuzz and the
 * hostile-input regression tests.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { APP_TABLES } from '../../src/server/database/databaseSchema.ts';
import type { AppDatabase } from '../../src/server/database/openDatabase.ts';
import { ERROR_CODES, type ErrorCode, type ErrorResponse } from '../../src/sync/protocol.ts';
import { SECRET } from './syncFuzzArbitraries.ts';
import { sessionHeaders } from './serverFixtures.ts';

/** Every app table (APP_TABLES): row counts, the last change-log seq and a hash of every stored field. */
export interface StateSnapshot {
  rows: Record<(typeof APP_TABLES)[number], number>;
  maxSeq: number;
  entityFieldHash: string;
}

export async function takeSnapshot(db: AppDatabase): Promise<StateSnapshot> {
  // One query for the counts and the last seq: the fuzz takes a snapshot after every request.
  const counts = APP_TABLES.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
  const { rows: tallies } = await sql<Record<string, number | null>>`
    select ${sql.join(counts)}, (select max(seq) from change_log) as max_seq`.execute(db);
  const tally = tallies[0] ?? {};
  const rows = Object.fromEntries(APP_TABLES.map((table) => [table, Number(tally[table])])) as StateSnapshot['rows'];
  const fields = await db
    .selectFrom('entity_field')
    .select(['entity', 'entity_id', 'field', 'value_json', 'hlc'])
    .orderBy('entity')
    .orderBy('entity_id')
    .orderBy('field')
    .execute();
  const hash = createHash('sha256');
  for (const field of fields) hash.update(JSON.stringify(field));
  return { rows, maxSeq: Number(tally.max_seq ?? 0), entityFieldHash: hash.digest('hex') };
}

/** The one status each error code travels with. `internal` (500) must never answer hostile input. */
const STATUS_OF: Record<Exclude<ErrorCode, 'internal'>, number> = {
  bad_request: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unsupported_protocol: 426,
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  device_revoked: 403,
  forbidden: 403,
  conflict: 409,
};
const MAX_REFUSAL_BYTES = 4096;
const MAX_ISSUES = 20;

/**
 * A refusal: 4xx, a stable code from ERROR_CODES that matches the status, at
 * most 20 issues of `{path, code}`, nothing else, and nothing the client sent.
 */
export function expectRefusal(response: LightMyRequestResponse, status?: number): ErrorCode {
  const detail = `${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, detail).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, detail).toBeLessThan(500);
  if (status !== undefined) expect(response.statusCode, detail).toBe(status);
  expect(response.body.length, detail).toBeLessThanOrEqual(MAX_REFUSAL_BYTES);
  expect(response.body, detail).not.toContain(SECRET);
  const body = response.json<ErrorResponse>();
  expect(Object.keys(body), detail).toEqual(['error']);
  const { code, issues, ...rest } = body.error;
  expect(rest, detail).toEqual({});
  expect(ERROR_CODES, detail).toContain(code);
  expect(STATUS_OF[code as keyof typeof STATUS_OF], detail).toBe(response.statusCode);
  if (issues !== undefined) {
    expect(code, detail).toBe('bad_request');
    expect(issues.length, detail).toBeGreaterThan(0);
    expect(issues.length, detail).toBeLessThanOrEqual(MAX_ISSUES);
    for (const issue of issues) {
      expect(Object.keys(issue).sort(), detail).toEqual(['code', 'path']);
      expect([typeof issue.path, typeof issue.code], detail).toEqual(['string', 'string']);
    }
  }
  return code;
}

/** Posts raw bytes to /api/sync with exactly the headers given (none added but the session's and what inject needs). */
export async function postRaw(
  app: FastifyInstance,
  payload: string | Buffer,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/sync',
    headers: { ...headers, ...(await sessionHeaders(app)) },
    payload,
  });
}

/** Own properties of Object.prototype: a parsed `__proto__` key must never add any. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
