/**
 * The figures of a municipality (and of each of its schools) computed once
 * and kept until the change log moves: computing them reads every case,
 * student, screening and plan action of the municipality, longer than a
 * reply should take (docs/benchmarks.md, "Dashboard"). Any accepted write
 * moves the change log's head, so a kept answer is never older than the data.
 */
import type { Kysely } from 'kysely';
import { computeDashboard } from '../../domain/dashboard/computeDashboard.ts';
import type { DashboardFigures, DashboardInput } from '../../domain/dashboard/dashboardFigures.ts';
import type { IsoDate } from '../../domain/dueDates.ts';
import { suppressSmallCounts } from '../../domain/dashboard/suppressSmallCounts.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { countriesOf, readDashboardInput, schoolsOfMunicipality } from './dashboardRecords.ts';

type Db = Kysely<DatabaseSchema>;

/** Places kept at once; each is a few hundred KB at most. */
const MAX_KEPT = 64;

export interface ComputedFigures {
  computedAt: number;
  figures: DashboardFigures;
}

interface Kept {
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

export class DashboardFigureCache {
  private readonly kept = new Map<string, Kept>();

  /** A coordinator's figures: the municipality, or one school of it, suppressed with all the others alike. */
  async municipality(db: Db, municipalityId: string, schoolId: string | null, asOf: IsoDate, now: number) {
    const kept = await this.keep(db, `municipality:${municipalityId}`, asOf, now, async () => {
      const input = await readDashboardInput(db, await schoolsOfMunicipality(db, municipalityId), asOf);
      const places = [
        { schoolId: null, figures: computeDashboard(input) },
        ...input.schools.map((school) => ({
          schoolId: school.id,
          figures: computeDashboard(onlySchool(input, school.id)),
        })),
      ];
      const suppressed = suppressSmallCounts(places);
      return new Map(places.map((place, index) => [place.schoolId ?? '', suppressed[index] as DashboardFigures]));
    });
    return this.answer(kept, schoolId ?? '');
  }

  /** A school team's own school, in numbers. */
  async school(db: Db, schoolId: string, asOf: IsoDate, now: number): Promise<ComputedFigures> {
    const kept = await this.keep(db, `school:${schoolId}`, asOf, now, async () => {
      const input = await readDashboardInput(db, await countriesOf(db, [schoolId]), asOf);
      return new Map([[schoolId, computeDashboard(input)]]);
    });
    return this.answer(kept, schoolId);
  }

  private answer(kept: Kept, key: string): ComputedFigures {
    const figures = kept.figures.get(key);
    if (figures === undefined) throw new Error('the place was checked before its figures were asked for');
    return { computedAt: kept.computedAt, figures };
  }

  private async keep(
    db: Db,
    key: string,
    asOf: IsoDate,
    now: number,
    compute: () => Promise<Map<string, DashboardFigures>>,
  ): Promise<Kept> {
    // Read before the records: a write landing in between makes the next request compute again.
    const head = await changeLogHead(db);
    const held = this.kept.get(key);
    if (held !== undefined && held.head === head && held.asOf === asOf) return held;
    const fresh: Kept = { head, asOf, computedAt: now, figures: await compute() };
    this.kept.delete(key);
    this.kept.set(key, fresh);
    if (this.kept.size > MAX_KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return fresh;
  }
}
