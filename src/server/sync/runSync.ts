import { DEFAULT_PULL_LIMIT, type SyncRequest, type SyncResponse } from '../../sync/protocol.ts';
import { recordAudit } from '../audit/auditLog.ts';
import type { AppDatabase } from '../database/openDatabase.ts';
import { inWriteTransaction } from '../database/databaseEngine.ts';
import { loadAccessScope } from './accessScopeStore.ts';
import { applyMutations, type Writer } from './applyMutations.ts';
import { entitiesHiddenFrom } from './protocolVersions.ts';
import { readChanges } from './readChanges.ts';
import { readAuditEntries, scopeChangedEntry, writeAuditEntries, type SyncActor } from './syncAudit.ts';

/** The signed-in user a sync request comes from (the session decides it, never the body). */
export interface SyncViewer {
  userId: string;
}

/**
 * One sync round trip: push the batch in one transaction (judged against the
 * user's scope), then pull a page after the cursor of what the scope reaches.
 * A device whose `scopeVersion` is not the current one gets the new scope and
 * no page: it removes what fell out of scope and pulls again from 0. A device
 * that sent none (its first sync) gets the scope with an ordinary page.
 */
export async function runSync(
  db: AppDatabase,
  request: SyncRequest,
  now: number,
  viewer: SyncViewer,
): Promise<SyncResponse> {
  const actor: SyncActor = { userId: viewer.userId, clientId: request.clientId };
  const writer: Writer = { userId: viewer.userId, scope: await loadAccessScope(db, viewer.userId) };
  let results: SyncResponse['results'] = [];
  if (request.mutations.length > 0) {
    const batch = await inWriteTransaction(db, async (trx) => {
      const applied = await applyMutations(trx, request.mutations, now, writer);
      await recordAudit(trx, now, writeAuditEntries(actor, applied));
      return applied;
    });
    results = batch.results;
    // A mentor's flag assigned a case: read the scope again, as any later request would.
    if (batch.assignedCaseIds.length > 0) writer.scope = await loadAccessScope(db, viewer.userId);
  }
  const scope = writer.scope;
  if (request.scopeVersion !== undefined && request.scopeVersion !== scope.version) {
    await recordAudit(db, now, [scopeChangedEntry(actor, request.scopeVersion, scope.version)]);
    return { results, changes: [], nextCursor: 0, hasMore: true, serverTime: now, scope };
  }
  const { read, ...page } = await readChanges(db, request.cursor, request.limit ?? DEFAULT_PULL_LIMIT, {
    scope,
    ...(request.includeOwnWrites === true ? {} : { callerClientId: request.clientId }),
    hidden: entitiesHiddenFrom(request.protocolVersion),
  });
  await recordAudit(db, now, readAuditEntries(actor, read));
  return { results, ...page, serverTime: now, ...(request.scopeVersion === undefined ? { scope } : {}) };
}
