import { useRef, useState } from 'react';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

/** What a repository change returns: done, or refused by the domain with its error code (nothing written). */
export type GuardedResult<Code extends string> = { ok: true } | { ok: false; code: Code };

/**
 * One change to the device's records at a time, for a button that may be
 * tapped twice: the second tap is ignored while the first is saving. A
 * refusal or a failed write is kept as `problem` until the next attempt, so
 * the screen can say why while what the worker typed stays on it.
 */
export function useGuardedWrite<Code extends string>() {
  const [problem, setProblem] = useState<Code | WriteFailure>();
  const [isBusy, setIsBusy] = useState(false);
  // A ref, not state: a double tap arrives before React re-renders the disabled button.
  const inFlight = useRef(false);

  async function run(write: () => Promise<GuardedResult<Code>>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setIsBusy(true);
    setProblem(undefined);
    try {
      const result = await write();
      if (!result.ok) {
        setProblem(result.code);
        return false;
      }
      afterLocalWrite();
      return true;
    } catch (error) {
      setProblem(writeFailureOf(error));
      return false;
    } finally {
      inFlight.current = false;
      setIsBusy(false);
    }
  }

  return { problem, isBusy, run, clearProblem: () => setProblem(undefined) };
}
