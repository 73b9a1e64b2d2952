import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SCHOOL_IDS } from '../../src/server/seed/demoPlaces.ts';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { signInAs } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sq', key, values);

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

/**
 * The demo coordinator of Ferizaj, reading Albanian on a phone: signs in,
 * syncs, opens the dashboard (the municipality's suppressed figures), filters
 * to one school, and downloads a table as CSV that a spreadsheet opens in
 * Albanian. The screen passes axe and fits 360 px before and after.
 */
describe("the coordinator's dashboard", () => {
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

  it('shows Ferizaj, filters to one school and exports a table as CSV, in Albanian', async () => {
    const context = await newPhoneContext(browser, 'sq-AL');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'coordinator', 'sq');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.dashboard') })
      .click();
    await page.getByRole('heading', { level: 1, name: t('dashboard:title') }).waitFor();
    const screened = page.getByRole('region', { name: t('dashboard:figure.screened.title'), exact: true });
    await screened.getByText(t('dashboard:total.screened_other', { count: 37 })).waitFor();
    await page.getByText(/^Shifrat u llogaritën më /).waitFor();
    await page.getByText(t('dashboard:computed.suppressed')).waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual({ overflow: 0, smallTargets: [] });

    await page.getByLabel(t('dashboard:place.school'), { exact: true }).selectOption(DEMO_SCHOOL_IDS.ferizajTefikCanga);
    await screened.getByText(t('dashboard:total.screened_other', { count: 18 })).waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);

    const byStatus = page.getByRole('region', { name: t('dashboard:figure.casesByStatus.title'), exact: true });
    await byStatus.getByText(t('dashboard:table.show')).click();
    const table = byStatus.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      t('dashboard:table.place'),
      ...['flagged', 'open', 'assessed', 'planActive', 'monitoring', 'closed'].map((s) => t(`casework:status.${s}`)),
      t('dashboard:table.total'),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual({ overflow: 0, smallTargets: [] });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byStatus.getByRole('button', { name: t('dashboard:export.button') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ura-dashboard-casesByStatus-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    // A byte-order mark, so a spreadsheet reads "ë" and "Ç" as written.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, ...rest] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(rest).toEqual([]);
    expect(header).toBe(
      [
        t('dashboard:table.place'),
        ...['flagged', 'open', 'assessed', 'planActive', 'monitoring', 'closed'].map((s) => t(`casework:status.${s}`)),
        t('dashboard:table.total'),
      ].join(','),
    );
    // Tefik Çanga: 14 cases (none flagged or open); its small counts read "më pak se 5" in the file too.
    const cells = row?.split(',') ?? [];
    expect(cells[0]).toBe(t('dashboard:group.all'));
    expect(cells.slice(1, 3)).toEqual(['0', '0']);
    expect(cells).toContain(t('dashboard:count.fewerThan5'));
    expect(cells.at(-1)).toBe('14');
    await byStatus.getByText(t('dashboard:export.done', { file: download.suggestedFilename() })).waitFor();
    await context.close();
  });
});
