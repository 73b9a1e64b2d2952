import {
  INDICATOR_SOURCES,
  UNIT_OF_SOURCE,
  type IndicatorSource,
  type IndicatorUnit,
  type MapActivity,
  type MapActivityFields,
} from '../../domain/map/mapRecords.ts';
import { amountText, parseAmount } from './mapFormat.ts';

/** An activity as its form holds it: every field as typed. Keys are the record's, so errors land on them. */
export interface ActivityDraft extends Record<string, string> {
  title: string;
  responsible: string;
  startDate: string;
  endDate: string;
  budget: string;
  indicator: string;
  indicatorSource: string;
  unit: string;
  baseline: string;
  target: string;
}

/** The fields the activity form shows, in order. */
export const ACTIVITY_FIELDS = [
  'title',
  'responsible',
  'startDate',
  'endDate',
  'budget',
  'indicator',
  'indicatorSource',
  'unit',
  'baseline',
  'target',
] as const;

export function emptyActivityDraft(): ActivityDraft {
  return {
    title: '',
    responsible: '',
    startDate: '',
    endDate: '',
    budget: '',
    indicator: '',
    indicatorSource: 'manual',
    unit: 'count',
    baseline: '',
    target: '',
  };
}

export function draftFromActivity(activity: MapActivity): ActivityDraft {
  return {
    title: activity.title,
    responsible: activity.responsible,
    startDate: activity.startDate ?? '',
    endDate: activity.endDate ?? '',
    budget: amountText(activity.budget),
    indicator: activity.indicator,
    indicatorSource: activity.indicatorSource,
    unit: activity.unit,
    baseline: amountText(activity.baseline),
    target: amountText(activity.target),
  };
}

export function isAutomatic(source: string): source is Exclude<IndicatorSource, 'manual'> {
  return source !== 'manual' && (INDICATOR_SOURCES as readonly string[]).includes(source);
}

/** The unit the form shows: an automatic source's own, else the one chosen. */
export function unitOf(draft: ActivityDraft): string {
  return isAutomatic(draft.indicatorSource) ? UNIT_OF_SOURCE[draft.indicatorSource] : draft.unit;
}

/**
 * The record's fields from the draft, unchecked: the repository validates
 * them and names what is wrong (a number that is not one arrives as NaN).
 */
export function fieldsFromDraft(draft: ActivityDraft, planId: string, goalId: string): MapActivityFields {
  return {
    planId,
    goalId,
    title: draft.title,
    responsible: draft.responsible,
    startDate: draft.startDate === '' ? null : draft.startDate,
    endDate: draft.endDate === '' ? null : draft.endDate,
    budget: parseAmount(draft.budget),
    indicator: draft.indicator,
    indicatorSource: draft.indicatorSource as IndicatorSource,
    unit: unitOf(draft) as IndicatorUnit,
    baseline: parseAmount(draft.baseline),
    target: parseAmount(draft.target),
    removed: false,
  };
}
