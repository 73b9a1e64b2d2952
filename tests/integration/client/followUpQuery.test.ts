import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeFollowUps, type FollowUpItem } from '../../../src/domain/followUps.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { loadToday } from '../../../src/storage/followUpQuery.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase, seedSchool } from '../../support/clientFixtures.ts';
import {
  seedCaseRow,
  seedPlanActionRow,
  seedScreeningRow,
  seedStudentRow,
  seedVisitRow,
} from '../../support/todayFixtures.ts';

const TODAY = '2026-03-10';
const KOSOVO = getProfile('XK');

let db: UraDatabase;
let schoolId: string;

beforeEach(async () => {
  db = freshDatabase();
  schoolId = (await seedSchool(db, { country: 'XK' })).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function newCase(name: string, overrides: Parameters<typeof seedCaseRow>[3] = {}) {
  const studentId = await seedStudentRow(db, schoolId, name, 'Krasniqi');
  return { studentId, caseId: await seedCaseRow(db, studentId, schoolId, overrides) };
}

const visitIds = (items: FollowUpItem[]) => items.filter((item) => item.kind === 'visit').map((item) => item.refId);

describe('loadToday reads the case index', () => {
  it('finds the same follow-ups as reading every record on the device', async () => {
    const a = await newCase('Ana');
    await seedVisitRow(db, a.caseId, { visitDate: '2026-03-02', nextVisitDate: '2026-03-07' });
    const b = await newCase('Besa', { status: 'planActive', planActivatedAt: '2026-02-10' });
    const corrected = await seedVisitRow(db, b.caseId, { visitDate: '2026-03-03', nextVisitDate: '2026-03-09' });
    await seedVisitRow(db, b.caseId, {
      visitDate: '2026-03-03',
      nextVisitDate: '2026-03-13',
      correctionOf: corrected,
      recordedAt: '2026-03-04T08:00:00.000Z',
    });
    // Moved past the week by a later note, and cleared by a later note: neither is due.
    const moved = await newCase('Era');
    await seedVisitRow(db, moved.caseId, { visitDate: '2026-03-01', nextVisitDate: '2026-03-08' });
    await seedVisitRow(db, moved.caseId, { visitDate: '2026-03-05', nextVisitDate: '2026-03-30' });
    const cleared = await newCase('Fjolla');
    await seedVisitRow(db, cleared.caseId, { visitDate: '2026-03-01', nextVisitDate: '2026-03-11' });
    await seedVisitRow(db, cleared.caseId, { visitDate: '2026-03-05', nextVisitDate: null });
    const c = await newCase('Drita', { status: 'closed', closedAt: '2026-03-05', closureReason: 'completed' });
    await seedVisitRow(db, c.caseId, { nextVisitDate: '2026-03-10' });
    await seedPlanActionRow(db, c.caseId, { dueDate: '2026-03-09' });
    await seedPlanActionRow(db, a.caseId, { dueDate: '2026-03-11' });
    await seedPlanActionRow(db, a.caseId, { dueDate: '2026-03-17' });
    await seedPlanActionRow(db, a.caseId, { dueDate: '2026-03-18' });
    await seedPlanActionRow(db, b.caseId, { dueDate: '2026-03-01', status: 'done', outcome: 'achieved' });
    await seedScreeningRow(db, a.studentId, 'low', '2025-11-20', '2025-2026/1');
    await seedScreeningRow(db, a.studentId, 'high', '2026-03-02', '2025-2026/2');

    const { followUps: fromQuery } = await loadToday(db, TODAY);
    const everything = {
      today: TODAY,
      cases: await db.cases.toArray(),
      visits: await db.homeVisits.toArray(),
      planActions: await db.planActions.toArray(),
      screenings: await db.screenings.toArray(),
      profile: KOSOVO,
    };
    expect(fromQuery).toEqual(computeFollowUps(everything));
    expect(fromQuery.overdue.length + fromQuery.thisWeek.length).toBeGreaterThan(3);
    expect(fromQuery.riskRose).toHaveLength(1);
  });

  it('lists only the next visit set by the latest current note of each open case, within a week', async () => {
    const due = await newCase('Ana');
    const dated = await seedVisitRow(db, due.caseId, { visitDate: '2026-03-02', nextVisitDate: '2026-03-12' });
    await seedVisitRow(db, due.caseId, { visitDate: '2026-01-10', nextVisitDate: '2026-01-20' });
    const later = await newCase('Besa');
    await seedVisitRow(db, later.caseId, { nextVisitDate: '2026-03-18' });
    await seedVisitRow(db, later.caseId, { visitDate: '2026-02-01', nextVisitDate: null });
    const closed = await newCase('Drita', { status: 'closed', closedAt: '2026-03-05', closureReason: 'completed' });
    await seedVisitRow(db, closed.caseId, { nextVisitDate: '2026-03-09' });

    const { followUps } = await loadToday(db, TODAY);

    expect(visitIds([...followUps.overdue, ...followUps.today, ...followUps.thisWeek])).toEqual([dated]);
    // Both open cases still list their protocol deadlines; the closed one lists nothing.
    const listed = new Set([...followUps.overdue, ...followUps.thisWeek].map((item) => item.caseId));
    expect(listed.has(closed.caseId)).toBe(false);
  });

  it('lets the latest note decide: a later note without a next visit clears an overdue one', async () => {
    const { caseId } = await newCase('Ana');
    const first = await seedVisitRow(db, caseId, { visitDate: '2026-03-02', nextVisitDate: '2026-03-06' });
    let { followUps } = await loadToday(db, TODAY);
    expect(visitIds(followUps.overdue)).toEqual([first]);

    await seedVisitRow(db, caseId, { visitDate: '2026-03-06', nextVisitDate: null });
    ({ followUps } = await loadToday(db, TODAY));
    expect(visitIds([...followUps.overdue, ...followUps.today, ...followUps.thisWeek])).toEqual([]);
  });

  it('lists open plan actions due up to a week ahead, and only screenings that show a rise', async () => {
    const { caseId, studentId } = await newCase('Ana');
    const inWeek = await seedPlanActionRow(db, caseId, { dueDate: '2026-03-17' });
    const past = await seedPlanActionRow(db, caseId, { dueDate: '2026-02-01' });
    await seedPlanActionRow(db, caseId, { dueDate: '2026-03-18' });
    await seedPlanActionRow(db, caseId, { dueDate: null });
    await seedPlanActionRow(db, caseId, { dueDate: '2026-03-11', status: 'done', outcome: 'achieved' });
    await seedScreeningRow(db, studentId, 'low', '2024-11-20', '2024-2025/1');
    const steady = await newCase('Besa');
    await seedScreeningRow(db, steady.studentId, 'high', '2024-11-20', '2024-2025/1');
    await seedScreeningRow(db, steady.studentId, 'medium', '2025-11-20', '2025-2026/1');

    let { followUps } = await loadToday(db, TODAY);
    const actionIds = (items: FollowUpItem[]) =>
      items.filter((item) => item.kind === 'planAction').map((item) => item.refId);
    expect(actionIds(followUps.overdue)).toEqual([past]);
    expect(actionIds(followUps.thisWeek)).toEqual([inWeek]);
    expect(followUps.riskRose).toEqual([]);

    const rose = await seedScreeningRow(db, studentId, 'high', '2025-11-21', '2025-2026/1');
    ({ followUps } = await loadToday(db, TODAY));
    expect(followUps.riskRose).toEqual([
      { studentId, screeningId: rose, screenedOn: '2025-11-21', from: 'low', to: 'high', caseId },
    ]);
  });
});

describe('loadToday', () => {
  it('names the students listed and the intervention of each plan action, across both countries', async () => {
    const serbianSchool = await seedSchool(db, { country: 'RS' });
    const ana = await newCase('Ana');
    const actionId = await seedPlanActionRow(db, ana.caseId, {
      dueDate: '2026-03-11',
      interventionType: 'counselling',
    });
    const markoId = await seedStudentRow(db, serbianSchool.id, 'Марко', 'Јовановић');
    const marko = await seedCaseRow(db, markoId, serbianSchool.id, {
      status: 'flagged',
      flaggedAt: '2026-03-01',
      openedAt: null,
    });
    await seedStudentRow(db, schoolId, 'Nobody', 'Listed');

    const data = await loadToday(db, TODAY);

    expect(data.today).toBe(TODAY);
    expect(data.followUps.thisWeek.map((item) => item.refId)).toEqual([actionId]);
    // Flagged on 1 March (a Sunday): five school days later is Friday 6 March, overdue.
    expect(data.followUps.overdue.map((item) => item.refId)).toEqual([`${marko}:openCase`]);
    expect(data.interventions.get(actionId)).toBe('counselling');
    expect([...data.students.values()].map((student) => student.givenName).sort()).toEqual(['Ana', 'Марко']);
    expect(data.students.get(markoId)?.schoolId).toBe(serbianSchool.id);
  });
});
