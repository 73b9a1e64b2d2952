// Casework figures of `npm run bench`, measured in Debian's Chromium (real IndexedDB on disk, not
// fake-indexeddb) against the built app: warm start of the case list (reload → PIN → list) and the
// unlock itself, search per keystroke, saving a home visit, and the Today screen, over 10,000 cases
// and 50,000 visit notes generated on the device and sealed with its data key, plus the PIN's key
// derivation and the opening of sealed rows. The app is signed in (demo `team`) with a PIN first.
// Needs `npm run build` and `vite build -c tests/bench/vite.config.ts` first.
// Run alone: node scripts/benchCasework.mjs     (docs/benchmarks.md explains every figure)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { built, startServer } from './benchBuiltServer.mjs';
import { measureCrypto } from './benchCaseworkCrypto.mjs';
import {
  count,
  measureInPage,
  measureSearch,
  printUnlock,
  printWarmStart,
  seedCases,
  STEP,
  THROTTLE,
  warmStart,
} from './benchCaseworkFigures.mjs';
import { installLockMarks } from './benchCaseworkLock.mjs';
import { CHROMIUM_ARGS, injectBench, installSearchProbe, openControlledApp, showRoute } from './benchCaseworkPage.mjs';

async function run() {
  for (const file of ['dist/server/server/main.js', 'dist/client/index.html', 'dist/bench/uraBench.js']) {
    if (!existsSync(built(file)))
      throw new Error(`${file} is missing: run npm run build && vite build -c tests/bench/vite.config.ts`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ura-bench-casework-'));
  const server = await startServer(join(scratch, 'data'));
  // A persistent profile, so IndexedDB lives on disk as on a phone (an incognito context keeps it in memory).
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-US',
    serviceWorkers: 'allow',
  });
  try {
    await installLockMarks(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const setThrottle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const { product } = await cdp.send('Browser.getVersion');
    console.log(
      `casework figures: ${product} (Debian), ${cpus().length} cores, 360 px phone context, ` +
        `load average ${loadavg()[0].toFixed(1)} at the start`,
    );

    // Signs in and chooses the PIN; from here every reload opens on "Unlock Ura".
    await openControlledApp(page, `${server.url}/#/settings`);
    // Load each measured screen once, so its chunks are compiled and cached: later loads are warm starts.
    for (const hash of ['#/cases', '#/today', '#/settings']) {
      await showRoute(page, hash);
      await page.waitForSelector('main h1');
    }
    // From here the mentor is offline: the service worker serves the app, the figures are the device's.
    await context.setOffline(true);
    // The bench's own `db` is unlocked with the same PIN: what it seeds is sealed exactly as the app seals.
    await injectBench(page);
    const today = await page.evaluate(() => window.__uraBench.today());

    await seedCases(page, 0, today);
    const fiveThousand = await warmStart(page, setThrottle, '#/cases', 'case-list:ready', '[data-testid="case-row"]');
    printWarmStart(`case list warm start, ${count(STEP)} cases`, fiveThousand);
    printUnlock(`  unlock → case list's first rows, ${count(STEP)} cases`, fiveThousand);
    await showRoute(page, '#/settings');
    // The app stays on its PIN screen while the bench seeds (its own `db`, unlocked by injectBench).
    await page.reload();
    await seedCases(page, STEP, today);
    const counts = await page.evaluate(() => window.__uraBench.counts());
    console.log(
      `  on the device: ${Object.entries(counts)
        .map(([table, rows]) => `${table} ${count(rows)}`)
        .join(', ')}`,
    );
    const tenThousand = await warmStart(page, setThrottle, '#/cases', 'case-list:ready', '[data-testid="case-row"]');
    printWarmStart(`case list warm start, ${count(2 * STEP)} cases`, tenThousand);
    printUnlock(`unlock → case list's first rows, ${count(2 * STEP)} cases`, tenThousand);

    if (!tenThousand.missing) {
      await installSearchProbe(page);
      await measureSearch(page, setThrottle, 1);
      await measureSearch(page, setThrottle, THROTTLE);
    } else console.log('case list search per keystroke: not measured — the case list never became ready');

    const todayUi = await warmStart(
      page,
      setThrottle,
      '#/today',
      'today:ready',
      '[data-testid="today"][aria-busy="false"]',
    );
    printWarmStart(
      `Today screen warm start (mark today:ready), ${count(2 * STEP)} cases, ${count(10 * STEP)} notes`,
      todayUi,
    );
    printUnlock(`  unlock → Today's lists, ${count(2 * STEP)} cases`, todayUi);

    await measureInPage(page, setThrottle, today);
    await measureCrypto(page, setThrottle);
  } finally {
    await context.close();
    server.child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  }
}

const started = performance.now();
await run();
console.log(
  `  (casework benchmark took ${Math.round((performance.now() - started) / 1000)} s; ` +
    `load average ${loadavg()[0].toFixed(1)} at the end: other work on the machine slows every figure)`,
);
