/**
 * Lets the page paint and answer taps between two slices of a long task. A
 * message rather than setTimeout(0), which browsers stretch to 4 ms after a few
 * nested calls: thousands of rows would wait on the clamp, not on the work.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Marks a step of the import for the benchmark (scripts/benchRoster.mjs); nothing identifying, only names. */
export function markStep(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`roster:${name}`);
}
