import type { Kysely } from 'kysely';
import { isTooFarAhead } from '../../domain/hlc.ts';
import { MAX_CLOCK_AHEAD_MS, type Mutation, type MutationResult, type RejectionCode } from '../../sync/protocol.ts';
import { ENTITY_RULES, type EntityRule } from '../../sync/protocolSchemas.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { findClashes, recordClashes } from './fieldClashes.ts';
import { readStoredFields, recordExists, writeWinningFields, type StoredFields } from './fieldStore.ts';

type Outcome = { status: 'applied' } | { status: 'rejected'; code: RejectionCode };

/**
 * Applies a pushed batch. `trx` must be a write transaction covering the whole
 * batch, so the batch and its idempotency records commit together or not at all.
 * Each mutation gets its own result; a rejected one never stops the others.
 */
export async function applyMutations(
  trx: Kysely<DatabaseSchema>,
  mutations: readonly Mutation[],
  now: number,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    const earlier = await earlierResult(trx, mutation.id);
    if (earlier !== undefined) {
      results.push(earlier);
      continue;
    }
    const outcome = await applyOne(trx, mutation, now);
    await trx
      .insertInto('applied_mutation')
      .values({
        id: mutation.id,
        client_id: mutation.clientId,
        entity: mutation.entity,
        entity_id: mutation.entityId,
        status: outcome.status,
        code: outcome.status === 'rejected' ? outcome.code : null,
        received_at: now,
      })
      .execute();
    results.push({ id: mutation.id, ...outcome });
  }
  return results;
}

/**
 * The answer to a mutation id received before (a re-send, or the same id twice
 * in one batch): `duplicate` if it was applied, the same rejection if it was
 * rejected. Answering `duplicate` to a rejected one would make the app drop it
 * as delivered when the first reply was lost, and the user would never learn
 * that the server refused it.
 */
async function earlierResult(trx: Kysely<DatabaseSchema>, mutationId: string): Promise<MutationResult | undefined> {
  const row = await trx
    .selectFrom('applied_mutation')
    .select(['status', 'code'])
    .where('id', '=', mutationId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.status === 'rejected' && row.code !== null) return { id: mutationId, status: 'rejected', code: row.code };
  return { id: mutationId, status: 'duplicate' };
}

async function applyOne(trx: Kysely<DatabaseSchema>, mutation: Mutation, now: number): Promise<Outcome> {
  // A far-future HLC would win every later edit of the field; refuse it (a wrong device clock).
  if (isTooFarAhead(mutation.hlc, now, MAX_CLOCK_AHEAD_MS)) return rejected('clock_ahead');
  const stored = await readStoredFields(trx, mutation.entity, mutation.entityId);
  const problem = await checkMutation(trx, mutation, stored);
  if (problem !== undefined) return rejected(problem);
  const clashes = findClashes(mutation, stored);
  await writeWinningFields(
    trx,
    {
      entity: mutation.entity,
      entityId: mutation.entityId,
      fields: mutation.fields,
      hlc: mutation.hlc,
      mutationId: mutation.id,
      clientId: mutation.clientId,
    },
    stored,
  );
  await recordClashes(trx, mutation, clashes);
  return { status: 'applied' };
}

async function checkMutation(
  trx: Kysely<DatabaseSchema>,
  mutation: Mutation,
  stored: StoredFields,
): Promise<RejectionCode | undefined> {
  const rule: EntityRule = ENTITY_RULES[mutation.entity];
  const exists = stored.size > 0;
  if (mutation.op === 'create') {
    // A create under a different mutation id for a record we hold is a client bug, not a retry.
    if (exists) return 'already_exists';
    if (!rule.fields.safeParse(mutation.fields).success) return 'invalid_fields';
  } else if (rule.appendOnly) {
    return 'append_only';
  } else if (!exists) {
    return 'not_found';
  }
  const fields: Readonly<Record<string, unknown>> = mutation.fields;
  for (const [field, target] of Object.entries(rule.references)) {
    const referenced = fields[field];
    // null is "none" (a visit note that corrects nothing); it names no record.
    if (referenced === undefined || referenced === null) continue;
    if (typeof referenced !== 'string' || !(await recordExists(trx, target, referenced))) return 'invalid_fields';
  }
  return undefined;
}

function rejected(code: RejectionCode): Outcome {
  return { status: 'rejected', code };
}
