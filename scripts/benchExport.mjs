// The case list's CSV export (docs/exports.md, docs/benchmarks.md "Export figures"), measured in
// Debian's Chromium against the built app: 10,000 cases seeded on the device and sealed with its data
// key (the casework benchmark's generator and bundle), then "Export CSV" pressed on the whole list —
// from the app's mark `case-export:start` (the press) to `case-export:done` (the file handed over):
// reading the cases and students behind the list, writing the CSV, recording the export.
// Unthrottled once, then at 4× CPU throttle (median of 3). Goal ≤ 2 s for 10,000 rows on the device.
// Needs `npm run build` and `vite build -c tests/bench/vite.config.ts` first.
// Run alone: node scripts/benchExport.mjs
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { built, startServer } from './benchBuiltServer.mjs';
import { count, median, ms, seedCases, STEP, THROTTLE } from './benchCaseworkFigures.mjs';
import { installLockMarks, unlockApp } from './benchCaseworkLock.mjs';
import { CHROMIUM_ARGS, injectBench, openControlledApp, showRoute } from './benchCaseworkPage.mjs';

const GOAL_MS = 2000;
const THROTTLED_RUNS = 3;
const exportLabel = JSON.parse(readFileSync(built('locales/en/exports.json'), 'utf8')).caseList.export;

/** Notes whether the export's progress line ever appeared (it should once an export takes over a second). */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__exportProgressSeen = false;
    const observer = new MutationObserver(() => {
      if (document.querySelector('.case-export-progress') !== null) window.__exportProgressSeen = true;
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** One export of the whole list: ms between the app's marks, the file's size, whether progress showed. */
async function exportOnce(page) {
  await page.evaluate(() => performance.clearMarks());
  await watchProgress(page);
  const button = page.getByRole('button', { name: exportLabel });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), button.click()]);
  await page.waitForFunction(() => performance.getEntriesByName('case-export:done').length > 0, undefined, {
    timeout: 300_000,
  });
  const [start, read, done] = await page.evaluate(() =>
    ['case-export:start', 'case-export:read', 'case-export:done'].map(
      (name) => performance.getEntriesByName(name)[0].startTime,
    ),
  );
  const file = await download.path();
  const bytes = statSync(file).size;
  const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean).length - 1;
  const progressSeen = await page.evaluate(() => window.__exportProgressSeen);
  return { ms: done - start, readMs: read - start, bytes, lines, progressSeen };
}

function verdict(value) {
  if (value <= GOAL_MS) return `(goal ≤ ${GOAL_MS} ms)`;
  return `(goal ≤ ${GOAL_MS} ms — MISSED by ${ms(value - GOAL_MS)}, ${(value / GOAL_MS).toFixed(1)}× the goal)`;
}

async function run() {
  for (const file of ['dist/server/server/main.js', 'dist/client/index.html', 'dist/bench/uraBench.js']) {
    if (!existsSync(built(file)))
      throw new Error(`${file} is missing: run npm run build && vite build -c tests/bench/vite.config.ts`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ura-bench-export-'));
  const server = await startServer(join(scratch, 'data'));
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-US',
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
  try {
    await installLockMarks(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const setThrottle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const { product } = await cdp.send('Browser.getVersion');
    console.log(
      `export figures: ${product} (Debian), ${cpus().length} cores, 360 px phone context, ` +
        `load average ${loadavg()[0].toFixed(1)} at the start`,
    );
    await openControlledApp(page, `${server.url}/#/settings`);
    await showRoute(page, '#/cases');
    await page.waitForSelector('main h1');
    // Offline from here: the export is the device's own work, as in the field.
    await context.setOffline(true);
    await showRoute(page, '#/settings');
    await injectBench(page);
    const today = await page.evaluate(() => window.__uraBench.today());
    await seedCases(page, 0, today);
    await seedCases(page, STEP, today);

    await page.reload();
    await unlockApp(page);
    await showRoute(page, '#/cases');
    // The button is enabled once the whole list is read (it exports what the list shows).
    await page.waitForFunction(
      (label) => [...document.querySelectorAll('button')].some((b) => b.textContent === label && !b.disabled),
      exportLabel,
      { timeout: 300_000, polling: 200 },
    );
    const unthrottled = await exportOnce(page);
    const runs = [];
    await setThrottle(THROTTLE);
    try {
      for (let index = 0; index < THROTTLED_RUNS; index += 1) runs.push(await exportOnce(page));
    } finally {
      await setThrottle(1);
    }
    const throttled = median(runs.map((one) => one.ms));
    console.log(
      `case list CSV export, ${count(unthrottled.lines)} rows (${(unthrottled.bytes / 1024 / 1024).toFixed(1)} MB), ` +
        `${THROTTLE}× CPU throttle: ${ms(throttled)} ${verdict(throttled)} [median of ${runs.length}: ` +
        `${runs.map((one) => `${ms(one.ms)} (reading ${ms(one.readMs)})`).join(', ')}; ` +
        `unthrottled ${ms(unthrottled.ms)} (reading ${ms(unthrottled.readMs)}); progress shown: ` +
        `${runs.every((one) => one.progressSeen) ? 'yes' : runs.map((one) => (one.progressSeen ? 'yes' : 'no')).join('/')}]`,
    );
  } finally {
    await context.close();
    server.child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  }
}

const started = performance.now();
await run();
console.log(
  `  (export benchmark took ${Math.round((performance.now() - started) / 1000)} s; ` +
    `load average ${loadavg()[0].toFixed(1)} at the end: other work on the machine slows every figure)`,
);
