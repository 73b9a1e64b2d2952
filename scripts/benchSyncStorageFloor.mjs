// The browser's storage floor under the first-sync figure: how long this Chromium takes to write as many
// rows as the caseload has records, of their size, into IndexedDB in as many transactions as the sync has
// pages, with nothing else: no reply to read, no merging, no sealing, no indexes. Any first sync that keeps
// a row per record costs at least this on this machine (docs/benchmarks.md, "What dominates").
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './benchCaseworkPage.mjs';

/**
 * The caseload's records in the seeded SQLite file `file` (demo data included), and the mean size of one
 * as the device stores it before sealing: each field's name and JSON value, and its 46-character HLC.
 */
export function caseloadShape(file) {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite
      .prepare(
        `select count(*) as records, avg(bytes) as meanBytes from (
           select sum(length(field) + length(value_json) + length(hlc) + 8) as bytes
           from entity_field group by entity, entity_id)`,
      )
      .get();
  } finally {
    sqlite.close();
  }
}

/** Writes `records` rows of `meanBytes` (random bytes, as sealed rows are) in `pages` transactions; returns ms. */
export async function measureStorageFloor({ url, profileDir, records, meanBytes, pages }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Any page of the server's origin: IndexedDB belongs to the origin, and this one runs no app code.
    await page.goto(`${url}/api/health`);
    return await page.evaluate(
      async ({ total, bytes, transactions }) => {
        const opening = indexedDB.open('ura-storage-floor', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('rows', { keyPath: 'id' });
        const database = await new Promise((resolve, reject) => {
          opening.onsuccess = () => resolve(opening.result);
          opening.onerror = () => reject(opening.error);
        });
        const perPage = Math.ceil(total / transactions);
        const sealed = crypto.getRandomValues(new Uint8Array(Math.round(bytes)));
        const started = performance.now();
        for (let from = 0; from < total; from += perPage) {
          const transaction = database.transaction('rows', 'readwrite');
          const store = transaction.objectStore('rows');
          for (let n = from; n < Math.min(total, from + perPage); n += 1) {
            store.put({ id: `record-${String(n).padStart(8, '0')}`, sealed: sealed.slice() });
          }
          await new Promise((resolve, reject) => {
            transaction.oncomplete = resolve;
            transaction.onerror = () => reject(transaction.error);
          });
        }
        const ms = performance.now() - started;
        database.close();
        return ms;
      },
      { total: records, bytes: meanBytes, transactions: pages },
    );
  } finally {
    await context.close();
  }
}
