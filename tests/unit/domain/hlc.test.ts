import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatHlc,
  isHlc,
  isTooFarAhead,
  nodeIdFrom,
  parseHlc,
  receiveHlc,
  tickHlc,
  type HlcState,
} from '../../../src/domain/hlc.ts';

const NODE = '0123456789abcdef';
const T0 = Date.parse('2026-11-23T10:15:00.000Z');
const at = (millis: number, counter = 0, node = NODE): HlcState => ({ millis, counter, node });

describe('hlc', () => {
  it('formats in the sortable text format and parses back', () => {
    const state = at(T0, 0x12a);
    const text = formatHlc(state);
    expect(text).toBe('2026-11-23T10:15:00.000Z-012a-0123456789abcdef');
    expect(isHlc(text)).toBe(true);
    expect(parseHlc(text)).toEqual(state);
  });

  it('refuses to parse text that is not an HLC', () => {
    expect(isHlc('2026-11-23T10:15:00.000Z-012a')).toBe(false);
    expect(isHlc(42)).toBe(false);
    expect(() => parseHlc('yesterday')).toThrow('invalid HLC');
  });

  it('sorts as text in time order, then by counter, then by node', () => {
    const ordered = [
      at(T0 - 86_400_000, 0xffff),
      at(T0, 0),
      at(T0, 9, '0000000000000001'),
      at(T0, 9, '0000000000000002'),
      at(T0, 10),
      at(T0 + 1),
    ].map(formatHlc);
    expect([...ordered].reverse().sort()).toEqual(ordered);
  });

  it('derives a 16-hex node id from a UUID', () => {
    expect(nodeIdFrom('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B')).toBe('8a9b0c1d2e3f4a5b');
    expect(nodeIdFrom('abc')).toBe('0000000000000abc');
  });

  it('takes the physical time when the clock moves forward', () => {
    expect(tickHlc(at(T0, 7), T0 + 5)).toEqual(at(T0 + 5, 0));
  });

  it('counts up when the clock stands still or goes backwards', () => {
    expect(tickHlc(at(T0, 7), T0)).toEqual(at(T0, 8));
    expect(tickHlc(at(T0, 7), T0 - 60_000)).toEqual(at(T0, 8));
  });

  it('borrows a millisecond when the counter overflows', () => {
    const next = tickHlc(at(T0, 0xffff), T0);
    expect(next).toEqual(at(T0 + 1, 0));
    expect(formatHlc(next) > formatHlc(at(T0, 0xffff))).toBe(true);
  });

  it('moves past a remote timestamp that is ahead of both clocks', () => {
    const remote = formatHlc(at(T0 + 1000, 3, 'ffffffffffffffff'));
    const next = receiveHlc(at(T0, 50), remote, T0 + 10);
    expect(next).toEqual(at(T0 + 1000, 4));
    expect(formatHlc(next) > remote).toBe(true);
  });

  it('moves past a remote timestamp at the same millisecond as the local clock', () => {
    const remote = formatHlc(at(T0, 3, 'ffffffffffffffff'));
    expect(receiveHlc(at(T0, 9), remote, T0 - 5)).toEqual(at(T0, 10));
    expect(receiveHlc(at(T0, 1), remote, T0 - 5)).toEqual(at(T0, 4));
  });

  it('takes the physical time when it is ahead of both clocks', () => {
    const remote = formatHlc(at(T0, 3, 'ffffffffffffffff'));
    expect(receiveHlc(at(T0 - 5, 9), remote, T0 + 20)).toEqual(at(T0 + 20, 0));
  });

  it('borrows a millisecond when receiving overflows the counter', () => {
    const remote = formatHlc(at(T0, 0xffff, 'ffffffffffffffff'));
    expect(receiveHlc(at(T0, 2), remote, T0)).toEqual(at(T0 + 1, 0));
  });

  it('tells when a timestamp is too far ahead of the clock', () => {
    const hlc = formatHlc(at(T0 + 3_600_001));
    expect(isTooFarAhead(hlc, T0, 3_600_000)).toBe(true);
    expect(isTooFarAhead(hlc, T0 + 1, 3_600_000)).toBe(false);
    expect(isTooFarAhead(formatHlc(at(T0 - 86_400_000)), T0, 0)).toBe(false);
  });

  it('stays strictly increasing over any ticks and receives with any clock', () => {
    const clock = fc.integer({ min: T0 - 10_000, max: T0 + 10_000 });
    const event = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: clock }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: clock,
        remote: fc.record({ millis: clock, counter: fc.integer({ min: 0, max: 0xffff }) }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (events) => {
        let state = at(T0, 0);
        let previous = formatHlc(state);
        for (const e of events) {
          if (e.kind === 'tick') {
            state = tickHlc(state, e.now);
          } else {
            const remote = formatHlc(at(e.remote.millis, e.remote.counter, 'ffffffffffffffff'));
            state = receiveHlc(state, remote, e.now);
            expect(formatHlc(state) > remote).toBe(true);
          }
          const current = formatHlc(state);
          expect(isHlc(current)).toBe(true);
          expect(current > previous).toBe(true);
          previous = current;
        }
      }),
      { numRuns: 500 },
    );
  });
});
