// Page-side helpers of the casework benchmark (scripts/benchCasework.mjs): opening the app like
// the e2e tests do, injecting the bench bundle, warm starts and the per-keystroke search probe.
import { readFileSync } from 'node:fs';
import { BENCH_PIN, pressUnlock, signInAndChoosePin, unlockApp } from './benchCaseworkLock.mjs';

const BENCH_BUNDLE = new URL('../dist/bench/uraBench.js', import.meta.url);

/** Same flags as tests/e2e/support/browser.ts: Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens the app, signs in and chooses the PIN, and waits until its service
 * worker controls the page (unlocked again after the reload) and the first pull is done.
 */
export async function openControlledApp(page, url) {
  await page.goto(url);
  await signInAndChoosePin(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // With registerType 'prompt' the first worker does not claim the page that registered it.
  await page.reload();
  await unlockApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(
    () => {
      const pending = document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count');
      const last = Number(document.querySelector('[data-testid="last-sync"]')?.getAttribute('data-synced-at'));
      return pending === '0' && last > 0;
    },
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * `window.__uraBench` in the current document: evaluated over CDP, as the app's CSP refuses script tags.
 * Its own `db` is then unlocked with the device's PIN, so it reads and seals with the app's data key.
 */
export async function injectBench(page) {
  const present = await page.evaluate(() => window.__uraBench !== undefined);
  if (present) return;
  await page.evaluate(readFileSync(BENCH_BUNDLE, 'utf8'));
  await page.evaluate((pin) => window.__uraBench.unlock(pin), BENCH_PIN);
}

/** Moves to a hash route inside the running app (no reload). */
export async function showRoute(page, hash) {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

/**
 * Reloads the app on its current route, unlocks it with the PIN and waits for
 * `performance.mark(markName)`, after checking that `readySelector` really rendered.
 * Returns, in ms: `pinShown` (navigation start → PIN screen painted), `unlock`
 * (Unlock pressed → markName) and `total`, their sum: a warm start without the
 * time spent typing the PIN (marks: scripts/benchCaseworkLock.mjs).
 */
export async function reloadUntilMark(page, markName, readySelector, timeout) {
  await page.reload({ waitUntil: 'commit' });
  await pressUnlock(page, timeout);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, markName, {
    timeout,
    polling: 50,
  });
  const rendered = await page.evaluate((selector) => document.querySelectorAll(selector).length, readySelector);
  if (rendered === 0) throw new Error(`${markName} was marked but nothing matched ${readySelector}`);
  const [pinShown, unlockStart, ready] = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
    ['bench:pin-shown', 'unlock:start', markName],
  );
  if (pinShown === null || unlockStart === null) throw new Error('the PIN screen or the Unlock press was not marked');
  return { pinShown, unlock: ready - unlockStart, total: pinShown + ready - unlockStart };
}

/**
 * Installs the search probe: it notes when each keystroke began (the key's event
 * timestamp) and, after every change to the screen outside the search box, when
 * the next frame ran, i.e. when the change reached the screen.
 */
export async function installSearchProbe(page) {
  await page.evaluate(() => {
    const probe = {
      startedAt: null,
      changedAt: null,
      paintedAt: null,
      changes: 0,
      framePending: false,
      reset() {
        probe.startedAt = null;
        probe.changedAt = null;
        probe.paintedAt = null;
        probe.changes = 0;
      },
    };
    const noteStart = (event) => {
      if (probe.startedAt === null) probe.startedAt = event.timeStamp;
    };
    // Keys off the US layout (Cyrillic) arrive as text input only, with no keydown.
    for (const type of ['keydown', 'beforeinput', 'input']) window.addEventListener(type, noteStart, { capture: true });
    const observer = new MutationObserver((records) => {
      if (records.every((record) => record.target instanceof HTMLInputElement)) return;
      probe.changedAt = performance.now();
      probe.changes += 1;
      if (probe.framePending) return;
      probe.framePending = true;
      requestAnimationFrame(() => {
        // A message after the frame's rendering steps: the earliest point the new list is on screen.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          probe.paintedAt = performance.now();
          probe.framePending = false;
        };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.querySelector('main') ?? document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    window.__searchProbe = probe;
  });
}

/** Waits until nothing has changed for `quietMs` and the last change has been painted. */
async function waitForQuiet(page, quietMs) {
  await page.waitForFunction(
    (quiet) => {
      const probe = window.__searchProbe;
      const last = probe.changedAt ?? probe.startedAt ?? 0;
      return !probe.framePending && performance.now() - last > quiet;
    },
    quietMs,
    { polling: 50, timeout: 60_000 },
  );
}

/**
 * Types `query` into the search box one key at a time, letting the screen settle
 * after each, and returns per keystroke the ms from the key to the updated list on
 * screen (null when the keystroke changed nothing on the screen).
 */
export async function typeAndMeasure(page, query, quietMs) {
  const box = page.locator('input[type="search"]');
  await box.click();
  await box.fill('');
  await page.evaluate(() => window.__searchProbe.reset());
  await waitForQuiet(page, quietMs);
  const results = [];
  for (const key of query) {
    await page.evaluate(() => window.__searchProbe.reset());
    await page.keyboard.type(key);
    await waitForQuiet(page, quietMs);
    const { startedAt, paintedAt, changes } = await page.evaluate(() => {
      const probe = window.__searchProbe;
      return { startedAt: probe.startedAt, paintedAt: probe.paintedAt, changes: probe.changes };
    });
    results.push({ key, ms: changes === 0 || startedAt === null ? null : paintedAt - startedAt });
  }
  await box.fill('');
  await waitForQuiet(page, quietMs);
  return results;
}
