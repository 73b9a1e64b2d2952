import { describe, expect, it } from 'vitest';
import {
  changePlanActionStatus,
  isPlanActionOpen,
  PLAN_ACTION_STATUSES,
  PLAN_ACTION_TRANSITIONS,
} from '../../../../src/domain/planAction.ts';
import { validatePlanAction } from '../../../../src/domain/planActionValidation.ts';
import { getProfile } from '../../../../src/domain/profiles/profiles.ts';
import { makeAction, makeActionFields } from './fixtures.ts';

const XK = getProfile('XK');
const RS = getProfile('RS');
const fields = makeActionFields();

describe('validatePlanAction', () => {
  it('accepts an action for a user or an outside organisation', () => {
    expect(validatePlanAction(XK, fields)).toEqual({ ok: true, value: fields });
    const csw = { ...fields, responsible: { kind: 'organisation', organisationType: 'csw', name: ' QPS Ferizaj ' } };
    expect(validatePlanAction(XK, csw)).toMatchObject({ ok: true, value: { responsible: { name: 'QPS Ferizaj' } } });
  });

  it('accepts a person named in words, until accounts exist, but not a blank name', () => {
    const person = { ...fields, responsible: { kind: 'person', name: ' Drita Berisha ' } };
    expect(validatePlanAction(XK, person)).toMatchObject({
      ok: true,
      value: { responsible: { name: 'Drita Berisha' } },
    });
    expect(validatePlanAction(XK, { ...fields, responsible: { kind: 'person', name: '  ' } })).toEqual({
      ok: false,
      errors: { responsible: 'required' },
    });
  });

  it('offers only the profile’s interventions', () => {
    const misdemeanour = { ...fields, interventionType: 'misdemeanourRequest' };
    expect(validatePlanAction(XK, misdemeanour)).toEqual({ ok: false, errors: { interventionType: 'notInProfile' } });
    expect(validatePlanAction(RS, misdemeanour).ok).toBe(true);
    expect(validatePlanAction(RS, { ...fields, interventionType: 'learningCentre' })).toEqual({
      ok: false,
      errors: { interventionType: 'notInProfile' },
    });
    expect(validatePlanAction(RS, { ...fields, interventionType: 'magic' })).toEqual({
      ok: false,
      errors: { interventionType: 'invalidChoice' },
    });
  });

  it('ties outcome and completion date to the status', () => {
    expect(validatePlanAction(XK, { ...fields, status: 'done', completedAt: '2026-03-10' })).toEqual({
      ok: false,
      errors: { outcome: 'outcomeRequired' },
    });
    expect(validatePlanAction(XK, { ...fields, outcome: 'achieved' })).toEqual({
      ok: false,
      errors: { outcome: 'outcomeNotExpected' },
    });
    expect(validatePlanAction(XK, { ...fields, status: 'cancelled' })).toEqual({
      ok: false,
      errors: { completedAt: 'required' },
    });
    expect(validatePlanAction(XK, { ...fields, completedAt: '2026-03-10' })).toEqual({
      ok: false,
      errors: { completedAt: 'invalid' },
    });
    expect(
      validatePlanAction(XK, { ...fields, status: 'done', outcome: 'partlyAchieved', completedAt: '2026-03-10' }).ok,
    ).toBe(true);
  });

  it('names malformed fields', () => {
    expect(
      validatePlanAction(XK, { ...fields, dueDate: '2026-13-01', responsible: { kind: 'user', userId: 'me' } }),
    ).toEqual({ ok: false, errors: { dueDate: 'invalidDate', responsible: 'required' } });
  });
});

describe('changePlanActionStatus', () => {
  const MATRIX = PLAN_ACTION_STATUSES.flatMap((from) => PLAN_ACTION_STATUSES.map((to) => [from, to] as const));

  it.each(MATRIX)('%s → %s follows the transition table', (from, to) => {
    const action = makeAction('a1', { status: from, ...(from === 'done' ? { outcome: 'achieved' } : {}) });
    const result = changePlanActionStatus(action, to, {
      at: '2026-03-12',
      ...(to === 'done' ? { outcome: 'notAchieved' as const } : {}),
    });
    if (PLAN_ACTION_TRANSITIONS[from].includes(to)) {
      expect(result).toMatchObject({ ok: true, action: { status: to } });
    } else {
      expect(result).toEqual({ ok: false, code: 'statusChangeNotAllowed' });
    }
  });

  it('asks for the outcome when done, and records the day', () => {
    const action = makeAction('a1', { status: 'inProgress' });
    expect(changePlanActionStatus(action, 'done', { at: '2026-03-12' })).toEqual({
      ok: false,
      code: 'outcomeRequired',
    });
    expect(changePlanActionStatus(action, 'cancelled', { at: '2026-03-12', outcome: 'achieved' })).toEqual({
      ok: false,
      code: 'outcomeNotExpected',
    });
    const done = changePlanActionStatus(action, 'done', {
      at: '2026-03-12',
      outcome: 'achieved',
      outcomeNote: ' Back in class ',
    });
    expect(done).toMatchObject({
      ok: true,
      action: { status: 'done', outcome: 'achieved', outcomeNote: 'Back in class', completedAt: '2026-03-12' },
    });
    if (!done.ok) return;
    expect(isPlanActionOpen(done.action)).toBe(false);
    const reopened = changePlanActionStatus(done.action, 'inProgress', { at: '2026-03-13' });
    expect(reopened).toMatchObject({ ok: true, action: { status: 'inProgress', outcome: null, completedAt: null } });
    expect(reopened.ok && isPlanActionOpen(reopened.action)).toBe(true);
  });
});
