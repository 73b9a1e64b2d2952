/**
 * The dashboard's storage on the phone: a snapshot per place, sealed at rest,
 * the newest opened first offline, an older app's snapshot ignored; and the
 * records a school's own figures are computed from, its unsent work included.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../src/domain/dashboard/computeDashboard.ts';
import type { DashboardReply } from '../../../src/domain/dashboard/dashboardReply.ts';
import { db } from '../../../src/storage/database.ts';
import {
  latestDashboardSnapshot,
  loadDashboardSnapshot,
  loadSchoolDashboardInput,
  saveDashboardSnapshot,
  snapshotKey,
} from '../../../src/storage/dashboardSnapshots.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { rawRows, stringsIn } from '../../support/rawIndexedDb.ts';

const M = '10000000-0000-4000-8000-000000000001';
const SCHOOL = '20000000-0000-4000-8000-000000000001';
const OTHER_SCHOOL = '20000000-0000-4000-8000-000000000002';
const AS_OF = '2026-11-23';

function reply(place: DashboardReply['place'], computedAt: number): DashboardReply {
  const input = {
    asOf: AS_OF,
    schools: [{ id: SCHOOL, country: 'XK' as const }],
    students: [],
    screenings: [],
    cases: [],
    planActions: [],
  };
  return {
    places: { municipalities: [{ id: M, schoolIds: [SCHOOL] }], schoolIds: [] },
    place,
    computedAt,
    figures: computeDashboard(input),
  };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('dashboard snapshots', () => {
  it('keeps one snapshot per place, and opens the newest first', async () => {
    const whole = { municipalityId: M, schoolId: null };
    const school = { municipalityId: M, schoolId: SCHOOL };
    expect(snapshotKey(whole)).toBe(`municipality:${M}`);
    expect(snapshotKey(school)).toBe(`municipality:${M}:school:${SCHOOL}`);
    expect(snapshotKey({ municipalityId: null, schoolId: SCHOOL })).toBe(`school:${SCHOOL}`);
    await saveDashboardSnapshot(db, reply(whole, 1_000), 5_000);
    await saveDashboardSnapshot(db, reply(school, 2_000), 6_000);
    await saveDashboardSnapshot(db, reply(whole, 3_000), 4_000);
    expect((await loadDashboardSnapshot(db, whole))?.computedAt).toBe(3_000);
    expect((await loadDashboardSnapshot(db, school))?.computedAt).toBe(2_000);
    expect((await latestDashboardSnapshot(db))?.place).toEqual(school);
    expect(await loadDashboardSnapshot(db, { municipalityId: M, schoolId: OTHER_SCHOOL })).toBeUndefined();
  });

  it('ignores a snapshot an older app kept in another shape', async () => {
    const old = reply({ municipalityId: M, schoolId: null }, 1_000);
    await db.dashboards.put({
      key: `municipality:${M}`,
      computedAt: 1_000,
      figures: { ...old, figures: { ...old.figures, version: 0 } },
      savedAt: 9_000,
    });
    expect(await loadDashboardSnapshot(db, old.place)).toBeUndefined();
    expect(await latestDashboardSnapshot(db)).toBeUndefined();
  });

  it('keeps the figures sealed at rest: only the place key is plain', async () => {
    await saveDashboardSnapshot(db, reply({ municipalityId: M, schoolId: null }, 1_000), 2_000);
    const strings = stringsIn(await rawRows(db.name, 'dashboards'));
    expect(strings).toContain(`municipality:${M}`);
    expect(strings.some((value) => value.includes('casesByStatus'))).toBe(false);
  });
});

describe("a school's records on the phone", () => {
  it('reads its cases, students and screenings, unsent ones included, and leaves other schools out', async () => {
    await db.schools.bulkPut([
      {
        id: SCHOOL,
        name: { en: 'A', sq: 'A', 'sr-Latn': 'A', 'sr-Cyrl': 'А' },
        municipalityId: M,
        country: 'RS',
        hlcs: {},
      },
      {
        id: OTHER_SCHOOL,
        name: { en: 'B', sq: 'B', 'sr-Latn': 'B', 'sr-Cyrl': 'Б' },
        municipalityId: M,
        country: 'XK',
        hlcs: {},
      },
    ]);
    const student = (schoolId: string, givenName: string) => ({
      givenName,
      familyName: 'Gashi',
      sex: 'female' as const,
      dateOfBirth: '2014-05-12',
      schoolId,
      grade: 5,
      className: '5/1',
      community: '' as const,
      rural: true,
      guardianName: '',
      guardianPhone: '',
    });
    const mine = await createStudent(db, student(SCHOOL, 'Drita'));
    const theirs = await createStudent(db, student(OTHER_SCHOOL, 'Vesa'));
    for (const studentId of [mine, theirs]) {
      await createCase(db, { id: newRecordId(), studentId, trigger: 'absence', at: '2026-11-20' });
    }
    const input = await loadSchoolDashboardInput(db, [SCHOOL], AS_OF);
    expect(input.schools).toEqual([{ id: SCHOOL, country: 'RS' }]);
    expect(input.students).toEqual([{ id: mine, schoolId: SCHOOL, sex: 'female', rural: true, community: '' }]);
    expect(input.cases.map((record) => [record.studentId, record.status, record.flaggedAt])).toEqual([
      [mine, 'flagged', '2026-11-20'],
    ]);
    expect(await db.outbox.count()).toBe(4);
    expect(computeDashboard(input).breakdowns.all.newCases.total).toBe(1);
  });
});
