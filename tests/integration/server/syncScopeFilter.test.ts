/**
 * The pull's SQL condition (scopeFilter.ts) and the domain rules (canRead,
 * hiddenFields) must agree on every combination of keys: records are placed
 * in every school × class × student × case × municipality combination, and
 * each scope's pull is compared with what the rules say, field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRead, hiddenFields, type AccessScope, type RecordKeys } from '../../../src/domain/accessScope.ts';
import { readChanges } from '../../../src/server/sync/readChanges.ts';
import { NARROW_SCOPE_CASES, NARROW_SCOPE_CLASSES } from '../../../src/server/sync/scopeFilter.ts';
import type { Entity } from '../../../src/sync/protocol.ts';
import { scopeOf } from '../../support/accessScopes.ts';
import { createTempDatabase, makeHlc, type TempDatabase } from '../../support/serverFixtures.ts';

const ENTITIES: readonly Entity[] = [
  'student',
  'screening',
  'case',
  'caseEvent',
  'homeVisit',
  'planAction',
  'referral',
  'conflict',
  'mapPlan',
  'mapGoal',
  'mapActivity',
  'mapProgress',
  'school',
  'municipality',
];
const SCHOOLS = ['school-a', 'school-b', null];
const CLASSES = ['5|5/1', '5|5/2', null];
const STUDENTS = ['student-1', 'student-2', null];
const CASES = ['case-1', 'case-2', null];
const MUNICIPALITIES = ['municipality-1', 'municipality-2', null];
const FIELDS = ['note', 'community'];

function every(): RecordKeys[] {
  const all: RecordKeys[] = [];
  for (const entity of ENTITIES)
    for (const schoolId of SCHOOLS)
      for (const classKey of CLASSES)
        for (const studentId of STUDENTS)
          for (const caseId of CASES)
            for (const municipalityId of MUNICIPALITIES)
              all.push({ entity, schoolId, classKey, studentId, caseId, municipalityId });
  return all;
}

const scope = scopeOf;

const SCOPES: Record<string, AccessScope> = {
  nobody: scope({}),
  schoolTeam: scope({ roles: ['schoolTeam'], schoolIds: ['school-a'] }),
  teacher: scope({ roles: ['teacher'], classes: [{ schoolId: 'school-a', classKey: '5|5/1' }] }),
  mentor: scope({ roles: ['mentor'], caseIds: ['case-1'], studentIds: ['student-1'] }),
  // Narrow scopes are looked up by record (scopeFilter.ts); these take both sides of that line.
  'liaison of two referred cases': scope({ roles: ['cswLiaison'], caseIds: ['case-1', 'case-2'] }),
  'teacher of two classes, mentor of a case': scope({
    roles: ['mentor', 'teacher'],
    classes: [
      { schoolId: 'school-a', classKey: '5|5/1' },
      { schoolId: 'school-b', classKey: '5|5/2' },
    ],
    caseIds: ['case-2'],
    studentIds: ['student-2'],
  }),
  'teacher of more classes than a narrow scope holds': scope({
    roles: ['teacher'],
    classes: [
      { schoolId: 'school-b', classKey: '5|5/1' },
      ...Array.from({ length: NARROW_SCOPE_CLASSES }, (_, n) => ({ schoolId: 'school-a', classKey: `9|${n}` })),
    ],
  }),
  'mentor of more cases than a narrow scope holds': scope({
    roles: ['mentor'],
    caseIds: ['case-2', ...Array.from({ length: NARROW_SCOPE_CASES }, (_, n) => `case-elsewhere-${n}`)],
    studentIds: ['student-2'],
  }),
  'teacher, mentor and coordinator': scope({
    roles: ['coordinator', 'mentor', 'teacher'],
    classes: [{ schoolId: 'school-b', classKey: '5|5/2' }],
    caseIds: ['case-1', 'case-2'],
    studentIds: ['student-2'],
    municipalityIds: ['municipality-2'],
  }),
  coordinator: scope({ roles: ['coordinator'], municipalityIds: ['municipality-1'] }),
  'coordinator of two municipalities': scope({
    roles: ['coordinator'],
    municipalityIds: ['municipality-1', 'municipality-2'],
  }),
  'school team with no municipality': scope({ roles: ['schoolTeam'], schoolIds: ['school-b'], municipalityIds: [] }),
  'principal of one school, teacher in another': scope({
    roles: ['principal', 'teacher'],
    schoolIds: ['school-b'],
    classes: [
      { schoolId: 'school-a', classKey: '5|5/1' },
      { schoolId: 'school-a', classKey: '5|5/2' },
    ],
  }),
};

describe('pull filter agrees with canRead and hiddenFields', () => {
  let temp: TempDatabase;
  const keysById = new Map<string, RecordKeys>();
  beforeAll(async () => {
    temp = await createTempDatabase();
    const records = every();
    const scopeRows = [];
    const logRows = [];
    for (const [index, keys] of records.entries()) {
      const id = `record-${index}`;
      keysById.set(`${keys.entity}:${id}`, keys);
      scopeRows.push({
        entity: keys.entity as Entity,
        entity_id: id,
        school_id: keys.schoolId,
        class_key: keys.classKey,
        student_id: keys.studentId,
        case_id: keys.caseId,
        municipality_id: keys.municipalityId ?? null,
      });
      for (const field of FIELDS) {
        logRows.push({ entity: keys.entity as Entity, entity_id: id, field, value_json: '"v"', hlc: makeHlc() });
      }
    }
    for (let start = 0; start < scopeRows.length; start += 400) {
      await temp.db
        .insertInto('record_scope')
        .values(scopeRows.slice(start, start + 400))
        .execute();
      await temp.db
        .insertInto('change_log')
        .values(logRows.slice(start * 2, (start + 400) * 2))
        .execute();
    }
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  for (const [name, viewer] of Object.entries(SCOPES)) {
    it(`sends ${name} exactly the fields the rules allow`, async () => {
      const sent = new Set<string>();
      let cursor = 0;
      for (;;) {
        const page = await readChanges(temp.db, cursor, 700, { scope: viewer });
        for (const change of page.changes) {
          for (const field of Object.keys(change.fields)) sent.add(`${change.entity}:${change.entityId}:${field}`);
        }
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      const allowed = new Set<string>();
      for (const [record, keys] of keysById) {
        if (!canRead(viewer, keys)) continue;
        const hidden = hiddenFields(viewer, keys);
        for (const field of FIELDS) if (!hidden.includes(field)) allowed.add(`${record}:${field}`);
      }
      expect(allowed.size).toBeGreaterThan(name === 'nobody' ? 0 : 2 * 81 * 2);
      expect([...sent].sort()).toEqual([...allowed].sort());
    });
  }
});
