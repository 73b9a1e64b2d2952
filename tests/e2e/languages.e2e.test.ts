import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { reloadAndUnlock, signInAs } from './support/signIn.ts';

async function chooseLanguage(page: Page, nativeName: string): Promise<void> {
  await page.locator('nav').getByRole('link').last().click();
  await page.getByLabel(nativeName).check();
}

describe('interface languages', () => {
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

  it('detects Albanian from the browser and switches to Serbian Cyrillic and Latin', async () => {
    const context = await newPhoneContext(browser, 'sq-AL');
    const page = await context.newPage();
    await page.goto(`${server.url}#/students`);
    await signInAs(page, 'team', 'sq');
    await page.goto(`${server.url}#/students`);
    await page.getByRole('heading', { name: 'Nxënësit' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sq');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await chooseLanguage(page, 'Српски (ћирилица)');
    await page.getByRole('heading', { name: 'Поставке' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr-Cyrl');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('nav').getByRole('link').nth(2).click();
    await page.getByRole('heading', { name: 'Ученици' }).waitFor();

    await chooseLanguage(page, 'Srpski (latinica)');
    await page.getByRole('heading', { name: 'Postavke' }).waitFor();

    // The choice is remembered on this device, and the PIN screen already speaks it.
    await reloadAndUnlock(page, 'sr-Latn');
    await page.getByRole('heading', { name: 'Postavke' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr-Latn');
    await context.close();
  });
});
