import { describe, expect, it } from 'vitest';
import { canRead, canWrite, EMPTY_SCOPE, type AccessScope, type RecordKeys } from '../../../src/domain/accessScope.ts';
import { MAP_ENTITIES } from '../../../src/sync/protocol.ts';
import { CASE, SCHOOL, SCOPES } from '../../support/roleScopes.ts';

const FERIZAJ = 'municipality-ferizaj';
const GJILAN = 'municipality-gjilan';

function mapKeys(entity: string, municipalityId: string | null): RecordKeys {
  return { entity, schoolId: null, classKey: null, studentId: null, caseId: null, municipalityId };
}

const coordinator: AccessScope = { ...EMPTY_SCOPE, version: 3, roles: ['coordinator'], municipalityIds: [FERIZAJ] };

describe('the Municipal Action Plan and access', () => {
  it('lets a coordinator read and write every plan record of their municipality', () => {
    for (const entity of MAP_ENTITIES) {
      const keys = mapKeys(entity, FERIZAJ);
      expect(canRead(coordinator, keys)).toBe(true);
      expect(canWrite(coordinator, 'create', keys)).toBe(true);
      expect(canWrite(coordinator, 'set', keys)).toBe(true);
    }
  });

  it('keeps another municipality’s plan, and a record with no municipality, from the coordinator', () => {
    for (const entity of MAP_ENTITIES) {
      for (const keys of [mapKeys(entity, GJILAN), mapKeys(entity, null)]) {
        expect(canRead(coordinator, keys)).toBe(false);
        expect(canWrite(coordinator, 'create', keys)).toBe(false);
      }
    }
  });

  it('gives every other role neither sight nor write of a plan, even with the municipality in its scope', () => {
    for (const [role, scope] of Object.entries(SCOPES)) {
      if (role === 'coordinator') continue;
      const withMunicipality = { ...scope, municipalityIds: [FERIZAJ] };
      for (const entity of MAP_ENTITIES) {
        expect(canRead(scope, mapKeys(entity, FERIZAJ)), `${role} reads ${entity}`).toBe(false);
        expect(canWrite(withMunicipality, 'create', mapKeys(entity, FERIZAJ)), `${role} writes ${entity}`).toBe(false);
      }
    }
  });

  it('gives a coordinator’s municipality no reach into child data', () => {
    const student: RecordKeys = { entity: 'student', schoolId: SCHOOL, classKey: null, studentId: 's', caseId: null };
    const visit: RecordKeys = { entity: 'homeVisit', schoolId: SCHOOL, classKey: null, studentId: 's', caseId: CASE };
    expect(canRead(coordinator, student)).toBe(false);
    expect(canRead(coordinator, visit)).toBe(false);
    expect(canWrite(coordinator, 'create', { ...visit, municipalityId: FERIZAJ })).toBe(false);
  });
});
