import { addCalendarDays, addMonths, type IsoDate } from '../../domain/dueDates.ts';
import type { PlanActionFields, Responsible } from '../../domain/planAction.ts';

export type ResponsibleKind = 'person' | 'organisation';

/** What the action form holds while the worker types: plain strings, so nothing typed is ever lost. */
export interface PlanActionDraft {
  interventionType: string;
  description: string;
  responsibleKind: ResponsibleKind;
  personName: string;
  organisationType: string;
  organisationName: string;
  dueDate: string;
}

/** The fields the form shows errors on, in the order they appear (the first wrong one gets focus). */
export const PLAN_ACTION_FORM_FIELDS = ['interventionType', 'description', 'responsible', 'dueDate'] as const;
export type PlanActionFormField = (typeof PLAN_ACTION_FORM_FIELDS)[number];

export function emptyPlanActionDraft(personName: string): PlanActionDraft {
  return {
    interventionType: '',
    description: '',
    responsibleKind: 'person',
    personName,
    organisationType: '',
    organisationName: '',
    dueDate: '',
  };
}

/** The form's starting point for editing a stored action. */
export function draftFromAction(action: PlanActionFields): PlanActionDraft {
  const { responsible } = action;
  const organisation = responsible.kind === 'organisation';
  return {
    interventionType: action.interventionType,
    description: action.description,
    responsibleKind: organisation ? 'organisation' : 'person',
    personName: responsible.kind === 'person' ? responsible.name : '',
    organisationType: organisation ? responsible.organisationType : '',
    organisationName: organisation ? responsible.name : '',
    dueDate: action.dueDate ?? '',
  };
}

/**
 * The responsible as the domain stores it. An empty person name falls back
 * to `fallback` (the worker on this phone for a new action, the stored
 * responsible when editing), so a save never fails for want of a name.
 */
export function responsibleFromDraft(draft: PlanActionDraft, fallback: Responsible): unknown {
  if (draft.responsibleKind === 'organisation') {
    return { kind: 'organisation', organisationType: draft.organisationType, name: draft.organisationName };
  }
  const name = draft.personName.trim();
  return name === '' ? fallback : { kind: 'person', name };
}

export const DUE_DATE_SHORTCUTS = ['inOneWeek', 'inTwoWeeks', 'inOneMonth'] as const;
export type DueDateShortcut = (typeof DUE_DATE_SHORTCUTS)[number];

export function dueDateFor(shortcut: DueDateShortcut, today: IsoDate): IsoDate {
  if (shortcut === 'inOneWeek') return addCalendarDays(today, 7);
  if (shortcut === 'inTwoWeeks') return addCalendarDays(today, 14);
  return addMonths(today, 1);
}
