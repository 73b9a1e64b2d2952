import type { CaseRecord } from './caseRecord.ts';
import { byDue, computeFollowUps, type FollowUpInput, type FollowUpItem, type FollowUps } from './followUps.ts';
import type { HomeVisit } from './homeVisit.ts';
import type { PlanAction } from './planAction.ts';
import type { ProtocolProfile } from './protocolProfile.ts';

export interface FollowUpsByProfileInput extends Omit<FollowUpInput, 'profile'> {
  /** The profile of a case (that of its school), or undefined when its school is not on the device. */
  profileOf: (record: CaseRecord) => ProtocolProfile | undefined;
  /** For cases whose school is unknown, and for risk rises on a device with no open case. */
  defaultProfile: ProtocolProfile;
}

interface ProfileGroup {
  profile: ProtocolProfile;
  cases: CaseRecord[];
  visits: HomeVisit[];
  planActions: PlanAction[];
}

/** Cases not closed, grouped by profile (one group on most devices), with each group's visits and plan actions. */
function groupByProfile(input: FollowUpsByProfileInput): ProfileGroup[] {
  const groups = new Map<ProtocolProfile, ProfileGroup>();
  const groupOfCase = new Map<string, ProfileGroup>();
  for (const record of input.cases) {
    if (record.status === 'closed') continue;
    const profile = input.profileOf(record) ?? input.defaultProfile;
    let group = groups.get(profile);
    if (!group) {
      group = { profile, cases: [], visits: [], planActions: [] };
      groups.set(profile, group);
    }
    group.cases.push(record);
    groupOfCase.set(record.id, group);
  }
  if (groups.size <= 1) return [...groups.values()];
  for (const visit of input.visits) groupOfCase.get(visit.caseId)?.visits.push(visit);
  for (const action of input.planActions) groupOfCase.get(action.caseId)?.planActions.push(action);
  return [...groups.values()];
}

/**
 * computeFollowUps where each case keeps its own school's profile (a device
 * may hold schools of Kosovo and of Serbia): one call per profile present,
 * the lists merged in due order. Risk rises do not depend on the profile, so
 * they are computed once, then linked to the student's case in any group.
 */
export function computeFollowUpsByProfile(input: FollowUpsByProfileInput): FollowUps {
  const { today, screenings, calendar, deadlineWarningDays } = input;
  const options = {
    today,
    ...(calendar === undefined ? {} : { calendar }),
    ...(deadlineWarningDays === undefined ? {} : { deadlineWarningDays }),
  };
  const groups = groupByProfile(input);
  const [first, ...others] = groups;
  // One profile (or none): exactly computeFollowUps, with nothing to merge.
  if (!first || others.length === 0) {
    const { cases, visits, planActions } = input;
    return computeFollowUps({
      ...options,
      cases,
      visits,
      planActions,
      screenings,
      profile: first?.profile ?? input.defaultProfile,
    });
  }

  const results = groups.map((group, index) =>
    computeFollowUps({ ...options, ...group, screenings: index === 0 ? screenings : [] }),
  );
  const merge = (pick: (result: FollowUps) => FollowUpItem[]): FollowUpItem[] => results.flatMap(pick).sort(byDue);

  // As computeFollowUps links them: the student's last case in input order that is not closed.
  const caseByStudent = new Map<string, string>();
  for (const record of input.cases) if (record.status !== 'closed') caseByStudent.set(record.studentId, record.id);
  const riskRose = (results[0]?.riskRose ?? []).map((rise) => ({
    ...rise,
    caseId: caseByStudent.get(rise.studentId) ?? null,
  }));

  return {
    overdue: merge((result) => result.overdue),
    today: merge((result) => result.today),
    thisWeek: merge((result) => result.thisWeek),
    deadlinesSoon: merge((result) => result.deadlinesSoon),
    riskRose,
  };
}
