import { create } from 'zustand';
import { ROLES, type Role } from '../domain/accessScope.ts';
import type { WorkerRole } from '../domain/workerRole.ts';

/** Where the worker's name was typed before accounts existed; removed, so it never outlives a sign-out. */
const LEGACY_STORAGE_KEY = 'ura.worker';

export interface Worker {
  /** Written on the notes, screenings and plan actions this person records. */
  name: string;
  role: WorkerRole;
}

/** What the signed-in account says about its person (a DeviceAccount has both). */
export interface AccountIdentity {
  user: { displayName: string };
  scope: { roles: readonly Role[] };
}

const NOBODY: Worker = { name: '', role: 'mentor' };

const WORKER_ROLE_OF: Readonly<Record<Role, WorkerRole>> = {
  mentor: 'mentor',
  teacher: 'teacher',
  schoolTeam: 'schoolTeam',
  principal: 'schoolTeam',
  coordinator: 'coordinator',
  cswLiaison: 'coordinator',
  admin: 'coordinator',
};

/**
 * The role the screens act in: the account's first role in the order of
 * ROLES (the server lists roles sorted by name, which says nothing about
 * which one the person mostly works in).
 */
export function workerRoleOf(roles: readonly Role[]): WorkerRole {
  const first = ROLES.find((role) => roles.includes(role));
  return first === undefined ? NOBODY.role : WORKER_ROLE_OF[first];
}

export function workerFromAccount(account: AccountIdentity): Worker {
  return { name: account.user.displayName, role: workerRoleOf(account.scope.roles) };
}

/**
 * Who uses this phone: the signed-in account's name and role (issue 5), set by
 * the app when the account loads or changes. Kept in memory only: the account
 * itself lives in the device's database and goes with it on sign-out.
 */
export const useWorkerStore = create<Worker>(() => ({ ...NOBODY }));

export function updateWorker(change: Partial<Worker>): void {
  useWorkerStore.setState(change);
}

/** Feeds the store from the account, or empties it when nobody is signed in. */
export function setWorkerFromAccount(account: AccountIdentity | null): void {
  useWorkerStore.setState(account === null ? { ...NOBODY } : workerFromAccount(account));
  try {
    localStorage.removeItem(LEGACY_STORAGE_KEY);
  } catch {
    // Storage blocked by the browser: there is then nothing stored to remove either.
  }
}

/** The name recorded as author; a placeholder id when nobody has written one yet, so a save never fails on it. */
export function authorName(worker: Worker): string {
  return worker.name.trim() === '' ? `device:${worker.role}` : worker.name.trim();
}
