import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../src/domain/caseRecord.ts';
import { PLAN_ACTION_STATUSES } from '../../../src/domain/planAction.ts';
import { computeFollowUpsByProfile } from '../../../src/domain/followUpsByProfile.ts';
import { fallbackProfileId, getProfile } from '../../../src/domain/profiles/profiles.ts';
import { applyRemoteChanges } from '../../../src/storage/applyRemoteChanges.ts';
import { caseIndexOfAll } from '../../../src/storage/caseIndex.ts';
import { createCase, recordCaseReview, setCaseManager, transitionCase } from '../../../src/storage/caseRepository.ts';
import { loadToday } from '../../../src/storage/followUpQuery.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addPlanAction, updatePlanActionStatus } from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import { createStudent, updateStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { makePlanAction, makeVisitInput, RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { changeOf, freshDatabase, makeStudentFields, remoteHlc, seedSchool } from '../../support/clientFixtures.ts';

/**
 * The case index is derived data: whatever the device does — local writes
 * through every repository, pulled changes, a school arriving late — it must
 * equal the index rebuilt from the records. Random sequences of writes check it.
 */
let db: UraDatabase;
let serbianSchool: string;

beforeEach(async () => {
  db = freshDatabase();
  serbianSchool = (await seedSchool(db, { country: 'RS' })).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
const pick = fc.nat();

type Command =
  | { kind: 'student'; name: string }
  | { kind: 'rename'; student: number; name: string }
  | { kind: 'flag'; student: number; at: string }
  | { kind: 'transition'; case: number; to: (typeof CASE_STATUSES)[number]; at: string }
  | { kind: 'manager'; case: number }
  | { kind: 'review'; case: number; at: string }
  | { kind: 'visit'; case: number; at: string; next: string | null }
  | { kind: 'action'; case: number; due: string | null }
  | { kind: 'actionStatus'; action: number; to: (typeof PLAN_ACTION_STATUSES)[number]; at: string }
  | { kind: 'screening'; student: number; risky: boolean; at: string }
  | { kind: 'pulledRename'; student: number; name: string }
  | { kind: 'pulledClose'; case: number }
  | { kind: 'pulledSchool'; country: 'XK' | 'RS' }
  | { kind: 'pulledStudentAtUnknownSchool'; name: string };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('student' as const), name: fc.constantFrom('Ana', 'Ђорђе', 'Vesna') }),
  fc.record({ kind: fc.constant('rename' as const), student: pick, name: fc.constantFrom('Besa', 'Милица') }),
  fc.record({ kind: fc.constant('flag' as const), student: pick, at: day }),
  fc.record({ kind: fc.constant('transition' as const), case: pick, to: fc.constantFrom(...CASE_STATUSES), at: day }),
  fc.record({ kind: fc.constant('manager' as const), case: pick }),
  fc.record({ kind: fc.constant('review' as const), case: pick, at: day }),
  fc.record({ kind: fc.constant('visit' as const), case: pick, at: day, next: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('action' as const), case: pick, due: fc.option(day, { nil: null }) }),
  fc.record({
    kind: fc.constant('actionStatus' as const),
    action: pick,
    to: fc.constantFrom(...PLAN_ACTION_STATUSES),
    at: day,
  }),
  fc.record({ kind: fc.constant('screening' as const), student: pick, risky: fc.boolean(), at: day }),
  fc.record({ kind: fc.constant('pulledRename' as const), student: pick, name: fc.constantFrom('Era', 'Јована') }),
  fc.record({ kind: fc.constant('pulledClose' as const), case: pick }),
  fc.record({ kind: fc.constant('pulledSchool' as const), country: fc.constantFrom('XK' as const, 'RS' as const) }),
  fc.record({ kind: fc.constant('pulledStudentAtUnknownSchool' as const), name: fc.constantFrom('Arbër', 'Senad') }),
);

interface Device {
  students: string[];
  cases: string[];
  actions: string[];
  pulls: number;
}

const nth = (ids: string[], index: number): string | undefined => ids[index % Math.max(ids.length, 1)];

async function pull(device: Device, entity: 'student' | 'case' | 'school', id: string, fields: object) {
  device.pulls += 1;
  const hlc = remoteHlc(Date.parse('2030-01-01T00:00:00Z') + device.pulls);
  await applyRemoteChanges(db, [changeOf(entity, id, fields, hlc)], device.pulls);
}

async function run(device: Device, cmd: Command): Promise<void> {
  const student = 'student' in cmd ? nth(device.students, cmd.student) : undefined;
  const caseId = 'case' in cmd ? nth(device.cases, cmd.case) : undefined;
  switch (cmd.kind) {
    case 'student':
      device.students.push(
        await createStudent(db, makeStudentFields({ givenName: cmd.name, schoolId: serbianSchool })),
      );
      return;
    case 'pulledStudentAtUnknownSchool': {
      const id = newRecordId();
      await pull(device, 'student', id, makeStudentFields({ givenName: cmd.name, schoolId: newRecordId() }));
      device.students.push(id);
      return;
    }
    case 'pulledSchool':
      await pull(device, 'school', newRecordId(), { country: cmd.country, municipalityId: 'm', name: {} });
      return;
  }
  if (cmd.kind === 'rename' && student)
    await updateStudent(db, student, { ...(await db.students.get(student))!, givenName: cmd.name });
  if (cmd.kind === 'pulledRename' && student) await pull(device, 'student', student, { givenName: cmd.name });
  if (cmd.kind === 'screening' && student) {
    const values = cmd.risky ? RISKY_VALUES : {};
    const input = {
      id: newRecordId(),
      studentId: student,
      term: '2026-2027/1',
      screenedOn: cmd.at,
      screenedBy: USER_ID,
    };
    await addScreening(db, getProfile('XK'), { ...input, values, protectiveFactors: [] });
  }
  if (cmd.kind === 'flag' && student && (await db.cases.where('studentId').equals(student).count()) === 0) {
    const id = newRecordId();
    await createCase(db, { id, studentId: student, trigger: 'absence', at: cmd.at });
    device.cases.push(id);
  }
  if (!caseId) return;
  if (cmd.kind === 'transition') {
    const closing = cmd.to === 'closed' ? { closureReason: 'completed' } : {};
    await transitionCase(db, caseId, cmd.to, { at: cmd.at, caseManagerId: USER_ID, ...closing });
  }
  if (cmd.kind === 'manager') await setCaseManager(db, caseId, newRecordId());
  if (cmd.kind === 'review') await recordCaseReview(db, caseId, cmd.at);
  if (cmd.kind === 'visit')
    await addHomeVisit(db, makeVisitInput(caseId, { visitDate: cmd.at, nextVisitDate: cmd.next }));
  if (cmd.kind === 'action') {
    const action = makePlanAction(caseId, { id: newRecordId(), dueDate: cmd.due });
    await addPlanAction(db, action);
    device.actions.push(action.id);
  }
  if (cmd.kind === 'pulledClose') {
    await pull(device, 'case', caseId, { status: 'closed', closedAt: '2026-11-20', closureReason: 'completed' });
  }
}

async function runAction(device: Device, cmd: Extract<Command, { kind: 'actionStatus' }>): Promise<void> {
  const id = nth(device.actions, cmd.action);
  if (!id) return;
  await updatePlanActionStatus(db, id, cmd.to, { at: cmd.at, outcome: 'achieved', outcomeNote: '' });
}

const TODAY = '2026-11-12';

/** The reference: computeFollowUpsByProfile over every record on the device, each case under its school's profile. */
async function followUpsOverEveryRecord() {
  const schools = new Map((await db.schools.toArray()).map((school) => [school.id, school.country]));
  return computeFollowUpsByProfile({
    today: TODAY,
    cases: await db.cases.orderBy('id').toArray(),
    visits: await db.homeVisits.toArray(),
    planActions: await db.planActions.toArray(),
    screenings: await db.screenings.toArray(),
    profileOf: (record) => {
      const country = schools.get(record.schoolId);
      return country === undefined ? undefined : getProfile(country);
    },
    defaultProfile: getProfile(fallbackProfileId(await db.schools.toArray())),
  });
}

const byCase = <T extends { caseId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.caseId < b.caseId ? -1 : 1));

describe('the case index', () => {
  it('equals the index rebuilt from the records, and gives Today the same lists, after any local and pulled writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        await Promise.all(db.tables.filter((table) => table.name !== 'schools').map((table) => table.clear()));
        const device: Device = { students: [], cases: [], actions: [], pulls: 0 };
        // Every run starts with students, cases and plan actions for the random commands to work on.
        const prelude: Command[] = [0, 1, 2].flatMap((index): Command[] => [
          { kind: 'student', name: 'Ana' },
          { kind: 'flag', student: index, at: '2026-11-02' },
          { kind: 'action', case: index, due: '2026-11-20' },
        ]);
        for (const cmd of [...prelude, ...commands]) {
          if (cmd.kind === 'actionStatus') await runAction(device, cmd);
          else await run(device, cmd);
        }
        const rebuilt = await caseIndexOfAll((name) => db.table(name));
        expect(byCase(await db.caseIndex.toArray())).toEqual(byCase(rebuilt));
        expect(await db.caseIndex.count()).toBe(device.cases.length);
        // And Today, read from the index, lists exactly what computing over every record lists.
        expect((await loadToday(db, TODAY)).followUps).toEqual(await followUpsOverEveryRecord());
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it('takes a case pulled across two pages: first without its school, then whole', async () => {
    const studentId = await createStudent(db, makeStudentFields({ schoolId: serbianSchool }));
    const caseId = newRecordId();
    const hlc = remoteHlc(Date.parse('2030-01-01T00:00:00Z'));
    await applyRemoteChanges(db, [changeOf('case', caseId, { studentId }, hlc)], 1);
    expect(await db.caseIndex.get(caseId)).toMatchObject({ caseId, studentId, deadlines: [] });

    const rest = { schoolId: serbianSchool, status: 'flagged', trigger: 'absence', flaggedAt: '2026-11-02' };
    await applyRemoteChanges(db, [changeOf('case', caseId, rest, hlc)], 2);
    const entry = await db.caseIndex.get(caseId);
    expect(entry?.deadlines.map((deadline) => deadline.kind)).toEqual(['openCase']);
    expect(entry?.givenName).toBe('Marko');
  });
});
