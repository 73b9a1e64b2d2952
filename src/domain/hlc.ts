/**
 * Hybrid logical clock timestamps in Actual Budget's text format, which sorts
 * correctly as a plain string: `2026-11-23T10:15:00.000Z-0000-0123456789abcdef`
 * (ISO milliseconds, a 4-hex counter, a 16-hex node id). The HLC decides which
 * of two writes to a field wins; the server's sequence decides delivery.
 */
export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

export function formatHlc(state: HlcState): string {
  const counter = state.counter.toString(16).padStart(4, '0');
  return `${new Date(state.millis).toISOString()}-${counter}-${state.node}`;
}

export function parseHlc(hlc: string): HlcState {
  if (!isHlc(hlc)) throw new Error('invalid HLC');
  return {
    millis: Date.parse(hlc.slice(0, 24)),
    counter: parseInt(hlc.slice(25, 29), 16),
    node: hlc.slice(30),
  };
}

/** Node ids are 16 hex digits; derive one from any id (a UUID works well). */
export function nodeIdFrom(id: string): string {
  const hex = id.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.slice(-16).padStart(16, '0');
}

/** The clock state after a local event at physical time `now`. */
export function tickHlc(state: HlcState, now: number): HlcState {
  if (now > state.millis) return { millis: now, counter: 0, node: state.node };
  if (state.counter >= MAX_COUNTER) {
    // Counter overflow: borrow a millisecond rather than fail the user's write.
    return { millis: state.millis + 1, counter: 0, node: state.node };
  }
  return { millis: state.millis, counter: state.counter + 1, node: state.node };
}

/** The clock state after seeing a remote timestamp, so later local writes sort after it. */
export function receiveHlc(state: HlcState, remote: string, now: number): HlcState {
  const other = parseHlc(remote);
  const millis = Math.max(state.millis, other.millis, now);
  let counter = 0;
  if (millis === state.millis && millis === other.millis) counter = Math.max(state.counter, other.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === other.millis) counter = other.counter + 1;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: state.node };
  return { millis, counter, node: state.node };
}

/** True when `hlc` is more than `maxAheadMs` ahead of `now` (a wrong device clock). */
export function isTooFarAhead(hlc: string, now: number, maxAheadMs: number): boolean {
  return parseHlc(hlc).millis > now + maxAheadMs;
}
