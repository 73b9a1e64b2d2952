import { db } from '../storage/database.ts';
import { requestPersistentStorageOnce } from '../storage/requestPersistentStorage.ts';
import { requestSync } from './syncController.ts';

/**
 * What follows every saved change: sync it soon (it rides along with any
 * other change made in the next moments), and, after the first one, ask the
 * browser not to evict the device's data.
 */
export function afterLocalWrite(): void {
  requestSync('soon');
  void requestPersistentStorageOnce(db);
}
