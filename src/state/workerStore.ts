import { create } from 'zustand';
import { isWorkerRole, type WorkerRole } from '../domain/workerRole.ts';

const STORAGE_KEY = 'ura.worker';

export interface Worker {
  /** Written on the notes, screenings and plan actions this person records. */
  name: string;
  role: WorkerRole;
}

function readStored(): Worker {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (parsed !== null && typeof parsed === 'object') {
      const { name, role } = parsed as Record<string, unknown>;
      return { name: typeof name === 'string' ? name : '', role: isWorkerRole(role) ? role : 'mentor' };
    }
  } catch {
    // A damaged value is replaced by the defaults below; there is nothing to recover from it.
  }
  return { name: '', role: 'mentor' };
}

/**
 * Who uses this phone, until accounts arrive (issue 5): a device setting like
 * the language, so it lives in localStorage and zustand, not in Dexie.
 */
export const useWorkerStore = create<Worker>(() => readStored());

export function updateWorker(change: Partial<Worker>): void {
  useWorkerStore.setState(change);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(useWorkerStore.getState()));
}

/** The name recorded as author; a placeholder id when nobody has written one yet, so a save never fails on it. */
export function authorName(worker: Worker): string {
  return worker.name.trim() === '' ? `device:${worker.role}` : worker.name.trim();
}
