import type { TFunction } from 'i18next';
import { daysBetween, type IsoDate } from '../../domain/dueDates.ts';
import type { FollowUpItem } from '../../domain/followUps.ts';
import { isInterventionCode } from '../../domain/interventions.ts';
import type { StudentName } from '../../storage/followUpQuery.ts';

/** "3 days overdue", "Due today" or "due in 2 days", counted in calendar days from the device's today. */
export function whenDue(t: TFunction<['today', 'casework']>, due: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, due);
  if (days < 0) return t('casework:followUp.overdueBy', { count: -days });
  if (days === 0) return t('casework:followUp.today');
  return t('casework:followUp.dueIn', { count: days });
}

/** What is due: a home visit, a plan action with its intervention when known, or the protocol deadline's name. */
export function whatIsDue(
  t: TFunction<['today', 'casework']>,
  item: FollowUpItem,
  interventions: ReadonlyMap<string, string>,
): string[] {
  switch (item.kind) {
    case 'visit':
      return [t('casework:followUp.visitDue')];
    case 'planAction': {
      // A code this version does not know (synced from a newer one) is left out rather than shown raw.
      const code = interventions.get(item.refId);
      return code !== undefined && isInterventionCode(code)
        ? [t('casework:followUp.planActionDue'), t(`casework:intervention.${code}`)]
        : [t('casework:followUp.planActionDue')];
    }
    case 'deadline':
      return item.deadline === null
        ? [t('casework:followUp.deadlineDue')]
        : [t('casework:followUp.deadlineDue'), t(`casework:deadline.${item.deadline}`)];
  }
}

/** The student's full name, or a plain stand-in when the student's record is not on this phone. */
export function studentName(t: TFunction<['today', 'casework']>, student: StudentName | undefined): string {
  return student ? `${student.givenName} ${student.familyName}` : t('unknownStudent');
}
