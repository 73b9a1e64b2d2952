// fake-indexeddb must load before Dexie captures `indexedDB`.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { db } from '../../src/storage/database.ts';

// The app's shared database, as on a phone after its PIN (docs/encryption.md). A sign-out or a lock in one test
// drops the key; the next test starts unlocked again, with the same key so rows written earlier still open.
const fileKey = crypto.getRandomValues(new Uint8Array(32));
beforeEach(() => {
  if (!db.dataKey.unlocked) db.dataKey.unlock(fileKey);
});

afterEach(() => {
  cleanup();
});
