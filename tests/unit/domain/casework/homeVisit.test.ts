import { describe, expect, it } from 'vitest';
import { childSeen, correctionDraft, needsSafeguardingReferral } from '../../../../src/domain/homeVisit.ts';
import { validateHomeVisit } from '../../../../src/domain/homeVisitValidation.ts';
import { currentVisits, visitTimeline } from '../../../../src/domain/visitTimeline.ts';
import { makeVisit, makeVisitFields } from './fixtures.ts';

const TODAY = '2026-03-05';

function errorsOf(raw: unknown): Record<string, string | undefined> {
  const result = validateHomeVisit(raw, TODAY);
  if (result.ok) throw new Error('expected the note to be invalid');
  return result.errors;
}

describe('validateHomeVisit', () => {
  it('accepts a complete note and trims its text', () => {
    const result = validateHomeVisit(makeVisitFields({ childView: '  Wants to come back.  ' }), TODAY);
    expect(result).toEqual({ ok: true, value: makeVisitFields({ childView: 'Wants to come back.' }) });
  });

  it('accepts the quickest note: nobody home, no times, nothing else', () => {
    const quick = makeVisitFields({
      startTime: null,
      endTime: null,
      outcome: 'nobodyHome',
      present: [],
      statedReasons: [],
      statedReasonsText: '',
      childView: '',
      strengths: '',
      agreedActions: [],
      nextVisitDate: null,
      consent: 'notAsked',
      familyInformedOfDataUse: false,
    });
    expect(validateHomeVisit(quick, TODAY).ok).toBe(true);
  });

  it('refuses impossible dates and times', () => {
    expect(errorsOf(makeVisitFields({ visitDate: '2026-02-30' }))).toEqual({ visitDate: 'invalidDate' });
    expect(errorsOf(makeVisitFields({ visitDate: '2026-03-06' }))).toEqual({ visitDate: 'dateInFuture' });
    expect(errorsOf(makeVisitFields({ startTime: '25:00' }))).toEqual({ startTime: 'invalidTime' });
    expect(errorsOf(makeVisitFields({ startTime: '16:00', endTime: '15:59' }))).toEqual({ endTime: 'endBeforeStart' });
    expect(errorsOf(makeVisitFields({ nextVisitDate: '2026-03-01' }))).toEqual({
      nextVisitDate: 'nextVisitBeforeVisit',
    });
  });

  it('checks who was present against the outcome', () => {
    expect(errorsOf(makeVisitFields({ present: [] }))).toEqual({ present: 'presentRequired' });
    expect(errorsOf(makeVisitFields({ outcome: 'nobodyHome' }))).toEqual({ present: 'presentNotExpected' });
    expect(validateHomeVisit(makeVisitFields({ outcome: 'refused', present: ['father'] }), TODAY).ok).toBe(true);
  });

  it('refuses unknown codes, repeated choices and over-long text', () => {
    expect(
      errorsOf(
        makeVisitFields({
          outcome: 'partied' as never,
          present: ['child', 'child'],
          statedReasons: ['weather' as never],
          notes: 'x'.repeat(4001),
        }),
      ),
    ).toEqual({ outcome: 'invalidChoice', present: 'duplicate', statedReasons: 'invalidChoice', notes: 'tooLong' });
  });

  it('checks agreed actions: words required, due on or after the visit', () => {
    expect(errorsOf(makeVisitFields({ agreedActions: [{ what: ' ', who: '', byDate: null }] }))).toEqual({
      agreedActions: 'required',
    });
    expect(errorsOf(makeVisitFields({ agreedActions: [{ what: 'Call', who: 'Me', byDate: '2026-03-01' }] }))).toEqual({
      agreedActions: 'actionDateBeforeVisit',
    });
  });

  it('refuses a field no note has, and a correction link that is not an id', () => {
    expect(errorsOf({ ...makeVisitFields(), gps: '42.6,21.1' })).toEqual({ form: 'invalid' });
    expect(errorsOf(makeVisitFields({ correctionOf: 'v1' }))).toEqual({ correctionOf: 'invalid' });
  });
});

describe('helpers', () => {
  it('derives whether the child was seen and whether a CSW referral is needed', () => {
    expect(childSeen(makeVisitFields())).toBe(true);
    expect(childSeen(makeVisitFields({ present: ['mother'] }))).toBe(false);
    expect(needsSafeguardingReferral(makeVisitFields({ safeguardingConcern: true }))).toBe(true);
  });

  it('prefills a correction from the original, pointing at it, without sharing arrays', () => {
    const original = makeVisit('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4f01');
    const draft = correctionDraft(original);
    expect(draft).toEqual({ ...makeVisitFields(), correctionOf: original.id });
    expect(draft).not.toHaveProperty('id');
    expect(draft).not.toHaveProperty('recordedAt');
    draft.present.push('father');
    draft.agreedActions[0]!.what = 'changed';
    expect(original.present).toEqual(['child', 'mother']);
    expect(original.agreedActions[0]!.what).toBe('Mother brings her to school on Monday');
    expect(validateHomeVisit(draft, TODAY).ok).toBe(true);
  });

  it('leaves out what a stored row carries beyond the fields, so the draft stays valid', () => {
    const stored = { ...makeVisit('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4f02'), hlcs: { notes: 'hlc' } };
    const draft = correctionDraft(stored);
    expect(draft).not.toHaveProperty('hlcs');
    expect(validateHomeVisit(draft, TODAY).ok).toBe(true);
  });
});

describe('visitTimeline', () => {
  const a = makeVisit('a', { visitDate: '2026-02-10', recordedAt: '2026-02-10T15:00:00.000Z' });
  const b = makeVisit('b', { visitDate: '2026-03-02', startTime: '09:00' });
  const bFix = makeVisit('b2', {
    visitDate: '2026-03-02',
    startTime: '09:00',
    correctionOf: 'b',
    recordedAt: '2026-03-03T10:00:00.000Z',
  });
  const bFixFix = makeVisit('b3', {
    visitDate: '2026-03-02',
    startTime: '09:00',
    correctionOf: 'b2',
    recordedAt: '2026-03-04T10:00:00.000Z',
  });
  const c = makeVisit('c', { visitDate: '2026-03-02', startTime: '14:00' });
  const orphan = makeVisit('d', { visitDate: '2026-03-04', correctionOf: 'not-synced-yet' });

  it('orders notes and marks a chain of corrections, leaving only the last one current', () => {
    const timeline = visitTimeline([c, bFixFix, orphan, b, a, bFix]);
    expect(timeline.map((entry) => [entry.visit.id, entry.correctedBy, entry.current, entry.correctsMissing])).toEqual([
      ['a', [], true, false],
      ['b', ['b2'], false, false],
      ['b2', ['b3'], false, false],
      ['b3', [], true, false],
      ['c', [], true, false],
      ['d', [], true, true],
    ]);
    expect(currentVisits([c, bFixFix, b, a, bFix]).map((visit) => visit.id)).toEqual(['c', 'b3', 'a']);
  });

  it('keeps both corrections when two devices corrected the same note offline', () => {
    const other = makeVisit('b9', {
      visitDate: '2026-03-02',
      startTime: '09:00',
      correctionOf: 'b',
      recordedAt: '2026-03-03T09:00:00.000Z',
    });
    const timeline = visitTimeline([b, bFix, other]);
    expect(timeline.map((entry) => [entry.visit.id, entry.correctedBy, entry.current])).toEqual([
      ['b', ['b9', 'b2'], false],
      ['b9', [], true],
      ['b2', [], true],
    ]);
  });

  it('ignores a note that claims to correct itself', () => {
    const selfish = makeVisit('s', { correctionOf: 's' });
    expect(visitTimeline([selfish])[0]).toMatchObject({ current: true, correctedBy: [], correctsMissing: false });
    expect(currentVisits([selfish])).toHaveLength(1);
  });
});
