/**
 * A record that moves (a student to another school or class, a case to
 * another school or student) comes into the scope of people whose devices
 * skipped its earlier changes: their pulls passed over those log rows while
 * the record was elsewhere. So the move appends every current field of the
 * record and of everything that moved with it to the change log again, with
 * its own HLC: a device that already holds a field applies nothing
 * (per-field last-writer-wins), and one that never had it gets it whole.
 *
 * The devices of people who no longer reach the record keep what they held
 * until their scope next changes (docs/accounts.md, "Not built yet").
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/databaseSchema.ts';

export async function reissueMovedRecords(
  db: Kysely<DatabaseSchema>,
  moved: { entity: 'student' | 'case'; id: string },
): Promise<void> {
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
        // Nobody's own write: every device may receive it, the mover's included, and ignores what it holds.
        .select([sql<null>`null`.as('mutation_id'), sql<null>`null`.as('client_id')])
        .orderBy('ef.entity')
        .orderBy('ef.entity_id'),
    )
    .execute();
}
