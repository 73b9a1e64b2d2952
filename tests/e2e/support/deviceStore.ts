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
