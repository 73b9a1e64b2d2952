/**
 * The access rules of src/domain/accessScope.ts (canRead, hiddenFields) as a
 * SQL condition on change-log rows, so a pull reads only what it sends.
 * syncScopeFilter.test.ts checks that both agree on every combination of keys.
 *
 * The records a scope reaches are picked from record_scope by its indexes
 * (school, school and class, case, student, municipality) in one uncorrelated subquery, which both engines
 * evaluate once (SQLite as an ephemeral index, PostgreSQL as a hashed
 * semi-join); each change-log row then costs a probe into that small set
 * instead of a join to the whole table — a mentor's first pull of 20 cases
 * among 2,000 scans the 370,000-row log three times faster this way.
 *
 * Narrow scopes (a few cases or classes, nothing reached by school or
 * municipality: a mentor's, a homeroom teacher's, a social-work liaison's) go further: their rows
 * are looked up by record in the `change_log_record` index (entity,
 * entity_id, seq), so a pull costs what the scope's records hold after the
 * cursor, not every row every other device wrote since then. A mentor's or a
 * teacher's sync no longer grows with the number of devices. Wide scopes must not take that
 * path (a school team's 25,000 records are one index seek each, three times
 * slower than reading the log's range), so their row values are written as
 * expressions no index serves (`entity || ''`), on both engines.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { CLASS_ENTITIES, PUBLIC_ENTITIES, SENSITIVE_FIELDS, type AccessScope } from '../../domain/accessScope.ts';
import type { Entity } from '../../sync/protocol.ts';
import type { ChangeLogTable, DatabaseSchema, RecordScopeTable } from '../database/databaseSchema.ts';

/** A condition on `change_log as cl`. */
export type LogRowBuilder = ExpressionBuilder<DatabaseSchema & { cl: ChangeLogTable }, 'cl'>;
type ScopeRowBuilder = ExpressionBuilder<DatabaseSchema & { rs: RecordScopeTable }, 'rs'>;
type ScopeCondition = (eb: ScopeRowBuilder) => Expression<SqlBool>;

/** Cases a scope may reach and still be looked up record by record; beyond it the log's range is read. */
export const NARROW_SCOPE_CASES = 200;
/** Classes likewise (a homeroom teacher's one or two; record_scope_class finds each class's records). */
export const NARROW_SCOPE_CLASSES = 20;

/** Whether the scope's rows are looked up by record rather than picked from the log's range (see above). */
export function isNarrowScope(scope: AccessScope): boolean {
  const { schoolIds, classes, caseIds, studentIds } = scope;
  const municipalities = scope.municipalityIds?.length ?? 0;
  if (schoolIds.length > 0 || municipalities > 0) return false;
  if (caseIds.length > NARROW_SCOPE_CASES || classes.length > NARROW_SCOPE_CLASSES) return false;
  return caseIds.length + studentIds.length + classes.length > 0;
}

/** Rows the scope may read, without its hidden fields: the log's range is read and each row probed. */
export function pullableBy(eb: LogRowBuilder, scope: AccessScope): Expression<SqlBool> {
  const reached = reachedBy(scope);
  const readable = eb.or([
    eb('cl.entity', 'in', PUBLIC_ENTITIES),
    ...(reached === undefined ? [] : [recordIn(eb, reached, false)]),
  ]);
  return eb.and([readable, eb.not(hiddenFrom(eb, scope))]);
}

/** A condition on a change-log row. */
export type LogCondition = (eb: LogRowBuilder) => Expression<SqlBool>;

/**
 * A narrow scope's pullable rows as two disjoint conditions, the public
 * records' rows and the scope's own records' rows, whose union is
 * pullableBy's: each is one branch of a UNION ALL, so the planners look the
 * scope's records up in change_log_record (inside an OR with the public
 * records, PostgreSQL still reads the log's range). Undefined for a wide scope.
 */
export function pullableParts(scope: AccessScope): readonly [LogCondition, LogCondition] | undefined {
  const reached = reachedBy(scope);
  if (!isNarrowScope(scope) || reached === undefined) return undefined;
  return [
    (eb) => eb.and([eb('cl.entity', 'in', PUBLIC_ENTITIES), eb.not(hiddenFrom(eb, scope))]),
    (eb) =>
      eb.and([eb('cl.entity', 'not in', PUBLIC_ENTITIES), recordIn(eb, reached, true), eb.not(hiddenFrom(eb, scope))]),
  ];
}

/**
 * Whether the row's record is one of record_scope's rows that `condition`
 * picks. `byRecord`: the row value is the log's own columns, which the
 * planners look up in change_log_record; otherwise an expression of them,
 * which they cannot, so the log's seq range is read.
 */
function recordIn(eb: LogRowBuilder, condition: ScopeCondition, byRecord: boolean): Expression<SqlBool> {
  const records = eb.selectFrom('record_scope as rs').select(['rs.entity', 'rs.entity_id']).where(condition);
  const entity = byRecord ? sql`${eb.ref('cl.entity')}` : sql`(${eb.ref('cl.entity')} || '')`;
  // A row value: both engines support it, and it keeps a record of one type from passing for another's id.
  return sql<SqlBool>`(${entity}, ${eb.ref('cl.entity_id')}) in (${records})`;
}

/**
 * canRead's rules on a record's keys (child data, and a coordinator's Action
 * Plan records by municipality); undefined when the scope reaches none.
 */
function reachedBy(scope: AccessScope): ScopeCondition | undefined {
  const { schoolIds, caseIds, studentIds, classes } = scope;
  const municipalityIds = scope.municipalityIds ?? [];
  const reachCount = schoolIds.length + caseIds.length + studentIds.length + classes.length + municipalityIds.length;
  if (reachCount === 0) return undefined;
  return (eb) => {
    const reaches: Expression<SqlBool>[] = [];
    if (municipalityIds.length > 0) reaches.push(eb('rs.municipality_id', 'in', municipalityIds));
    if (schoolIds.length > 0) reaches.push(eb('rs.school_id', 'in', schoolIds));
    if (caseIds.length > 0) reaches.push(eb('rs.case_id', 'in', caseIds));
    if (studentIds.length > 0) {
      reaches.push(eb.and([eb('rs.student_id', 'in', studentIds), eb('rs.entity', '=', 'student')]));
    }
    if (classes.length > 0) {
      // reachedByClass: the class record types, and clash records about a student (no case).
      const classRecord = eb.or([
        eb('rs.entity', 'in', CLASS_ENTITIES),
        eb.and([eb('rs.entity', '=', 'conflict'), eb('rs.case_id', 'is', null)]),
      ]);
      const inClass = eb.or(
        classes.map((item) => eb.and([eb('rs.school_id', '=', item.schoolId), eb('rs.class_key', '=', item.classKey)])),
      );
      reaches.push(eb.and([inClass, classRecord]));
    }
    return eb.or(reaches);
  };
}

/** hiddenFields: sensitive fields of records outside the schools the user fully reaches. */
function hiddenFrom(eb: LogRowBuilder, scope: AccessScope): Expression<SqlBool> {
  const { schoolIds } = scope;
  const fullAccess: ScopeCondition = (inner) => inner('rs.school_id', 'in', schoolIds);
  const hidden = Object.entries(SENSITIVE_FIELDS).map(([entity, fields]) => {
    const sensitive = [eb('cl.entity', '=', entity as Entity), eb('cl.field', 'in', fields)];
    return eb.and(schoolIds.length === 0 ? sensitive : [...sensitive, eb.not(recordIn(eb, fullAccess, false))]);
  });
  return eb.or(hidden);
}
