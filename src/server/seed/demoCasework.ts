/**
 * Demo casework, dated relative to the day the server first starts, so a
 * newcomer's Today screen has something due: a case with a plan and a visit
 * due today, a fresh flag whose opening deadline is near, a missed visit
 * (overdue) with a handover waiting, and a student whose risk rose. Built
 * with the domain's own rules, so every record is one the app could write.
 */
import { flagCase, type CaseEvent, type CaseRecord, type CaseStatus } from '../../domain/caseRecord.ts';
import { transition, type TransitionOptions } from '../../domain/caseWorkflow.ts';
import { addCalendarDays, type IsoDate } from '../../domain/dueDates.ts';
import type { HomeVisitFields } from '../../domain/homeVisit.ts';
import type { PlanActionFields } from '../../domain/planAction.ts';
import { getProfile } from '../../domain/profiles/profiles.ts';
import type { ProfileId } from '../../domain/protocolProfile.ts';
import { createReferral } from '../../domain/referral.ts';
import { scoreScreening, type ScreeningValues } from '../../domain/riskScreening.ts';
import type { Entity } from '../../sync/protocol.ts';
import { DEMO_SCHOOL_IDS as S } from './demoPlaces.ts';
import { DEMO_STUDENT_IDS as ID } from './demoStudents.ts';

export interface DemoRecord {
  entity: Entity;
  id: string;
  fields: object;
}

const MANAGER = 'Drita Berisha';
const MENTOR = 'Arta Hoxha';

/** Fixed ids, so tests and the demo can point at them: 4000…01 onwards. */
function demoId(n: number): string {
  return `40000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function record(entity: Entity, id: string, fields: object): DemoRecord {
  return { entity, id, fields };
}

/** Walks a case along the workflow, keeping each status change as its event record. */
function walkCase(
  start: CaseRecord,
  steps: readonly [CaseStatus, TransitionOptions][],
  nextId: () => string,
): DemoRecord[] {
  let current = start;
  const events: DemoRecord[] = [];
  for (const [to, options] of steps) {
    const result = transition(current, to, options);
    if (!result.ok) throw new Error(`demo case cannot move to ${to}: ${result.code}`);
    current = result.case;
    const event: CaseEvent = result.event;
    events.push(record('caseEvent', nextId(), event));
  }
  const { id, ...fields } = current;
  return [record('case', id, fields), ...events];
}

function screening(
  id: string,
  studentId: string,
  profileId: ProfileId,
  term: string,
  screenedOn: IsoDate,
  values: ScreeningValues,
): DemoRecord {
  const result = scoreScreening(getProfile(profileId), values);
  return record('screening', id, {
    studentId,
    term,
    screenedOn,
    screenedBy: MANAGER,
    profileId: result.profileId,
    profileVersion: result.profileVersion,
    values,
    protectiveFactors: [],
    level: result.level,
    score: result.score,
    reasons: result.reasons,
  });
}

const QUIET_VISIT: Omit<HomeVisitFields, 'caseId' | 'visitDate' | 'outcome' | 'present' | 'nextVisitDate'> = {
  startTime: '15:00',
  endTime: '15:40',
  planned: true,
  otherVisitors: '',
  language: '',
  interpreterOrMediator: false,
  newAddress: '',
  statedReasons: [],
  statedReasonsText: '',
  observations: '',
  childView: '',
  strengths: '',
  safeguardingConcern: false,
  agreedActions: [],
  familyInformedOfDataUse: true,
  consent: 'given',
  parentAcknowledged: false,
  notes: '',
  correctionOf: null,
};

function planAction(caseId: string, fields: Omit<PlanActionFields, 'caseId' | 'outcomeNote'>): object {
  return { caseId, outcomeNote: '', ...fields };
}

/** The demo's casework records for a server first started on `today`. */
export function demoCasework(today: IsoDate): DemoRecord[] {
  let n = 0;
  const nextId = () => demoId(++n);
  const day = (offset: number) => addCalendarDays(today, offset);
  const records: DemoRecord[] = [];

  // Arbër: risk rose from medium to high; plan active with a visit due today.
  const arber = nextId();
  records.push(screening(nextId(), ID.arberKrasniqi, 'XK', '2025-2026/2', day(-200), { unjustifiedAbsences: 12 }));
  records.push(
    screening(nextId(), ID.arberKrasniqi, 'XK', '2026-2027/1', day(-20), {
      unjustifiedAbsences: 22,
      failingSubjects: 2,
      economicHardship: true,
    }),
  );
  const arberStart = flagCase({
    id: arber,
    studentId: ID.arberKrasniqi,
    schoolId: S.ferizajAhmetHoxha,
    trigger: 'screening',
    at: day(-19),
  });
  records.push(
    ...walkCase(
      arberStart,
      [
        ['open', { at: day(-18), caseManagerId: MANAGER }],
        ['assessed', { at: day(-12) }],
        ['planActive', { at: day(-8) }],
      ],
      nextId,
    ),
  );
  records.push(
    record('homeVisit', nextId(), {
      ...QUIET_VISIT,
      caseId: arber,
      visitDate: day(-7),
      outcome: 'metFamily',
      present: ['child', 'mother'],
      statedReasons: ['work'],
      statedReasonsText: 'Helps his uncle at the market on weekdays.',
      nextVisitDate: today,
      recordedBy: MENTOR,
      recordedAt: `${day(-7)}T15:45:00.000Z`,
    }),
  );
  const person = (name: string) => ({ kind: 'person', name }) as const;
  records.push(
    record(
      'planAction',
      nextId(),
      planAction(arber, {
        interventionType: 'remedialClasses',
        description: 'Maths catch-up twice a week',
        responsible: person(MANAGER),
        dueDate: day(5),
        status: 'inProgress',
        outcome: null,
        completedAt: null,
      }),
    ),
    record(
      'planAction',
      nextId(),
      planAction(arber, {
        interventionType: 'parentMeeting',
        description: 'Meet the mother about the market work',
        responsible: person(MENTOR),
        dueDate: day(2),
        status: 'planned',
        outcome: null,
        completedAt: null,
      }),
    ),
  );

  // Milica: flagged two days ago on absence data; the case must be opened soon.
  records.push(
    ...walkCase(
      flagCase({
        id: nextId(),
        studentId: ID.milicaJovanovic,
        schoolId: S.aleksinacVozdKaradjordje,
        trigger: 'absence',
        at: day(-2),
      }),
      [],
      nextId,
    ),
  );

  // Senad: nobody home at the last visit, the next one is overdue; the mentor handed over to the school team.
  const senad = nextId();
  records.push(
    ...walkCase(
      flagCase({
        id: senad,
        studentId: ID.senadBajramovic,
        schoolId: S.aleksinacLjupceNikolic,
        trigger: 'csoConcern',
        at: day(-12),
      }),
      [['open', { at: day(-11), caseManagerId: MANAGER }]],
      nextId,
    ),
  );
  records.push(
    record('homeVisit', nextId(), {
      ...QUIET_VISIT,
      caseId: senad,
      visitDate: day(-10),
      outcome: 'nobodyHome',
      present: [],
      consent: 'notAsked',
      familyInformedOfDataUse: false,
      nextVisitDate: day(-3),
      recordedBy: MENTOR,
      recordedAt: `${day(-10)}T16:10:00.000Z`,
    }),
  );
  const handover = createReferral(
    { id: senad, status: 'open' },
    { id: nextId(), from: 'mentor', fromUserId: MENTOR, to: 'schoolTeam', reason: 'attendanceConcern', at: day(-9) },
  );
  if (!handover.ok) throw new Error(`demo handover refused: ${handover.code}`);
  const { id: handoverId, ...handoverFields } = handover.referral;
  records.push(record('referral', handoverId, handoverFields));

  // Leonora: one screening, low risk — nothing to do.
  records.push(screening(nextId(), ID.leonoraQerimi, 'XK', '2026-2027/1', day(-20), { unjustifiedAbsences: 1 }));
  return records;
}
