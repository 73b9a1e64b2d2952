import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { pendingCount, registerStudent, studentNames, waitUntilSynced } from './support/studentScreens.ts';
import { reloadAndUnlock, signInAs } from './support/signIn.ts';

/**
 * The walking skeleton's promise: register a student with no connection, see
 * it survive a reload with the server down, and see it reach the server and a
 * second device once the connection is back.
 */
describe('offline journey', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await killServer(server);
  });

  it('keeps students registered offline and delivers them to a second device', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'team');
    await waitUntilSynced(page);

    await registerStudent(page, {
      givenName: 'Ardita',
      familyName: 'Krasniqi',
      sex: 'Female',
      dateOfBirth: '2014-03-09',
      grade: '5',
    });
    await waitUntilSynced(page, Date.now());

    // No network and no server: the service worker must serve the app itself.
    await context.setOffline(true);
    await killServer(server);
    // The PIN unlocks the phone without the server.
    await reloadAndUnlock(page);
    await expect.poll(() => page.getByTestId('online-state').innerText()).toBe('Offline');
    await expect.poll(() => studentNames(page)).toContain('Ardita Krasniqi');

    await registerStudent(page, {
      givenName: 'Đorđe',
      familyName: 'Jovanović',
      sex: 'Male',
      dateOfBirth: '2012-11-30',
      grade: '7',
    });
    await expect.poll(() => studentNames(page)).toContain('Đorđe Jovanović');
    await expect.poll(() => pendingCount(page)).toBe(1);

    // The reload must not lose the queued change either.
    await reloadAndUnlock(page);
    await expect.poll(() => studentNames(page)).toContain('Đorđe Jovanović');
    await expect.poll(() => pendingCount(page)).toBe(1);

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    const reconnectedAt = Date.now();
    await context.setOffline(false);
    await waitUntilSynced(page, reconnectedAt);
    expect(await pendingCount(page)).toBe(0);

    // A fresh device sees both after its first sync.
    const secondDevice = await newPhoneContext(browser);
    const second = await secondDevice.newPage();
    await second.goto(`${server.url}#/students`);
    await signInAs(second, 'team');
    await waitUntilSynced(second);
    await second.goto(`${server.url}#/students`);
    await expect
      .poll(() => studentNames(second))
      .toEqual(expect.arrayContaining(['Ardita Krasniqi', 'Đorđe Jovanović']));

    // Search folds scripts and diacritics: "dorde" finds Đorđe.
    await second.getByLabel('Search by name').fill('dorde jovanovic');
    await expect.poll(() => studentNames(second)).toEqual(['Đorđe Jovanović']);

    await secondDevice.close();
    await context.close();
  });

  it('names the wrong fields in the form and keeps what was typed', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}#/students`);
    await signInAs(page, 'team');
    await page.goto(`${server.url}#/students/new`);
    await page.getByLabel('Given name').fill('Sara');
    await page.getByLabel('Grade').fill('42');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/correct \d+ fields/);
    expect(await page.getByText('Family name is required.').count()).toBe(1);
    expect(await page.getByText('Grade must be a whole number from 0 to 13.').count()).toBe(1);
    expect(await page.getByLabel('Given name').inputValue()).toBe('Sara');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
