import { loadAccount } from '../storage/accountRepository.ts';
import { getClientId, pullsOwnWrites } from '../storage/syncMeta.ts';
import type { UraDatabase } from '../storage/UraDatabase.ts';
import type { SyncRequest } from './protocol.ts';

/** What every request of a sync round names besides its cursor and mutations. */
export type RequestBasis = Pick<SyncRequest, 'clientId' | 'scopeVersion' | 'includeOwnWrites'>;

/**
 * Read before a page's transaction starts, so a page asked for in advance
 * waits for none of it. A device with no account sends no scope version; the
 * own-writes flag goes only while a pull after a scope change is under way.
 */
export async function requestBasis(db: UraDatabase): Promise<RequestBasis> {
  const [clientId, account, ownWrites] = await Promise.all([getClientId(db), loadAccount(db), pullsOwnWrites(db)]);
  const scopeVersion = account?.scope.version;
  return {
    clientId,
    ...(scopeVersion === undefined ? {} : { scopeVersion }),
    ...(ownWrites ? { includeOwnWrites: true } : {}),
  };
}
