import type { Page } from 'playwright-core';

/**
 * Reads the app's IndexedDB database ('ura') in the page with the browser's
 * own API, not through the app: a check of what the phone really holds.
 */
async function readStore(page: Page, store: string, key?: string): Promise<{ count: number; value: unknown }> {
  return page.evaluate(
    ({ name, wanted }) =>
      new Promise<{ count: number; value: unknown }>((resolve, reject) => {
        const opened = indexedDB.open('ura');
        opened.onerror = () => reject(new Error(String(opened.error)));
        opened.onsuccess = () => {
          const database = opened.result;
          const objects = database.transaction(name, 'readonly').objectStore(name);
          const counted = objects.count();
          const read = wanted === undefined ? undefined : objects.get(wanted);
          counted.onsuccess = () => {
            const finish = (value: unknown) => {
              database.close();
              resolve({ count: counted.result, value });
            };
            if (read === undefined) finish(undefined);
            else read.onsuccess = () => finish(read.result);
          };
        };
      }),
    { name: store, wanted: key },
  );
}

/** How many rows one of the app's tables holds on the device. */
export async function storedCount(page: Page, table: string): Promise<number> {
  return (await readStore(page, table)).count;
}

/** The device's sync client id (the id an administrator revokes). */
export async function deviceClientId(page: Page): Promise<string> {
  const { value } = await readStore(page, 'meta', 'clientId');
  const id = (value as { value?: unknown } | undefined)?.value;
  if (typeof id !== 'string') throw new Error('this device has no client id yet');
  return id;
}

/**
 * Writes `values` in plain text into a database of the test's own ('scan-control'),
 * through the browser's IndexedDB, not the app: a control that a reading of the
 * profile's files finds plain strings as the browser stores them.
 */
export async function writePlainControl(page: Page, values: readonly string[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const opened = indexedDB.open('scan-control');
        opened.onupgradeneeded = () => opened.result.createObjectStore('rows');
        opened.onerror = () => reject(new Error(String(opened.error)));
        opened.onsuccess = () => {
          const database = opened.result;
          const writing = database.transaction('rows', 'readwrite', { durability: 'strict' });
          rows.forEach((value, index) => writing.objectStore('rows').put({ value }, index));
          writing.oncomplete = () => {
            database.close();
            resolve();
          };
          writing.onerror = () => reject(new Error(String(writing.error)));
        };
      }),
    [...values],
  );
}
