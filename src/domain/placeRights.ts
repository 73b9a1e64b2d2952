import { canWrite, type AccessScope } from './accessScope.ts';

/** A school, or one class of it, where the scope reaches. */
export interface Place {
  schoolId: string;
  classKey: string | null;
}

/**
 * Where a new student or screening may be made: the schools and classes of
 * the scope that canWrite allows for it (a school team's whole school, a
 * teacher's class). Empty for a role that may make none anywhere.
 */
export function placesFor(scope: AccessScope, entity: 'student' | 'screening'): Place[] {
  const candidates: Place[] = [
    ...scope.schoolIds.map((schoolId) => ({ schoolId, classKey: null })),
    ...scope.classes.map(({ schoolId, classKey }) => ({ schoolId, classKey })),
  ];
  return candidates.filter((place) => mayCreateAt(scope, entity, place.schoolId, place.classKey));
}

/** The schools of placesFor, each once. */
export function schoolsFor(scope: AccessScope, entity: 'student' | 'screening'): string[] {
  return [...new Set(placesFor(scope, entity).map((place) => place.schoolId))];
}

/** Whether a new student or screening may be made in this school and class. */
export function mayCreateAt(
  scope: AccessScope,
  entity: 'student' | 'screening',
  schoolId: string,
  classKey: string | null,
): boolean {
  return canWrite(scope, 'create', { entity, schoolId, classKey, studentId: null, caseId: null });
}
