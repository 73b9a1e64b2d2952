import { v7 as uuidv7 } from 'uuid';
import { formatHlc, nodeIdFrom, receiveHlc, tickHlc, type HlcState } from '../domain/hlc.ts';
import { MAX_CLOCK_AHEAD_MS } from '../sync/protocol.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Sync bookkeeping in the `meta` table. Must be called inside a transaction
 * that includes `meta` whenever the result is written back.
 */
export const META_KEYS = {
  clientId: 'clientId',
  hlc: 'hlc',
  cursor: 'pullCursor',
  serverOffsetMs: 'serverOffsetMs',
  lastSyncAt: 'lastSyncAt',
  acceptedHlc: 'acceptedHlc',
  persistRequested: 'persistRequested',
  /** The signed-in account (accountRepository.ts). */
  account: 'account',
  /** Records left out of scope because a pending change still wrote them; removed once it is sent. */
  scopeLeftovers: 'scopeLeftovers',
  /** Set by a scope change until the pull from 0 it starts is done: that pull brings this device's own writes too. */
  pullOwnWrites: 'pullOwnWrites',
} as const;

async function read<T>(db: UraDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/** This device's id if it has one yet, without making it: safe inside a live query, which must not write. */
export async function peekClientId(db: UraDatabase): Promise<string | undefined> {
  return read<string>(db, META_KEYS.clientId);
}

/** This device's id, made once and kept (it names the device in every mutation). */
export async function getClientId(db: UraDatabase): Promise<string> {
  const existing = await read<string>(db, META_KEYS.clientId);
  if (existing) return existing;
  return db.transaction('rw', db.meta, async () => {
    const again = await read<string>(db, META_KEYS.clientId);
    if (again) return again;
    const id = uuidv7();
    await db.meta.put({ key: META_KEYS.clientId, value: id });
    return id;
  });
}

/** The device clock corrected by the offset measured from the server's time. */
export async function correctedNow(db: UraDatabase): Promise<number> {
  return Date.now() + ((await read<number>(db, META_KEYS.serverOffsetMs)) ?? 0);
}

async function loadHlc(db: UraDatabase): Promise<HlcState> {
  const stored = await read<HlcState>(db, META_KEYS.hlc);
  return stored ?? { millis: 0, counter: 0, node: nodeIdFrom(await getClientId(db)) };
}

/** Advances the device's HLC for a local write and returns the new timestamp. */
export async function nextHlc(db: UraDatabase): Promise<string> {
  const state = tickHlc(await loadHlc(db), await correctedNow(db));
  await db.meta.put({ key: META_KEYS.hlc, value: state });
  return formatHlc(state);
}

/** Moves the device's HLC past a timestamp seen from another device. */
export async function observeHlc(db: UraDatabase, remote: string): Promise<void> {
  const state = receiveHlc(await loadHlc(db), remote, await correctedNow(db));
  await db.meta.put({ key: META_KEYS.hlc, value: state });
  await noteAcceptedHlc(db, remote);
}

export async function getCursor(db: UraDatabase): Promise<number> {
  return (await read<number>(db, META_KEYS.cursor)) ?? 0;
}

export async function setCursor(db: UraDatabase, cursor: number): Promise<void> {
  await db.meta.put({ key: META_KEYS.cursor, value: cursor });
}

/**
 * Whether the pull under way must bring this device's own writes: a scope
 * change removed records (its own notes among them) and rewound the cursor,
 * and a case that comes back must come back whole.
 */
export async function pullsOwnWrites(db: UraDatabase): Promise<boolean> {
  return (await read<boolean>(db, META_KEYS.pullOwnWrites)) === true;
}

export async function setPullOwnWrites(db: UraDatabase, on: boolean): Promise<void> {
  if (on) await db.meta.put({ key: META_KEYS.pullOwnWrites, value: true });
  else await db.meta.delete(META_KEYS.pullOwnWrites);
}

export async function recordSyncSuccess(db: UraDatabase, serverTime: number, roundTripMs: number): Promise<void> {
  // Assume the server stamped its time half-way through the round trip.
  const offset = serverTime - (Date.now() - roundTripMs / 2);
  await db.meta.bulkPut([
    { key: META_KEYS.serverOffsetMs, value: Math.round(offset) },
    { key: META_KEYS.lastSyncAt, value: Date.now() },
  ]);
}

/** Raises the highest HLC the server is known to hold: this device's acknowledged writes and pulled changes. */
export async function noteAcceptedHlc(db: UraDatabase, hlc: string): Promise<void> {
  const known = await read<string>(db, META_KEYS.acceptedHlc);
  if (known === undefined || hlc > known) await db.meta.put({ key: META_KEYS.acceptedHlc, value: hlc });
}

/**
 * After the server refused stamps as too far ahead (a clock that ran ahead):
 * a device HLC more than the server's tolerance ahead of the corrected time
 * restarts from that time — but never below an HLC the server holds, or this
 * device's next edit would lose to an older one. Call it once the offset from
 * the reply is recorded.
 */
export async function restartRunawayHlc(db: UraDatabase): Promise<void> {
  const state = await loadHlc(db);
  const now = await correctedNow(db);
  if (state.millis <= now + MAX_CLOCK_AHEAD_MS) return;
  const accepted = await read<string>(db, META_KEYS.acceptedHlc);
  const floor: HlcState = { millis: 0, counter: 0, node: state.node };
  const restarted = accepted === undefined ? tickHlc(floor, now) : receiveHlc(floor, accepted, now);
  await db.meta.put({ key: META_KEYS.hlc, value: restarted });
}

export async function getLastSyncAt(db: UraDatabase): Promise<number | undefined> {
  return read<number>(db, META_KEYS.lastSyncAt);
}

/** True the first time it is called on this device (to ask for persistent storage once). */
export async function markPersistRequested(db: UraDatabase): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    if (await read<boolean>(db, META_KEYS.persistRequested)) return false;
    await db.meta.put({ key: META_KEYS.persistRequested, value: true });
    return true;
  });
}
