/**
 * The shared records every run of the convergence model starts from: what
 * the server holds before any device comes along. Small on purpose (each
 * device pulls it at the start of every run): one school, two students, a
 * fresh flag, an open case and its two plan actions.
 */
import { flagCase } from '../../src/domain/caseRecord.ts';
import { transition } from '../../src/domain/caseWorkflow.ts';
import type { Entity } from '../../src/sync/protocol.ts';
import { makePlanAction, wireFields } from './caseworkFixtures.ts';
import { localizedName } from './clientFixtures.ts';
import { makeStudentFields } from './serverFixtures.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Where every run's true time starts. */
export const START = Date.parse('2026-12-14T09:00:00.000Z');
/** A school day after every seeded date, so any allowed workflow step may be dated on it. */
export const WORK_DATE = '2026-12-14';
export const NEXT_VISIT_DATE = '2026-12-21';
export const MANAGERS = ['Drita Berisha', 'Arta Hoxha', 'Milan Petrović'] as const;

function seedId(n: number): string {
  return `50000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const SEED = {
  municipality: seedId(1),
  school: seedId(2),
  students: [seedId(3), seedId(4)],
  flaggedCase: seedId(5),
  openCase: seedId(6),
  planActions: [seedId(7), seedId(8)],
} as const;

/** A write the server made itself before any device came along. */
export interface SeedWrite {
  entity: Entity;
  id: string;
  fields: Record<string, unknown>;
  hlc: string;
}

export function seedRecords(): Omit<SeedWrite, 'hlc'>[] {
  const [first, second] = SEED.students;
  const flagged = flagCase({
    id: SEED.flaggedCase,
    studentId: first,
    schoolId: SEED.school,
    trigger: 'absence',
    at: '2026-12-01',
  });
  const opened = transition(
    flagCase({ id: SEED.openCase, studentId: second, schoolId: SEED.school, trigger: 'screening', at: '2026-12-01' }),
    'open',
    { at: '2026-12-02', caseManagerId: MANAGERS[0] },
  );
  if (!opened.ok) throw new Error(opened.code);
  return [
    {
      entity: 'school',
      id: SEED.school,
      fields: { name: localizedName('Ahmet Hoxha'), municipalityId: SEED.municipality, country: 'XK' },
    },
    { entity: 'student', id: first, fields: { ...makeStudentFields({ schoolId: SEED.school }) } },
    {
      entity: 'student',
      id: second,
      fields: {
        ...makeStudentFields({ schoolId: SEED.school, givenName: 'Besnik', familyName: 'Krasniqi', sex: 'male' }),
      },
    },
    { entity: 'case', id: SEED.flaggedCase, fields: wireFields(flagged) },
    { entity: 'case', id: SEED.openCase, fields: wireFields(opened.case) },
    ...SEED.planActions.map((id) => ({
      entity: 'planAction' as const,
      id,
      fields: wireFields(makePlanAction(SEED.openCase, { id })),
    })),
  ];
}
