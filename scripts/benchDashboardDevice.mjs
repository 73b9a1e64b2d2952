// The dashboard on a school team's phone (docs/dashboard.md): the figures of a school's 10,000 cases computed by
// the one pure function the phone runs (scripts/benchDashboardEntry.mjs), in Debian's Chromium, unthrottled and
// with the page's CPU throttled 4× (a mid-range phone, as the casework benchmark does). Median of 9 each.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const CASES = 10_000;
const RUNS = 9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function bundle() {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: root('dist/bench-dashboard'),
      emptyOutDir: true,
      lib: {
        entry: root('scripts/benchDashboardEntry.mjs'),
        formats: ['iife'],
        name: 'uraDashboardBench',
        fileName: () => 'dashboardBench.js',
      },
    },
  });
  return readFileSync(root('dist/bench-dashboard/dashboardBench.js'), 'utf8');
}

export async function benchDashboardDevice() {
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.setContent('<!doctype html><title>dashboard bench</title>');
    await page.evaluate(script);
    const asOf = new Date().toISOString().slice(0, 10);
    const run = () =>
      page.evaluate(([count, runs, day]) => window.__uraDashboardBench.run(count, runs, day), [CASES, RUNS, asOf]);
    const fast = await run();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slow = await run();
    console.log(
      `dashboard on the phone, a school's ${CASES.toLocaleString('en')} cases (${fast.screenings.toLocaleString('en')} screenings, ` +
        `${fast.actions.toLocaleString('en')} plan actions): computeDashboard median ${median(slow.times).toFixed(0)} ms at 4× CPU ` +
        `(goal ≤ 300 ms; runs ${Math.min(...slow.times).toFixed(0)}–${Math.max(...slow.times).toFixed(0)}), ${median(fast.times).toFixed(0)} ms unthrottled, median of ${RUNS}`,
    );
  } finally {
    await browser.close();
  }
}
