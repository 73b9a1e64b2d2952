// First sync of the sync benchmark: the real built app in Debian's Chromium, on an empty persistent
// profile, pulls a whole caseload from the real server. Measured from navigation start and from the
// first POST /api/sync until the page has received the reply that reaches the server's change-log head
// and has applied it (the app no longer says records are arriving); round trips and bytes come from
// the DevTools protocol's network events. A new device signs in and chooses its PIN first (the demo
// school team, through the app's screens): "from start" includes both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './benchCaseworkPage.mjs';
import { BENCH_PIN } from './benchCaseworkLock.mjs';

const POLL_MS = 100;
const strings = (namespace) =>
  JSON.parse(readFileSync(new URL(`../locales/en/${namespace}.json`, import.meta.url), 'utf8'));
/** The sign-in and PIN screens' English labels, as the app shows them. */
const SIGN_IN = strings('account').signIn;
const CHOOSE_PIN = strings('lock').choose;
/** "Bringing the records to this phone: …", shown while pages follow; its text up to the count. */
const CATCHING_UP = strings('common').status.catchingUp_other.split('{{')[0];
/** The demo school team (every demo school), seeded with the demo data (src/server/seed/demoAccounts.ts). */
const DEMO_LOGIN = { login: 'team', password: 'ura-demo-2026' };

/**
 * Signs the new device in and chooses its PIN, as its user does once: the pull starts after the PIN,
 * when the device has a key to seal what it receives.
 */
async function signInAndChoosePin(page) {
  await page.getByLabel(SIGN_IN.login).fill(DEMO_LOGIN.login);
  await page.getByLabel(SIGN_IN.password, { exact: true }).fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: SIGN_IN.submit }).click();
  await page.getByLabel(CHOOSE_PIN.pin, { exact: true }).fill(BENCH_PIN);
  await page.getByLabel(CHOOSE_PIN.confirm, { exact: true }).fill(BENCH_PIN);
  await page.getByRole('button', { name: CHOOSE_PIN.submit }).click();
}

/**
 * The pull cursor of every sync reply the page receives, and whether more pages follow. The device's
 * own cursor is sealed in IndexedDB (docs/encryption.md), so the replies tell how far the pull got;
 * the last page counts as applied once the app stops showing that records are still arriving.
 */
function watchReplies(page) {
  const pulled = { cursor: 0, hasMore: true };
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/sync') || response.status() !== 200) return;
    response
      .json()
      .then((reply) => {
        pulled.cursor = Math.max(pulled.cursor, reply.nextCursor);
        pulled.hasMore = reply.hasMore;
      })
      .catch(() => undefined);
  });
  return pulled;
}

async function stillCatchingUp(page) {
  return (await page.getByText(CATCHING_UP).count()) > 0;
}

/** Rows of each store on the device, and how many of them are the generated caseload's (by id prefix). */
async function readCounts(page, prefixes) {
  return page.evaluate(async (idPrefixes) => {
    const request = indexedDB.open('ura');
    const database = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (store, range) =>
      new Promise((resolve, reject) => {
        const counting = database.transaction(store).objectStore(store).count(range);
        counting.onsuccess = () => resolve(counting.result);
        counting.onerror = () => reject(counting.error);
      });
    try {
      const result = {};
      for (const [store, prefix] of Object.entries(idPrefixes)) {
        if (!database.objectStoreNames.contains(store)) continue;
        result[store] = {
          all: await count(store),
          generated: await count(store, IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
        };
      }
      return result;
    } finally {
      database.close();
    }
  }, prefixes);
}

/**
 * Counts POST /api/sync round trips and their bytes (headers included), every byte the page received,
 * and how long the device waited for replies (request sent → last byte in, summed over round trips);
 * the rest of a sync's time is the device's own work between replies.
 */
function watchNetwork(cdp) {
  const traffic = { syncRequests: 0, syncSent: 0, syncReceived: 0, allReceived: 0, firstSyncAt: null, waitMs: 0 };
  const sentAt = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.endsWith('/api/sync')) return;
    sentAt.set(event.requestId, event.timestamp);
    traffic.syncRequests += 1;
    traffic.firstSyncAt ??= performance.now();
    for (const entry of event.request.postDataEntries ?? []) {
      traffic.syncSent += Buffer.from(entry.bytes ?? '', 'base64').length;
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    traffic.allReceived += event.encodedDataLength;
    const sent = sentAt.get(event.requestId);
    if (sent === undefined) return;
    traffic.syncReceived += event.encodedDataLength;
    // CDP timestamps are seconds on one monotonic clock.
    traffic.waitMs += (event.timestamp - sent) * 1000;
  });
  return traffic;
}

/**
 * Opens the app on `url` in a fresh profile under `profile` (null: no emulation) and waits until the
 * cursor reaches `head`, or `budgetMs` has passed. Returns the timings, the pace, the traffic and what
 * the device holds by then.
 */
export async function measureFirstSync({ url, head, profile, profileDir, budgetMs, prefixes }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-US',
    // Page-level network emulation does not reach a service worker's own fetches (its precache): blocked,
    // so every byte of both runs goes through the same, emulated, page.
    serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.rttMs,
        downloadThroughput: (profile.downKbit * 1000) / 8,
        uploadThroughput: (profile.upKbit * 1000) / 8,
        connectionType: 'cellular3g',
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    }
    const traffic = watchNetwork(cdp);
    const pulled = watchReplies(page);
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await signInAndChoosePin(page);
    // (ms since start, cursor) pairs: the pace of the pull, for a projection when the budget runs out.
    const samples = [];
    let cursor = 0;
    let applied = false;
    while (!applied && performance.now() - started < budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      cursor = pulled.cursor;
      samples.push([performance.now() - started, cursor]);
      applied = cursor >= head && !pulled.hasMore && !(await stillCatchingUp(page));
    }
    const finished = performance.now();
    if (profile) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return {
      done: applied,
      cursor,
      samples,
      fromStartMs: finished - started,
      fromFirstSyncMs: traffic.firstSyncAt === null ? null : finished - traffic.firstSyncAt,
      firstSyncAtMs: traffic.firstSyncAt === null ? null : traffic.firstSyncAt - started,
      traffic,
      counts: await readCounts(page, prefixes),
    };
  } finally {
    await context.close();
  }
}

export const profileFolder = (scratch, name) => join(scratch, `profile-${name}`);
