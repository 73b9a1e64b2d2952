/**
 * The commands of the convergence model and their fast-check arbitraries.
 * A command names its device and picks a record by position among those the
 * device holds (sorted by id), so it stays meaningful while records appear.
 * Each edit goes through the app's real repository, as a screen would.
 */
import fc from 'fast-check';
import { CASE_STATUSES, type CaseStatus } from '../../src/domain/caseRecord.ts';
import { PLAN_ACTION_STATUSES, type PlanActionStatus } from '../../src/domain/planAction.ts';
import { DAY_MS } from './convergenceSeed.ts';
import { FAULTS, type Fault } from './faultyTransport.ts';

export const DEVICE_COUNT = 3;
/** Few fields and few records, so that devices often edit the same field and last-writer-wins has work to do. */
export const STUDENT_FIELDS = ['grade', 'guardianPhone', 'familyName'] as const;
export type EditedStudentField = (typeof STUDENT_FIELDS)[number];

export type Command =
  | { kind: 'editStudent'; device: number; pick: number; field: EditedStudentField; value: number }
  /** Every device edits the same field of the same student to a value of its own: a conflict for sure. */
  | { kind: 'conflict'; pick: number; field: EditedStudentField; value: number }
  | { kind: 'setCaseManager'; device: number; pick: number; manager: number }
  | { kind: 'moveCase'; device: number; pick: number; to: CaseStatus }
  | { kind: 'flagCase'; device: number; pick: number }
  | { kind: 'addVisit'; device: number; pick: number; correction: boolean }
  | { kind: 'addScreening'; device: number; pick: number; absences: number }
  | { kind: 'movePlanAction'; device: number; pick: number; to: PlanActionStatus }
  /** A clash is made and pulled, then the device's user settles one: keeps the kept value, or puts the replaced one back. */
  | { kind: 'resolveClash'; device: number; pick: number; field: EditedStudentField; choice: 'kept' | 'lost' }
  | { kind: 'sync'; device: number; faults: Fault[] }
  /** Requests held on the network arrive now, after whatever was sent since. */
  | { kind: 'deliverHeld' }
  | { kind: 'wait'; ms: number }
  /** The device's wall clock jumps (a dead battery, a wrong manual setting); see CLOCK_JUMPS. */
  | { kind: 'clockJump'; device: number; byMs: number };

/**
 * Device clocks: right, a little off (within the server's hour of tolerance),
 * or days off either way. Each device corrects its offset from `serverTime`.
 */
export const CLOCK_SKEWS = [0, 0, 25 * 60 * 1000, -40 * 60 * 1000, 3 * DAY_MS, -3 * DAY_MS, 40 * DAY_MS, -400 * DAY_MS];

/**
 * Either way. A clock moved forward by more than the server's hour of
 * tolerance since the last sync stamps writes the server refuses
 * (`clock_ahead`); the device then re-stamps them from the corrected time and
 * sends them again (storage/outboxRestamp.ts), so they converge like any other.
 */
export const CLOCK_JUMPS = [-60 * 60 * 1000, -3 * DAY_MS, -400 * DAY_MS, 2 * 60 * 60 * 1000, 3 * DAY_MS];

/**
 * Pull page sizes, in changed fields. A page of 15 splits records across
 * pages (a case arrives before its schoolId), which the device must apply
 * without losing its place.
 */
export const SPLIT_PAGE_LIMIT = 15;
export const PULL_LIMITS = [SPLIT_PAGE_LIMIT, 500];

const device = fc.integer({ min: 0, max: DEVICE_COUNT - 1 });
/** The first records by id: the seeded ones (ids 5…) and the first made in the run (ids 6…). */
const pick = fc.nat({ max: 2 });

/** Edits of shared fields weigh most: they are where devices disagree. New records come now and then. */
const edits: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('editStudent' as const),
      device,
      pick,
      field: fc.constantFrom(...STUDENT_FIELDS),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('conflict' as const),
      pick,
      field: fc.constantFrom(...STUDENT_FIELDS),
      value: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('setCaseManager' as const), device, pick, manager: fc.nat({ max: 2 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('moveCase' as const),
      device,
      pick,
      to: fc.constantFrom(...CASE_STATUSES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('movePlanAction' as const),
      device,
      pick,
      to: fc.constantFrom(...PLAN_ACTION_STATUSES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flagCase' as const), device, pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolveClash' as const),
      device,
      pick,
      field: fc.constantFrom(...STUDENT_FIELDS),
      choice: fc.constantFrom('kept' as const, 'lost' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('addVisit' as const), device, pick, correction: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('addScreening' as const), device, pick, absences: fc.nat({ max: 20 }) }),
  },
);

/** Faulty as often as not, so that some rounds get through and others fail in every way. */
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...FAULTS.filter((name) => name !== 'none')) },
);

export const commandsArbitrary: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: edits },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device,
        faults: fc.array(fault, { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'deliverHeld' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('wait' as const),
        ms: fc.constantFrom(1, 1000, 60 * 60 * 1000, 2 * DAY_MS),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('clockJump' as const), device, byMs: fc.constantFrom(...CLOCK_JUMPS) }),
    },
  ),
  { minLength: 1, maxLength: 15 },
);

export interface Scenario {
  skews: number[];
  pullLimits: number[];
  commands: Command[];
}

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  skews: fc.array(fc.constantFrom(...CLOCK_SKEWS), { minLength: DEVICE_COUNT, maxLength: DEVICE_COUNT }),
  pullLimits: fc.array(fc.constantFrom(...PULL_LIMITS), { minLength: DEVICE_COUNT, maxLength: DEVICE_COUNT }),
  commands: commandsArbitrary,
});
