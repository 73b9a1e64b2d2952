/**
 * Stored field values as the dashboard's records: a record missing a field
 * the figures need (or holding a value no version of Ura writes) is left out,
 * never guessed.
 */
import { CASE_STATUSES, isClosureReason } from '../../domain/caseRecord.ts';
import type {
  DashboardCase,
  DashboardPlanAction,
  DashboardScreening,
  DashboardStudent,
} from '../../domain/dashboard/dashboardFigures.ts';
import type { InterventionCode } from '../../domain/interventions.ts';
import { PLAN_ACTION_STATUSES } from '../../domain/planAction.ts';
import { RISK_LEVELS } from '../../domain/protocolProfile.ts';
import { COMMUNITIES, SEXES } from '../../domain/student.ts';

/** A record's place (record_scope) and the fields read for it. */
export interface Placed {
  schoolId: string | null;
  studentId: string | null;
  caseId: string | null;
  fields: Record<string, unknown>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : null;

export function toCase(id: string, { schoolId, studentId, fields }: Placed): DashboardCase | null {
  const status = oneOf(CASE_STATUSES, fields.status);
  const flaggedAt = text(fields.flaggedAt);
  if (status === null || flaggedAt === null || schoolId === null || studentId === null) return null;
  const reason = text(fields.closureReason);
  return {
    id,
    studentId,
    schoolId,
    status,
    flaggedAt,
    openedAt: text(fields.openedAt),
    planActivatedAt: text(fields.planActivatedAt),
    closedAt: text(fields.closedAt),
    closureReason: reason !== null && isClosureReason(reason) ? reason : null,
    reopenCount: typeof fields.reopenCount === 'number' ? fields.reopenCount : 0,
  };
}

export function toStudent(id: string, { schoolId, fields }: Placed): DashboardStudent | null {
  const sex = oneOf(SEXES, fields.sex);
  if (sex === null || schoolId === null || typeof fields.rural !== 'boolean') return null;
  return { id, schoolId, sex, rural: fields.rural, community: oneOf(COMMUNITIES, fields.community) ?? '' };
}

export function toScreening(id: string, { studentId, fields }: Placed): DashboardScreening | null {
  const level = oneOf(RISK_LEVELS, fields.level);
  const screenedOn = text(fields.screenedOn);
  if (level === null || screenedOn === null || studentId === null) return null;
  return { id, studentId, screenedOn, term: text(fields.term) ?? '', level };
}

export function toPlanAction({ caseId, fields }: Placed): DashboardPlanAction | null {
  const status = oneOf(PLAN_ACTION_STATUSES, fields.status);
  const type = text(fields.interventionType);
  if (status === null || type === null || caseId === null) return null;
  return { caseId, interventionType: type as InterventionCode, status };
}

export function convert<T>(records: Map<string, Placed>, make: (id: string, record: Placed) => T | null): T[] {
  const out: T[] = [];
  for (const [id, record] of records) {
    const made = make(id, record);
    if (made !== null) out.push(made);
  }
  return out;
}
