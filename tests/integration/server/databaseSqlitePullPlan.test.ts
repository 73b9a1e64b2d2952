/**
 * How SQLite reads a pull (src/server/sync/scopeFilter.ts): a narrow scope's rows are looked up by record
 * in `change_log_record`, a wide scope's read from the log's seq range; and the engine's statement cache.
 * SQLite only (the `server` project): the plans are SQLite's, and so is the cache.
 */
import Database from 'better-sqlite3';
import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessScope } from '../../../src/domain/accessScope.ts';
import type { AppDatabase } from '../../../src/server/database/openDatabase.ts';
import { withStatementCache } from '../../../src/server/database/sqliteEngine.ts';
import { readChanges } from '../../../src/server/sync/readChanges.ts';
import { isNarrowScope, NARROW_SCOPE_CASES, NARROW_SCOPE_CLASSES } from '../../../src/server/sync/scopeFilter.ts';
import { scopeOf } from '../../support/accessScopes.ts';
import { openFreshSqliteDatabase, type FreshDatabase } from '../../support/serverTestDatabase.ts';

const scope = scopeOf;

const MENTOR = scope({ roles: ['mentor'], caseIds: ['case-1'], studentIds: ['student-1'] });
const SCHOOL_TEAM = scope({ roles: ['schoolTeam'], schoolIds: ['school-a'] });
const TEACHER = scope({ roles: ['teacher'], classes: [{ schoolId: 'school-a', classKey: '5|5/1' }] });

/** What SQLite says it does for the pull readChanges makes for `viewer`, one line per step. */
async function planOfPull(db: AppDatabase, viewer: AccessScope): Promise<string[]> {
  const nodes: RootOperationNode[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  await readChanges(db.withPlugin(capture), 10, 100, { scope: viewer, callerClientId: 'device-1' });
  // The last query is the page's (the first reads the log's head).
  const page = nodes.at(-1);
  if (page === undefined) throw new Error('readChanges ran no query');
  const query = db.getExecutor().compileQuery(page, createQueryId());
  const plan = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  return plan.rows.map((row) => row.detail);
}

/** The plan looks the log's rows up by record in change_log_record, from the cursor on. */
const looksUpLogByRecord = (plan: string[]) =>
  plan.some((step) => /SEARCH cl USING INDEX change_log_record \(entity=\? AND entity_id=\? AND seq>/.test(step));
/** The plan searches the log by its rowid (the seq), as a range read does. */
const searchesLogByRowid = (plan: string[]) => plan.some((step) => /SEARCH cl USING INTEGER PRIMARY KEY/.test(step));

describe('a pull on SQLite', () => {
  let fresh: FreshDatabase;
  let db: AppDatabase;
  beforeEach(async () => {
    fresh = await openFreshSqliteDatabase();
    db = fresh.db;
    // A log past the cursor the plans are asked for (readChanges asks nothing more of an empty one).
    const rows = Array.from({ length: 50 }, (_, n) => ({
      entity: 'homeVisit' as const,
      entity_id: `visit-${n}`,
      field: 'note',
      value_json: '"v"',
      hlc: `hlc-${n}`,
    }));
    await db.insertInto('change_log').values(rows).execute();
  });
  afterEach(() => fresh.drop());

  it("looks a mentor's records up by record instead of reading every row since the cursor", async () => {
    const plan = await planOfPull(db, MENTOR);
    expect(looksUpLogByRecord(plan)).toBe(true);
    expect(searchesLogByRowid(plan)).toBe(false);
  });

  it("looks a teacher's class up by school and class, then its records by record", async () => {
    const plan = await planOfPull(db, TEACHER);
    expect(
      plan.some((step) => /SEARCH rs USING INDEX record_scope_class \(school_id=\? AND class_key=\?\)/.test(step)),
    ).toBe(true);
    expect(looksUpLogByRecord(plan)).toBe(true);
    expect(searchesLogByRowid(plan)).toBe(false);
  });

  it("reads a school team's rows from the log's range, which is faster for thousands of records", async () => {
    const plan = await planOfPull(db, SCHOOL_TEAM);
    expect(plan.some((step) => /SEARCH cl USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/.test(step))).toBe(true);
    expect(plan.some((step) => /change_log_record/.test(step))).toBe(false);
  });
});

describe('which scopes are narrow', () => {
  it('is a few cases, their students and a few classes, and nothing reached by school or municipality', () => {
    expect(isNarrowScope(MENTOR)).toBe(true);
    expect(isNarrowScope(scope({ caseIds: ['case-1'] }))).toBe(true);
    expect(isNarrowScope(SCHOOL_TEAM)).toBe(false);
    expect(isNarrowScope(TEACHER)).toBe(true);
    expect(isNarrowScope({ ...MENTOR, classes: TEACHER.classes })).toBe(true);
    const classes = Array.from({ length: NARROW_SCOPE_CLASSES + 1 }, (_, n) => ({
      schoolId: 'school-a',
      classKey: `5|${n}`,
    }));
    expect(isNarrowScope(scope({ classes: classes.slice(1) }))).toBe(true);
    expect(isNarrowScope(scope({ classes }))).toBe(false);
    expect(isNarrowScope({ ...TEACHER, schoolIds: ['school-b'] })).toBe(false);
    expect(isNarrowScope({ ...MENTOR, municipalityIds: ['municipality-1'] })).toBe(false);
    expect(isNarrowScope(scope({}))).toBe(false);
    const many = Array.from({ length: NARROW_SCOPE_CASES + 1 }, (_, n) => `case-${n}`);
    expect(isNarrowScope(scope({ caseIds: many.slice(1) }))).toBe(true);
    expect(isNarrowScope(scope({ caseIds: many }))).toBe(false);
  });
});

describe('the statement cache', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec('create table t (n integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
  });
  afterEach(() => sqlite.close());

  it('hands back the statement it prepared for the same SQL, with the right rows each time', () => {
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('select n from t where n > ?');
    expect(cached.prepare('select n from t where n > ?')).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(cached.prepare('select n from t where n > ?').all([2])).toEqual([{ n: 3 }]);
  });

  it('drops the least recently used statement beyond its size', () => {
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3');
    // "select 2" was the least recently used: prepared again; "select 1" was kept.
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const cached = withStatementCache(sqlite);
    const streaming = cached.prepare('select n from t order by n');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = cached.prepare('select n from t order by n');
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  });
});
