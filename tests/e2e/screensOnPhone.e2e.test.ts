import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoCasework } from '../../src/server/seed/demoCasework.ts';
import { DEMO_STUDENT_IDS } from '../../src/server/seed/demoStudents.ts';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { text } from './support/locales.ts';
import { signInAs, unlockWithPin } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const arberCase = demoCasework('2026-11-23').find(
  (record) =>
    record.entity === 'case' &&
    'studentId' in record.fields &&
    record.fields.studentId === DEMO_STUDENT_IDS.arberKrasniqi,
);
const CASE_ID = arberCase?.id ?? 'missing';
const STUDENT_ID = DEMO_STUDENT_IDS.arberKrasniqi;

const SCREENS = [
  '#/today',
  '#/cases',
  `#/cases/${CASE_ID}`,
  `#/cases/${CASE_ID}/visit`,
  `#/cases/${CASE_ID}/plan`,
  `#/cases/${CASE_ID}/refer`,
  `#/cases/new/${DEMO_STUDENT_IDS.nikolaStojanovic}`,
  '#/screening',
  `#/students/${STUDENT_ID}/screenings`,
  `#/students/${STUDENT_ID}`,
  '#/students',
  '#/settings',
  '#/outbox',
];

interface PhoneProblems {
  overflow: number;
  smallTargets: string[];
}

/** Horizontal overflow at 360 px, and controls a thumb cannot hit (under 44 px tall). */
async function phoneProblems(page: Page): Promise<PhoneProblems> {
  return page.evaluate(() => {
    const selector = 'button, select, input:not([type=checkbox]):not([type=radio]), nav a, a.button, a.card, textarea';
    const smallTargets = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallTargets };
  });
}

/** Every casework screen at 360 px in each language: no serious axe violation, no sideways scroll, 44 px targets. */
describe('the screens on a phone', () => {
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
    await signInAs(page, 'team');
    await waitUntilSynced(page);
  });

  afterAll(async () => {
    await context.close();
    await browser.close();
    await killServer(server);
  });

  it.each(['en', 'sq', 'sr-Cyrl', 'sr-Latn'] as const)('fits and is accessible in %s', async (language) => {
    await page.evaluate((lng) => localStorage.setItem('ura.language', lng), language);
    for (const hash of SCREENS) {
      // A fresh load of each screen (the service worker serves it offline-ready): the checks see that screen only.
      await page.goto(`${server.url}/${hash}`);
      await page.reload();
      if (hash === SCREENS[0]) {
        // Every reload opens on the PIN: that screen too must fit and be accessible, once per language.
        await page.getByRole('heading', { level: 1, name: text(language, 'lock:unlock.title') }).waitFor();
        expect(await seriousAxeViolations(page), `${language} unlock`).toEqual([]);
        expect(await phoneProblems(page), `${language} unlock`).toEqual({ overflow: 0, smallTargets: [] });
      }
      await unlockWithPin(page, language);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      expect(await page.evaluate(() => document.documentElement.lang), hash).toBe(language);
      expect(await seriousAxeViolations(page), `${language} ${hash}`).toEqual([]);
      expect(await phoneProblems(page), `${language} ${hash}`).toEqual({ overflow: 0, smallTargets: [] });
    }
  });

  it.each(['en', 'sq', 'sr-Cyrl', 'sr-Latn'] as const)(
    'shows the sign-in screen, and its refusal, in %s',
    async (language) => {
      // A device nobody has signed in on: the sign-in screen is all there is.
      const signedOut = await newPhoneContext(browser);
      const fresh = await signedOut.newPage();
      await fresh.goto(server.url);
      await fresh.evaluate((lng) => localStorage.setItem('ura.language', lng), language);
      await fresh.reload();
      await fresh.locator('main h1').first().waitFor();
      expect(await fresh.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await seriousAxeViolations(fresh), language).toEqual([]);
      expect(await phoneProblems(fresh), language).toEqual({ overflow: 0, smallTargets: [] });

      await fresh.getByLabel(text(language, 'account:signIn.login')).fill('team');
      await fresh.getByLabel(text(language, 'account:signIn.password'), { exact: true }).fill('not the password');
      await fresh.getByRole('button', { name: text(language, 'account:signIn.submit') }).click();
      await fresh
        .getByRole('alert')
        .filter({ hasText: text(language, 'account:failure.invalid_credentials') })
        .waitFor();
      expect(await seriousAxeViolations(fresh), language).toEqual([]);
      expect(await fresh.getByLabel(text(language, 'account:signIn.login')).inputValue()).toBe('team');

      // The invitation screen, with the phone's own checks showing.
      await fresh.getByRole('link', { name: text(language, 'invitation:link') }).click();
      await fresh.getByRole('heading', { level: 1, name: text(language, 'invitation:title') }).waitFor();
      await fresh.getByRole('button', { name: text(language, 'invitation:submit') }).click();
      await fresh.getByText(text(language, 'invitation:required.code')).waitFor();
      expect(await seriousAxeViolations(fresh), language).toEqual([]);
      expect(await phoneProblems(fresh), language).toEqual({ overflow: 0, smallTargets: [] });
      await signedOut.close();
    },
  );
});
