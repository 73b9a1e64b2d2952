import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_IDS } from '../../src/server/seed/demoPlaces.ts';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { DEMO_PASSWORD, signInAs } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sr-Cyrl', key, values);
/** Runs of spaces (Intl's non-breaking ones too) and line breaks as one space: a PDF's text comes in pieces. */
const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
const PLAN_TITLE = 'Plani i veprimit për parandalimin e braktisjes 2026–2028';

/** The report's export events in the audit trail, read over HTTP as the demo administrator. */
async function mapReportEvents(url: string): Promise<{ entity: string | null; entityId: string | null }[]> {
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD, clientId: randomUUID() }),
  });
  const cookie = signIn.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (!signIn.ok || cookie === undefined) throw new Error(`admin sign-in answered ${signIn.status}`);
  const response = await fetch(`${url}/api/audit?action=export&limit=50`, {
    headers: { cookie: cookie.split(';')[0]! },
  });
  if (!response.ok) throw new Error(`GET /api/audit answered ${response.status}`);
  const { events } = (await response.json()) as {
    events: { entity: string | null; entityId: string | null; detail: { kind?: string } | null }[];
  };
  return events.filter((event) => event.detail?.kind === 'mapReport');
}

/** Sideways scroll of the page at 360 px (a table may scroll inside its own frame), as screensOnPhone checks it. */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The demo coordinator of Ferizaj signs in, syncs, switches to Serbian
 * Cyrillic, finds the demo Action Plan among the municipality's plans and
 * prints its progress report to PDF with Chromium's own printing: the paper
 * holds the plan, its goals (written in Albanian), the municipal act, and the
 * headings, dates and figures in Serbian, and no app around it; the print
 * reaches the audit trail after the next sync. (Serbian rather than Albanian:
 * Debian's Chromium carries no Albanian locale data, so Intl would format
 * Albanian numbers as English ones there.)
 */
describe('the printed MAP progress report', () => {
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

  it('prints the demo plan’s report in Serbian Cyrillic and records the print', async () => {
    const context = await newPhoneContext(browser, 'en-US');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'coordinator', 'en');
    await waitUntilSynced(page);
    await page.locator('nav').getByRole('link').last().click();
    await page.getByLabel(t('languages.sr-Cyrl')).check();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');

    await page.goto(`${server.url}#/map`);
    await page.getByRole('link', { name: PLAN_TITLE }).click();
    await page.waitForURL(/#\/map\/[0-9a-f-]{36}$/);
    const planId = new URL(page.url()).hash.split('/')[2]!;
    await page.goto(`${server.url}#/map/${planId}/report`);
    await page.getByRole('heading', { level: 1, name: t('mapReport:heading') }).waitFor();
    // Online, the report asks for the municipality's figures first: printed with them, it says when they were computed.
    await page.getByText(t('mapReport:facts.figuresComputed', { date: '' }), { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pageOverflow(page)).toBe(0);

    // Headless Chromium has no print dialog to close: it is stood in for, and the PDF is made by Chromium below.
    await page.evaluate(() => {
      const counted = window as unknown as { printDialogs: number };
      counted.printDialogs = 0;
      window.print = () => void (counted.printDialogs += 1);
    });
    await page.getByRole('button', { name: t('mapReport:print') }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printDialogs: number }).printDialogs)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const printed = squeeze(pages);
    const euro = new Intl.NumberFormat('sr-Cyrl', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat('sr-Cyrl', { style: 'percent', maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat('sr-Cyrl', { dateStyle: 'long', timeZone: 'UTC' });
    for (const words of [
      t('mapReport:heading'),
      t('mapReport:municipality', { name: 'Урошевац' }),
      PLAN_TITLE,
      t('mapReport:goal.heading', { position: 1, title: 'Identifikimi i hershëm i nxënësve në rrezik' }),
      t('mapReport:goal.heading', { position: 2, title: 'Mbështetja e nxënësve dhe familjeve' }),
      // Chromium prints the Serbian form of б as a glyph the PDF's text layer has no letter for: checks avoid б.
      `01-016/26-1234 од ${date.format(Date.UTC(2026, 2, 15))}`,
      `${t('mapReport:goals_few', { count: 2 })}, ${t('mapReport:activities_few', { count: 4 })}`,
      t('mapReport:activities.caption', { position: 1 }),
      t('mapReport:indicators.progress'),
      t('mapReport:narratives.title'),
      t('mapReport:quarter', { quarter: 2, year: 2026 }),
      'Mentorët vizituan 14 familje në fshatrat e Ferizajt.',
      // 2 500 + 8 000 + 1 200 in euro, and the home visits' 27 of 60: 45 %.
      euro.format(11700),
      percent.format(0.45),
    ]) {
      expect(printed).toContain(squeeze(words));
    }
    // The app around the report stays off the paper: header, status bar, tabs, buttons and hints.
    for (const words of [t('status.syncNow'), t('nav.settings'), t('mapReport:print'), t('mapReport:toPlan')]) {
      expect(printed).not.toContain(squeeze(words));
    }

    const changedAt = Date.now();
    await page.getByRole('button', { name: t('status.syncNow') }).click();
    await waitUntilSynced(page, changedAt);
    await expect
      .poll(() => mapReportEvents(server.url), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ entity: 'municipality', entityId: DEMO_MUNICIPALITY_IDS.ferizaj })]);
    await context.close();
  });
});
