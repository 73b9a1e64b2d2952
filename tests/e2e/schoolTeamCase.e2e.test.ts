import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { waitUntilSynced } from './support/studentScreens.ts';
import { signInAs } from './support/signIn.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sr-Cyrl', key, values);

async function takeStep(page: Page, action: string, status: string): Promise<void> {
  await page.getByRole('button', { name: t(`casework:action.${action}`), exact: true }).click();
  await page.getByRole('button', { name: t('actions.save'), exact: true }).click();
  await page.getByText(t('cases:workflow.saved', { status: t(`casework:status.${status}`) })).waitFor();
}

/**
 * A school team member in Aleksinac, reading Serbian in Cyrillic, takes the
 * demo case flagged on absence data from flag to an active plan: open it with
 * a case manager, mark it assessed, start the plan. The workflow refuses to
 * open a case without a case manager, in her language, and keeps her input.
 */
describe("a school team's case", () => {
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

  it('moves a flagged case to an active plan, in Serbian Cyrillic', async () => {
    const context = await newPhoneContext(browser, 'sr-RS');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr-Cyrl');
    await signInAs(page, 'team', 'sr-Cyrl');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.cases') })
      .click();
    // Typed in Latin without diacritics, found in Cyrillic.
    await page.getByLabel(t('cases:list.search')).fill('milica jovanovic');
    const rows = page.getByTestId('case-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Милица');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await rows.first().click();

    // Opening needs a case manager: an empty one is refused, named, and the date typed stays.
    await page.getByRole('button', { name: t('casework:action.open'), exact: true }).click();
    const manager = page.getByLabel(t('casework:caseField.caseManager'));
    // The signed-in account is proposed as the case manager.
    expect(await manager.inputValue()).toBe('Demo school team');
    await manager.fill('');
    await page.getByRole('button', { name: t('actions.save'), exact: true }).click();
    await page.getByText(t('casework:transitionError.caseManagerRequired')).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await manager.fill('Весна Петровић');
    await page.getByRole('button', { name: t('actions.save'), exact: true }).click();
    await page.getByText(t('cases:workflow.saved', { status: t('casework:status.open') })).waitFor();

    await takeStep(page, 'assess', 'assessed');
    await takeStep(page, 'activatePlan', 'planActive');
    const history = page.getByRole('region', { name: t('cases:timeline.title') });
    await expect.poll(() => history.innerText()).toContain(t('casework:status.planActive'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    const changedAt = Date.now();
    await page.getByRole('button', { name: t('status.syncNow') }).click();
    await waitUntilSynced(page, changedAt);
    await context.close();
  });
});
