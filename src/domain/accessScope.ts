/**
 * Who may see and change which records (docs/domain.md §5, docs/accounts.md).
 * Pure rules shared by the server, which enforces them on every push and pull,
 * and the app, which removes from the phone what its user may no longer see.
 */
export const ROLES = ['mentor', 'teacher', 'schoolTeam', 'principal', 'coordinator', 'cswLiaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

/** A teacher's class: the school, the grade and the class name as the students record them. */
export interface ClassRef {
  schoolId: string;
  classKey: string;
}

/**
 * What one user may see, computed by the server from their role assignments,
 * case assignments and the referrals to their organisation. `version` changes
 * whenever any of it changes, so a device knows to re-pull and to remove what
 * fell out of scope.
 */
export interface AccessScope {
  version: number;
  roles: Role[];
  /** Schools whose every case the user sees (school team, principal). */
  schoolIds: string[];
  /** Classes a homeroom teacher sees: students, their screenings, cases and case events. */
  classes: ClassRef[];
  /** Cases assigned to a mentor or referred to the user's organisation: the case and all under it. */
  caseIds: string[];
  /** The students of `caseIds`, whose student record comes with the case. */
  studentIds: string[];
  /**
   * Municipalities whose Action Plan the user keeps (a coordinator's). Absent
   * in scopes from before the plan existed, and when there are none.
   */
  municipalityIds?: string[];
}

export const EMPTY_SCOPE: AccessScope = {
  version: 0,
  roles: [],
  schoolIds: [],
  classes: [],
  caseIds: [],
  studentIds: [],
};

/** The same class whatever the spacing or case of its name ("5/1", " 5/1 "). */
export function classKeyOf(grade: number, className: string): string {
  return `${grade}|${className.trim().toLocaleLowerCase('und')}`;
}

/** Record types everyone signed in receives: places, no child data. */
export const PUBLIC_ENTITIES = ['school', 'municipality'] as const;

/** Where a child-data record belongs; null where it does not apply (a screening has no case). */
export interface RecordKeys {
  entity: string;
  schoolId: string | null;
  classKey: string | null;
  studentId: string | null;
  caseId: string | null;
  /** The municipality of a Municipal Action Plan record; absent on child data. */
  municipalityId?: string | null;
}

/** Whether the record is a Municipal Action Plan record of one of the scope's municipalities. */
export function reachedByMunicipality(scope: AccessScope, keys: RecordKeys): boolean {
  const { municipalityId } = keys;
  return municipalityId != null && (scope.municipalityIds ?? []).includes(municipalityId);
}

/** What a teacher's class access covers: no visit notes, plans or referrals (domain.md §5). */
export const CLASS_ENTITIES = ['student', 'screening', 'case', 'caseEvent'] as const;
const CLASS_ENTITY_SET: ReadonlySet<string> = new Set(CLASS_ENTITIES);

/**
 * Whether class access reaches a record. A clash record takes the keys of the
 * record it is about; one without a case is about a student (only students,
 * cases, plan actions and referrals clash), which the teacher edits and must
 * be able to resolve. One with a case may be about a plan or a referral,
 * which class access does not reach, so it is left to the case's other readers.
 */
export function reachedByClass(keys: RecordKeys): boolean {
  return CLASS_ENTITY_SET.has(keys.entity) || (keys.entity === 'conflict' && keys.caseId === null);
}

export function canRead(scope: AccessScope, keys: RecordKeys): boolean {
  if ((PUBLIC_ENTITIES as readonly string[]).includes(keys.entity)) return true;
  if (reachedByMunicipality(scope, keys)) return true;
  if (keys.schoolId !== null && scope.schoolIds.includes(keys.schoolId)) return true;
  if (keys.caseId !== null && scope.caseIds.includes(keys.caseId)) return true;
  if (keys.entity === 'student' && keys.studentId !== null && scope.studentIds.includes(keys.studentId)) return true;
  if (reachedByClass(keys) && keys.schoolId !== null && keys.classKey !== null) {
    const { schoolId, classKey } = keys;
    return scope.classes.some((item) => item.schoolId === schoolId && item.classKey === classKey);
  }
  return false;
}

/**
 * Special-category fields (domain.md §7): ethnicity reaches only the school
 * team and principal of the student's school, never a mentor, teacher,
 * coordinator or CSW liaison.
 */
export const SENSITIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  student: ['community'],
};

/**
 * Whether a field of this record type is special-category data. A clash on
 * one carries its values, so the server keeps such a clash record to the
 * school (no class), where only full access reaches it.
 */
export function isSensitiveField(entity: string, field: string): boolean {
  return (SENSITIVE_FIELDS[entity] ?? []).includes(field);
}

/** Fields of `keys`' record that must not reach this user (removed from pulls, refused in pushes). */
export function hiddenFields(scope: AccessScope, keys: RecordKeys): readonly string[] {
  const sensitive = SENSITIVE_FIELDS[keys.entity] ?? [];
  if (sensitive.length === 0) return sensitive;
  const fullAccess = keys.schoolId !== null && scope.schoolIds.includes(keys.schoolId);
  return fullAccess ? [] : sensitive;
}

export type WriteOp = 'create' | 'set';

/**
 * Which record types each role may write, within what it can read
 * (domain.md §5 "Edits"). The school team and principal write everything of
 * their school; a mentor writes visits, flags and handovers on assigned cases;
 * a teacher screens and flags in the class; coordinators and CSW liaisons
 * answer referrals made to them, and coordinators keep their municipality's
 * Action Plan.
 */
const WRITES: Readonly<Record<Role, Readonly<Record<string, readonly WriteOp[]>>>> = {
  schoolTeam: everything(),
  principal: everything(),
  mentor: {
    homeVisit: ['create'],
    case: ['create'],
    caseEvent: ['create'],
    planAction: ['set'],
    referral: ['create'],
    conflict: ['set'],
  },
  teacher: {
    student: ['create', 'set'],
    screening: ['create'],
    case: ['create'],
    caseEvent: ['create'],
    conflict: ['set'],
  },
  coordinator: {
    referral: ['set'],
    conflict: ['set'],
    mapPlan: ['create', 'set'],
    mapGoal: ['create', 'set'],
    mapActivity: ['create', 'set'],
    mapProgress: ['create', 'set'],
  },
  cswLiaison: { referral: ['set'], conflict: ['set'] },
  admin: {},
};

function everything(): Record<string, readonly WriteOp[]> {
  const both: readonly WriteOp[] = ['create', 'set'];
  return {
    student: both,
    case: both,
    caseEvent: ['create'],
    screening: ['create'],
    homeVisit: ['create'],
    planAction: both,
    referral: both,
    conflict: ['set'],
  };
}

/**
 * Whether the user may make this write. `keys` describe the record as it will
 * be after the write (a new record's school and class come from its fields or
 * its parent). A role's write counts only where that role's own access reaches:
 * a teacher who is also a mentor elsewhere writes visits only on assigned cases.
 */
export function canWrite(scope: AccessScope, op: WriteOp, keys: RecordKeys): boolean {
  if (!canRead(scope, keys) && !isMentorFlag(scope, op, keys)) return false;
  return scope.roles.some((role) => (WRITES[role][keys.entity] ?? []).includes(op) && roleReaches(role, scope, keys));
}

/**
 * A mentor flags a new concern about a student of one of their cases (a
 * sibling's case is another student, so it goes through the school team). The
 * server then assigns the new case to the mentor, so it comes into scope.
 */
export function isMentorFlag(scope: AccessScope, op: WriteOp, keys: RecordKeys): boolean {
  return (
    op === 'create' &&
    keys.entity === 'case' &&
    scope.roles.includes('mentor') &&
    keys.studentId !== null &&
    scope.studentIds.includes(keys.studentId)
  );
}

function roleReaches(role: Role, scope: AccessScope, keys: RecordKeys): boolean {
  switch (role) {
    case 'schoolTeam':
    case 'principal':
      return keys.schoolId !== null && scope.schoolIds.includes(keys.schoolId);
    case 'teacher':
      return scope.classes.some((item) => item.schoolId === keys.schoolId && item.classKey === keys.classKey);
    case 'mentor':
      return (keys.caseId !== null && scope.caseIds.includes(keys.caseId)) || isMentorFlag(scope, 'create', keys);
    case 'coordinator':
      return (keys.caseId !== null && scope.caseIds.includes(keys.caseId)) || reachedByMunicipality(scope, keys);
    case 'cswLiaison':
      return keys.caseId !== null && scope.caseIds.includes(keys.caseId);
    case 'admin':
      return false;
  }
}
