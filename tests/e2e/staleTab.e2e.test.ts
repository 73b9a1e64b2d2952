import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPhoneContext, openControlledApp } from './support/browser.ts';
import { text } from './support/locales.ts';
import { signInAs, unlockWithPin } from './support/signIn.ts';
import { withUpdateWorld } from './support/updateWorld.ts';
import { pendingCount, registerStudent, waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);
/** A reload into the new version on a busy two-core machine: service worker activation, then the whole app. */
const RELOAD_MS = 60_000;

/** Marks the page's JavaScript realm: the mark is gone once the page has reloaded. */
async function markRealm(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { uraE2eRealm: true }));
}

async function sameRealm(page: Page): Promise<boolean> {
  return page.evaluate(() => 'uraE2eRealm' in window);
}

/**
 * Two tabs of one phone's browser: an update accepted in tab A reloads tab A;
 * tab B, left running the old version's code, is told to reload (never
 * reloaded under the user), and its Reload brings the new version.
 */
describe('an update accepted in another tab', () => {
  const world = withUpdateWorld();

  it('asks the other tab to reload, keeping its outbox, and the reload runs the new version', async () => {
    const context = await newPhoneContext(world.browser);
    const tabA = await context.newPage();
    await openControlledApp(tabA, world.proxy.url);
    await signInAs(tabA, 'team');
    await waitUntilSynced(tabA);

    const tabB = await context.newPage();
    await tabB.goto(world.proxy.url);
    await unlockWithPin(tabB);
    // One change waits in the outbox (IndexedDB, shared by both tabs) while the sync API is down.
    world.proxy.setSyncReachable(false);
    await registerStudent(tabB, {
      givenName: 'Drita',
      familyName: 'Hoxha',
      sex: 'Female',
      dateOfBirth: '2014-05-03',
      grade: '5',
    });
    await expect.poll(() => pendingCount(tabB)).toBe(1);

    await world.proxy.deployNewVersion();
    // What the app's hourly check does, now; both tabs learn a new version waits.
    await tabA.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await tabA.getByText(t('update.ready')).waitFor();
    // Tab B has seen the worker waiting, so vite-plugin-pwa alone would reload it when that worker takes control.
    await tabB.getByText(t('update.ready')).waitFor();
    await markRealm(tabB);

    // The person is in tab A when they update: it is the tab in front (a tab behind runs slower timers).
    await tabA.bringToFront();
    const tabAReloaded = tabA.waitForEvent('load', { timeout: RELOAD_MS });
    await tabA.getByRole('button', { name: t('update.install') }).click();
    await tabA.getByRole('button', { name: t('update.installAnyway') }).click();
    await tabAReloaded;
    await unlockWithPin(tabA);
    await expect.poll(() => tabA.locator('meta[name="ura-version"]').count()).toBe(1);

    // Tab B still runs the old code: it says so, with the change kept, and offers nothing that cannot work.
    const banner = tabB.getByRole('complementary', { name: t('update.staleTab') });
    await banner.waitFor();
    await banner.getByText(t('update.staleTabPending_one', { count: 1 })).waitFor();
    expect(await tabB.getByText(t('update.ready')).count()).toBe(0);
    expect(await tabB.getByRole('button', { name: t('update.install') }).count()).toBe(0);
    // Not reloaded under the user (they may be typing): the same page is still running.
    expect(await sameRealm(tabB)).toBe(true);
    expect(await tabB.locator('meta[name="ura-version"]').count()).toBe(0);

    await tabB.bringToFront();
    const tabBReloaded = tabB.waitForEvent('load', { timeout: RELOAD_MS });
    await banner.getByRole('button', { name: t('update.reload') }).click();
    await tabBReloaded;
    await unlockWithPin(tabB);
    expect(await sameRealm(tabB)).toBe(false);
    await expect.poll(() => tabB.locator('meta[name="ura-version"]').count()).toBe(1);
    expect(await tabB.getByText(t('update.staleTab')).count()).toBe(0);
    await expect.poll(() => pendingCount(tabB)).toBe(1);
    await context.close();
  });
});
