import type { CaseRecord, CaseStatus } from '../../src/domain/caseRecord.ts';
import { addCalendarDays, type IsoDate } from '../../src/domain/dueDates.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import type { StudentFields } from '../../src/domain/student.ts';
import type { CaseRow } from '../../src/storage/caseworkRecords.ts';
import { studentSearchKey } from '../../src/storage/studentRepository.ts';
import type { StudentRecord } from '../../src/storage/UraDatabase.ts';
import { benchId, ID_KIND, randomFor, type Random } from './benchRandom.ts';
import { generateCaseDetails, type CaseDetails } from './generateCaseDetails.ts';
import {
  ALBANIAN_FAMILY,
  ALBANIAN_GIVEN,
  ROMA_FAMILY,
  ROMA_GIVEN,
  SERBIAN_FAMILY,
  SERBIAN_GIVEN,
} from './namePools.ts';

/**
 * The benchmark's data, generated on the device: one student per case, cases
 * in every status with the stage dates that status implies, five
 * home-visit notes per case with next-visit dates around today, plan actions
 * and two screenings for most students. Rows look as a pull from the server
 * leaves them (every field stamped with the server's HLC), so no outbox rows.
 */
export interface BenchSchool {
  id: string;
  country: 'XK' | 'RS';
}

export interface CaseworkBatch extends CaseDetails {
  students: StudentRecord[];
  cases: CaseRow[];
}

export interface GenerateOptions {
  seed: number;
  /** Index of the first case; batches with consecutive ranges add up to one data set. */
  from: number;
  count: number;
  today: IsoDate;
  schools: readonly BenchSchool[];
}

export const VISITS_PER_CASE = 5;
export const WORKER_IDS: readonly string[] = Array.from({ length: 12 }, (_, n) => benchId(ID_KIND.worker, n));
const STATUS_WEIGHTS: readonly [CaseStatus, number][] = [
  ['flagged', 0.1],
  ['open', 0.15],
  ['assessed', 0.15],
  ['planActive', 0.3],
  ['monitoring', 0.15],
  ['closed', 0.15],
];
const STAGES: readonly CaseStatus[] = ['flagged', 'open', 'assessed', 'planActive', 'monitoring', 'closed'];

/** Every field of `fields` stamped with one HLC, as applyRemoteChanges leaves a pulled record. */
export function stampedBy<T extends object>(fields: T, hlc: string): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, hlc]));
}

function pickStatus(random: Random): CaseStatus {
  let roll = random.next();
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'closed';
}

function studentFor(random: Random, school: BenchSchool, today: IsoDate): StudentFields {
  const roma = random.chance(0.2);
  const serbian = school.country === 'RS' && !roma;
  const cyrillic = serbian && random.chance(0.5);
  const script = (pair: readonly [string, string]): string => (cyrillic ? pair[1] : pair[0]);
  const givenName = roma
    ? random.pick(ROMA_GIVEN)
    : serbian
      ? script(random.pick(SERBIAN_GIVEN))
      : random.pick(ALBANIAN_GIVEN);
  const familyName = roma
    ? random.pick(ROMA_FAMILY)
    : serbian
      ? script(random.pick(SERBIAN_FAMILY))
      : random.pick(ALBANIAN_FAMILY);
  const grade = random.int(1, 9);
  const birthYear = Number(today.slice(0, 4)) - 6 - grade;
  return {
    givenName,
    familyName,
    sex: random.chance(0.5) ? 'female' : 'male',
    dateOfBirth: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    schoolId: school.id,
    grade,
    className: `${grade}/${random.int(1, 3)}`,
    community: roma ? random.pick(['roma', 'ashkali', 'egyptian'] as const) : serbian ? 'serb' : 'albanian',
    rural: random.chance(0.4),
    guardianName: `${serbian ? script(random.pick(SERBIAN_GIVEN)) : random.pick(ALBANIAN_GIVEN)} ${familyName}`,
    guardianPhone:
      school.country === 'RS'
        ? `+381 6${random.int(0, 9)} ${random.int(100, 999)} ${random.int(1000, 9999)}`
        : `+383 4${random.int(3, 9)} ${random.int(100, 999)} ${random.int(100, 999)}`,
  };
}

/**
 * How many days ago a case entered its current stage: recent enough that its
 * next protocol deadline falls around today, as on a caseload kept up to date
 * (a few overdue, most ahead).
 */
const CURRENT_STAGE_AGE: Readonly<Record<CaseStatus, readonly [number, number]>> = {
  flagged: [0, 9],
  open: [0, 20],
  assessed: [0, 20],
  planActive: [0, 35],
  monitoring: [0, 80],
  closed: [0, 120],
};

/** Stage dates from the current stage backwards, each 5–25 days before the next; reviewed monthly. */
function caseFor(
  random: Random,
  ids: { id: string; studentId: string; schoolId: string },
  status: CaseStatus,
  today: IsoDate,
): CaseRecord {
  const reached = STAGES.indexOf(status);
  const [youngest, oldest] = CURRENT_STAGE_AGE[status];
  const current = addCalendarDays(today, -random.int(youngest, oldest));
  // Plans under way have had reviews: the last one is recent, the plan itself older.
  const reviewed = status === 'monitoring' || (status === 'planActive' && random.chance(0.6));
  const dates: IsoDate[] = [];
  let date = reviewed ? addCalendarDays(current, -random.int(30, 90)) : current;
  for (let stage = reached; stage >= 0; stage -= 1) {
    dates[stage] = date;
    date = addCalendarDays(date, -random.int(5, 25));
  }
  const at = (stage: number): IsoDate | null => (stage <= reached ? (dates[stage] ?? null) : null);
  return {
    ...ids,
    trigger: random.pick(['screening', 'suddenChange', 'absence', 'missingGrades', 'csoConcern'] as const),
    status,
    caseManagerId: reached >= 1 ? random.pick(WORKER_IDS) : null,
    flaggedAt: dates[0] ?? current,
    openedAt: at(1),
    assessedAt: at(2),
    planActivatedAt: at(3),
    monitoringSince: at(4),
    lastReviewedAt: reviewed ? current : null,
    closedAt: at(5),
    closureReason:
      status === 'closed'
        ? random.pick(['attendanceNormal', 'transferConfirmed', 'completed', 'movedAbroad'] as const)
        : null,
    reopenCount: random.chance(0.03) ? 1 : 0,
  };
}

export function generateCasework(options: GenerateOptions): CaseworkBatch {
  const { seed, today, schools } = options;
  const batch: CaseworkBatch = {
    students: [],
    cases: [],
    homeVisits: [],
    planActions: [],
    screenings: [],
  };
  const syncedAt = Date.parse(`${today}T06:00:00.000Z`);
  for (let i = options.from; i < options.from + options.count; i += 1) {
    const random = randomFor(seed, i);
    const hlc = formatHlc({ millis: syncedAt - 86_400_000 + i, counter: 0, node: '00000000000000b1' });
    const school = schools[i % schools.length];
    if (!school) throw new Error('no schools on the device: load the app once online first');
    const studentId = benchId(ID_KIND.student, i);
    const fields = studentFor(random, school, today);
    batch.students.push({
      ...fields,
      id: studentId,
      hlcs: stampedBy(fields, hlc),
      searchKey: studentSearchKey(fields),
      updatedAt: syncedAt,
    });

    const status = pickStatus(random);
    const record = caseFor(random, { id: benchId(ID_KIND.case, i), studentId, schoolId: school.id }, status, today);
    batch.cases.push({ ...record, hlcs: stampedBy(record, hlc) });
    // The last visit is at most three weeks ago, after the flag, and not after a closure.
    let lastVisit = addCalendarDays(today, -random.int(0, 20));
    if (lastVisit < record.flaggedAt) lastVisit = record.flaggedAt;
    if (record.closedAt !== null && lastVisit > record.closedAt) lastVisit = record.closedAt;
    generateCaseDetails({ random, index: i, record, country: school.country, lastVisit, today, hlc }, batch);
  }
  return batch;
}
