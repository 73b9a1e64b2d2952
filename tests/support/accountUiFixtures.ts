/**
 * Helpers for the sign-in, app gate and account screens: an account put on
 * the phone as a sign-in would leave it, a clean device between tests, and
 * the files the screens hand to the browser.
 */
import { vi } from 'vitest';
import { EMPTY_SCOPE, type AccessScope, type Role } from '../../src/domain/accessScope.ts';
import { setSessionProblem } from '../../src/state/sessionStore.ts';
import { setWorkerFromAccount } from '../../src/state/workerStore.ts';
import { saveSignIn, type DeviceAccount } from '../../src/storage/accountRepository.ts';
import { db } from '../../src/storage/database.ts';
import { getClientId } from '../../src/storage/syncMeta.ts';
import type { SessionInfo } from '../../src/sync/protocol.ts';
import { signIn } from '../../src/sync/sessionApi.ts';
import { DEMO_LOGIN, DEMO_PASSWORD, type AccountServer } from './accountUiServer.ts';

/** Noon UTC on 30 June 2026: when the stored session ends unless a sync renews it. */
export const SESSION_END = Date.UTC(2026, 5, 30, 12, 0);

/** What a scope reaches besides its roles: schools, classes, cases and their students. */
export type ScopeReach = Partial<Pick<AccessScope, 'schoolIds' | 'classes' | 'caseIds' | 'studentIds'>>;

export function makeSessionInfo(roles: Role[] = ['schoolTeam'], reach: ScopeReach = {}): SessionInfo {
  return {
    user: {
      id: '0190a1b2-c3d4-7e5f-8a9b-000000000001',
      login: 'vesa',
      displayName: 'Vesa Gashi',
      organisationId: null,
    },
    scope: { ...EMPTY_SCOPE, version: 7, roles, ...reach },
    expiresAt: SESSION_END,
  };
}

/**
 * Vesa Gashi signed in on this phone, as a sign-in stores it (no server
 * session behind it). On a phone that already holds records, the sign-in
 * removes those `reach` does not cover, as a first sign-in does.
 */
export async function seedAccount(roles: Role[] = ['schoolTeam'], reach: ScopeReach = {}): Promise<DeviceAccount> {
  return saveSignIn(db, makeSessionInfo(roles, reach), Date.now());
}

/** The school team of every school on the phone signed in: it may see and change every record there. */
export async function seedSchoolTeamAccount(): Promise<DeviceAccount> {
  const schoolIds = await db.schools.toCollection().primaryKeys();
  return seedAccount(['schoolTeam'], { schoolIds });
}

/** The demo school team signed in for real: the server holds a session bound to this phone's client id. */
export async function signInForReal(server: AccountServer): Promise<DeviceAccount> {
  const clientId = await getClientId(db);
  const result = await signIn(server.fetch, '', { login: DEMO_LOGIN, password: DEMO_PASSWORD, clientId });
  if (!result.ok) throw new Error(`demo sign-in refused: ${result.reason}`);
  return saveSignIn(db, result.session, Date.now());
}

/** Nothing on the phone, nobody signed in, no session problem, on the app's first route. */
export async function resetDevice(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
  setSessionProblem(null);
  setWorkerFromAccount(null);
  window.location.hash = '#/';
}

export async function tableCounts(): Promise<Record<string, number>> {
  const counts = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(counts);
}

export interface Download {
  fileName: string;
  blob: Blob;
}

/**
 * Catches what `downloadFile` hands to the browser (jsdom has no object URLs
 * or downloads). Call in beforeEach: the click spy is restored after each test.
 */
export function catchDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}

/** Makes the browser report itself offline (or online again), as `navigator.onLine` and its events do. */
export function setBrowserOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
