// Figures of the casework benchmark (scripts/benchCasework.mjs): each measures in the page and prints
// one line with its goal, saying by how much a missed goal is missed. docs/benchmarks.md explains them.
import { unlockApp } from './benchCaseworkLock.mjs';
import { injectBench, reloadUntilMark, showRoute, typeAndMeasure } from './benchCaseworkPage.mjs';

const SEED = 20261123;
export const STEP = 5_000;
export const THROTTLE = 4;
const RELOADS = 3;
/** Throttled reloads stop after this long (at least one is made), so a slow screen cannot stall the run. */
const THROTTLED_BUDGET_MS = 40_000;
const MARK_TIMEOUT_MS = 180_000;
const SEARCH_QUERIES = ['krasn', 'јован', 'dorde'];
const GOALS = { warmStartMs: 1000, unlockMs: 1500, keystrokeMs: 50, visitSaveMs: 20, todayMs: 100 };

export const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
export const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
export const count = (value) => value.toLocaleString('en');

/** The verdict after a figure: the goal, and by how much it is missed. */
function verdict(value, goal) {
  if (value <= goal) return `(goal ≤ ${goal} ms)`;
  return `(goal ≤ ${goal} ms — MISSED by ${ms(value - goal)}, ${(value / goal).toFixed(1)}× the goal)`;
}

/**
 * Warm starts of the screen on `hash` (app, service worker and data already on the device):
 * reload → PIN screen, Unlock → screen (reloadUntilMark); one unthrottled reload, then up to
 * RELOADS reloads at THROTTLE× CPU, fewer when they are slow.
 */
export async function warmStart(page, setThrottle, hash, markName, readySelector) {
  await showRoute(page, hash);
  let unthrottled;
  try {
    unthrottled = await reloadUntilMark(page, markName, readySelector, MARK_TIMEOUT_MS);
  } catch (error) {
    return { missing: `${markName} never came (${error.message.split('\n')[0]})` };
  }
  const runs = [];
  const deadline = performance.now() + THROTTLED_BUDGET_MS;
  await setThrottle(THROTTLE);
  try {
    while (runs.length < RELOADS && (runs.length === 0 || performance.now() < deadline)) {
      runs.push(await reloadUntilMark(page, markName, readySelector, MARK_TIMEOUT_MS));
    }
  } catch (error) {
    if (runs.length === 0) return { unthrottled, missing: `throttled: ${error.message.split('\n')[0]}` };
  } finally {
    await setThrottle(1);
  }
  return { unthrottled, runs };
}

const breakdown = (run) => `${ms(run.total)} = PIN screen ${ms(run.pinShown)} + unlock → ready ${ms(run.unlock)}`;

/** Reload → PIN screen + Unlock → first rows (the time spent typing the PIN left out), against the warm-start goal. */
export function printWarmStart(label, result) {
  if (result.unthrottled === undefined) return console.log(`${label}: not measured — ${result.missing}`);
  const unthrottled = `unthrottled ${breakdown(result.unthrottled)}`;
  if (result.missing) return console.log(`${label}: ${unthrottled}; ${THROTTLE}× not measured — ${result.missing}`);
  const total = median(result.runs.map((run) => run.total));
  console.log(
    `${label} (reload → PIN screen + Unlock → ready), ${THROTTLE}× CPU throttle: ${ms(total)} ` +
      `${verdict(total, GOALS.warmStartMs)} [median of ${result.runs.length}: ${result.runs.map(breakdown).join('; ')}` +
      `; ${unthrottled}]`,
  );
}

/** Unlock pressed → the screen's first rows, from the same reloads, against the unlock goal. */
export function printUnlock(label, result) {
  if (result.unthrottled === undefined) return console.log(`${label}: not measured — ${result.missing}`);
  const unthrottled = `unthrottled ${ms(result.unthrottled.unlock)}`;
  if (result.missing) return console.log(`${label}: ${unthrottled}; ${THROTTLE}× not measured — ${result.missing}`);
  const unlock = median(result.runs.map((run) => run.unlock));
  console.log(
    `${label}, ${THROTTLE}× CPU throttle: ${ms(unlock)} ${verdict(unlock, GOALS.unlockMs)}` +
      ` [median of ${result.runs.length}: ${result.runs.map((run) => ms(run.unlock)).join(', ')}; ${unthrottled}]`,
  );
}

export async function seedCases(page, from, today) {
  await injectBench(page);
  const started = performance.now();
  const seeded = await page.evaluate((options) => window.__uraBench.seed(options), {
    seed: SEED,
    from,
    count: STEP,
    today,
  });
  console.log(
    `  seeded cases ${count(from)}–${count(from + STEP - 1)}: ${count(seeded.rows)} rows in ${ms(performance.now() - started)}` +
      ` (generate ${ms(seeded.generateMs)}, IndexedDB writes ${ms(seeded.writeMs)})`,
  );
}

export async function measureSearch(page, setThrottle, rate) {
  await setThrottle(rate);
  const samples = [];
  let unchanged = 0;
  for (const query of SEARCH_QUERIES) {
    for (const { ms: value } of await typeAndMeasure(page, query, rate > 1 ? 800 : 400)) {
      if (value === null) unchanged += 1;
      else samples.push(value);
    }
  }
  await setThrottle(1);
  const label = `case list search per keystroke, ${count(2 * STEP)} cases, ${rate > 1 ? `${rate}× CPU throttle` : 'unthrottled'}`;
  if (samples.length === 0) return console.log(`${label}: not measured — no keystroke changed the screen`);
  const p95 = percentile(samples, 95);
  console.log(
    `${label}: median ${ms(median(samples))}, p95 ${ms(p95)} ${verdict(p95, GOALS.keystrokeMs)}` +
      ` [${samples.length} keystrokes of ${SEARCH_QUERIES.map((q) => `"${q}"`).join(', ')}` +
      `${unchanged ? `; ${unchanged} left the screen unchanged, not counted` : ''}]`,
  );
}

/** A mentor saves a note and moves on: the pause lets the app's screens finish reacting before the next save. */
const VISIT_SAVE_PAUSE_MS = 300;

async function measureVisitSaves(page, throttle, today) {
  for (const pauseMs of [VISIT_SAVE_PAUSE_MS, 0]) {
    const saves = await page.evaluate((options) => window.__uraBench.saveVisits(options), {
      count: 50,
      today,
      pauseMs,
    });
    const p95 = percentile(saves, 95);
    const how = pauseMs > 0 ? `one at a time, ${pauseMs} ms apart` : 'back to back';
    console.log(
      `${pauseMs > 0 ? '' : '  '}save a home visit + its outbox row (addHomeVisit, ${count(10 * STEP)} notes on the ` +
        `device, ${how}), ${throttle}: median ${ms(median(saves))}, p95 ${ms(p95)} ` +
        `${verdict(p95, GOALS.visitSaveMs)} [${saves.length} saves]`,
    );
  }
}

/** Today's follow-ups computed in the page; returns the median, or null when it could not be measured. */
async function measureFollowUps(page, throttle, today) {
  let timings;
  try {
    timings = await page.evaluate((options) => window.__uraBench.followUps(options), {
      runs: 10,
      budgetMs: 20_000,
      today,
    });
  } catch (error) {
    console.log(`Today computed, ${throttle}: not measured — ${error.message.split('\n')[0]}`);
    return null;
  }
  const runs = timings.totalMs.length;
  const total = median(timings.totalMs);
  const { dueEntries, entries } = timings.read;
  console.log(
    `Today computed (loadToday: case index + lists), ${throttle}: median ${ms(total)} ` +
      `${verdict(total, GOALS.todayMs)} [${runs} run${runs === 1 ? '' : 's'}; ${count(dueEntries)} of ` +
      `${count(entries)} case index entries have something due within a week; lists of ${count(timings.items)} ` +
      `follow-ups (each counted up to 500), ${count(timings.shown)} read to show]`,
  );
  return total;
}

/** The storage-level figures, run in the app's page on a quiet screen (Settings, unlocked). */
export async function measureInPage(page, setThrottle, today) {
  await showRoute(page, '#/settings');
  await page.reload();
  await unlockApp(page);
  await injectBench(page);
  try {
    const summaries = await page.evaluate(() => window.__uraBench.caseSummaries({ runs: 3 }));
    console.log(`  (loadCaseSummaries alone, ${count(2 * STEP)} cases, unthrottled: median ${ms(median(summaries))})`);
  } catch (error) {
    console.log(`  (loadCaseSummaries not measured — ${error.message.split('\n')[0]})`);
  }
  await measureVisitSaves(page, 'unthrottled', today);
  const unthrottledToday = await measureFollowUps(page, 'unthrottled', today);
  await setThrottle(THROTTLE);
  try {
    await measureVisitSaves(page, `${THROTTLE}× CPU throttle`, today);
    // Throttled, a run takes about THROTTLE times as long: not worth a minute when the goal is missed by far anyway.
    if (unthrottledToday !== null && unthrottledToday <= 10 * GOALS.todayMs) {
      await measureFollowUps(page, `${THROTTLE}× CPU throttle`, today);
    } else if (unthrottledToday !== null) {
      console.log(`Today computed, ${THROTTLE}× CPU throttle: skipped — unthrottled it is already over 10× the goal`);
    }
  } finally {
    await setThrottle(1);
  }
}
