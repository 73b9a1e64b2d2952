/**
 * True time, and each device's wall clock: true time plus that device's skew.
 * The test hands in `setWallClock` (vitest's setSystemTime with `Date` faked),
 * so whatever the app reads — `Date.now()` in syncMeta.ts, `new Date()` for a
 * note's recordedAt — is the clock of the device acting at that moment. Time
 * moves only when the model says so, so a failing run replays exactly.
 */
import { START } from './convergenceSeed.ts';

export class ModelClock {
  private now = START;
  private skews: number[] = [];
  private actor: number | undefined;

  constructor(private readonly setWallClock: (millis: number) => void) {}

  /** The server's clock. */
  get trueNow(): number {
    return this.now;
  }

  reset(skews: readonly number[]): void {
    this.now = START;
    this.skews = [...skews];
    this.actor = undefined;
    this.publish();
  }

  advance(ms: number): void {
    this.now += ms;
    this.publish();
  }

  /** The device's wall clock moves by `byMs`; its stored offset from the server is now wrong. */
  jump(device: number, byMs: number): void {
    this.skews[device] = (this.skews[device] ?? 0) + byMs;
    this.publish();
  }

  async actingAs<T>(device: number, work: () => Promise<T>): Promise<T> {
    this.actor = device;
    this.publish();
    try {
      return await work();
    } finally {
      this.actor = undefined;
      this.publish();
    }
  }

  private publish(): void {
    this.setWallClock(this.now + (this.actor === undefined ? 0 : (this.skews[this.actor] ?? 0)));
  }
}
