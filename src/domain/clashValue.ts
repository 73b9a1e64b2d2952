/**
 * How a clashed field's value reads on the phone: the raw value stored for a
 * field ("inProgress", "2027-01-15", a responsible party) becomes a kind the
 * screen can put into words. Pure, so each kind is tested without a screen.
 */
import type { FieldConflict } from './fieldConflict.ts';
import { isIsoDate } from './dueDates.ts';

/** Translation groups (namespace:group) whose keys are a field's stored values. */
export type TermGroup =
  | 'students:sex'
  | 'students:community'
  | 'casework:status'
  | 'casework:trigger'
  | 'casework:closureReason'
  | 'casework:intervention'
  | 'casework:planActionStatus'
  | 'casework:planActionOutcome'
  | 'casework:referralTarget'
  | 'casework:referralStatus';

export type ClashValue =
  | { kind: 'empty' }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'term'; group: TermGroup; key: string }
  | { kind: 'text'; text: string }
  /** A reference to another record (a school); the screen names the kind, not the id. */
  | { kind: 'otherRecord' };

const TERMS: Readonly<Record<FieldConflict['recordEntity'], Readonly<Record<string, TermGroup>>>> = {
  student: { sex: 'students:sex', community: 'students:community' },
  case: { status: 'casework:status', trigger: 'casework:trigger', closureReason: 'casework:closureReason' },
  planAction: {
    interventionType: 'casework:intervention',
    status: 'casework:planActionStatus',
    outcome: 'casework:planActionOutcome',
  },
  referral: { to: 'casework:referralTarget', status: 'casework:referralStatus' },
};

const REFERENCES = new Set(['schoolId', 'studentId', 'caseId']);

export function clashValue(entity: FieldConflict['recordEntity'], field: string, value: unknown): ClashValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'yesNo', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (REFERENCES.has(field)) return { kind: 'otherRecord' };
  const group = TERMS[entity][field];
  if (typeof value === 'string' && group !== undefined) return { kind: 'term', group, key: value };
  if (typeof value === 'string') return isIsoDate(value) ? { kind: 'date', iso: value } : { kind: 'text', text: value };
  return { kind: 'text', text: partyName(value) };
}

/** A plan action's responsible party: a person's or organisation's name, or a user's id. */
function partyName(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const party = value as { name?: unknown; userId?: unknown };
  if (typeof party.name === 'string') return party.name;
  if (typeof party.userId === 'string') return party.userId;
  return JSON.stringify(value);
}
