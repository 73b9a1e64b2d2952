import type { Kysely } from 'kysely';
import type { RecordKeys } from '../../domain/accessScope.ts';
import { isTooFarAhead } from '../../domain/hlc.ts';
import { MAX_CLOCK_AHEAD_MS, type Mutation, type MutationResult, type RejectionCode } from '../../sync/protocol.ts';
import { ENTITY_RULES, type EntityRule } from '../../sync/protocolSchemas.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { findClashes, recordClashes } from './fieldClashes.ts';
import { readStoredFields, recordExists, writeWinningFields, type StoredFields } from './fieldStore.ts';
import { checkMapMutation } from './mapMutationRules.ts';
import { authoriseWrite, type Writer } from './pushAuthorisation.ts';

export type { Writer } from './pushAuthorisation.ts';

type Outcome = { status: 'applied'; keys: RecordKeys; assigned: boolean } | { status: 'rejected'; code: RejectionCode };

export interface AppliedBatch {
  results: MutationResult[];
  /** Where each applied mutation's record belongs, for the audit trail. */
  written: RecordKeys[];
  /** Cases a mentor flagged in this batch, now assigned to them. */
  assignedCaseIds: string[];
}

/**
 * Applies a pushed batch. `trx` must be a write transaction covering the whole
 * batch, so the batch and its idempotency records commit together or not at all.
 * Each mutation gets its own result; a rejected one never stops the others.
 * `writer.scope` grows with each case a mentor flags, so the flag's first
 * event and visit later in the same batch are in scope.
 */
export async function applyMutations(
  trx: Kysely<DatabaseSchema>,
  mutations: readonly Mutation[],
  now: number,
  writer: Writer,
): Promise<AppliedBatch> {
  const batch: AppliedBatch = { results: [], written: [], assignedCaseIds: [] };
  for (const mutation of mutations) {
    const earlier = await earlierResult(trx, mutation.id);
    if (earlier !== undefined) {
      batch.results.push(earlier);
      continue;
    }
    const outcome = await applyOne(trx, mutation, now, writer);
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
    if (outcome.status === 'rejected') {
      batch.results.push({ id: mutation.id, status: 'rejected', code: outcome.code });
      continue;
    }
    batch.results.push({ id: mutation.id, status: 'applied' });
    batch.written.push(outcome.keys);
    if (outcome.assigned) batch.assignedCaseIds.push(mutation.entityId);
  }
  return batch;
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

async function applyOne(
  trx: Kysely<DatabaseSchema>,
  mutation: Mutation,
  now: number,
  writer: Writer,
): Promise<Outcome> {
  // A far-future HLC would win every later edit of the field; refuse it (a wrong device clock).
  if (isTooFarAhead(mutation.hlc, now, MAX_CLOCK_AHEAD_MS)) return rejected('clock_ahead');
  const stored = await readStoredFields(trx, mutation.entity, mutation.entityId);
  const problem = await checkMutation(trx, mutation, stored);
  if (problem !== undefined) return rejected(problem);
  // After the shape and reference checks, so their codes stay what they were before accounts.
  const authorised = await authoriseWrite(trx, mutation, stored, writer);
  if (!authorised.ok) return rejected('forbidden');
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
      writerScope: writer.scope,
    },
    stored,
  );
  await recordClashes(trx, mutation, clashes);
  if (authorised.mentorFlag) await assignFlaggedCase(trx, mutation.entityId, now, writer);
  return { status: 'applied', keys: authorised.keys, assigned: authorised.mentorFlag };
}

/** The mentor who flags a case is assigned it in the same transaction, so it is in their scope from now on. */
async function assignFlaggedCase(trx: Kysely<DatabaseSchema>, caseId: string, now: number, writer: Writer) {
  await trx
    .insertInto('case_assignment')
    .values({ case_id: caseId, user_id: writer.userId, assigned_at: now, assigned_by: writer.userId })
    .onConflict((conflict) => conflict.columns(['case_id', 'user_id']).doNothing())
    .execute();
  writer.scope = { ...writer.scope, caseIds: [...writer.scope.caseIds, caseId] };
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
  return checkMapMutation(trx, mutation, stored);
}

function rejected(code: RejectionCode): Outcome {
  return { status: 'rejected', code };
}
