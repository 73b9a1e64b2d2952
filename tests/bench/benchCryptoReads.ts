import { loadCaseListHead, loadCaseSummaries } from '../../src/storage/caseListQuery.ts';
import { SEALED_FIELD } from '../../src/storage/crypto/rowCipher.ts';
import { openRow } from '../../src/storage/crypto/sealedRows.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';

/**
 * The case list's reads on a sealed device, split (docs/benchmarks.md,
 * "Encryption at rest figures"): IndexedDB's part, opening the rows, the first
 * screen alone and beside the whole list, and sealed rows against the same
 * entries kept plain.
 */
export interface CaseIndexTimings {
  entries: number;
  sealedBytes: number;
  /** The same entries opened, as JSON: what they weighed before sealing. */
  plainJsonBytes: number;
  /** IndexedDB getAll of the sealed rows (structured clone, no opening). */
  readMs: number[];
  /** Opening those rows (XChaCha20-Poly1305 + JSON.parse), as the middleware does. */
  openMs: number[];
  /** What the case list calls: db.caseIndex.toArray() through Dexie (read + open). */
  toArrayMs: number[];
  /** The list's first screen alone (loadCaseListHead) and how many entries it opens to find its rows. */
  headMs: number[];
  headEntries: number;
  /** As useCaseList starts them: the head and the whole list at once; when each arrived. */
  headBesideFullMs: number[];
  fullBesideHeadMs: number[];
  /** getAll from a scratch database holding the same entries plain, and holding them sealed. */
  scratchPlainReadMs: number[];
  scratchSealedReadMs: number[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('an IndexedDB request failed'));
  });
}

/** Rows as IndexedDB holds them (sealed), read past Dexie and the sealing middleware. */
async function readSealed(db: UraDatabase, table: string): Promise<unknown[]> {
  await db.open();
  return request(db.backendDB().transaction(table, 'readonly').objectStore(table).getAll());
}

function sealedBytes(rows: readonly unknown[]): number {
  let bytes = 0;
  for (const row of rows) {
    const sealed = (row as Record<string, unknown>)[SEALED_FIELD];
    if (ArrayBuffer.isView(sealed)) bytes += sealed.byteLength;
  }
  return bytes;
}

const SCRATCH = 'ura-bench-scratch';

/** The same entries plain and sealed in a scratch database, each read `runs` times, taking turns. */
async function scratchReads(plain: unknown[], sealed: unknown[], runs: number, timings: CaseIndexTimings) {
  const open = indexedDB.open(SCRATCH, 1);
  open.onupgradeneeded = () => {
    for (const store of ['plain', 'sealed']) open.result.createObjectStore(store, { keyPath: 'caseId' });
  };
  const scratch = await request(open);
  try {
    const write = scratch.transaction(['plain', 'sealed'], 'readwrite');
    for (const row of plain) write.objectStore('plain').put(row);
    for (const row of sealed) write.objectStore('sealed').put(row);
    await new Promise((resolve, reject) => {
      write.oncomplete = resolve;
      write.onerror = () => reject(write.error ?? new Error('the scratch write failed'));
    });
    for (let run = 0; run < runs; run += 1) {
      for (const [store, into] of [
        ['plain', timings.scratchPlainReadMs],
        ['sealed', timings.scratchSealedReadMs],
      ] as const) {
        const started = performance.now();
        await request(scratch.transaction(store, 'readonly').objectStore(store).getAll());
        into.push(performance.now() - started);
      }
    }
  } finally {
    scratch.close();
    await request(indexedDB.deleteDatabase(SCRATCH));
  }
}

/** The case list's reads, split into IndexedDB's part and the opening of sealed rows. */
export async function timeCaseIndexOpening(db: UraDatabase, runs: number, headSize: number): Promise<CaseIndexTimings> {
  const timings: CaseIndexTimings = {
    entries: 0,
    sealedBytes: 0,
    plainJsonBytes: 0,
    readMs: [],
    openMs: [],
    toArrayMs: [],
    headMs: [],
    headEntries: 0,
    headBesideFullMs: [],
    fullBesideHeadMs: [],
    scratchPlainReadMs: [],
    scratchSealedReadMs: [],
  };
  const cipher = () => db.dataKey.cipher();
  let sealed: unknown[] = [];
  let opened: unknown[] = [];
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    sealed = await readSealed(db, 'caseIndex');
    timings.readMs.push(performance.now() - started);
    started = performance.now();
    opened = sealed.map((row) => openRow('caseIndex', row, cipher));
    timings.openMs.push(performance.now() - started);
    started = performance.now();
    await db.caseIndex.toArray();
    timings.toArrayMs.push(performance.now() - started);
    started = performance.now();
    await loadCaseListHead(db, headSize);
    timings.headMs.push(performance.now() - started);
    started = performance.now();
    await Promise.all([
      loadCaseListHead(db, headSize).then(() => timings.headBesideFullMs.push(performance.now() - started)),
      loadCaseSummaries(db).then(() => timings.fullBesideHeadMs.push(performance.now() - started)),
    ]);
  }
  timings.entries = sealed.length;
  timings.sealedBytes = sealedBytes(sealed);
  timings.plainJsonBytes = opened.reduce<number>((sum, row) => sum + JSON.stringify(row).length, 0);
  // loadCaseListHead opens every entry due no later than the headSize-th one.
  const firstKeys = await db.caseIndex.orderBy('nextDue').limit(headSize).keys();
  const last = firstKeys.at(-1);
  if (typeof last === 'string') timings.headEntries = await db.caseIndex.where('nextDue').belowOrEqual(last).count();
  await scratchReads(opened, sealed, runs, timings);
  return timings;
}
