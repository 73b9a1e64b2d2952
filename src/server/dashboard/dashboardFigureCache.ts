/**
 * The figures of a municipality (and of each of its schools) computed once
 * and kept until the change log moves. Reading every case, student,
 * screening and plan action of a municipality takes longer than a reply
 * should (docs/benchmarks.md, "Dashboard figures"), so the records are kept
 * too (dashboardRecordSet.ts) and, when the log moves, only the records it
 * names are read again before the figures are recomputed. Any accepted write
 * moves the change log's head, so a kept answer is never older than the data.
 */
import type { Kysely } from 'kysely';
import { computeDashboard } from '../../domain/dashboard/computeDashboard.ts';
import type { DashboardFigures, DashboardInput } from '../../domain/dashboard/dashboardFigures.ts';
import type { IsoDate } from '../../domain/dueDates.ts';
import type { ProfileId } from '../../domain/protocolProfile.ts';
import { suppressSmallCounts } from '../../domain/dashboard/suppressSmallCounts.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { countriesOf, municipalitiesWithSchools, schoolsOfMunicipality } from './dashboardRecords.ts';
import { DashboardRecordSet } from './dashboardRecordSet.ts';

type Db = Kysely<DatabaseSchema>;

/** Places kept at once: a municipality of 10,000 cases keeps some 50,000 small records (~10 MB). */
const MAX_KEPT = 16;

export interface ComputedFigures {
  computedAt: number;
  figures: DashboardFigures;
}

interface Kept {
  records: DashboardRecordSet;
  head: number;
  asOf: IsoDate;
  computedAt: number;
  /** By school id; '' for the whole municipality. */
  figures: Map<string, DashboardFigures>;
}

async function changeLogHead(db: Db): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

function onlySchool(input: DashboardInput, schoolId: string): DashboardInput {
  return { ...input, schools: input.schools.filter((school) => school.id === schoolId) };
}

type Schools = { id: string; country: ProfileId }[];
type Compute = (input: DashboardInput) => Map<string, DashboardFigures>;

/** One place's figures asked for: where they are kept, how its schools are found, and for when. */
interface PlaceRead {
  db: Db;
  key: string;
  schools: () => Promise<Schools>;
  asOf: IsoDate;
  now: number;
}

export class DashboardFigureCache {
  private readonly kept = new Map<string, Kept>();
  /** Figures being computed, by place: a second request for the same place waits for them instead. */
  private readonly computing = new Map<string, Promise<Kept>>();

  /**
   * Computes the figures of up to MAX_KEPT municipalities ahead of the first
   * request (a server just started): reading a municipality from nothing takes
   * longer than a reply should, while keeping it up to date does not. One at a
   * time, so requests are not held up; stops when `stopped` says so.
   */
  async warm(db: Db, asOf: IsoDate, now: number, stopped: () => boolean = () => false): Promise<number> {
    let warmed = 0;
    for (const municipalityId of await municipalitiesWithSchools(db, MAX_KEPT)) {
      if (stopped()) break;
      await this.municipality(db, municipalityId, null, asOf, now);
      warmed += 1;
    }
    return warmed;
  }

  /** A coordinator's figures: the municipality, or one school of it, suppressed with all the others alike. */
  async municipality(db: Db, municipalityId: string, schoolId: string | null, asOf: IsoDate, now: number) {
    const places = () => schoolsOfMunicipality(db, municipalityId);
    const key = `municipality:${municipalityId}`;
    const kept = await this.keep({ db, key, schools: places, asOf, now }, (input) => {
      const figures = [
        { schoolId: null, figures: computeDashboard(input) },
        ...input.schools.map((school) => ({
          schoolId: school.id,
          figures: computeDashboard(onlySchool(input, school.id)),
        })),
      ];
      const suppressed = suppressSmallCounts(figures);
      return new Map(figures.map((place, index) => [place.schoolId ?? '', suppressed[index] as DashboardFigures]));
    });
    return this.answer(kept, schoolId ?? '');
  }

  /** A school team's own school, in numbers. */
  async school(db: Db, schoolId: string, asOf: IsoDate, now: number): Promise<ComputedFigures> {
    const places = () => countriesOf(db, [schoolId]);
    const kept = await this.keep({ db, key: `school:${schoolId}`, schools: places, asOf, now }, (input) => {
      return new Map([[schoolId, computeDashboard(input)]]);
    });
    return this.answer(kept, schoolId);
  }

  private answer(kept: Kept, key: string): ComputedFigures {
    const figures = kept.figures.get(key);
    if (figures === undefined) throw new Error('the place was checked before its figures were asked for');
    return { computedAt: kept.computedAt, figures };
  }

  private async keep(place: PlaceRead, compute: Compute): Promise<Kept> {
    const running = this.computing.get(place.key);
    if (running !== undefined) await running.catch(() => undefined);
    const work = this.compute(place, compute);
    this.computing.set(place.key, work);
    try {
      return await work;
    } finally {
      if (this.computing.get(place.key) === work) this.computing.delete(place.key);
    }
  }

  private async compute({ db, key, schools, asOf, now }: PlaceRead, compute: Compute): Promise<Kept> {
    // Read before the records: a write landing in between makes the next request catch up again.
    const head = await changeLogHead(db);
    const held = this.kept.get(key);
    if (held !== undefined && held.head === head && held.asOf === asOf) return held;
    const caughtUp = held !== undefined && (await held.records.catchUp(db, head));
    const records = caughtUp ? held.records : await DashboardRecordSet.load(db, await schools(), head);
    const fresh: Kept = { records, head, asOf, computedAt: now, figures: compute(records.input(asOf)) };
    this.kept.delete(key);
    this.kept.set(key, fresh);
    if (this.kept.size > MAX_KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return fresh;
  }
}
