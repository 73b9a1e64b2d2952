/**
 * The dashboard's storage on the phone (docs/dashboard.md, "On the phone"):
 * the last figures the server sent for each place a coordinator viewed, and
 * the records a school team's own figures are computed from.
 */
import { CASE_STATUSES } from '../domain/caseRecord.ts';
import { DASHBOARD_FIGURES_VERSION, type DashboardInput } from '../domain/dashboard/dashboardFigures.ts';
import type { DashboardPlace, DashboardReply } from '../domain/dashboard/dashboardReply.ts';
import type { IsoDate } from '../domain/dueDates.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** The key a place's figures are kept under. */
export function snapshotKey(place: DashboardPlace): string {
  if (place.municipalityId === null) return `school:${place.schoolId ?? ''}`;
  return place.schoolId === null
    ? `municipality:${place.municipalityId}`
    : `municipality:${place.municipalityId}:school:${place.schoolId}`;
}

/** A stored reply this version of the app can read; an older app's (or a damaged row) is ignored. */
function readable(value: unknown): DashboardReply | undefined {
  const reply = value as Partial<DashboardReply> | null;
  if (typeof reply !== 'object' || reply === null) return undefined;
  if (reply.figures?.version !== DASHBOARD_FIGURES_VERSION || typeof reply.computedAt !== 'number') return undefined;
  if (reply.place === undefined || reply.places === undefined) return undefined;
  return reply as DashboardReply;
}

/** Keeps the server's reply as the place's last figures. */
export async function saveDashboardSnapshot(db: UraDatabase, reply: DashboardReply, savedAt: number): Promise<void> {
  await db.dashboards.put({ key: snapshotKey(reply.place), computedAt: reply.computedAt, figures: reply, savedAt });
}

export async function loadDashboardSnapshot(
  db: UraDatabase,
  place: DashboardPlace,
): Promise<DashboardReply | undefined> {
  return readable((await db.dashboards.get(snapshotKey(place)))?.figures);
}

/** The figures stored last, whatever their place: what the screen opens on offline. */
export async function latestDashboardSnapshot(db: UraDatabase): Promise<DashboardReply | undefined> {
  const rows = await db.dashboards.toArray();
  rows.sort((a, b) => b.savedAt - a.savedAt);
  for (const row of rows) {
    const reply = readable(row.figures);
    if (reply !== undefined) return reply;
  }
  return undefined;
}

const STATUSES: ReadonlySet<string> = new Set(CASE_STATUSES);

/**
 * What a school's own figures are computed from on this phone: its cases,
 * students (and the students of its cases), their screenings and the cases'
 * plan actions — unsent changes included, since they are already here. A
 * school team's phone holds every record of its school.
 */
export async function loadSchoolDashboardInput(
  db: UraDatabase,
  schoolIds: readonly string[],
  asOf: IsoDate,
): Promise<DashboardInput> {
  const [schools, cases, schoolStudents] = await Promise.all([
    db.schools.bulkGet([...schoolIds]),
    db.cases
      .where('schoolId')
      .anyOf([...schoolIds])
      .toArray(),
    db.students
      .where('schoolId')
      .anyOf([...schoolIds])
      .toArray(),
  ]);
  // A case pulled across two pages may briefly lack fields: the figures leave such a case out.
  const whole = cases.filter((record) => STATUSES.has(record.status) && typeof record.flaggedAt === 'string');
  const held = new Set(schoolStudents.map((student) => student.id));
  const elsewhere = [...new Set(whole.map((record) => record.studentId))].filter((id) => !held.has(id));
  const movedAway = (await db.students.bulkGet(elsewhere)).filter((student) => student !== undefined);
  const students = [...schoolStudents, ...movedAway];
  const [screenings, planActions] = await Promise.all([
    db.screenings
      .where('studentId')
      .anyOf(students.map((student) => student.id))
      .toArray(),
    db.planActions
      .where('caseId')
      .anyOf(whole.map((record) => record.id))
      .toArray(),
  ]);
  return {
    asOf,
    schools: schoolIds.map((id, index) => ({ id, country: schools[index]?.country ?? 'XK' })),
    students: students.map(({ id, schoolId, sex, rural, community }) => ({ id, schoolId, sex, rural, community })),
    screenings: screenings.map(({ id, studentId, term, screenedOn, level }) => ({
      id,
      studentId,
      term,
      screenedOn,
      level,
    })),
    cases: whole.map((record) => ({
      id: record.id,
      studentId: record.studentId,
      schoolId: record.schoolId,
      status: record.status,
      flaggedAt: record.flaggedAt,
      openedAt: record.openedAt ?? null,
      planActivatedAt: record.planActivatedAt ?? null,
      closedAt: record.closedAt ?? null,
      closureReason: record.closureReason ?? null,
      reopenCount: record.reopenCount ?? 0,
    })),
    planActions: planActions.map(({ caseId, interventionType, status }) => ({ caseId, interventionType, status })),
  };
}
