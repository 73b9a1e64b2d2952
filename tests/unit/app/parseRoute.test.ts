import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/app/useHashRoute.ts';

describe('parseRoute', () => {
  it('opens the student list for an empty hash and the list route', () => {
    expect(parseRoute('')).toEqual({ name: 'students' });
    expect(parseRoute('#')).toEqual({ name: 'students' });
    expect(parseRoute('#/')).toEqual({ name: 'students' });
    expect(parseRoute('#/students')).toEqual({ name: 'students' });
  });

  it('opens the registration form', () => {
    expect(parseRoute('#/students/new')).toEqual({ name: 'newStudent' });
    expect(parseRoute('#students/new/')).toEqual({ name: 'newStudent' });
  });

  it('opens a student for editing by id', () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(parseRoute(`#/students/${id}`)).toEqual({ name: 'editStudent', id });
  });

  it('opens the settings', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
  });

  it('falls back to the student list for unknown routes', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'students' });
    expect(parseRoute('#/Settings')).toEqual({ name: 'students' });
  });
});
