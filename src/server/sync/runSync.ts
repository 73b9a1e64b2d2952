import { DEFAULT_PULL_LIMIT, type SyncRequest, type SyncResponse } from '../../sync/protocol.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { inWriteTransaction } from '../database/databaseEngine.ts';
import { applyMutations } from './applyMutations.ts';
import { entitiesHiddenFrom } from './protocolVersions.ts';
import { readChanges } from './readChanges.ts';

/** One sync round trip: push the batch in one transaction, then pull a page after the cursor. */
export async function runSync(db: AppDatabase, request: SyncRequest, now: number): Promise<SyncResponse> {
  const results =
    request.mutations.length === 0
      ? []
      : await inWriteTransaction(db, (trx) => applyMutations(trx, request.mutations, now));
  const page = await readChanges(db, request.cursor, request.limit ?? DEFAULT_PULL_LIMIT, {
    callerClientId: request.clientId,
    hidden: entitiesHiddenFrom(request.protocolVersion),
  });
  return { results, ...page, serverTime: now };
}
