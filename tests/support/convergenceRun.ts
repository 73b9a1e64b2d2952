/**
 * Runs the convergence model's commands against real devices: the app's
 * repositories for edits, its real sync (syncWithServer) over the faulty
 * network, with the acting device's wall clock in force.
 */
import { KOSOVO, makeVisitInput } from './caseworkFixtures.ts';
import type { Command, EditedStudentField } from './convergenceModel.ts';
import { MANAGERS, NEXT_VISIT_DATE, WORK_DATE } from './convergenceSeed.ts';
import type { ModelClock } from './convergenceClock.ts';
import type { FaultyNetwork } from './faultyTransport.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import { createCase, setCaseManager, transitionCase } from '../../src/storage/caseRepository.ts';
import { resolveConflict } from '../../src/storage/conflictRepository.ts';
import { addHomeVisit } from '../../src/storage/homeVisitRepository.ts';
import { updatePlanActionStatus } from '../../src/storage/planActionRepository.ts';
import { addScreening } from '../../src/storage/screeningRepository.ts';
import { updateStudent } from '../../src/storage/studentRepository.ts';
import type { StudentRecord, UraDatabase } from '../../src/storage/UraDatabase.ts';
import { SyncUnavailableError } from '../../src/sync/postSync.ts';
import { syncWithServer } from '../../src/sync/syncWithServer.ts';

export interface Device {
  db: UraDatabase;
  pullLimit: number;
}

export interface ModelRun {
  devices: readonly Device[];
  network: FaultyNetwork;
  clock: ModelClock;
  /** Ids for new records, fixed per run so a replayed failure makes the same records. */
  nextId: () => string;
  /** Clashes a user settled during the run (for the coverage figures). */
  clashesResolved: number;
}

const STUDENT_VALUES: Record<EditedStudentField, (n: number) => unknown> = {
  grade: (n) => 3 + n,
  guardianPhone: (n) => `+383 44 100 20${n}`,
  familyName: (n) => ['Gashi', 'Krasniqi', 'Berisha', 'Hoxha'][n] ?? 'Gashi',
};

async function pickOf<T extends { id: string }>(rows: Promise<T[]>, pick: number): Promise<T | undefined> {
  const list = (await rows).sort((a, b) => (a.id < b.id ? -1 : 1));
  return list.length === 0 ? undefined : list[pick % list.length];
}

function studentFields(record: StudentRecord): StudentFields {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- device bookkeeping is not part of the edit
  const { id, hlcs, searchKey, updatedAt, ...fields } = record;
  return fields;
}

/**
 * One sync attempt by a device, through the network's planned faults. A
 * failure the network caused is expected (the app retries later); anything
 * else — a refusal, a crash — fails the run.
 */
export async function syncDevice(
  run: ModelRun,
  index: number,
  pullLimit = run.devices[index]?.pullLimit,
): Promise<'synced' | 'failed'> {
  const device = run.devices[index];
  if (device === undefined) throw new Error(`no device ${index}`);
  try {
    await syncWithServer(device.db, {
      fetch: run.network.fetch,
      baseUrl: '',
      ...(pullLimit === undefined ? {} : { pullLimit }),
    });
    return 'synced';
  } catch (error) {
    if (error instanceof SyncUnavailableError) return 'failed';
    throw error;
  }
}

/** Applies one edit on a device; an edit the workflow refuses (or with nothing to pick) writes nothing. */
async function edit(
  run: ModelRun,
  command: Exclude<Command, { kind: 'sync' | 'deliverHeld' | 'wait' | 'clockJump' | 'conflict' | 'resolveClash' }>,
): Promise<void> {
  const db = run.devices[command.device]?.db;
  if (db === undefined) throw new Error(`no device ${command.device}`);
  switch (command.kind) {
    case 'editStudent': {
      const student = await pickOf(db.students.toArray(), command.pick);
      if (student === undefined) return;
      const value = STUDENT_VALUES[command.field](command.value);
      await updateStudent(db, student.id, { ...studentFields(student), [command.field]: value });
      return;
    }
    case 'setCaseManager': {
      const record = await pickOf(db.cases.toArray(), command.pick);
      if (record !== undefined) await setCaseManager(db, record.id, MANAGERS[command.manager] ?? MANAGERS[0]);
      return;
    }
    case 'moveCase': {
      const record = await pickOf(db.cases.toArray(), command.pick);
      if (record === undefined) return;
      const options = command.to === 'closed' ? { closureReason: 'attendanceNormal' } : {};
      await transitionCase(db, record.id, command.to, { at: WORK_DATE, caseManagerId: MANAGERS[1], ...options });
      return;
    }
    case 'flagCase': {
      const student = await pickOf(db.students.toArray(), command.pick);
      if (student !== undefined)
        await createCase(db, { id: run.nextId(), studentId: student.id, trigger: 'other', at: WORK_DATE });
      return;
    }
    case 'addVisit': {
      const record = await pickOf(db.cases.toArray(), command.pick);
      if (record === undefined) return;
      const corrected = command.correction
        ? await pickOf(db.homeVisits.where('caseId').equals(record.id).toArray(), command.pick)
        : undefined;
      await addHomeVisit(
        db,
        makeVisitInput(record.id, {
          id: run.nextId(),
          correctionOf: corrected?.id ?? null,
          visitDate: WORK_DATE,
          nextVisitDate: NEXT_VISIT_DATE,
        }),
      );
      return;
    }
    case 'addScreening': {
      const student = await pickOf(db.students.toArray(), command.pick);
      if (student === undefined) return;
      await addScreening(db, KOSOVO, {
        id: run.nextId(),
        studentId: student.id,
        term: '2026-2027/1',
        screenedOn: WORK_DATE,
        screenedBy: MANAGERS[2],
        values: { unjustifiedAbsences: command.absences },
        protectiveFactors: [],
      });
      return;
    }
    case 'movePlanAction': {
      const action = await pickOf(db.planActions.toArray(), command.pick);
      if (action === undefined) return;
      const outcome = command.to === 'done' ? { outcome: 'partlyAchieved' as const } : {};
      await updatePlanActionStatus(db, action.id, command.to, { at: WORK_DATE, ...outcome });
      return;
    }
  }
}

/**
 * Every device edits one field offline (a clash for sure), every device syncs,
 * then one device syncs again, which brings the clash, and its user settles
 * an open clash it shows. Faults planned for those syncs apply as usual.
 */
async function resolveClash(run: ModelRun, command: Extract<Command, { kind: 'resolveClash' }>): Promise<void> {
  await runCommand(run, { kind: 'conflict', pick: command.pick, field: command.field, value: 0 });
  for (const index of [...run.devices.keys(), command.device]) {
    await run.clock.actingAs(index, () => syncDevice(run, index));
  }
  const db = run.devices[command.device]?.db;
  if (db === undefined) throw new Error(`no device ${command.device}`);
  const open = await pickOf(db.conflicts.filter((row) => row.choice === null).toArray(), command.pick);
  if (open === undefined) return;
  const outcome = await run.clock.actingAs(command.device, () =>
    resolveConflict(db, open.id, command.choice, MANAGERS[0]),
  );
  if (outcome === 'resolved') run.clashesResolved += 1;
}

export async function runCommand(run: ModelRun, command: Command): Promise<void> {
  switch (command.kind) {
    case 'wait':
      run.clock.advance(command.ms);
      return;
    case 'conflict':
      for (const device of run.devices.keys()) {
        const value = (command.value + device) % 4;
        await runCommand(run, { kind: 'editStudent', device, pick: command.pick, field: command.field, value });
      }
      return;
    case 'clockJump':
      run.clock.jump(command.device, command.byMs);
      return;
    case 'resolveClash':
      await resolveClash(run, command);
      return;
    case 'deliverHeld':
      await run.network.deliverHeld();
      return;
    case 'sync':
      run.network.planFaults(command.faults);
      await run.clock.actingAs(command.device, () => syncDevice(run, command.device));
      run.network.planFaults([]);
      return;
    default:
      await run.clock.actingAs(command.device, () => edit(run, command));
  }
}
