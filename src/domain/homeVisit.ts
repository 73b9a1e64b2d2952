import type { IsoDate } from './dueDates.ts';

/**
 * A home-visit note (PRODUCT F6, fields of docs/domain.md §4 — all [P], as no
 * official form was found). Notes are append-only: a correction is a new note
 * whose `correctionOf` names the note it corrects; nothing is edited or merged.
 * Safeguarding details are never written here: the yes/no flag triggers a
 * referral to the centre for social work instead.
 */
export const VISIT_OUTCOMES = ['metFamily', 'nobodyHome', 'moved', 'refused', 'stopped'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const PRESENT_PARTIES = [
  'child',
  'mother',
  'father',
  'guardian',
  'grandparent',
  'sibling',
  'otherRelative',
  'other',
] as const;
export type PresentParty = (typeof PRESENT_PARTIES)[number];

/** Reasons the family gives for absence (domain.md §4), care duties apart from work as a gender-based barrier. */
export const STATED_REASONS = [
  'illness',
  'work',
  'careDuties',
  'cost',
  'transport',
  'bullyingOrDiscrimination',
  'engagementOrMarriage',
  'migration',
  'noDocuments',
  'childUnwilling',
  'other',
] as const;
export type StatedReason = (typeof STATED_REASONS)[number];

export const CONSENT_STATUSES = ['given', 'refused', 'notAsked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Error codes of homeVisitValidation.ts, translated as `casework:visitError.<code>`. */
export const VISIT_ERRORS = [
  'required',
  'tooLong',
  'invalidChoice',
  'invalidDate',
  'invalidTime',
  'dateInFuture',
  'endBeforeStart',
  'nextVisitBeforeVisit',
  'presentRequired',
  'presentNotExpected',
  'duplicate',
  'actionDateBeforeVisit',
  'invalid',
] as const;
export type VisitError = (typeof VISIT_ERRORS)[number];

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 4000;
export const MAX_AGREED_ACTIONS = 20;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Agreed during the visit: who does what by when. */
export interface AgreedAction {
  what: string;
  who: string;
  byDate: IsoDate | null;
}

export interface HomeVisitFields {
  caseId: string;
  visitDate: IsoDate;
  /** HH:MM, or null when not noted. */
  startTime: string | null;
  endTime: string | null;
  planned: boolean;
  /** Others who came along, with role and organisation; the author is `recordedBy`. */
  otherVisitors: string;
  /** Language the visit was held in, free text ('' when not noted). */
  language: string;
  interpreterOrMediator: boolean;
  outcome: VisitOutcome;
  /** Where the family went, when the outcome is `moved` and it is known. */
  newAddress: string;
  present: PresentParty[];
  statedReasons: StatedReason[];
  statedReasonsText: string;
  observations: string;
  childView: string;
  strengths: string;
  safeguardingConcern: boolean;
  agreedActions: AgreedAction[];
  nextVisitDate: IsoDate | null;
  familyInformedOfDataUse: boolean;
  consent: ConsentStatus;
  parentAcknowledged: boolean;
  notes: string;
  /** The note this one corrects, or null for an original note. */
  correctionOf: string | null;
}

export type HomeVisitField = keyof HomeVisitFields;

export interface HomeVisit extends HomeVisitFields {
  id: string;
  recordedBy: string;
  /** ISO timestamp on the device when the note was saved; orders corrections of one note. */
  recordedAt: string;
}

/** Whether the child was seen: the most important fact of a visit, derived so it can never disagree. */
export function childSeen(visit: Pick<HomeVisitFields, 'present'>): boolean {
  return visit.present.includes('child');
}

/** A safeguarding concern must lead to a referral to the centre for social work (domain.md §4). */
export function needsSafeguardingReferral(visit: Pick<HomeVisitFields, 'safeguardingConcern'>): boolean {
  return visit.safeguardingConcern;
}

/**
 * The fields of a correction, prefilled from the note it corrects: the user
 * changes what was wrong, and the original stays untouched (append-only).
 * Every field is named, so a stored row's extras (its HLCs) never ride along
 * into a draft the strict validator would refuse.
 */
export function correctionDraft(original: HomeVisit): HomeVisitFields {
  return {
    caseId: original.caseId,
    visitDate: original.visitDate,
    startTime: original.startTime,
    endTime: original.endTime,
    planned: original.planned,
    otherVisitors: original.otherVisitors,
    language: original.language,
    interpreterOrMediator: original.interpreterOrMediator,
    outcome: original.outcome,
    newAddress: original.newAddress,
    present: [...original.present],
    statedReasons: [...original.statedReasons],
    statedReasonsText: original.statedReasonsText,
    observations: original.observations,
    childView: original.childView,
    strengths: original.strengths,
    safeguardingConcern: original.safeguardingConcern,
    agreedActions: original.agreedActions.map((action) => ({ ...action })),
    nextVisitDate: original.nextVisitDate,
    familyInformedOfDataUse: original.familyInformedOfDataUse,
    consent: original.consent,
    parentAcknowledged: original.parentAcknowledged,
    notes: original.notes,
    correctionOf: original.id,
  };
}
