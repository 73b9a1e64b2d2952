import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveIdleLockMinutes } from '../../../src/features/lock/idleLockSetting.ts';
import { useIdleLock } from '../../../src/features/lock/useIdleLock.ts';

function Screen({ onIdle }: { onIdle: () => void }) {
  useIdleLock(onIdle);
  return <p>open</p>;
}

const MINUTE = 60_000;
beforeEach(() => {
  vi.useFakeTimers();
  saveIdleLockMinutes(2);
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('the idle lock', () => {
  it('locks after the chosen minutes without a touch, once', () => {
    const onIdle = vi.fn();
    render(<Screen onIdle={onIdle} />);
    act(() => void vi.advanceTimersByTime(1.5 * MINUTE));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(MINUTE));
    expect(onIdle).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(5 * MINUTE));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts from the last touch or key', () => {
    const onIdle = vi.fn();
    render(<Screen onIdle={onIdle} />);
    act(() => void vi.advanceTimersByTime(1.5 * MINUTE));
    window.dispatchEvent(new Event('pointerdown'));
    act(() => void vi.advanceTimersByTime(1.5 * MINUTE));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    act(() => void vi.advanceTimersByTime(1.5 * MINUTE));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(MINUTE));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks on coming back to the screen after being away longer than the idle time', () => {
    const onIdle = vi.fn();
    render(<Screen onIdle={onIdle} />);
    // Background timers sleep: only the clock moves.
    vi.setSystemTime(Date.now() + 3 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
