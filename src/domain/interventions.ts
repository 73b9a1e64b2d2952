import type { Source } from './protocolProfile.ts';
import type { SourceRef } from './sourceReferences.ts';

/**
 * The intervention catalogue of docs/domain.md §3, as codes a plan action
 * refers to (F5). Categories follow the list (family work,
 * psychosocial, empowerment, mentoring, academic, material, referral) plus
 * school climate and, in Serbia, legal enforcement. The National Week against
 * Dropout is a school- or municipality-wide activity, not a step in one
 * child's plan, so it belongs to the Municipal Action Plan (F21), not here.
 */
export const INTERVENTION_CATEGORIES = [
  'familyWork',
  'psychosocial',
  'empowerment',
  'mentoring',
  'academic',
  'material',
  'schoolClimate',
  'referral',
  'legal',
] as const;
export type InterventionCategory = (typeof INTERVENTION_CATEGORIES)[number];

export interface InterventionType {
  code: string;
  category: InterventionCategory;
  source: Source;
  refs: readonly SourceRef[];
}

const BOS: readonly SourceRef[] = ['bos2025'];

export const INTERVENTION_TYPES = [
  { code: 'homeVisit', category: 'familyWork', source: 'programme', refs: BOS },
  { code: 'parentMeeting', category: 'familyWork', source: 'programme', refs: BOS },
  { code: 'parentingSessions', category: 'familyWork', source: 'programme', refs: BOS },
  { code: 'schoolEquipmentHelp', category: 'familyWork', source: 'programme', refs: BOS },
  { code: 'counselling', category: 'psychosocial', source: 'programme', refs: ['bos2025', 'ecmi'] },
  { code: 'girlsWorkshops', category: 'empowerment', source: 'programme', refs: BOS },
  { code: 'peerEducation', category: 'empowerment', source: 'programme', refs: BOS },
  { code: 'mentoring', category: 'mentoring', source: 'programme', refs: BOS },
  { code: 'remedialClasses', category: 'academic', source: 'programme', refs: ['eurydiceRs'] },
  { code: 'learningCentre', category: 'academic', source: 'law', refs: ['ai12_2017'] },
  { code: 'individualEducationPlan', category: 'academic', source: 'law', refs: ['eurydiceRs'] },
  { code: 'scholarship', category: 'material', source: 'programme', refs: ['kosint2020'] },
  { code: 'transportSupport', category: 'material', source: 'default', refs: ['proposal'] },
  { code: 'schoolSupplies', category: 'material', source: 'default', refs: ['proposal'] },
  { code: 'socialAssistance', category: 'material', source: 'default', refs: ['proposal'] },
  { code: 'peerSupport', category: 'schoolClimate', source: 'programme', refs: ['dpmComponents'] },
  { code: 'antiBullying', category: 'schoolClimate', source: 'programme', refs: ['dpmComponents'] },
  { code: 'referralCsw', category: 'referral', source: 'programme', refs: ['tool1'] },
  { code: 'referralEducationDirectorate', category: 'referral', source: 'programme', refs: ['tool1'] },
  { code: 'referralHealth', category: 'referral', source: 'programme', refs: ['repeople'] },
  { code: 'referralPolice', category: 'referral', source: 'programme', refs: ['repeople'] },
  { code: 'referralRomaMediator', category: 'referral', source: 'programme', refs: ['repeople'] },
  { code: 'referralIntersectoralCommittee', category: 'referral', source: 'programme', refs: ['repeople'] },
  { code: 'misdemeanourRequest', category: 'legal', source: 'law', refs: ['paragraf2018', 'zosovArt84'] },
] as const satisfies readonly InterventionType[];

export type InterventionCode = (typeof INTERVENTION_TYPES)[number]['code'];

export const INTERVENTION_CODES: readonly InterventionCode[] = INTERVENTION_TYPES.map((type) => type.code);

const BY_CODE: ReadonlyMap<string, InterventionType> = new Map(INTERVENTION_TYPES.map((type) => [type.code, type]));

/** Looks up a catalogue entry, e.g. to group a plan's actions by category. */
export function interventionType(code: string): InterventionType | undefined {
  return BY_CODE.get(code);
}

/** Narrows a stored string to a catalogue code before it reaches a plan action. */
export function isInterventionCode(value: string): value is InterventionCode {
  return BY_CODE.has(value);
}
