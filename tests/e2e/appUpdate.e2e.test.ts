import { describe, expect, it } from 'vitest';
import { studentGivenNamesOnServer } from './support/appUpdateProxy.ts';
import { newPhoneContext, openControlledApp } from './support/browser.ts';
import { text } from './support/locales.ts';
import { reloadAndUnlock, signInAs, unlockWithPin } from './support/signIn.ts';
import { withUpdateWorld } from './support/updateWorld.ts';
import { pendingCount, registerStudent, studentNames, waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);

/**
 * Upgrade proof (issue 4), in Chromium: a change made offline waits in the
 * outbox while a new version of the app is deployed; the phone finds the
 * update, the prompt says one change waits, the user updates anyway, and the
 * new version still holds the change and delivers it once the server answers.
 */
describe('an app update with a change waiting in the outbox', () => {
  const world = withUpdateWorld();

  it('keeps the change through the update and syncs it afterwards', async () => {
    const context = await newPhoneContext(world.browser);
    const page = await context.newPage();
    await openControlledApp(page, world.proxy.url);
    await signInAs(page, 'team');
    await waitUntilSynced(page);

    await context.setOffline(true);
    await registerStudent(page, {
      givenName: 'Teuta',
      familyName: 'Morina',
      sex: 'Female',
      dateOfBirth: '2015-02-11',
      grade: '4',
    });
    await expect.poll(() => pendingCount(page)).toBe(1);

    // Meanwhile a new version is deployed. The phone gets a signal, but the sync API fails for now.
    await world.proxy.deployNewVersion();
    world.proxy.setSyncReachable(false);
    await context.setOffline(false);
    await expect.poll(() => world.proxy.refusedSyncs()).toBeGreaterThan(0);
    // What the app's hourly check does, now.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByText(t('update.ready')).waitFor();
    await page.getByRole('button', { name: t('update.install') }).click();
    const warning = page.getByRole('alert').filter({ hasText: t('update.pendingWarning_one', { count: 1 }) });
    await warning.waitFor();

    // "Sync first" tries, and fails while the API is down: the change stays queued.
    const refusedBefore = world.proxy.refusedSyncs();
    await page.getByRole('button', { name: t('update.syncFirst') }).click();
    await expect.poll(() => world.proxy.refusedSyncs()).toBeGreaterThan(refusedBefore);
    // The banner says so, not only the status bar.
    await page
      .getByRole('alert')
      .filter({ hasText: t('update.syncFailed') })
      .waitFor();
    expect(await pendingCount(page)).toBe(1);

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: t('update.installAnyway') }).click();
    await reloaded;
    // The new version starts locked, like any start of the app.
    await unlockWithPin(page);
    await expect.poll(() => page.locator('meta[name="ura-version"]').count()).toBe(1);

    // Offline only the service worker can answer a reload: it is the new one, and the change is still queued.
    await context.setOffline(true);
    await reloadAndUnlock(page);
    await expect.poll(() => page.locator('meta[name="ura-version"]').count()).toBe(1);
    await expect.poll(() => pendingCount(page)).toBe(1);
    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.students') })
      .click();
    await expect.poll(() => studentNames(page)).toContain('Teuta Morina');
    expect(await studentGivenNamesOnServer(world.server.url)).not.toContain('Teuta');

    // The API answers again; the next sync (here: the network coming back) delivers the change.
    world.proxy.setSyncReachable(true);
    const reconnectedAt = Date.now();
    await context.setOffline(false);
    await waitUntilSynced(page, reconnectedAt);
    expect(await studentGivenNamesOnServer(world.server.url)).toContain('Teuta');
    await context.close();
  });
});
