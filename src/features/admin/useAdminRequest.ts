import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminProblem, AdminResult } from './adminApi.ts';

export interface AdminAction {
  /** True while a request runs: the screen shows progress and disables its buttons. */
  busy: boolean;
  problem: AdminProblem | undefined;
  /** Runs one request at a time; a second tap while one runs does nothing (undefined). */
  run: <T>(request: () => Promise<AdminResult<T>>) => Promise<AdminResult<T> | undefined>;
  clearProblem: () => void;
}

/** One change sent to the server from a form: progress, a double tap ignored, and why it was refused. */
export function useAdminAction(): AdminAction {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AdminProblem>();
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  const run = useCallback(async <T>(request: () => Promise<AdminResult<T>>) => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await request();
      if (!result.ok) setProblem(result.problem);
      return result;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const clearProblem = useCallback(() => setProblem(undefined), []);
  return { busy, problem, run, clearProblem };
}

export interface AdminLoad<T> {
  /** The last answer received; kept while a reload runs or fails. */
  value: T | undefined;
  problem: AdminProblem | undefined;
  loading: boolean;
  reload: () => void;
}

interface LoadState<T> {
  value: T | undefined;
  problem: AdminProblem | undefined;
  loading: boolean;
}

/**
 * A list read from the server when the screen opens, and again on `reload`
 * (after a change, or "Try again"). `load` must be stable: a module function
 * or one made with useCallback.
 */
export function useAdminLoad<T>(load: () => Promise<AdminResult<T>>): AdminLoad<T> {
  const [state, setState] = useState<LoadState<T>>({ value: undefined, problem: undefined, loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      setState((before) =>
        result.ok
          ? { value: result.value, problem: undefined, loading: false }
          : { value: before.value, problem: result.problem, loading: false },
      );
    });
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => {
    setState((before) => ({ ...before, loading: true }));
    setAttempt((count) => count + 1);
  }, []);

  return { ...state, reload };
}
