import { describe, expect, it } from 'vitest';
import { parseRoute, sectionOf } from '../../../src/app/useHashRoute.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

describe('parseRoute', () => {
  it('opens Today for an empty hash, the Today route and unknown routes', () => {
    for (const hash of ['', '#', '#/', '#/today', '#/nowhere', '#/Settings']) {
      expect(parseRoute(hash)).toEqual({ name: 'today' });
    }
  });

  it('opens the sign-in and invitation screens', () => {
    expect(parseRoute('#/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('#/invitation')).toEqual({ name: 'invitation' });
  });

  it('opens the student screens', () => {
    expect(parseRoute('#/students')).toEqual({ name: 'students' });
    expect(parseRoute('#/students/new')).toEqual({ name: 'newStudent' });
    expect(parseRoute('#students/new/')).toEqual({ name: 'newStudent' });
    expect(parseRoute(`#/students/${ID}`)).toEqual({ name: 'editStudent', id: ID });
    expect(parseRoute(`#/students/${ID}/screenings`)).toEqual({ name: 'studentScreenings', studentId: ID });
  });

  it('opens the case screens', () => {
    expect(parseRoute('#/cases')).toEqual({ name: 'cases' });
    expect(parseRoute(`#/cases/new/${ID}`)).toEqual({ name: 'newCase', studentId: ID });
    expect(parseRoute('#/cases/new')).toEqual({ name: 'cases' });
    expect(parseRoute(`#/cases/${ID}`)).toEqual({ name: 'case', id: ID });
    expect(parseRoute(`#/cases/${ID}/visit`)).toEqual({ name: 'newVisit', caseId: ID });
    expect(parseRoute(`#/cases/${ID}/visit/${OTHER}`)).toEqual({ name: 'correctVisit', caseId: ID, visitId: OTHER });
    expect(parseRoute(`#/cases/${ID}/plan`)).toEqual({ name: 'casePlan', caseId: ID });
    expect(parseRoute(`#/cases/${ID}/refer`)).toEqual({ name: 'newReferral', caseId: ID });
    expect(parseRoute(`#/cases/${ID}/elsewhere`)).toEqual({ name: 'cases' });
  });

  it('opens class screening and settings', () => {
    expect(parseRoute('#/screening')).toEqual({ name: 'classScreening' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
  });

  it('puts every screen under the section its navigation tab highlights', () => {
    expect(sectionOf(parseRoute(`#/cases/${ID}/visit`))).toBe('cases');
    expect(sectionOf(parseRoute(`#/students/${ID}/screenings`))).toBe('students');
    expect(sectionOf(parseRoute('#/screening'))).toBe('screening');
    expect(sectionOf(parseRoute(''))).toBe('today');
    expect(sectionOf(parseRoute('#/settings'))).toBe('settings');
  });
});
