/**
 * Two municipalities for the dashboard's server tests: Ferizaj-like M1 with
 * schools A and B (Kosovo), M2 with school C (Serbia), their students,
 * screenings, cases and plan actions written through the server's own write
 * path, and one account per role. The same records are kept as the domain's
 * input, so a test can compute what the server must answer.
 */
import type { FastifyInstance } from 'fastify';
import type { CaseStatus, ClosureReason } from '../../src/domain/caseRecord.ts';
import type { RoleGrant } from '../../src/server/accounts/roles.ts';
import type {
  DashboardCase,
  DashboardInput,
  DashboardPlanAction,
  DashboardScreening,
  DashboardStudent,
} from '../../src/domain/dashboard/dashboardFigures.ts';
import type { RiskLevel } from '../../src/domain/protocolProfile.ts';
import { localIsoDate } from '../../src/domain/dueDates.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { createServer } from '../../src/server/createServer.ts';
import { writeWinningFields } from '../../src/server/sync/fieldStore.ts';
import type { Entity } from '../../src/sync/protocol.ts';
import { createTempDatabase, makeStudentFields, TEST_NOW, type TempDatabase } from './serverFixtures.ts';
import { createTestAccount, openTestSession } from './testAccounts.ts';

export const M1 = '71000000-0000-4000-8000-000000000001';
export const M2 = '71000000-0000-4000-8000-000000000002';
export const SCHOOL_A = '72000000-0000-4000-8000-00000000000a';
export const SCHOOL_B = '72000000-0000-4000-8000-00000000000b';
export const SCHOOL_C = '72000000-0000-4000-8000-00000000000c';
export const AS_OF = localIsoDate(new Date(TEST_NOW));

const id = (kind: number, n: number) => `73000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;

export const ROLES = {
  coordinator: [{ role: 'coordinator', municipalityId: M1 }],
  otherCoordinator: [{ role: 'coordinator', municipalityId: M2 }],
  schoolTeam: [{ role: 'schoolTeam', schoolId: SCHOOL_A }],
  principal: [{ role: 'principal', schoolId: SCHOOL_B }],
  teacher: [{ role: 'teacher', schoolId: SCHOOL_A, classKey: '5|5/1' }],
  mentor: [{ role: 'mentor' }],
  admin: [{ role: 'admin' }],
  cswLiaison: [{ role: 'cswLiaison', municipalityId: M1 }],
} as const satisfies Record<string, readonly RoleGrant[]>;
export type WorldRole = keyof typeof ROLES;

export interface DashboardWorld extends TempDatabase {
  app: FastifyInstance;
  /** The server clock; tests move it. */
  clock: { now: number };
  input: DashboardInput;
  /** Given and family names and the ids of every child-data record written. */
  childIdentifiers: string[];
  cookies: Record<WorldRole, string>;
  userIds: Record<WorldRole, string>;
  /** Writes one record as the server's seed does (a new HLC each time). */
  write: (entity: Entity, entityId: string, fields: object) => Promise<void>;
}

interface Plan {
  school: string;
  students: number;
  cases: readonly (readonly [CaseStatus, number, ClosureReason?])[];
  level: (n: number) => RiskLevel;
}

const PLANS: readonly Plan[] = [
  // A: 12 students; 6 with an active plan (on time), 4 closed back in school, 1 open past its plan deadline.
  {
    school: SCHOOL_A,
    students: 12,
    cases: [
      ['planActive', 6],
      ['closed', 4, 'attendanceNormal'],
      ['open', 1],
    ],
    level: (n) => (n % 3 === 0 ? 'high' : 'medium'),
  },
  // B: 7 students; 3 fresh flags, 2 closed as dropped out.
  {
    school: SCHOOL_B,
    students: 7,
    cases: [
      ['flagged', 3],
      ['closed', 2, 'leftEducation'],
    ],
    level: () => 'veryHigh',
  },
  // C (the other municipality): 3 open cases.
  { school: SCHOOL_C, students: 3, cases: [['open', 3]], level: () => 'low' },
];

function caseFields(status: CaseStatus, studentId: string, schoolId: string, reason?: ClosureReason) {
  const base = {
    studentId,
    schoolId,
    trigger: 'screening',
    status,
    caseManagerId: status === 'flagged' ? null : 'Vesa Gashi',
    flaggedAt: status === 'flagged' ? '2026-11-16' : '2026-09-01',
    openedAt: status === 'flagged' ? null : '2026-09-02',
    assessedAt: status === 'planActive' || status === 'closed' ? '2026-09-10' : null,
    planActivatedAt: status === 'planActive' || status === 'closed' ? '2026-09-20' : null,
    monitoringSince: null,
    lastReviewedAt: null,
    closedAt: status === 'closed' ? '2026-10-15' : null,
    closureReason: status === 'closed' ? (reason ?? 'attendanceNormal') : null,
    reopenCount: 0,
  };
  return base;
}

export async function buildDashboardWorld(): Promise<DashboardWorld> {
  const temp = await createTempDatabase();
  const clock = { now: TEST_NOW };
  let counter = 0;
  const write = async (entity: Entity, entityId: string, fields: object) => {
    const hlc = formatHlc({ millis: clock.now, counter: counter++, node: '0000000000000000' });
    await writeWinningFields(temp.db, { entity, entityId, fields, hlc, mutationId: null, clientId: null }, new Map());
  };
  const students: DashboardStudent[] = [];
  const screenings: DashboardScreening[] = [];
  const cases: DashboardCase[] = [];
  const planActions: DashboardPlanAction[] = [];
  const childIdentifiers: string[] = [];
  const name = { en: 'x', sq: 'x', 'sr-Latn': 'x', 'sr-Cyrl': 'x' };
  await write('municipality', M1, { name, country: 'XK' });
  await write('municipality', M2, { name, country: 'RS' });
  for (const [schoolId, municipalityId, country] of [
    [SCHOOL_A, M1, 'XK'],
    [SCHOOL_B, M1, 'XK'],
    [SCHOOL_C, M2, 'RS'],
  ] as const) {
    await write('school', schoolId, { name, municipalityId, country });
  }
  let n = 0;
  for (const plan of PLANS) {
    const caseStatuses = plan.cases.flatMap(([status, count, reason]) =>
      Array.from({ length: count }, () => [status, reason] as const),
    );
    for (let index = 0; index < plan.students; index += 1) {
      n += 1;
      const studentId = id(1, n);
      const student = makeStudentFields({
        givenName: `Ardita${n}`,
        familyName: `Berishaj${n}`,
        schoolId: plan.school,
        sex: n % 2 === 0 ? 'male' : 'female',
        rural: n % 3 === 0,
        community: n % 4 === 0 ? 'roma' : 'albanian',
      });
      await write('student', studentId, student);
      students.push({ id: studentId, ...student });
      childIdentifiers.push(studentId, student.givenName, student.familyName, student.guardianName);
      const screening = {
        id: id(2, n),
        studentId,
        term: '2026-2027/1',
        screenedOn: '2026-10-01',
        level: plan.level(n),
      };
      await write('screening', screening.id, {
        studentId,
        term: screening.term,
        screenedOn: screening.screenedOn,
        screenedBy: 'Vesa Gashi',
        profileId: 'XK',
        profileVersion: 1,
        values: {},
        protectiveFactors: [],
        level: screening.level,
        score: 0,
        reasons: [],
      });
      screenings.push(screening);
      childIdentifiers.push(screening.id);
      const [status, reason] = caseStatuses[index] ?? [];
      if (status === undefined) continue;
      const caseId = id(3, n);
      const fields = caseFields(status, studentId, plan.school, reason);
      await write('case', caseId, fields);
      cases.push({ id: caseId, ...fields });
      childIdentifiers.push(caseId);
      if (status === 'planActive') {
        const action = { caseId, interventionType: 'homeVisit', status: 'done' } as const;
        await write('planAction', id(4, n), {
          ...action,
          description: 'Visit the family',
          responsible: { kind: 'person', name: 'Vesa Gashi' },
          dueDate: '2026-10-01',
          outcome: 'achieved',
          outcomeNote: '',
          completedAt: '2026-10-01',
        });
        planActions.push(action);
        childIdentifiers.push(id(4, n));
      }
    }
  }
  const input: DashboardInput = { asOf: AS_OF, schools: [], students, screenings, cases, planActions };
  const app = await createServer({ db: temp.db, now: () => clock.now });
  const cookies = {} as Record<WorldRole, string>;
  const userIds = {} as Record<WorldRole, string>;
  for (const [index, role] of (Object.keys(ROLES) as WorldRole[]).entries()) {
    const { userId } = await createTestAccount(temp.db, { roles: ROLES[role], login: `dash-${role}`, now: clock.now });
    userIds[role] = userId;
    cookies[role] = await openTestSession(
      temp.db,
      userId,
      `74000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      clock.now,
    );
  }
  return {
    ...temp,
    app,
    clock,
    input,
    childIdentifiers,
    cookies,
    userIds,
    write,
    cleanup: async () => {
      await app.close();
      await temp.cleanup();
    },
  };
}

/** The world's records limited to some schools: what one place's figures are computed from. */
export function inputOf(input: DashboardInput, schoolIds: readonly string[]): DashboardInput {
  const countries: Readonly<Record<string, 'XK' | 'RS'>> = { [SCHOOL_A]: 'XK', [SCHOOL_B]: 'XK', [SCHOOL_C]: 'RS' };
  return { ...input, schools: schoolIds.map((schoolId) => ({ id: schoolId, country: countries[schoolId] ?? 'XK' })) };
}
