/**
 * A record that moves (a student to another school or class, a case to
 * another school or student) comes into the scope of people whose devices
 * skipped its earlier changes: their pulls passed over those log rows while
 * the record was elsewhere. So the move appends every current field of the
 * record and of everything that moved with it to the change log again, with
 * its own HLC: a device that already holds a field applies nothing
 * (per-field last-writer-wins), and one that never had it gets it whole.
 *
 * The rows are the mover's own write (tagged with their device) when the move
 * shows the mover nothing new (moveWidensView): that device holds every field
 * it may see, and the rows would be most of its reply on a day a student
 * changes class. Otherwise they are nobody's, and every device may receive them.
 *
 * The devices of people who no longer reach the record keep what they held
 * until their scope next changes (docs/accounts.md, "Not built yet").
 */
import { sql, type Kysely } from 'kysely';
import type { AccessScope, RecordKeys } from '../../domain/accessScope.ts';
import { moveWidensView } from '../../domain/moveVisibility.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

export interface MovedRoot {
  entity: 'student' | 'case';
  id: string;
}

/** Who moved it: the pushing device and its user's scope. */
export interface Mover {
  clientId: string;
  scope: AccessScope;
}

/** The keys of the moved record and everything under it, by entity and id. */
export type MovedKeys = ReadonlyMap<string, RecordKeys>;

export async function readMovedKeys(db: Kysely<DatabaseSchema>, moved: MovedRoot): Promise<MovedKeys> {
  const rows = await db
    .selectFrom('record_scope')
    .select(['entity', 'entity_id', 'school_id', 'class_key', 'student_id', 'case_id'])
    .where(moved.entity === 'student' ? 'student_id' : 'case_id', '=', moved.id)
    .execute();
  return new Map(
    rows.map((row) => [
      `${row.entity}\u0000${row.entity_id}`,
      {
        entity: row.entity,
        schoolId: row.school_id,
        classKey: row.class_key,
        studentId: row.student_id,
        caseId: row.case_id,
      },
    ]),
  );
}

/**
 * Re-sends what moved. `before` is readMovedKeys from before the move; with a
 * mover, the rows skip the mover's device unless the move widens its view.
 */
export async function reissueMovedRecords(
  db: Kysely<DatabaseSchema>,
  moved: MovedRoot,
  echo?: { mover: Mover; before: MovedKeys },
): Promise<void> {
  const clientId = echo === undefined ? null : await echoSkips(db, moved, echo.mover, echo.before);
  const column = moved.entity === 'student' ? 'rs.student_id' : 'rs.case_id';
  await db
    .insertInto('change_log')
    .columns(['entity', 'entity_id', 'field', 'value_json', 'hlc', 'mutation_id', 'client_id'])
    .expression((eb) =>
      eb
        .selectFrom('entity_field as ef')
        .innerJoin('record_scope as rs', (join) =>
          join.onRef('rs.entity', '=', 'ef.entity').onRef('rs.entity_id', '=', 'ef.entity_id'),
        )
        .where(column, '=', moved.id)
        .select(['ef.entity', 'ef.entity_id', 'ef.field', 'ef.value_json', 'ef.hlc'])
        .select([sql<null>`null`.as('mutation_id'), sql<string | null>`cast(${clientId} as text)`.as('client_id')])
        .orderBy('ef.entity')
        .orderBy('ef.entity_id'),
    )
    .execute();
}

/** The mover's device, when it holds all it may see of what moved; null when it must receive the rows too. */
async function echoSkips(
  db: Kysely<DatabaseSchema>,
  moved: MovedRoot,
  mover: Mover,
  before: MovedKeys,
): Promise<string | null> {
  const after = await readMovedKeys(db, moved);
  const pairs = [];
  for (const [key, keys] of after) {
    const was = before.get(key);
    // A record with no keys before the move (stored under it only now) counts as unseen.
    if (was === undefined) return null;
    pairs.push({ before: was, after: keys });
  }
  return moveWidensView(mover.scope, pairs) ? null : mover.clientId;
}
