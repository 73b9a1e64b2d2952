import { addCalendarDays, addMonths, isIsoDate, localIsoDate, type IsoDate } from '../../domain/dueDates.ts';
import {
  correctionDraft,
  type HomeVisit,
  type HomeVisitField,
  type HomeVisitFields,
  type VisitOutcome,
} from '../../domain/homeVisit.ts';
import type { HomeVisitRow } from '../../storage/caseworkRecords.ts';

/** What the form keeps in the drafts table: the note's id travels with it, so a restored draft saves once. */
export interface VisitDraft {
  id: string;
  fields: HomeVisitFields;
}

export type SetVisitField = <K extends HomeVisitField>(field: K, value: HomeVisitFields[K]) => void;

/** Fields shown on the first screen, in screen order; the first wrong one of all gets the focus. */
export const ESSENTIAL_FIELDS: readonly HomeVisitField[] = [
  'visitDate',
  'outcome',
  'newAddress',
  'present',
  'planned',
  'nextVisitDate',
  'notes',
];

/** Fields behind "More details", in screen order. */
export const DETAIL_FIELDS: readonly HomeVisitField[] = [
  'startTime',
  'endTime',
  'otherVisitors',
  'language',
  'interpreterOrMediator',
  'statedReasons',
  'statedReasonsText',
  'observations',
  'childView',
  'strengths',
  'safeguardingConcern',
  'agreedActions',
  'familyInformedOfDataUse',
  'consent',
  'parentAcknowledged',
];

/** Outcomes where nobody of the family can have been met at the door, so "present" is emptied. */
const NOBODY_MET: ReadonlySet<VisitOutcome> = new Set(['nobodyHome', 'moved']);

/** The visit starts now, to five minutes, as the mentor usually writes at the door. */
export function roundedTime(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getHours())}:${pad(now.getMinutes() - (now.getMinutes() % 5))}`;
}

/** The defaults of a new note: today, the family met, planned; one tap on who was there, then save. */
export function newVisitFields(caseId: string, now: Date): HomeVisitFields {
  return {
    caseId,
    visitDate: localIsoDate(now),
    startTime: roundedTime(now),
    endTime: null,
    planned: true,
    otherVisitors: '',
    language: '',
    interpreterOrMediator: false,
    outcome: 'metFamily',
    newAddress: '',
    present: [],
    statedReasons: [],
    statedReasonsText: '',
    observations: '',
    childView: '',
    strengths: '',
    safeguardingConcern: false,
    agreedActions: [],
    nextVisitDate: null,
    familyInformedOfDataUse: false,
    consent: 'notAsked',
    parentAcknowledged: false,
    notes: '',
    correctionOf: null,
  };
}

/** A correction starts from the note it corrects; defaults fill any field a half-pulled record lacks. */
export function correctionFields(original: HomeVisitRow, now: Date): HomeVisitFields {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- local sync bookkeeping, never part of a note
  const { hlcs, ...visit } = original;
  const complete: HomeVisit = { ...newVisitFields(original.caseId, now), ...visit };
  return correctionDraft(complete);
}

/** One change as the user makes it; picking an outcome where nobody was met empties "present". */
export function withChange<K extends HomeVisitField>(
  fields: HomeVisitFields,
  field: K,
  value: HomeVisitFields[K],
): HomeVisitFields {
  const next = { ...fields, [field]: value };
  if (field === 'outcome' && NOBODY_MET.has(value as VisitOutcome)) next.present = [];
  return next;
}

/**
 * What is validated and saved: an agreed-action row left entirely blank is
 * dropped rather than refused, and an address typed for "moved" is not kept
 * once another outcome is chosen (the field is hidden then).
 */
export function fieldsToSave(fields: HomeVisitFields): HomeVisitFields {
  return {
    ...fields,
    newAddress: fields.outcome === 'moved' ? fields.newAddress : '',
    agreedActions: fields.agreedActions.filter(
      (action) => action.what.trim() !== '' || action.who.trim() !== '' || action.byDate !== null,
    ),
  };
}

export const NEXT_VISIT_SHORTCUTS = ['inOneWeek', 'inTwoWeeks', 'inOneMonth'] as const;
export type NextVisitShortcut = (typeof NEXT_VISIT_SHORTCUTS)[number];

/** The date a shortcut stands for, counted from the visit (or today while the visit date is unreadable). */
export function nextVisitFrom(visitDate: string, shortcut: NextVisitShortcut, today: IsoDate): IsoDate {
  const start = isIsoDate(visitDate) ? visitDate : today;
  if (shortcut === 'inOneWeek') return addCalendarDays(start, 7);
  if (shortcut === 'inTwoWeeks') return addCalendarDays(start, 14);
  return addMonths(start, 1);
}

/**
 * A draft as this form wrote it. Only the note's own fields are taken (an
 * unknown one would make every save fail), missing ones fall back to the
 * defaults, and anything unrecognisable is ignored rather than trusted.
 */
export function restoredDraft(value: unknown, defaults: HomeVisitFields): VisitDraft | null {
  if (value === null || typeof value !== 'object') return null;
  const { id, fields } = value as Partial<Record<keyof VisitDraft, unknown>>;
  if (typeof id !== 'string' || fields === null || typeof fields !== 'object') return null;
  const stored = fields as Partial<Record<HomeVisitField, unknown>>;
  // `in`, not `??`: a time or date the user cleared is stored as null and must stay cleared.
  const known = Object.fromEntries(
    (Object.keys(defaults) as HomeVisitField[]).map((field) => [
      field,
      field in stored ? stored[field] : defaults[field],
    ]),
  ) as unknown as HomeVisitFields;
  return { id, fields: { ...known, caseId: defaults.caseId, correctionOf: defaults.correctionOf } };
}

/** What every section of the form gets: the note, a way to change one field, and a field's translated error. */
export interface VisitSectionProps {
  fields: HomeVisitFields;
  setField: SetVisitField;
  errorFor: (field: HomeVisitField) => string | undefined;
}
