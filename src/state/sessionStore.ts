import { create } from 'zustand';
import { onSessionEnd, resumeSync } from '../sync/syncController.ts';

/**
 * What stops this device from syncing, as far as the account goes:
 * `signedOut`: the server session ended (expired or signed out elsewhere); the data stays, sign in again.
 * `revoked`: an administrator revoked this device; its data was wiped.
 */
export type SessionProblem = 'signedOut' | 'revoked' | null;

interface SessionState {
  problem: SessionProblem;
}

export const useSessionStore = create<SessionState>(() => ({ problem: null }));

/**
 * Sets the problem the app shows. Clearing it (after a new sign-in) resumes
 * the sync loop, which an ended session paused, and syncs at once.
 */
export function setSessionProblem(problem: SessionProblem): void {
  useSessionStore.setState({ problem });
  if (problem === null) resumeSync();
}

// The sync loop reports an ended session or a revoked device here.
onSessionEnd(setSessionProblem);
