import type { CaseRecord } from '../../src/domain/caseRecord.ts';
import { addCalendarDays, type IsoDate } from '../../src/domain/dueDates.ts';
import type { HomeVisit } from '../../src/domain/homeVisit.ts';
import { INTERVENTION_CODES } from '../../src/domain/interventions.ts';
import type { PlanAction, PlanActionStatus } from '../../src/domain/planAction.ts';
import { getProfile } from '../../src/domain/profiles/profiles.ts';
import { scoreScreening, type Screening, type ScreeningValues } from '../../src/domain/riskScreening.ts';
import type { HomeVisitRow, PlanActionRow, ScreeningRow } from '../../src/storage/caseworkRecords.ts';
import { benchId, ID_KIND, type Random } from './benchRandom.ts';
import { OBSERVATIONS, VISIT_LANGUAGES } from './namePools.ts';

export interface CaseDetails {
  homeVisits: HomeVisitRow[];
  planActions: PlanActionRow[];
  screenings: ScreeningRow[];
}

export interface CaseContext {
  random: Random;
  index: number;
  record: CaseRecord;
  country: 'XK' | 'RS';
  lastVisit: IsoDate;
  today: IsoDate;
  hlc: string;
}

const VISITS = 5;
const PLAN_ACTIONS_BY_STATUS: Readonly<Record<CaseRecord['status'], number>> = {
  flagged: 0,
  open: 0,
  assessed: 1,
  planActive: 3,
  monitoring: 3,
  closed: 2,
};

function stamped<T extends { id: string }>(row: T, hlc: string): T & { hlcs: Record<string, string> } {
  const hlcs = Object.fromEntries(
    Object.keys(row)
      .filter((key) => key !== 'id')
      .map((key) => [key, hlc]),
  );
  return { ...row, hlcs };
}

/** The term a date falls in ("2025-2026/1": September–January, then February–August). */
function termOf(date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  const inSecond = month >= 2 && month < 9;
  return `${start}-${start + 1}/${inSecond ? 2 : 1}`;
}

/** Five notes ending at `lastVisit`, each naming the next; every 25th case's last note corrects the one before. */
function visitsFor(context: CaseContext): HomeVisitRow[] {
  const { random, index, record, lastVisit, hlc } = context;
  const dates: IsoDate[] = [lastVisit];
  for (let k = 1; k < VISITS; k += 1) dates.unshift(addCalendarDays(dates[0] ?? lastVisit, -random.int(7, 21)));
  const correcting = index % 25 === 0;
  return dates.map((visitDate, k) => {
    const isCorrection = correcting && k === VISITS - 1;
    const date = isCorrection ? (dates[k - 1] ?? visitDate) : visitDate;
    const following = isCorrection ? undefined : dates[k + 1];
    const nobodyHome = random.chance(0.15);
    const visit: HomeVisit = {
      id: benchId(ID_KIND.homeVisit, index * 8 + k),
      caseId: record.id,
      recordedBy: record.caseManagerId ?? benchId(ID_KIND.worker, 0),
      recordedAt: `${date}T${String(random.int(9, 17)).padStart(2, '0')}:30:00.000Z`,
      visitDate: date,
      startTime: `${String(random.int(9, 17)).padStart(2, '0')}:00`,
      endTime: null,
      planned: random.chance(0.8),
      otherVisitors: random.chance(0.3) ? 'Roma mediator, CSO' : '',
      language: random.pick(VISIT_LANGUAGES),
      interpreterOrMediator: random.chance(0.2),
      outcome: nobodyHome ? 'nobodyHome' : 'metFamily',
      newAddress: '',
      present: nobodyHome ? [] : random.chance(0.7) ? ['child', 'mother'] : ['mother', 'grandparent'],
      statedReasons: nobodyHome ? [] : [random.pick(['illness', 'work', 'careDuties', 'cost', 'transport'] as const)],
      statedReasonsText: '',
      observations: random.pick(OBSERVATIONS),
      childView: nobodyHome ? '' : 'Wants to come back after the holidays.',
      strengths: nobodyHome ? '' : 'Grandmother supports schooling.',
      safeguardingConcern: false,
      agreedActions: nobodyHome
        ? []
        : [{ what: 'Mother brings the child to school on Monday', who: 'Mother', byDate: addCalendarDays(date, 4) }],
      // Closed cases plan no further visit; open ones fall due around today.
      nextVisitDate: following ?? (record.status === 'closed' ? null : addCalendarDays(lastVisit, random.int(7, 21))),
      familyInformedOfDataUse: true,
      consent: nobodyHome ? 'notAsked' : 'given',
      parentAcknowledged: random.chance(0.5),
      notes: '',
      correctionOf: isCorrection ? benchId(ID_KIND.homeVisit, index * 8 + k - 1) : null,
    };
    return stamped(visit, hlc);
  });
}

function planActionsFor(context: CaseContext): PlanActionRow[] {
  const { random, index, record, today, hlc } = context;
  return Array.from({ length: PLAN_ACTIONS_BY_STATUS[record.status] }, (_, k) => {
    const status: PlanActionStatus =
      record.status === 'closed' ? 'done' : random.pick(['planned', 'inProgress', 'inProgress', 'done'] as const);
    const action: PlanAction = {
      id: benchId(ID_KIND.planAction, index * 4 + k),
      caseId: record.id,
      interventionType: random.pick(INTERVENTION_CODES),
      description: 'Weekly mentoring after school, with the class teacher',
      responsible: { kind: 'user', userId: record.caseManagerId ?? benchId(ID_KIND.worker, 0) },
      dueDate: addCalendarDays(today, random.int(-20, 30)),
      status,
      outcome: status === 'done' ? random.pick(['achieved', 'partlyAchieved', 'notAchieved'] as const) : null,
      outcomeNote: '',
      completedAt: status === 'done' ? addCalendarDays(today, -random.int(1, 30)) : null,
    };
    return stamped(action, hlc);
  });
}

/** Two screenings, last term and this one, for 60% of students. */
function screeningsFor(context: CaseContext): ScreeningRow[] {
  const { random, index, record, country, today, hlc } = context;
  if (!random.chance(0.6)) return [];
  const profile = getProfile(country);
  const terms: [string, IsoDate][] = [
    [termOf(addCalendarDays(today, -150)), addCalendarDays(today, -150)],
    [termOf(today), addCalendarDays(today, -random.int(0, 30))],
  ];
  // This term's values are last term's with a little change: most levels hold, some rise, some fall.
  const last: ScreeningValues = {};
  for (const indicator of profile.indicators) {
    if (!random.chance(0.4)) continue;
    last[indicator.code] =
      indicator.kind === 'flag' ? random.chance(0.3) : random.int(0, indicator.thresholds.high + 3);
  }
  const now: ScreeningValues = {};
  for (const [code, value] of Object.entries(last) as [keyof ScreeningValues, number | boolean][]) {
    now[code] =
      typeof value === 'boolean' ? (random.chance(0.1) ? !value : value) : Math.max(0, value + random.int(-2, 2));
  }
  return terms.map(([term, screenedOn], k) => {
    const values = k === 0 ? last : now;
    const result = scoreScreening(profile, values);
    const screening: Screening & { reasons: typeof result.reasons } = {
      id: benchId(ID_KIND.screening, index * 2 + k),
      studentId: record.studentId,
      term,
      screenedOn,
      screenedBy: benchId(ID_KIND.worker, index % 12),
      profileId: result.profileId,
      profileVersion: result.profileVersion,
      values,
      protectiveFactors: random.chance(0.5) ? ['artsOrSport'] : [],
      level: result.level,
      score: result.score,
      reasons: result.reasons,
    };
    return stamped(screening, hlc);
  });
}

export function generateCaseDetails(context: CaseContext, into: CaseDetails): void {
  into.homeVisits.push(...visitsFor(context));
  into.planActions.push(...planActionsFor(context));
  into.screenings.push(...screeningsFor(context));
}
