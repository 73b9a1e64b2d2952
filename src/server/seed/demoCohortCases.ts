/**
 * The cohort's casework (demoCohortStudents.ts): 30 cases flagged over the
 * last year, walked along the workflow with the domain's own rules — 11
 * closed, 6 in monitoring, 9 with an active plan, 3 assessed, 1 open — with
 * their plan actions. Every deadline and open action still ahead falls more
 * than a week after `today`, so the demo's Today screen stays as it was.
 */
import { flagCase, type CaseRecord, type CaseStatus, type ClosureReason } from '../../domain/caseRecord.ts';
import { recordReview, transition, type TransitionOptions } from '../../domain/caseWorkflow.ts';
import { addCalendarDays, type IsoDate } from '../../domain/dueDates.ts';
import type { InterventionCode } from '../../domain/interventions.ts';
import type { PlanActionFields, PlanActionOutcome, PlanActionStatus } from '../../domain/planAction.ts';
import type { DemoRecord } from './demoCasework.ts';
import { cohortSchoolId, cohortStudentId, cohortStudentRecords } from './demoCohortStudents.ts';

type End = 'open' | 'assessed' | 'planActive' | 'monitoring' | ClosureReason;

/** [child, days since the flag, where the case is now, days from flag to plan (21 unless late)]. */
const STORIES: readonly (readonly [number, number, End, number?])[] = [
  [0, 300, 'attendanceNormal'],
  [1, 285, 'attendanceNormal', 45],
  [2, 250, 'monitoring'],
  [3, 230, 'leftEducation'],
  [4, 210, 'attendanceNormal'],
  [5, 180, 'transferConfirmed'],
  [6, 150, 'monitoring'],
  [7, 130, 'planActive', 50],
  [8, 100, 'monitoring'],
  [10, 75, 'planActive'],
  [11, 62, 'planActive', 45],
  [12, 58, 'flagNotConfirmed'],
  [13, 55, 'planActive'],
  [14, 52, 'planActive'],
  [16, 18, 'assessed'],
  [17, 5, 'open'],
  [18, 320, 'attendanceNormal'],
  [19, 270, 'completed'],
  [20, 240, 'monitoring'],
  [21, 200, 'attendanceNormal'],
  [22, 165, 'monitoring'],
  [23, 140, 'attendanceNormal', 44],
  [25, 110, 'monitoring'],
  [26, 90, 'planActive'],
  [28, 60, 'planActive'],
  [29, 57, 'planActive', 45],
  [31, 54, 'transferConfirmed'],
  [32, 51, 'planActive'],
  [33, 20, 'assessed'],
  [34, 12, 'assessed'],
];

const MANAGER = 'Drita Berisha';
const MENTOR = 'Arta Hoxha';

const ACTIONS: readonly (readonly [InterventionCode, string])[] = [
  ['homeVisit', 'Visit the family at home'],
  ['remedialClasses', 'Catch-up lessons after school'],
  ['parentMeeting', 'Meet the parents at school'],
  ['counselling', 'Sessions with the school psychologist'],
  ['mentoring', 'Weekly meeting with a mentor'],
  ['learningCentre', 'Afternoons at the learning centre'],
  ['schoolSupplies', 'Books and a school bag'],
  ['scholarship', 'Apply for the municipal scholarship'],
  ['transportSupport', 'Bus pass for the winter'],
  ['girlsWorkshops', "Girls' workshop on career choices"],
  ['referralCsw', 'Refer the family to the centre for social work'],
  ['peerSupport', 'A classmate to walk to school with'],
];

/** 4100…01 onwards: the cohort's cases, events and plan actions. */
function cohortId(n: number): string {
  return `41000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function steps(end: End, flag: IsoDate, planAfter: number, today: IsoDate): [CaseStatus, TransitionOptions][] {
  const on = (days: number) => addCalendarDays(flag, days);
  const opened: [CaseStatus, TransitionOptions] = [
    'open',
    { at: on(end === 'open' || end === 'assessed' ? 1 : 2), caseManagerId: MANAGER },
  ];
  if (end === 'open') return [opened];
  if (end === 'assessed') return [opened, ['assessed', { at: on(5) }]];
  if (end === 'flagNotConfirmed') return [opened, ['closed', { at: on(8), closureReason: end }]];
  const planned: [CaseStatus, TransitionOptions][] = [
    opened,
    ['assessed', { at: on(9) }],
    ['planActive', { at: on(planAfter) }],
  ];
  if (end === 'planActive') return planned;
  if (end === 'transferConfirmed' || end === 'leftEducation') {
    return [...planned, ['closed', { at: on(planAfter + (end === 'leftEducation' ? 40 : 20)), closureReason: end }]];
  }
  if (end === 'monitoring') {
    const since = [on(planAfter + 14), addCalendarDays(today, -50)].sort().at(-1) ?? today;
    return [...planned, ['monitoring', { at: since }]];
  }
  return [
    ...planned,
    ['monitoring', { at: on(planAfter + 30) }],
    ['closed', { at: on(planAfter + 90), closureReason: end }],
  ];
}

function planAction(
  caseId: string,
  which: number,
  fields: Pick<PlanActionFields, 'status' | 'dueDate'> & {
    outcome?: PlanActionOutcome;
    completedAt?: IsoDate;
  },
): object {
  const [interventionType, description] = ACTIONS[which % ACTIONS.length] ?? ACTIONS[0] ?? ['homeVisit', ''];
  return {
    caseId,
    interventionType,
    description,
    responsible: { kind: 'person', name: which % 2 === 0 ? MANAGER : MENTOR },
    dueDate: fields.dueDate,
    status: fields.status,
    outcome: fields.outcome ?? null,
    outcomeNote: '',
    completedAt: fields.completedAt ?? null,
  };
}

/** Two actions per case with a plan: finished for a closed case, one under way in monitoring, ahead otherwise. */
function actionsOf(record: CaseRecord, end: End, k: number, today: IsoDate): object[] {
  const plan = record.planActivatedAt;
  if (plan === null) return [];
  const ahead = (days: number) => addCalendarDays(today, days);
  const finished = (status: PlanActionStatus, outcome?: PlanActionOutcome) => ({
    status,
    dueDate: addCalendarDays(plan, 14),
    completedAt: addCalendarDays(plan, 12),
    ...(outcome === undefined ? {} : { outcome }),
  });
  if (end === 'planActive') {
    return [
      planAction(record.id, k, { status: 'inProgress', dueDate: ahead(10 + (k % 10)) }),
      planAction(record.id, k + 5, { status: 'planned', dueDate: ahead(20 + (k % 7)) }),
    ];
  }
  const first = finished('done', end === 'leftEducation' ? 'notAchieved' : k % 3 === 0 ? 'partlyAchieved' : 'achieved');
  if (end === 'monitoring') {
    return [
      planAction(record.id, k, first),
      planAction(record.id, k + 5, { status: 'inProgress', dueDate: ahead(14 + (k % 10)) }),
    ];
  }
  const second = end === 'leftEducation' || k % 4 === 0 ? finished('cancelled') : finished('done', 'partlyAchieved');
  return [planAction(record.id, k, first), planAction(record.id, k + 5, second)];
}

/** The cohort's cases, status events and plan actions for a server first started on `today`. */
export function cohortCaseRecords(today: IsoDate): DemoRecord[] {
  let n = 0;
  const nextId = () => cohortId(++n);
  const records: DemoRecord[] = [];
  for (const [k, [child, daysAgo, end, planAfter = 21]] of STORIES.entries()) {
    const flag = addCalendarDays(today, -daysAgo);
    let current = flagCase({
      id: nextId(),
      studentId: cohortStudentId(child),
      schoolId: cohortSchoolId(child),
      trigger: k % 3 === 0 ? 'absence' : 'screening',
      at: flag,
    });
    const events: DemoRecord[] = [];
    for (const [to, options] of steps(end, flag, planAfter, today)) {
      const result = transition(current, to, options);
      if (!result.ok) throw new Error(`cohort case ${k} cannot move to ${to}: ${result.code}`);
      current = result.case;
      events.push({ entity: 'caseEvent', id: nextId(), fields: result.event });
    }
    // A plan under way has been reviewed lately, so no review is due this week.
    const since = current.planActivatedAt ?? today;
    if (end === 'monitoring' || (end === 'planActive' && since < addCalendarDays(today, -22))) {
      const reviewed = recordReview(current, addCalendarDays(today, end === 'monitoring' ? -6 : -8));
      if (!reviewed.ok) throw new Error(`cohort case ${k} cannot be reviewed: ${reviewed.code}`);
      current = reviewed.case;
    }
    const { id, ...fields } = current;
    records.push({ entity: 'case', id, fields }, ...events);
    for (const action of actionsOf(current, end, k, today))
      records.push({ entity: 'planAction', id: nextId(), fields: action });
  }
  return records;
}

/** The whole cohort: students and their screenings first, then the casework. */
export function demoCohort(today: IsoDate): DemoRecord[] {
  return [...cohortStudentRecords(today), ...cohortCaseRecords(today)];
}
