import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_USER_IDS } from '../../src/server/seed/demoAccounts.ts';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text, type E2eLanguage } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { reloadAndUnlock, signInAs } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const LANGUAGES: readonly E2eLanguage[] = ['en', 'sq', 'sr-Cyrl', 'sr-Latn'];

const SCREENS = [
  '#/admin',
  '#/admin/people',
  '#/admin/people/new',
  `#/admin/people/${DEMO_USER_IDS.admin}`,
  `#/admin/people/${DEMO_USER_IDS.team}`,
  '#/admin/organisations',
  '#/admin/cases',
];

interface PhoneProblems {
  overflow: number;
  smallTargets: string[];
}

/** Horizontal overflow at 360 px, and controls a thumb cannot hit (under 44 px tall); as screensOnPhone checks. */
async function phoneProblems(page: Page): Promise<PhoneProblems> {
  return page.evaluate(() => {
    const selector =
      'button, select, input:not([type=checkbox]):not([type=radio]), nav a, a.button, a.card, main a, textarea';
    const smallTargets = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallTargets };
  });
}

/** The screen is in, its strings loaded, and nothing is still being fetched from the server. */
async function settled(page: Page, language: E2eLanguage): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  const loading = text(language, 'admin:loading');
  await page.waitForFunction(
    (words) => ![...document.querySelectorAll('[role="status"]')].some((node) => node.textContent === words),
    loading,
  );
}

async function expectFitsAndAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), what).toEqual([]);
  expect(await phoneProblems(page), what).toEqual({ overflow: 0, smallTargets: [] });
}

/** The administration screens at 360 px in each language, signed in as the demo administrator. */
describe('the administration screens on a phone', () => {
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await newPhoneContext(browser);
    page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'admin');
    await waitUntilSynced(page);
  });

  afterAll(async () => {
    await context.close();
    await browser.close();
    await killServer(server);
  });

  it('gives the administrator Administration and Settings, and opens on Administration', async () => {
    const tabs = page.getByRole('navigation', { name: text('en', 'nav.label') }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual([text('en', 'nav.admin'), text('en', 'nav.settings')]);
    await page.goto(`${server.url}/#/`);
    await page.getByRole('heading', { level: 1, name: text('en', 'admin:home.title') }).waitFor();
  });

  it.each(LANGUAGES)('fits and is accessible in %s', async (language) => {
    const t = (key: string, values: Record<string, string | number> = {}) => text(language, key, values);
    await page.evaluate((lng) => localStorage.setItem('ura.language', lng), language);
    for (const hash of SCREENS) {
      await page.goto(`${server.url}/${hash}`);
      await reloadAndUnlock(page, language);
      await settled(page, language);
      expect(await page.evaluate(() => document.documentElement.lang), hash).toBe(language);
      await expectFitsAndAccessible(page, `${language} ${hash}`);
    }

    // A refusal from the server, naming the field, with what was typed kept.
    await page.goto(`${server.url}/#/admin/people/new`);
    await settled(page, language);
    await page.getByLabel(t('admin:person.displayName')).fill('Arta Kola');
    await page.getByLabel(t('admin:person.login'), { exact: true }).fill('arta kola');
    await page.getByRole('button', { name: t('admin:person.submit') }).click();
    await page.getByText(t('admin:issue.login')).waitFor();
    expect(await page.getByLabel(t('admin:person.login'), { exact: true }).inputValue()).toBe('arta kola');
    await expectFitsAndAccessible(page, `${language} refused person`);

    // Blocking a phone asks first and says what happens; nothing is blocked here.
    await page.goto(`${server.url}/#/admin/people/${DEMO_USER_IDS.admin}`);
    await settled(page, language);
    await page.getByRole('button', { name: t('admin:devices.revokeStart') }).click();
    await page.getByText(t('admin:devices.consequence.wipe')).waitFor();
    await expectFitsAndAccessible(page, `${language} block phone question`);

    // Adding an organisation, with the place its kind needs.
    await page.goto(`${server.url}/#/admin/organisations`);
    await settled(page, language);
    await page.getByRole('button', { name: t('admin:organisations.add') }).click();
    await page.getByRole('radio', { name: t('admin:kind.school') }).check();
    await page.getByRole('button', { name: t('admin:organisations.submit') }).click();
    await page.getByText(t('admin:issue.required')).first().waitFor();
    await expectFitsAndAccessible(page, `${language} organisation form`);

    // The server's refusal of a case assignment, in words.
    await page.goto(`${server.url}/#/admin/cases`);
    await settled(page, language);
    await page.getByLabel(t('admin:cases.caseId')).fill('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    await page.getByLabel(t('admin:cases.mentor')).selectOption(DEMO_USER_IDS.mentor);
    await page.getByRole('button', { name: t('admin:cases.give') }).click();
    await page.getByText(t('admin:cases.forbidden')).waitFor();
    await expectFitsAndAccessible(page, `${language} case refused`);
  });
});
