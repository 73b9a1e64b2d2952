import type { AccessScope } from '../domain/accessScope.ts';
import type { SessionInfo, SessionUser } from '../sync/protocol.ts';
import { META_KEYS } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** The person signed in on this device, as the server last described them. */
export interface DeviceAccount {
  user: SessionUser;
  scope: AccessScope;
  signedInAt: number;
  /** When the server session ends unless used (each sync renews it). */
  sessionExpiresAt: number;
}

/** Another person's data is on this device: it must be signed out (and wiped) before this sign-in is kept. */
export class DifferentAccountError extends Error {
  constructor() {
    super('another account is signed in on this device');
    this.name = 'DifferentAccountError';
  }
}

/** The signed-in account, or null when nobody has signed in on this device (or it was wiped). */
export async function loadAccount(db: UraDatabase): Promise<DeviceAccount | null> {
  return ((await db.meta.get(META_KEYS.account))?.value as DeviceAccount | undefined) ?? null;
}

/**
 * Keeps a successful sign-in. The same user signing in again (an expired
 * session) keeps everything; another user is refused with DifferentAccountError.
 *
 * The pull cursor stays where it is: the first sync sends the stored scope's
 * version and pulls on from the cursor. When the same user comes back with a
 * changed scope, the stored one is kept for that sync to send: the server then
 * answers with the new scope, and the sync loop removes what fell out of it
 * and pulls again from the start (applyAccessScope) — storing the new version
 * here would let the server answer "unchanged" and leave those records behind.
 * A first sign-in on a device that already holds records (from before accounts)
 * removes what the scope does not reach; a new or wiped device holds nothing.
 */
export async function saveSignIn(db: UraDatabase, info: SessionInfo, now: number): Promise<DeviceAccount> {
  // Loaded before the transaction (an import inside it would end it); not part of the app's first load.
  const { pruneToScope } = await import('./scopePruning.ts');
  return db.transaction('rw', db.tables, async () => {
    const stored = await loadAccount(db);
    if (stored && stored.user.id !== info.user.id) throw new DifferentAccountError();
    const account: DeviceAccount = {
      user: info.user,
      scope: stored && stored.scope.version !== info.scope.version ? stored.scope : info.scope,
      signedInAt: now,
      sessionExpiresAt: info.expiresAt,
    };
    if (!stored) {
      const { kept } = await pruneToScope(db, info.scope);
      if (kept.length > 0) await db.meta.put({ key: META_KEYS.scopeLeftovers, value: kept });
    }
    await db.meta.put({ key: META_KEYS.account, value: account });
    return account;
  });
}

/** Replaces the stored account's scope (inside the caller's transaction over `meta`); no account, no change. */
export async function storeAccountScope(db: UraDatabase, scope: AccessScope): Promise<void> {
  const account = await loadAccount(db);
  if (account) await db.meta.put({ key: META_KEYS.account, value: { ...account, scope } satisfies DeviceAccount });
}
