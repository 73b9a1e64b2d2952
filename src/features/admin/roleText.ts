import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from './adminTypes.ts';
import type { Places } from './usePlaces.ts';

/** "7|7/2" as the server stores a teacher's class: the grade, and the class's name as the students record it. */
export function splitClassKey(classKey: string): { grade: string; className: string } {
  const separator = classKey.indexOf('|');
  return separator < 0
    ? { grade: '', className: classKey }
    : { grade: classKey.slice(0, separator), className: classKey.slice(separator + 1) };
}

/** A role and where it applies, in words: "School team member · SHFMU „Ahmet Hoxha“". */
export function useRoleText(places: Places): (assignment: RoleAssignment) => string {
  const { t } = useTranslation(['admin', 'account']);
  return (assignment) => {
    const role = t(`account:role.${assignment.role}`);
    const parts: string[] = [role];
    if (assignment.schoolId !== null) {
      parts.push(places.schoolName(assignment.schoolId) ?? t('admin:places.unknownSchool'));
    }
    if (assignment.classKey !== null) parts.push(t('admin:roles.class', splitClassKey(assignment.classKey)));
    if (assignment.municipalityId !== null) {
      parts.push(places.municipalityName(assignment.municipalityId) ?? t('admin:places.unknownMunicipality'));
    }
    return parts.join(' · ');
  };
}
