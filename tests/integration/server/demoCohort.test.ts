/**
 * The dashboard's demo cohort: records the server itself would accept, a
 * newcomer's Today left as it was, and a Ferizaj dashboard that shows figures
 * past small-count suppression.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../src/domain/caseRecord.ts';
import { computeDashboard } from '../../../src/domain/dashboard/computeDashboard.ts';
import type { DashboardInput } from '../../../src/domain/dashboard/dashboardFigures.ts';
import { suppressSmallCounts } from '../../../src/domain/dashboard/suppressSmallCounts.ts';
import { computeFollowUps } from '../../../src/domain/followUps.ts';
import type { PlanAction } from '../../../src/domain/planAction.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import type { Screening } from '../../../src/domain/riskScreening.ts';
import type { Student } from '../../../src/domain/student.ts';
import { demoCasework, type DemoRecord } from '../../../src/server/seed/demoCasework.ts';
import { demoCohort } from '../../../src/server/seed/demoCohortCases.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENTS } from '../../../src/server/seed/demoStudents.ts';
import { ENTITY_RULES } from '../../../src/sync/protocolSchemas.ts';

const TODAY = '2026-11-23';
const cohort = demoCohort(TODAY);
const FERIZAJ = [DEMO_SCHOOL_IDS.ferizajAhmetHoxha, DEMO_SCHOOL_IDS.ferizajTefikCanga];

function rowsOf<T>(records: readonly DemoRecord[], entity: DemoRecord['entity']): T[] {
  return records.filter((r) => r.entity === entity).map((r) => ({ id: r.id, ...r.fields }) as T);
}

describe('the demo cohort', () => {
  it('is made of records the server would accept, with ids of their own, naming records that exist', () => {
    const ids = new Set([...cohort.map((r) => r.id), ...demoCasework(TODAY).map((r) => r.id)]);
    expect(ids.size).toBe(cohort.length + demoCasework(TODAY).length);
    const known = new Set([...FERIZAJ, ...ids]);
    for (const record of cohort) {
      if (record.entity === 'school' || record.entity === 'municipality') throw new Error('unexpected place');
      const rule = ENTITY_RULES[record.entity];
      const parsed = rule.fields.safeParse(record.fields);
      expect(parsed.success, `${record.entity} ${record.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      for (const field of Object.keys(rule.references)) {
        const target = (record.fields as Record<string, unknown>)[field];
        if (target !== null) expect(known.has(target as string), `${record.entity}.${field}`).toBe(true);
      }
    }
    const students = rowsOf<Student>(cohort, 'student');
    expect(students).toHaveLength(36);
    expect(new Set(students.map((s) => s.schoolId))).toEqual(new Set(FERIZAJ));
    // Never in the demo teacher's class, so the teacher's screens stay as they were.
    const teacher = DEMO_STUDENTS[0]?.fields;
    expect(students.filter((s) => s.schoolId === teacher?.schoolId && s.className === teacher?.className)).toEqual([]);
  });

  it("leaves a newcomer's Today as it was: nothing of the cohort due within a week", () => {
    const followUps = computeFollowUps({
      today: TODAY,
      cases: rowsOf<CaseRecord>(cohort, 'case'),
      visits: [],
      planActions: rowsOf<PlanAction>(cohort, 'planAction'),
      screenings: rowsOf<Screening>(cohort, 'screening'),
      profile: getProfile('XK'),
    });
    expect(followUps).toEqual({ overdue: [], today: [], thisWeek: [], deadlinesSoon: [], riskRose: [] });
  });

  it("gives Ferizaj's coordinator figures past suppression, for the municipality and each school", () => {
    const records = [...demoCasework(TODAY), ...cohort];
    const input: DashboardInput = {
      asOf: TODAY,
      schools: FERIZAJ.map((id) => ({ id, country: 'XK' })),
      students: [...DEMO_STUDENTS.map((s) => ({ id: s.id, ...s.fields })), ...rowsOf<Student>(cohort, 'student')],
      screenings: rowsOf<Screening>(records, 'screening'),
      cases: rowsOf<CaseRecord>(records, 'case'),
      planActions: rowsOf<PlanAction>(records, 'planAction'),
    };
    const only = (schoolId: string) => ({ ...input, schools: input.schools.filter((s) => s.id === schoolId) });
    const [municipality, ...schools] = suppressSmallCounts([
      { schoolId: null, figures: computeDashboard(input) },
      ...FERIZAJ.map((schoolId) => ({ schoolId, figures: computeDashboard(only(schoolId)) })),
    ]);
    expect(municipality?.breakdowns.all.casesByStatus.total).toBe(31);
    expect(municipality?.breakdowns.all.screened.total).toBe(37);
    const shownNumbers = (figures: typeof municipality) =>
      Object.values(figures?.breakdowns.all ?? {}).flatMap((table) =>
        table.rows.flatMap((row) => row.cells).filter((count) => typeof count === 'number' && count >= 5),
      );
    expect(shownNumbers(municipality).length).toBeGreaterThanOrEqual(8);
    for (const school of schools) expect(shownNumbers(school).length).toBeGreaterThanOrEqual(2);
    // Five plans came late, so both on time and late show, and the share on time with them.
    expect(municipality?.breakdowns.all.flagToPlan.overallShareOnTime).toBeCloseTo(21 / 26);
  });
});
