/**
 * The dashboard cache follows the change log (dashboardRecordSet.ts): after
 * writes of every kind that changes figures — a case closed, a new case of a
 * child at another municipality's school, a child moving away while their
 * case stays, a new screening and plan action, a new school — the figures it
 * answers are exactly those a cache reading everything afresh answers.
 * SQLite here, PostgreSQL in `server-postgres`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardFigureCache } from '../../../src/server/dashboard/dashboardFigureCache.ts';
import {
  AS_OF,
  buildDashboardWorld,
  M1,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  type DashboardWorld,
} from '../../support/dashboardWorld.ts';

const WORLD_TIMEOUT = 60_000;
const NEW_SCHOOL = '72000000-0000-4000-8000-00000000000d';

describe('dashboard figures kept across writes', () => {
  let world: DashboardWorld;
  const kept = new DashboardFigureCache();
  beforeAll(async () => {
    world = await buildDashboardWorld();
  }, WORLD_TIMEOUT);
  afterAll(async () => {
    await world?.cleanup();
  });

  const id = (n: number) => `73000000-0000-4000-8900-${String(n).padStart(12, '0')}`;

  /** Every place of M1 as the kept cache answers it, and as a fresh one does. */
  async function bothWays(schoolIds: readonly string[]) {
    const places = [null, ...schoolIds];
    const read = (cache: DashboardFigureCache) =>
      Promise.all(places.map(async (place) => (await cache.municipality(world.db, M1, place, AS_OF, 1)).figures));
    return { kept: await read(kept), fresh: await read(new DashboardFigureCache()) };
  }

  const caseOf = (studentId: string, schoolId: string, status: 'flagged' | 'closed') => ({
    studentId,
    schoolId,
    trigger: 'absence',
    status,
    caseManagerId: null,
    flaggedAt: '2026-11-02',
    openedAt: null,
    assessedAt: null,
    planActivatedAt: null,
    monitoringSince: null,
    lastReviewedAt: null,
    closedAt: status === 'closed' ? '2026-11-10' : null,
    closureReason: status === 'closed' ? 'attendanceNormal' : null,
    reopenCount: 0,
  });

  it('answers after each kind of write what reading everything again answers', async () => {
    const warm = await bothWays([SCHOOL_A, SCHOOL_B]);
    expect(warm.kept).toEqual(warm.fresh);
    const { students, cases } = world.input;
    const openAtA = cases.find((item) => item.schoolId === SCHOOL_A && item.status === 'open');
    const withCaseAtA = cases.find((item) => item.schoolId === SCHOOL_A && item.status === 'planActive');
    const atB = students.find((item) => item.schoolId === SCHOOL_B);
    const atC = students.find((item) => item.schoolId === SCHOOL_C);
    if (!openAtA || !withCaseAtA || !atB || !atC) throw new Error('the world lacks a record the test needs');

    await world.write('case', openAtA.id, { status: 'closed', closedAt: '2026-11-10', closureReason: 'leftEducation' });
    await world.write('case', id(1), caseOf(atC.id, SCHOOL_B, 'flagged'));
    await world.write('student', withCaseAtA.studentId, { schoolId: SCHOOL_C });
    await world.write('screening', id(2), {
      studentId: atB.id,
      term: '2026-2027/1',
      screenedOn: '2026-11-05',
      screenedBy: 'Vesa Gashi',
      profileId: 'XK',
      profileVersion: 1,
      values: {},
      protectiveFactors: [],
      level: 'low',
      score: 0,
      reasons: [],
    });
    await world.write('planAction', id(3), {
      caseId: id(1),
      interventionType: 'counselling',
      description: '',
      responsible: { kind: 'person', name: 'Vesa Gashi' },
      dueDate: null,
      status: 'planned',
      outcome: null,
      outcomeNote: '',
      completedAt: null,
    });
    const after = await bothWays([SCHOOL_A, SCHOOL_B]);
    expect(after.kept).toEqual(after.fresh);
    // The writes did move the figures: a closure more, and a new flag.
    expect(after.kept[0]).not.toEqual(warm.kept[0]);
    expect(after.fresh[0]?.breakdowns.all.casesByStatus.total).toBe(
      (warm.fresh[0]!.breakdowns.all.casesByStatus.total as number) + 1,
    );
  });

  it('reads the municipality again when a school is added to it', async () => {
    const name = { en: 'x', sq: 'x', 'sr-Latn': 'x', 'sr-Cyrl': 'x' };
    await world.write('school', NEW_SCHOOL, { name, municipalityId: M1, country: 'XK' });
    const atC = world.input.students.find((item) => item.schoolId === SCHOOL_C);
    await world.write('case', id(4), caseOf(atC?.id ?? '', NEW_SCHOOL, 'closed'));
    const after = await bothWays([SCHOOL_A, SCHOOL_B, NEW_SCHOOL]);
    expect(after.kept).toEqual(after.fresh);
  });
});
