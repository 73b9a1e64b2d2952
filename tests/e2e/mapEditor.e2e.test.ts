import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { signInAs } from './support/signIn.ts';
import { pendingCount, waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sq', key, values);

const PLAN = 'Plani i veprimit 2027 (prova)';
const GOAL = 'Mbështetja e familjeve';
const ACTIVITY = 'Vizita në shtëpi nga mentorët';
const DEMO_PLAN = 'Plani i veprimit për parandalimin e braktisjes 2026–2028';

/** Sideways scroll at 360 px, and controls a thumb cannot hit (under 44 px tall), as screensOnPhone checks them. */
async function phoneProblems(page: Page): Promise<{ overflow: number; smallTargets: string[] }> {
  return page.evaluate(() => {
    const selector = 'button, select, input:not([type=checkbox]):not([type=radio]), nav a, a.button, summary';
    const smallTargets = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallTargets };
  });
}

async function signedInPhone(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser, 'sq-AL');
  const page = await context.newPage();
  await openControlledApp(page, url);
  await signInAs(page, 'coordinator', 'sq');
  await waitUntilSynced(page);
  return { context, page };
}

const save = (page: Page) => page.getByRole('button', { name: t('actions.save'), exact: true }).click();
const field = (page: Page, key: string, values?: Record<string, string | number>) =>
  page.getByLabel(t(key, values), { exact: true });

/**
 * The demo coordinator of Ferizaj, in Albanian on a phone, drafts a plan with
 * no network: a goal, an activity and a quarter's progress, all kept on the
 * phone and sent when the network returns. A second phone signed in as the
 * coordinator pulls them from the server. The plan screen passes axe at 360 px.
 */
describe('the Action Plan editor', () => {
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

  it('drafts a plan offline and delivers it to a second phone', async () => {
    const { context, page } = await signedInPhone(browser, server.url);
    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.dashboard') })
      .click();
    // Online, the dashboard keeps the municipality's figures: the automatic indicators read them offline.
    await page.getByText(/^Shifrat u llogaritën më /).waitFor();
    await page.getByRole('link', { name: t('map:title') }).click();
    await page.getByRole('heading', { level: 1, name: t('map:title') }).waitFor();

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('online-state').innerText()).toBe(t('status.offline'));

    await page.getByRole('button', { name: t('map:plan.new') }).click();
    await field(page, 'map:field.title').fill(PLAN);
    await field(page, 'map:field.periodStart').fill('2027-01-01');
    await field(page, 'map:field.periodEnd').fill('2027-12-31');
    await save(page);
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();

    await page.getByRole('button', { name: t('map:goal.add') }).click();
    await field(page, 'map:field.goalTitle').fill(GOAL);
    await save(page);
    const goal = page.getByRole('region', { name: t('map:goal.numbered', { number: 1, title: GOAL }) });
    await goal.waitFor();

    await goal.getByRole('button', { name: t('map:activity.add') }).click();
    await field(page, 'map:field.activityTitle').fill(ACTIVITY);
    await field(page, 'map:field.responsible').fill('OSHC partnere');
    await field(page, 'map:field.budget', { currency: 'EUR' }).fill('8000');
    await field(page, 'map:field.indicator').fill('Familje të vizituara');
    await field(page, 'map:field.baseline').fill('0');
    await field(page, 'map:field.target').fill('60');
    await save(page);
    const activity = page.getByRole('article', { name: ACTIVITY });
    await activity.waitFor();

    await activity.getByRole('button', { name: t('map:progress.report') }).click();
    // Today falls before the plan's period: the first quarter is offered.
    expect(await field(page, 'map:field.period').inputValue()).toBe('2027-Q1');
    await field(page, 'map:field.value', { unit: t('map:unit.count') }).fill('14');
    await field(page, 'map:field.narrative').fill('Mentorët vizituan 14 familje.');
    await save(page);
    await activity.getByText(t('map:progress.history_one', { count: 1 })).waitFor();
    await expect.poll(() => pendingCount(page)).toBe(4);

    await activity.getByText(t('map:progress.history_one', { count: 1 })).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual({ overflow: 0, smallTargets: [] });

    const reconnectedAt = Date.now();
    await context.setOffline(false);
    await waitUntilSynced(page, reconnectedAt);
    expect(await pendingCount(page)).toBe(0);

    // The demo plan, adopted, its automatic indicators answered by the kept figures.
    await page.goto(`${server.url}#/map`);
    await page.getByRole('link', { name: new RegExp(DEMO_PLAN) }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_PLAN }).waitFor();
    const atRisk = page.getByRole('article', { name: 'Identifikimi i rrezikut në të gjitha shkollat' });
    await atRisk.getByText(/^Nga të dhënat e rasteve, llogaritur më /).waitFor();
    await page.getByText(/^Miratuar me aktin nr\. 01-016\/26-1234/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual({ overflow: 0, smallTargets: [] });

    const second = await signedInPhone(browser, server.url);
    await second.page.goto(`${server.url}#/map`);
    await second.page.getByRole('link', { name: new RegExp(PLAN.replace(/[()]/g, '\\$&')) }).click();
    await second.page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    const pulled = second.page.getByRole('article', { name: ACTIVITY });
    await pulled.waitFor();
    expect(await pulled.innerText()).toContain('OSHC partnere');
    await pulled.getByText(t('map:progress.history_one', { count: 1 })).click();
    await pulled.getByText('Mentorët vizituan 14 familje.').waitFor();
    expect(await seriousAxeViolations(second.page)).toEqual([]);

    await second.context.close();
    await context.close();
  });
});
