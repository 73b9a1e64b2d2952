/**
 * Automatic indicators read from dashboard figures whose counts were worked
 * out by hand (tests/unit/domain/dashboard/dashboardFixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../../src/domain/dashboard/computeDashboard.ts';
import { suppressSmallCounts } from '../../../../src/domain/dashboard/suppressSmallCounts.ts';
import { automaticValue } from '../../../../src/domain/map/mapIndicators.ts';
import { handCountedInput } from '../dashboard/dashboardFixtures.ts';

const figures = computeDashboard(handCountedInput());

describe('automaticValue', () => {
  it('counts the caseload of the place as students identified at risk', () => {
    // c1–c5, c7 and c9: c6 closed before the twelve months, c8 is at a school outside the place.
    expect(automaticValue('identifiedAtRisk', figures)).toBe(7);
  });

  it('gives the share of plans made within the deadline as a percentage', () => {
    // One of three plans on time (computeDashboard.test.ts): 33.3 %.
    expect(automaticValue('planWithinDeadline', figures)).toBe(33.3);
  });

  it('gives the share back in regular attendance among closures with an outcome, leaving out unfounded flags', () => {
    // Closed in the window: c2 back to attendance, c4 dropped out, c5 flag not confirmed (left out): 1 of 2.
    expect(automaticValue('backToAttendance', figures)).toBe(50);
  });

  it('answers nothing for a manual indicator or without figures', () => {
    expect(automaticValue('manual', figures)).toBeNull();
    expect(automaticValue('identifiedAtRisk', undefined)).toBeNull();
  });

  it('answers nothing when the counts are too small to show', () => {
    const [suppressed] = suppressSmallCounts([{ schoolId: null, figures }]);
    expect(automaticValue('identifiedAtRisk', suppressed)).toBe(7);
    // Each closure count is 1: shown as "fewer than 5", so no share can be told.
    expect(automaticValue('backToAttendance', suppressed)).toBeNull();
    expect(automaticValue('planWithinDeadline', suppressed)).toBeNull();
  });

  it('answers nothing when no case has closed with an outcome', () => {
    const input = handCountedInput();
    const open = computeDashboard({ ...input, cases: input.cases.filter((item) => item.status !== 'closed') });
    expect(automaticValue('backToAttendance', open)).toBeNull();
  });
});
