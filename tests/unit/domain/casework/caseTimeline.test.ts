import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTimeline, type CaseTimelineInput, type CaseTimelineItem } from '../../../../src/domain/caseTimeline.ts';
import { makeCaseEvent, makeReferral, makeScreening } from '../../../support/caseworkFixtures.ts';
import { CASE_ID, STUDENT_ID, makeAction, makeCase, makeVisit } from './fixtures.ts';

const keys = (items: readonly CaseTimelineItem[]) => items.map((item) => item.key);

function input(overrides: Partial<CaseTimelineInput> = {}): CaseTimelineInput {
  return {
    caseRecord: makeCase({ flaggedAt: '2026-02-02' }),
    events: [],
    screenings: [],
    planActions: [],
    visits: [],
    referrals: [],
    ...overrides,
  };
}

describe('caseTimeline', () => {
  it('merges every kind of record into one list, newest first', () => {
    const screening = { ...makeScreening(STUDENT_ID), id: 's1', screenedOn: '2026-02-02' };
    const opened = { ...makeCaseEvent(CASE_ID, { at: '2026-02-04' }), id: 'e1' };
    const visit = makeVisit('v1', { visitDate: '2026-03-02' });
    const action = makeAction('a1', { dueDate: '2026-03-10' });
    const referral = { ...makeReferral(CASE_ID, { sentAt: '2026-02-20' }), id: 'r1' };
    const items = caseTimeline(
      input({
        events: [opened],
        screenings: [screening],
        visits: [visit],
        planActions: [action],
        referrals: [referral],
      }),
    );
    expect(keys(items)).toEqual([
      'planAction:a1',
      'visit:v1',
      'referral:r1',
      'status:e1',
      // Same day: the screening raised the flag, so the flag is the later of the two.
      `flagged:${CASE_ID}`,
      'screening:s1',
    ]);
    expect(items.map((item) => item.date)).toEqual([
      '2026-03-10',
      '2026-03-02',
      '2026-02-20',
      '2026-02-04',
      '2026-02-02',
      '2026-02-02',
    ]);
  });

  it('links a correction to the note it corrects, with that note’s date', () => {
    const original = makeVisit('v1', { visitDate: '2026-03-02' });
    const correction = makeVisit('v2', {
      visitDate: '2026-03-02',
      correctionOf: 'v1',
      recordedAt: '2026-03-03T09:00:00.000Z',
    });
    const orphan = makeVisit('v3', { visitDate: '2026-03-09', correctionOf: 'not-on-this-phone' });
    const items = caseTimeline(input({ visits: [correction, orphan, original] }));
    const visits = items.flatMap((item) => (item.kind === 'visit' ? [item.entry] : []));
    expect(visits.map((entry) => entry.visit.id)).toEqual(['v3', 'v2', 'v1']);
    expect(visits[0]).toMatchObject({ correctsMissing: true, correctsVisitDate: null, current: true });
    expect(visits[1]).toMatchObject({ correctsVisitDate: '2026-03-02', current: true, correctedBy: [] });
    expect(visits[2]).toMatchObject({ correctsVisitDate: null, current: false, correctedBy: ['v2'] });
  });

  it('dates a finished plan action by when it finished and puts undated open actions first', () => {
    const done = makeAction('a1', {
      dueDate: '2026-02-10',
      status: 'done',
      completedAt: '2026-02-25',
      outcome: 'achieved',
    });
    const undated = makeAction('a2', { dueDate: null });
    const items = caseTimeline(input({ planActions: [done, undated] }));
    expect(keys(items)).toEqual(['planAction:a2', 'planAction:a1', `flagged:${CASE_ID}`]);
    expect(items[0]?.date).toBeNull();
    expect(items[1]?.date).toBe('2026-02-25');
  });

  it('gives the same list whatever order the records were read in', () => {
    const dates = fc.constantFrom('2026-02-02', '2026-02-10', '2026-03-01');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid(), at: dates }), { selector: (e) => e.id, maxLength: 6 }),
        fc.uniqueArray(fc.record({ id: fc.uuid(), visitDate: dates }), { selector: (v) => v.id, maxLength: 6 }),
        fc.uniqueArray(fc.record({ id: fc.uuid(), dueDate: fc.option(dates, { nil: null }) }), {
          selector: (a) => a.id,
          maxLength: 6,
        }),
        (eventSeeds, visitSeeds, actionSeeds) => {
          const events = eventSeeds.map((seed) => ({ ...makeCaseEvent(CASE_ID, { at: seed.at }), id: seed.id }));
          const visits = visitSeeds.map((seed) => makeVisit(seed.id, { visitDate: seed.visitDate }));
          const planActions = actionSeeds.map((seed) => makeAction(seed.id, { dueDate: seed.dueDate }));
          const forward = caseTimeline(input({ events, visits, planActions }));
          const backward = caseTimeline(
            input({
              events: [...events].reverse(),
              visits: [...visits].reverse(),
              planActions: [...planActions].reverse(),
            }),
          );
          expect(keys(backward)).toEqual(keys(forward));
          expect(forward).toHaveLength(1 + events.length + visits.length + planActions.length);
          const dated = forward.flatMap((item) => (item.date === null ? [] : [item.date]));
          expect(dated).toEqual([...dated].sort().reverse());
        },
      ),
    );
  });
});
