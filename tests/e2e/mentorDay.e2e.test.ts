import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { pendingCount, waitUntilSynced } from './support/studentScreens.ts';
import { reloadAndUnlock, signInAs } from './support/signIn.ts';

const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);

/**
 * A CSO mentor's day with no signal: Today shows the visit due, the mentor
 * opens the case, records the visit, sees it on the case's history, marks a
 * plan action done — and all of it reaches the server once back in range.
 */
describe("a mentor's day", () => {
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

  it('records a home visit offline from Today and marks a plan action done', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'mentor');
    await waitUntilSynced(page);

    // In the village: no network, and the server out of reach.
    await context.setOffline(true);
    await killServer(server);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.today') })
      .click();
    const today = page.getByRole('region', { name: t('casework:followUp.today') });
    const visitDue = today.getByRole('link').filter({ hasText: 'Arbër Krasniqi' }).first();
    await visitDue.waitFor();
    expect(await visitDue.innerText()).toContain(t('casework:followUp.visitDue'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await visitDue.click();
    await page.getByRole('link', { name: t('cases:view.recordVisit') }).click();
    await page.getByRole('heading', { name: t('visits:title') }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(t('casework:present.child'), { exact: true }).check();
    await page.getByLabel(t('casework:present.grandparent'), { exact: true }).check();
    await page.getByRole('button', { name: t('visits:shortcut.inTwoWeeks') }).click();
    await page.getByLabel(t('casework:visitField.notes')).fill('Arbër was home; he wants to come back on Monday.');
    await page.getByRole('button', { name: t('actions.save') }).click();

    // Back on the case: the new note leads its history.
    await page.getByRole('link', { name: t('cases:view.recordVisit') }).waitFor();
    const history = page.getByRole('region', { name: t('cases:timeline.title') });
    await expect.poll(() => history.innerText()).toContain(t('casework:present.grandparent'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pendingCount(page)).toBe(1);

    await page.getByRole('link', { name: t('cases:view.plan'), exact: true }).click();
    const catchUp = page.getByRole('article').filter({ hasText: 'Maths catch-up twice a week' });
    await catchUp.getByRole('button', { name: t('plans:step.done') }).click();
    await catchUp.getByLabel(t('casework:planActionOutcome.partlyAchieved')).check();
    await catchUp
      .getByRole('button', { name: t('plans:step.done') })
      .last()
      .click();
    await expect
      .poll(() => catchUp.innerText())
      .toContain(t('plans:card.status', { status: t('casework:planActionStatus.done') }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pendingCount(page)).toBe(2);

    // A reload in the village loses nothing; the PIN unlocks it with no signal.
    await reloadAndUnlock(page);
    await expect.poll(() => catchUp.innerText()).toContain(t('casework:planActionOutcome.partlyAchieved'));
    expect(await pendingCount(page)).toBe(2);

    // Back in range: both changes reach the server.
    server = await startServer({ port: server.port, dataDir: server.dataDir });
    const reconnectedAt = Date.now();
    await context.setOffline(false);
    await waitUntilSynced(page, reconnectedAt);
    expect(await pendingCount(page)).toBe(0);
    await context.close();
  });
});
