/**
 * Whether a pushed mutation lies within what its user may write
 * (docs/accounts.md). The record's keys are worked out as they will be after
 * the write — from the record's own fields and its parents for a create, from
 * record_scope for a set — so a forged id (a case of another school named by
 * a visit, a student of another class named by a screening) lands outside
 * the scope and is refused.
 */
import type { Kysely } from 'kysely';
import {
  canWrite,
  hiddenFields,
  isMentorFlag,
  type AccessScope,
  type RecordKeys,
  type WriteOp,
} from '../../domain/accessScope.ts';
import type { Mutation } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import type { StoredFields } from './fieldStore.ts';
import { KEY_FIELDS, keysOf, readRecordKeys, sameKeys, storedParentKeys } from './recordKeys.ts';

/** Who pushes: the signed-in user, with the scope the batch is judged against. */
export interface Writer {
  userId: string;
  scope: AccessScope;
}

export type Authorisation =
  | {
      ok: true;
      /** Where the record will belong. */
      keys: RecordKeys;
      /** A mentor's new case, to be assigned to them. */
      mentorFlag: boolean;
    }
  | { ok: false };

const REFUSED: Authorisation = { ok: false };

export async function authoriseWrite(
  trx: Kysely<DatabaseSchema>,
  mutation: Mutation,
  stored: StoredFields,
  writer: Writer,
): Promise<Authorisation> {
  const fields: Readonly<Record<string, unknown>> = mutation.fields;
  const parents = storedParentKeys(trx);
  if (mutation.op === 'create') {
    const keys = await keysOf(mutation.entity, mutation.entityId, fields, parents);
    if (keys === null || !allows(writer.scope, 'create', keys, fields)) return REFUSED;
    if (!(await correctsOwnCase(trx, fields, keys))) return REFUSED;
    const mentorFlag = isMentorFlag(writer.scope, 'create', keys);
    // A flag is allowed for the mentee's own school only: the case's school decides who else sees it.
    if (mentorFlag && keys.studentId !== null) {
      const student = await parents('student', keys.studentId);
      if (student === undefined || student.schoolId !== keys.schoolId) return REFUSED;
    }
    return { ok: true, keys, mentorFlag };
  }
  const keyFields = KEY_FIELDS[mutation.entity] ?? [];
  const held = Object.fromEntries(
    keyFields.flatMap((field) => {
      const value = stored.get(field);
      return value === undefined ? [] : [[field, JSON.parse(value.valueJson) as unknown]];
    }),
  );
  const before =
    (await readRecordKeys(trx, mutation.entity, mutation.entityId)) ??
    (await keysOf(mutation.entity, mutation.entityId, held, parents));
  if (before === null) return REFUSED;
  const moves = keyFields.some((field) => fields[field] !== undefined);
  const after = moves ? await keysOf(mutation.entity, mutation.entityId, { ...held, ...fields }, parents) : before;
  if (after === null) return REFUSED;
  // A record that moves (a student to another school or class, a case to another school) must be
  // writable where it was and where it goes.
  const sides = sameKeys(before, after) ? [after] : [before, after];
  if (!sides.every((keys) => allows(writer.scope, 'set', keys, fields))) return REFUSED;
  return { ok: true, keys: after, mentorFlag: false };
}

/**
 * canWrite, and no field the user may not see. A new record may carry a
 * hidden field empty: a student's `community` is required in a create ('' =
 * not recorded), so a teacher registering a child sends it blank.
 */
function allows(scope: AccessScope, op: WriteOp, keys: RecordKeys, fields: Readonly<Record<string, unknown>>): boolean {
  if (!canWrite(scope, op, keys)) return false;
  const hidden = hiddenFields(scope, keys);
  return !hidden.some((field) => fields[field] !== undefined && !(op === 'create' && fields[field] === ''));
}

/** A visit note corrects a note of its own case: naming another case's note would tie records across schools. */
async function correctsOwnCase(
  trx: Kysely<DatabaseSchema>,
  fields: Readonly<Record<string, unknown>>,
  keys: RecordKeys,
): Promise<boolean> {
  if (keys.entity !== 'homeVisit' || typeof fields.correctionOf !== 'string') return true;
  const corrected = await readRecordKeys(trx, 'homeVisit', fields.correctionOf);
  return corrected !== undefined && corrected.caseId === keys.caseId;
}
