/**
 * At most 20 password attempts a minute from one address (sign-in and
 * invitation codes alike), on top of the per-login lockout: it slows a guesser
 * trying one password on many logins, which the lockout never sees. Kept in
 * memory: it protects one process, and a restart only forgets a minute.
 */
export const MAX_ATTEMPTS_PER_WINDOW = 20;
export const ATTEMPT_WINDOW_MS = 60_000;
/** Bounds the memory a flood of addresses can take; past it the oldest are forgotten first. */
const MAX_TRACKED_ADDRESSES = 10_000;

export type LimiterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class SignInLimiter {
  /** Attempt times per address, oldest first, within the last window. */
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly maxPerWindow = MAX_ATTEMPTS_PER_WINDOW) {}

  /** Counts an attempt from `address` at `now`, or refuses it (a refused attempt is not counted). */
  attempt(address: string, now: number): LimiterVerdict {
    const recent = (this.attempts.get(address) ?? []).filter((at) => at > now - ATTEMPT_WINDOW_MS);
    if (recent.length >= this.maxPerWindow) {
      this.attempts.set(address, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + ATTEMPT_WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    // Re-inserted, so the map's order is the order of last use and the first key the stalest.
    this.attempts.delete(address);
    this.attempts.set(address, recent);
    this.forgetStale(now);
    return { allowed: true };
  }

  private forgetStale(now: number): void {
    for (const [address, times] of this.attempts) {
      const newest = times[times.length - 1] ?? 0;
      if (this.attempts.size <= MAX_TRACKED_ADDRESSES && newest > now - ATTEMPT_WINDOW_MS) return;
      this.attempts.delete(address);
    }
  }
}
