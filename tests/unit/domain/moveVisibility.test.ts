import { describe, expect, it } from 'vitest';
import { EMPTY_SCOPE, type AccessScope, type RecordKeys } from '../../../src/domain/accessScope.ts';
import { moveWidensView } from '../../../src/domain/moveVisibility.ts';

const A = 'school-a';
const B = 'school-b';

function keys(entity: string, schoolId: string, classKey: string, caseId: string | null = null): RecordKeys {
  return { entity, schoolId, classKey, studentId: 'student-1', caseId };
}

function scope(parts: Partial<AccessScope>): AccessScope {
  return { ...EMPTY_SCOPE, version: 1, ...parts };
}

describe('moveWidensView', () => {
  it('is false for a move within what the user sees whole', () => {
    const team = scope({ roles: ['schoolTeam'], schoolIds: [A] });
    const moved = [
      { before: keys('student', A, '5|5/1'), after: keys('student', A, '5|5/3') },
      { before: keys('homeVisit', A, '5|5/1', 'c'), after: keys('homeVisit', A, '5|5/3', 'c') },
    ];
    expect(moveWidensView(team, moved)).toBe(false);
  });

  it('is false when the record leaves the user’s view', () => {
    const teacher = scope({ roles: ['teacher'], classes: [{ schoolId: A, classKey: '5|5/1' }] });
    expect(moveWidensView(teacher, [{ before: keys('student', A, '5|5/1'), after: keys('student', A, '5|5/2') }])).toBe(
      false,
    );
  });

  it('is true when a record under the moved one comes into view', () => {
    // Class access reaches no visit; full access to school B does.
    const user = scope({
      roles: ['teacher', 'principal'],
      classes: [{ schoolId: A, classKey: '5|5/1' }],
      schoolIds: [B],
    });
    const visit = { before: keys('homeVisit', A, '5|5/1', 'c'), after: keys('homeVisit', B, '5|5/1', 'c') };
    expect(moveWidensView(user, [visit])).toBe(true);
  });

  it('is true when a hidden field becomes visible, and false the other way round', () => {
    const user = scope({
      roles: ['teacher', 'principal'],
      classes: [{ schoolId: A, classKey: '5|5/1' }],
      schoolIds: [B],
    });
    const intoB = { before: keys('student', A, '5|5/1'), after: keys('student', B, '5|5/1') };
    expect(moveWidensView(user, [intoB])).toBe(true);
    const teacherAlso = scope({ ...user, classes: [...user.classes, { schoolId: A, classKey: '5|5/2' }] });
    const outOfB = { before: keys('student', B, '5|5/1'), after: keys('student', A, '5|5/2') };
    expect(moveWidensView(teacherAlso, [outOfB])).toBe(false);
  });
});
