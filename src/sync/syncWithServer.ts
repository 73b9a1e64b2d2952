import { loadAccount } from '../storage/accountRepository.ts';
import { scopeLeftovers } from '../storage/scopeLeftovers.ts';
import { applyRemoteChanges } from '../storage/applyRemoteChanges.ts';
import { markAttempted, pendingMutations, settleOutbox } from '../storage/outbox.ts';
import { getCursor, pullsOwnWrites, recordSyncSuccess, setPullOwnWrites } from '../storage/syncMeta.ts';
import type { UraDatabase } from '../storage/UraDatabase.ts';
import { wipeDevice } from '../storage/wipeDevice.ts';
import { postSync, SyncRefusedError, SyncUnavailableError, type FetchLike } from './postSync.ts';
import { requestBasis, type RequestBasis } from './requestBasis.ts';
import {
  MAX_MUTATIONS_PER_REQUEST,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type Mutation,
  type SyncResponse,
} from './protocol.ts';

export interface SyncOptions {
  fetch: FetchLike;
  baseUrl: string;
  pullLimit?: number;
  /** Called after each page with the number of changes received so far, and whether more pages wait. */
  onProgress?: (received: number, hasMore: boolean) => void;
  /** The server ended this device's session (`signedOut`), or revoked the device, whose data is then wiped. */
  onSessionEnd?: (end: SessionEnd) => void;
}

/** Why the server no longer syncs with this device (see docs/accounts.md, "Sign-in"). */
export type SessionEnd = 'signedOut' | 'revoked';

/** A changed scope rewinds the pull; a server whose scope kept changing would keep us rewinding. */
const MAX_SCOPE_CHANGES_PER_SYNC = 3;

export interface SyncSummary {
  pushed: number;
  rejected: number;
  received: number;
  roundTrips: number;
}

/**
 * One request, from the stored cursor unless one is given (a page asked for
 * before the one it follows is applied). The clock offset is corrected from
 * the reply before anything in it is applied: applying changes moves the
 * device's HLC to at least the corrected "now", and a device clock days ahead,
 * uncorrected, would push the HLC days ahead for good — every later write
 * would be refused `clock_ahead`. (`lastSyncAt` is therefore the time the
 * server last answered.)
 */
async function send(
  db: UraDatabase,
  options: SyncOptions,
  mutations: Mutation[],
  basis?: RequestBasis & { cursor: number },
): Promise<SyncResponse> {
  const started = Date.now();
  const { cursor, ...named } = basis ?? { ...(await requestBasis(db)), cursor: await getCursor(db) };
  const reply = await postSync(options.fetch, options.baseUrl, {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    ...named,
    cursor,
    limit: options.pullLimit ?? MAX_PULL_LIMIT,
    mutations,
  });
  await recordSyncSuccess(db, reply.serverTime, Date.now() - started);
  return reply;
}

/**
 * A batch the server refuses as malformed must not block the queue: send its
 * mutations one by one, and let only the bad ones be marked rejected.
 */
async function sendIsolatingBadMutations(
  db: UraDatabase,
  options: SyncOptions,
  mutations: Mutation[],
): Promise<SyncResponse> {
  try {
    return await send(db, options, mutations);
  } catch (error) {
    if (!(error instanceof SyncRefusedError) || error.code !== 'bad_request' || mutations.length === 0) throw error;
  }
  const { sendOneByOne } = await import('./sendOneByOne.ts');
  return sendOneByOne(
    mutations,
    (batch) => send(db, options, batch),
    (reply) => applyRemoteChanges(db, reply.changes, reply.nextCursor),
  );
}

/**
 * Pushes the outbox and pulls every change since the cursor, one round trip
 * per batch: mutations go up with the cursor, changes come back in the reply.
 * Each page is applied with its cursor in one transaction. A reply with a new
 * access scope removes what fell out of it and rewinds the cursor, and the
 * pull goes on from 0. A device with no account sends no scope version and
 * keeps no scope (test devices; the app does not sync before a sign-in).
 * An ended session stops the sync and keeps everything; a revoked device is
 * wiped at once.
 */
export async function syncWithServer(db: UraDatabase, options: SyncOptions): Promise<SyncSummary> {
  try {
    const summary = await syncRounds(db, options);
    if ((await scopeLeftovers(db)).length > 0) await (await scopeCode()).removeScopeLeftovers(db);
    return summary;
  } catch (error) {
    if (error instanceof SyncRefusedError && error.code === 'device_revoked') {
      await wipeDevice(db);
      options.onSessionEnd?.('revoked');
    } else if (error instanceof SyncRefusedError && error.status === 401) {
      options.onSessionEnd?.('signedOut');
    }
    throw error;
  }
}

/** The pruning code, loaded only when a scope changes: a rare event, so not part of the app's first load. */
function scopeCode() {
  return import('../storage/applyAccessScope.ts');
}

/** The scope a reply carries, when it is not the one the account holds (a device with no account keeps none). */
async function changedScope(db: UraDatabase, reply: SyncResponse): Promise<SyncResponse['scope']> {
  if (reply.scope === undefined) return undefined;
  const account = await loadAccount(db);
  return account !== null && account.scope.version !== reply.scope.version ? reply.scope : undefined;
}

async function syncRounds(db: UraDatabase, options: SyncOptions): Promise<SyncSummary> {
  const summary: SyncSummary = { pushed: 0, rejected: 0, received: 0, roundTrips: 0 };
  let resentAfterClock = false;
  let scopeChanges = 0;
  // A pull from cursor 0 (a new device, or after a scope change) leaves the derived tables to its last page.
  let fromZero = (await getCursor(db)) === 0;
  let nextPage: Promise<SyncResponse> | undefined;
  for (;;) {
    // A page asked for in advance went without mutations; what waits goes in the round after it.
    const rows = nextPage === undefined ? await pendingMutations(db, MAX_MUTATIONS_PER_REQUEST) : [];
    const mutations = rows.map((row) => row.mutation);
    await markAttempted(
      db,
      rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq])),
    );
    const reply = await (nextPage ?? sendIsolatingBadMutations(db, options, mutations));
    nextPage = undefined;
    summary.roundTrips += 1;
    // A server that answers none of what was sent would keep us looping on the same batch.
    if (mutations.length > 0 && reply.results.length === 0) throw new SyncUnavailableError();
    const requeued = await settleOutbox(db, reply.results);
    const newScope = await changedScope(db, reply);
    // Changes re-stamped after a clock that ran ahead go again at once, but only once per sync: their new stamps
    // come from the corrected clock, so a second refusal would mean something else is wrong.
    const resend = requeued > 0 && !resentAfterClock;
    resentAfterClock ||= requeued > 0;
    const morePending = rows.length === MAX_MUTATIONS_PER_REQUEST;
    if (reply.hasMore && !morePending && !resend && !newScope && (await nothingWaiting(db))) {
      nextPage = askAhead(db, options, { ...(await requestBasis(db)), cursor: reply.nextCursor });
    }
    await applyRemoteChanges(db, reply.changes, reply.nextCursor, { deferDerived: fromZero && reply.hasMore });
    if (!reply.hasMore) fromZero = false;
    // The pull after a scope change is done; should this write be lost, the next pull just repeats own writes.
    if (!reply.hasMore && !newScope && (await pullsOwnWrites(db))) await setPullOwnWrites(db, false);
    if (newScope) {
      scopeChanges += 1;
      if (scopeChanges > MAX_SCOPE_CHANGES_PER_SYNC) throw new SyncUnavailableError();
      await (await scopeCode()).applyAccessScope(db, newScope);
      fromZero = true;
    }
    summary.pushed += reply.results.filter((result) => result.status !== 'rejected').length;
    summary.rejected += reply.results.filter((result) => result.status === 'rejected').length - requeued;
    summary.received += reply.changes.length;
    options.onProgress?.(summary.received, reply.hasMore);
    // After a new scope the cursor is back at 0: pull again, whatever the reply said.
    if (!reply.hasMore && !morePending && !resend && !newScope) return summary;
  }
}

async function nothingWaiting(db: UraDatabase): Promise<boolean> {
  return (await pendingMutations(db, 1)).length === 0;
}

/**
 * Asks for the page after `cursor` while the device applies the one before
 * it: the server's answer and the device's writes overlap instead of taking
 * turns (a first sync of a large caseload is tens of pages). What the request
 * names is read before the page's transaction starts, so it waits for none of
 * it. Nothing is applied out of order: the next round awaits this reply. If
 * applying fails, the sync stops and the reply is dropped, failure or not.
 */
function askAhead(
  db: UraDatabase,
  options: SyncOptions,
  basis: RequestBasis & { cursor: number },
): Promise<SyncResponse> {
  const page = send(db, options, [], basis);
  page.catch(() => undefined);
  return page;
}
