import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../src/domain/caseRecord.ts';
import { computeFollowUps } from '../../../src/domain/followUps.ts';
import type { HomeVisit } from '../../../src/domain/homeVisit.ts';
import type { PlanAction } from '../../../src/domain/planAction.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import type { Screening } from '../../../src/domain/riskScreening.ts';
import { demoCasework, type DemoRecord } from '../../../src/server/seed/demoCasework.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { DEMO_STUDENT_IDS } from '../../../src/server/seed/demoStudents.ts';
import { ENTITY_RULES } from '../../../src/sync/protocolSchemas.ts';

const TODAY = '2026-11-23';
const records = demoCasework(TODAY);

function rowsOf<T>(entity: DemoRecord['entity']): T[] {
  return records.filter((r) => r.entity === entity).map((r) => ({ id: r.id, ...r.fields }) as T);
}

describe('demo casework', () => {
  it('is made of records the server itself would accept, naming records that exist', () => {
    const known = new Set<string>([
      ...Object.values(DEMO_SCHOOL_IDS),
      ...Object.values(DEMO_STUDENT_IDS),
      ...records.map((r) => r.id),
    ]);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const record of records) {
      if (record.entity === 'school' || record.entity === 'municipality') throw new Error('unexpected place');
      const rule = ENTITY_RULES[record.entity];
      const parsed = rule.fields.safeParse(record.fields);
      expect(parsed.success, `${record.entity} ${record.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      for (const field of Object.keys(rule.references)) {
        const target = (record.fields as Record<string, unknown>)[field];
        if (target !== null)
          expect(typeof target === 'string' && known.has(target), `${record.entity}.${field}`).toBe(true);
      }
    }
  });

  it("gives a newcomer's Today screen a visit due today, an overdue visit, a deadline soon and a risk rise", () => {
    const followUps = computeFollowUps({
      today: TODAY,
      cases: rowsOf<CaseRecord>('case'),
      visits: rowsOf<HomeVisit>('homeVisit'),
      planActions: rowsOf<PlanAction>('planAction'),
      screenings: rowsOf<Screening>('screening'),
      // Deadlines differ by profile; Kosovo's are enough to show one about to pass.
      profile: getProfile('XK'),
    });
    expect(followUps.today.map((item) => item.kind)).toContain('visit');
    expect(followUps.overdue.some((item) => item.kind === 'visit')).toBe(true);
    expect(followUps.deadlinesSoon.length).toBeGreaterThan(0);
    expect(followUps.riskRose).toEqual([
      expect.objectContaining({ studentId: DEMO_STUDENT_IDS.arberKrasniqi, from: 'medium', to: 'high' }),
    ]);
  });

  it('keeps every date relative to the first start', () => {
    const later = demoCasework('2027-03-01');
    const visit = later.find((r) => r.entity === 'homeVisit');
    expect((visit?.fields as HomeVisit).nextVisitDate).toBe('2027-03-01');
  });
});
