/**
 * The records a place's figures are computed from, kept in memory between
 * requests and brought up to date from the change log: after a sync moved
 * the log by a few dozen rows, re-reading those records by id costs
 * milliseconds where reading the whole municipality again costs a second
 * (docs/benchmarks.md, "Dashboard figures"). Every accepted write appends to
 * the change log — a record that moves has all its fields appended again
 * (reissueMoved.ts) — so the log names every record whose figures may have
 * changed.
 */
import type { Kysely } from 'kysely';
import type { DashboardInput } from '../../domain/dashboard/dashboardFigures.ts';
import type { IsoDate } from '../../domain/dueDates.ts';
import type { ProfileId } from '../../domain/protocolProfile.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import {
  DASHBOARD_ENTITIES,
  dashboardInputOf,
  gatherStudentsElsewhere,
  readDashboardRecords,
  readPlaced,
  type DashboardEntity,
  type Found,
} from './dashboardRecords.ts';

type Db = Kysely<DatabaseSchema>;

/** More changed records than this, and reading the place again is as quick and simpler. */
const MAX_CATCH_UP = 2_000;
const ID_CHUNK = 500;
/** Cases first: whether a student or screening belongs depends on the cases held. */
const ORDER: readonly DashboardEntity[] = ['case', 'planAction', 'student', 'screening'];

export class DashboardRecordSet {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly schools: readonly { id: string; country: ProfileId }[],
    private readonly found: Found,
    /** The change log's head the records are current with. */
    private head: number,
  ) {}

  /** Reads the place's records in full; `head` was read before them. */
  static async load(db: Db, schools: readonly { id: string; country: ProfileId }[], head: number) {
    return new DashboardRecordSet(schools, await readDashboardRecords(db, schools), head);
  }

  input(asOf: IsoDate): DashboardInput {
    return dashboardInputOf(this.found, this.schools, asOf);
  }

  /**
   * Brings the records up to `head` (read before calling). False when the
   * set cannot follow — a school changed (the place itself may have), or too
   * much did — and must be loaded again. One catch-up at a time.
   */
  catchUp(db: Db, head: number): Promise<boolean> {
    const next = this.queue.then(() => this.applyLog(db, head));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyLog(db: Db, head: number): Promise<boolean> {
    if (head <= this.head) return true;
    const rows = await db
      .selectFrom('change_log')
      .select(['entity', 'entity_id'])
      .distinct()
      .where('seq', '>', this.head)
      .where('seq', '<=', head)
      .where('entity', 'in', [...DASHBOARD_ENTITIES, 'school'])
      .limit(MAX_CATCH_UP + 1)
      .execute();
    if (rows.length > MAX_CATCH_UP || rows.some((row) => row.entity === 'school')) return false;
    const changed = new Map<DashboardEntity, string[]>(ORDER.map((entity) => [entity, []]));
    for (const row of rows) changed.get(row.entity as DashboardEntity)?.push(row.entity_id);
    const schoolIds = new Set(this.schools.map((school) => school.id));
    for (const entity of ORDER) {
      const ids = changed.get(entity) ?? [];
      if (ids.length === 0) continue;
      const caseStudents =
        entity === 'student' || entity === 'screening'
          ? new Set([...this.found.case.values()].flatMap((record) => record.studentId ?? []))
          : new Set<string>();
      for (const id of ids) this.found[entity].delete(id);
      for (let start = 0; start < ids.length; start += ID_CHUNK) {
        for (const [id, placed] of await readPlaced(db, entity, 'id', ids.slice(start, start + ID_CHUNK))) {
          const here = placed.schoolId !== null && schoolIds.has(placed.schoolId);
          const ofCase = placed.studentId !== null && caseStudents.has(placed.studentId);
          if (here || ofCase) this.found[entity].set(id, placed);
        }
      }
    }
    // A new case of a child at another school brings the child and their screenings.
    await gatherStudentsElsewhere(db, this.found);
    this.head = head;
    return true;
  }
}
