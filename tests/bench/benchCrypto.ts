import { PIN_KDF_ITERATIONS, pinKey, randomBytes } from '../../src/storage/crypto/keyWrapping.ts';
import { unlockWithPin } from '../../src/storage/deviceVault.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/**
 * The encryption-at-rest probes of the casework benchmark (docs/benchmarks.md,
 * "Encryption at rest figures"): what unlocking costs and what sealing one row
 * costs; benchCryptoReads.ts splits the case list's reads.
 */

/** Unlocks the bench's own database instance with the PIN the app was given, so it holds the app's data key. */
export async function unlockBench(db: UraDatabase, pin: string): Promise<number> {
  const started = performance.now();
  const outcome = await unlockWithPin(db, pin);
  if (!outcome.ok) throw new Error(`the bench could not unlock the device (${outcome.attemptsLeft} tries left)`);
  return performance.now() - started;
}

export interface PinKeyTimings {
  iterations: number;
  /** PBKDF2 alone (pinKey), per run. */
  deriveMs: number[];
  /** The whole unlockWithPin (vault read, attempt counted, PBKDF2, unwrap, count reset), per run. */
  unlockMs: number[];
}

/** The PIN's key derivation alone, then the whole unlock, `runs` times each. */
export async function timePinKey(db: UraDatabase, pin: string, runs: number): Promise<PinKeyTimings> {
  const timings: PinKeyTimings = { iterations: PIN_KDF_ITERATIONS, deriveMs: [], unlockMs: [] };
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await pinKey(pin, randomBytes(16), PIN_KDF_ITERATIONS);
    timings.deriveMs.push(performance.now() - started);
  }
  for (let run = 0; run < runs; run += 1) timings.unlockMs.push(await unlockBench(db, pin));
  return timings;
}

export interface SealTimings {
  /** µs per seal and per open of a whole row, averaged over the rows tried (one timing per batch). */
  visitSealUs: number;
  visitOpenUs: number;
  visitBytes: number;
  indexSealUs: number;
  indexOpenUs: number;
  indexBytes: number;
}

/**
 * Seals `rows` with the data key, then opens them; µs per row and the mean sealed size. Timed per
 * batch: outside a cross-origin-isolated page performance.now() only ticks every 100 µs.
 */
function timeRows(db: UraDatabase, table: string, rows: readonly object[]): [number, number, number] {
  if (rows.length === 0) return [NaN, NaN, 0];
  const cipher = db.dataKey.cipher();
  let started = performance.now();
  const sealed = rows.map((row) => cipher.seal(table, row as Record<string, unknown>));
  const sealMs = performance.now() - started;
  started = performance.now();
  for (const bytes of sealed) cipher.open(table, bytes);
  const openMs = performance.now() - started;
  const bytes = sealed.reduce((sum, row) => sum + row.byteLength, 0);
  return [(sealMs * 1000) / rows.length, (openMs * 1000) / rows.length, bytes / rows.length];
}

/** What the sealing middleware costs per row: `count` home-visit notes and case index entries, whole. */
export async function timeSealing(db: UraDatabase, count: number): Promise<SealTimings> {
  const [visits, entries] = await Promise.all([
    db.homeVisits.limit(count).toArray(),
    db.caseIndex.limit(count).toArray(),
  ]);
  const [visitSealUs, visitOpenUs, visitBytes] = timeRows(db, 'homeVisits', visits);
  const [indexSealUs, indexOpenUs, indexBytes] = timeRows(db, 'caseIndex', entries);
  return { visitSealUs, visitOpenUs, visitBytes, indexSealUs, indexOpenUs, indexBytes };
}
