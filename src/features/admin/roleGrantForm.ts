import { useState } from 'react';
import { classKeyOf, isRole, type Role } from '../../domain/accessScope.ts';
import { grantRole } from './adminApi.ts';
import type { RoleAssignment, RoleGrant } from './adminTypes.ts';
import { serverFieldFaults, type FieldFault } from './fieldIssues.ts';
import { useAdminAction, type AdminAction } from './useAdminRequest.ts';

export const GRANT_FIELDS = ['role', 'schoolId', 'grade', 'className', 'municipalityId'] as const;
export type GrantField = (typeof GRANT_FIELDS)[number];

/** The names the API gives the same fields; a teacher's grade and class travel as one `classKey`. */
const API_FIELDS = ['role', 'schoolId', 'classKey', 'municipalityId'] as const;

export interface GrantDraft {
  role: Role | '';
  schoolId: string;
  grade: string;
  className: string;
  municipalityId: string;
}

export const EMPTY_GRANT: GrantDraft = { role: '', schoolId: '', grade: '', className: '', municipalityId: '' };

/** The place each role is given with (docs/accounts.md): a school, a school and class, a municipality, or none. */
export function placesOfRole(role: Role | ''): { school: boolean; schoolClass: boolean; municipality: boolean } {
  return {
    school: role === 'schoolTeam' || role === 'principal' || role === 'teacher',
    schoolClass: role === 'teacher',
    municipality: role === 'coordinator' || role === 'cswLiaison',
  };
}

export function grantFaults(draft: GrantDraft): Map<GrantField, FieldFault> {
  const faults = new Map<GrantField, FieldFault>();
  const needs = placesOfRole(draft.role);
  if (draft.role === '') faults.set('role', 'required');
  if (needs.school && draft.schoolId === '') faults.set('schoolId', 'required');
  if (needs.schoolClass && draft.grade === '') faults.set('grade', 'required');
  if (needs.schoolClass && draft.className.trim() === '') faults.set('className', 'required');
  if (needs.municipality && draft.municipalityId === '') faults.set('municipalityId', 'required');
  return faults;
}

/** The grant as the API takes it: exactly the places the role needs. Undefined while the draft is incomplete. */
export function grantOf(draft: GrantDraft): RoleGrant | undefined {
  if (grantFaults(draft).size > 0 || !isRole(draft.role)) return undefined;
  switch (draft.role) {
    case 'schoolTeam':
    case 'principal':
      return { role: draft.role, schoolId: draft.schoolId };
    case 'teacher':
      return { role: 'teacher', schoolId: draft.schoolId, classKey: classKeyOf(Number(draft.grade), draft.className) };
    case 'coordinator':
    case 'cswLiaison':
      return { role: draft.role, municipalityId: draft.municipalityId };
    case 'mentor':
    case 'admin':
      return { role: draft.role };
  }
}

export interface GrantForm {
  draft: GrantDraft;
  set: (field: GrantField, value: string) => void;
  faults: ReadonlyMap<GrantField, FieldFault>;
  action: AdminAction;
  submit: () => Promise<RoleAssignment | 'invalid' | 'refused' | undefined>;
}

/** Giving a person a role with its place; what was chosen stays after a refusal, and clears once given. */
export function useGrantForm(userId: string): GrantForm {
  const [draft, setDraft] = useState<GrantDraft>(EMPTY_GRANT);
  const [localFaults, setLocalFaults] = useState<Map<GrantField, FieldFault>>(() => new Map());
  const action = useAdminAction();

  function set(field: GrantField, value: string) {
    setDraft((before) => ({ ...before, [field]: value }));
  }

  async function submit() {
    setLocalFaults(grantFaults(draft));
    action.clearProblem();
    const grant = grantOf(draft);
    if (grant === undefined) return 'invalid' as const;
    const result = await action.run(() => grantRole(userId, grant));
    if (result === undefined) return undefined;
    if (!result.ok) return 'refused' as const;
    setDraft(EMPTY_GRANT);
    return result.value;
  }

  const server = serverFieldFaults(action.problem, API_FIELDS);
  const serverFaults = new Map<GrantField, FieldFault>();
  for (const [field, fault] of server) serverFaults.set(field === 'classKey' ? 'className' : field, fault);
  const faults = localFaults.size > 0 ? localFaults : serverFaults;
  return { draft, set, faults, action, submit };
}
