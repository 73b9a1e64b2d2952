import type { AccessScope } from '../domain/accessScope.ts';
import { loadAccount, storeAccountScope } from './accountRepository.ts';
import { scopeLeftovers } from './scopeLeftovers.ts';
import { pruneToScope, type ScopedRow } from './scopePruning.ts';
import { META_KEYS, setCursor, setPullOwnWrites } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * A new access scope from the server (docs/accounts.md, "The scope a device
 * holds"), in one transaction: removes every record the scope no longer
 * reaches — with its drafts, summaries and case-index entry — except those a
 * pending change still writes (they go once it is sent: see
 * removeScopeLeftovers); empties the fields it hides; stores it in the
 * account; and rewinds the pull cursor to 0, so the next pulls bring what came
 * into it — this device's own writes included, since a case that left and came
 * back took them with it. Returns how many records were removed.
 */
export async function applyAccessScope(db: UraDatabase, scope: AccessScope): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    const { removed, kept } = await pruneToScope(db, scope);
    await storeAccountScope(db, scope);
    await setCursor(db, 0);
    await setPullOwnWrites(db, true);
    await db.meta.put({ key: META_KEYS.scopeLeftovers, value: kept });
    return removed;
  });
}

async function leftovers(db: UraDatabase): Promise<ScopedRow[]> {
  return (await scopeLeftovers(db)) as ScopedRow[];
}

/**
 * After a sync: removes the out-of-scope records that were kept for a pending
 * change, now that the change is sent (or refused). Nothing to do (one read)
 * unless a scope change left some. Returns how many records were removed.
 */
export async function removeScopeLeftovers(db: UraDatabase): Promise<number> {
  if ((await scopeLeftovers(db)).length === 0) return 0;
  return db.transaction('rw', db.tables, async () => {
    const account = await loadAccount(db);
    if (!account) {
      await db.meta.delete(META_KEYS.scopeLeftovers);
      return 0;
    }
    const { removed, kept } = await pruneToScope(db, account.scope, await leftovers(db));
    await db.meta.put({ key: META_KEYS.scopeLeftovers, value: kept });
    return removed;
  });
}
