import { rebuildStaleDerivedTables } from '../../src/storage/derivedTables.ts';
import { buildCaseIndex } from '../../src/domain/caseIndex.ts';
import { screeningSummariesOf, visitSummariesOf } from '../../src/domain/caseworkSummaries.ts';
import { localIsoDate, type IsoDate } from '../../src/domain/dueDates.ts';
import { db } from '../../src/storage/database.ts';
import { addHomeVisit } from '../../src/storage/homeVisitRepository.ts';
import { newRecordId } from '../../src/storage/recordWrites.ts';
import { generateCasework, WORKER_IDS, type BenchSchool } from './generateCasework.ts';
import { timeFollowUps, timeCaseSummaries, type FollowUpTimings } from './benchQueries.ts';
import { timePinKey, timeSealing, unlockBench, type PinKeyTimings, type SealTimings } from './benchCrypto.ts';
import { timeCaseIndexOpening, type CaseIndexTimings } from './benchCryptoReads.ts';

/**
 * The in-page half of `npm run bench` (casework): scripts/benchCasework.mjs
 * evaluates this bundle in the app's own page over the DevTools protocol (the
 * app's CSP rightly refuses injected script tags) and calls
 * `window.__uraBench`. It works on the app's IndexedDB database `ura`
 * through the app's real storage code, on its own `db` instance: `unlock`
 * (the PIN the app was given) must come first, so it holds the app's data key
 * and seals what it writes exactly as the app does.
 */
export interface SeedResult {
  cases: number;
  rows: number;
  generateMs: number;
  writeMs: number;
}

export interface UraBench {
  /** Unlocks this bundle's `db` with the device's PIN; returns the ms it took. */
  unlock(pin: string): Promise<number>;
  today(): IsoDate;
  seed(options: { seed: number; from: number; count: number; today: IsoDate }): Promise<SeedResult>;
  counts(): Promise<Record<string, number>>;
  saveVisits(options: { count: number; today: IsoDate; pauseMs: number }): Promise<number[]>;
  followUps(options: { runs: number; budgetMs: number; today: IsoDate }): Promise<FollowUpTimings>;
  caseSummaries(options: { runs: number }): Promise<number[]>;
  pinKey(options: { pin: string; runs: number }): Promise<PinKeyTimings>;
  caseIndexOpening(options: { runs: number; headSize: number }): Promise<CaseIndexTimings>;
  sealing(options: { count: number }): Promise<SealTimings>;
}

/** Cases written per transaction: large enough to be quick, small enough not to hold 100 MB at once. */
const CHUNK = 1000;

async function seed(options: { seed: number; from: number; count: number; today: IsoDate }): Promise<SeedResult> {
  const schools: BenchSchool[] = (await db.schools.toArray()).map(({ id, country }) => ({ id, country }));
  const result: SeedResult = { cases: 0, rows: 0, generateMs: 0, writeMs: 0 };
  for (let from = options.from; from < options.from + options.count; from += CHUNK) {
    let started = performance.now();
    const count = Math.min(CHUNK, options.from + options.count - from);
    const batch = generateCasework({ seed: options.seed, from, count, today: options.today, schools });
    result.generateMs += performance.now() - started;
    started = performance.now();
    const tables = [db.students, db.cases, db.homeVisits, db.planActions, db.screenings];
    // A pull writes the summaries and the case index with the records; so does this seeding (each batch holds
    // whole cases).
    const visitSummaries = visitSummariesOf(batch.homeVisits);
    const screeningSummaries = screeningSummariesOf(batch.screenings);
    const caseIndex = buildCaseIndex({ ...batch, schools, screeningLevels: screeningSummaries, visitSummaries });
    await db.transaction('rw', [...tables, db.visitSummaries, db.screeningSummaries, db.caseIndex], async () => {
      await Promise.all([
        db.students.bulkPut(batch.students),
        db.cases.bulkPut(batch.cases),
        db.homeVisits.bulkPut(batch.homeVisits),
        db.planActions.bulkPut(batch.planActions),
        db.screenings.bulkPut(batch.screenings),
        db.visitSummaries.bulkPut(visitSummaries),
        db.screeningSummaries.bulkPut(screeningSummaries),
        db.caseIndex.bulkPut(caseIndex),
      ]);
    });
    result.writeMs += performance.now() - started;
    result.cases += count;
    const tableRows: readonly unknown[][] = Object.values(batch);
    result.rows += tableRows.reduce((sum, rows) => sum + rows.length, 0);
  }
  return result;
}

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(entries);
}

/**
 * Saves `count` visit notes, each on a different active case, waiting `pauseMs` after each (outside the
 * timing). Back to back (0) each save also competes with the app's screens reacting to the one before;
 * with a pause, as a mentor saves one note and moves on, it does not.
 */
async function saveVisits(options: { count: number; today: IsoDate; pauseMs: number }): Promise<number[]> {
  const cases = await db.cases.where('status').equals('planActive').limit(options.count).primaryKeys();
  const durations: number[] = [];
  for (const [n, caseId] of cases.entries()) {
    const input = {
      id: newRecordId(),
      recordedBy: WORKER_IDS[n % WORKER_IDS.length] ?? 'device:mentor',
      caseId,
      visitDate: options.today,
      startTime: '16:00',
      endTime: '16:45',
      planned: true,
      otherVisitors: '',
      language: 'romani',
      interpreterOrMediator: false,
      outcome: 'metFamily' as const,
      newAddress: '',
      present: ['child' as const, 'mother' as const],
      statedReasons: ['careDuties' as const],
      statedReasonsText: 'Looks after her two younger brothers in the mornings.',
      observations: 'The family has firewood for the winter; the older brother helps with homework.',
      childView: 'Wants to come back after the winter.',
      strengths: 'Grandmother supports schooling.',
      safeguardingConcern: false,
      agreedActions: [{ what: 'Mother brings her to school on Monday', who: 'Mother', byDate: options.today }],
      nextVisitDate: options.today,
      familyInformedOfDataUse: true,
      consent: 'given' as const,
      parentAcknowledged: true,
      notes: '',
      correctionOf: null,
    };
    const started = performance.now();
    await addHomeVisit(db, input, { draftKey: `homeVisit:${caseId}` });
    durations.push(performance.now() - started);
    if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return durations;
}

const bench: UraBench = {
  // As the app does after an unlock: lists an upgrade left to rebuild are rebuilt (a no-op on a seeded device).
  unlock: async (pin) => {
    const unlockMs = await unlockBench(db, pin);
    await rebuildStaleDerivedTables(db);
    return unlockMs;
  },
  today: () => localIsoDate(new Date()),
  seed,
  counts,
  saveVisits,
  followUps: (options) => timeFollowUps(db, options),
  caseSummaries: ({ runs }) => timeCaseSummaries(db, runs),
  pinKey: ({ pin, runs }) => timePinKey(db, pin, runs),
  caseIndexOpening: ({ runs, headSize }) => timeCaseIndexOpening(db, runs, headSize),
  sealing: ({ count }) => timeSealing(db, count),
};

(window as unknown as { __uraBench: UraBench }).__uraBench = bench;
