import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { DEMO_PASSWORD, signInAs } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sq', key, values);
/** Runs of spaces and line breaks as one space: a PDF's text comes in pieces. */
const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();

interface ExportEvent {
  userId: string | null;
  entity: string | null;
  entityId: string | null;
  detail: { kind?: string; rows?: number } | null;
}

/** The audit trail's export events, read over HTTP as the demo administrator. */
async function exportEvents(url: string, cookie: string): Promise<ExportEvent[]> {
  const response = await fetch(`${url}/api/audit?action=export&limit=50`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/audit answered ${response.status}`);
  return ((await response.json()) as { events: ExportEvent[] }).events;
}

async function adminCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD, clientId: randomUUID() }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (!response.ok || cookie === undefined) throw new Error(`admin sign-in answered ${response.status}`);
  return cookie.split(';')[0]!;
}

/** The demo case of Arbër Krasniqi (Ferizaj), from the list to its printable summary. */
async function openSummary(page: Page): Promise<string> {
  await page.getByLabel(t('cases:list.search')).fill('arber krasniqi');
  await page.getByTestId('case-row').filter({ hasText: 'Arbër Krasniqi' }).first().click();
  await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).hash.split('/')[2]!;
  await page.getByRole('link', { name: t('exports:summary.title') }).click();
  await page
    .getByRole('heading', { level: 1, name: t('exports:summary.heading', { name: 'Arbër Krasniqi' }) })
    .waitFor();
  return caseId;
}

/**
 * The demo school team, reading Albanian on a 360 px phone, exports the case
 * list as CSV and prints a case summary to PDF with Chromium's own printing;
 * after the next sync the audit trail holds both exports, kind and rows only.
 */
describe('exports and the printed case summary', () => {
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

  it('exports the case list, prints a summary, and both reach the audit trail', async () => {
    const context = await newPhoneContext(browser, 'sq-AL');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'team', 'sq');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.cases') })
      .click();
    await expect.poll(() => page.getByTestId('case-row').count()).toBeGreaterThan(0);
    const exportButton = page.getByRole('button', { name: t('exports:caseList.export') });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^ura-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = '', ...lines] = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(header.split(',').slice(0, 4)).toEqual([
      t('exports:caseList.column.caseId'),
      t('exports:caseList.column.givenName'),
      t('exports:caseList.column.familyName'),
      t('exports:caseList.column.school'),
    ]);
    // Every case on the phone (the demo school team's: all the demo schools'), not only the first screen's.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line.includes(',Arbër,Krasniqi,'))).toBe(true);
    expect(lines.some((line) => line.includes(',Милица,Јовановић,'))).toBe(true);

    const caseId = await openSummary(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Headless Chromium has no print dialog to close (a real one would hold the page until closed): the
    // dialog is stood in for, and the PDF is made by Chromium's own printing below. The app records the print.
    await page.evaluate(() => {
      const counted = window as unknown as { printDialogs: number };
      counted.printDialogs = 0;
      window.print = () => void (counted.printDialogs += 1);
    });
    await page.getByRole('button', { name: t('exports:summary.print') }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printDialogs: number }).printDialogs)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const { totalPages, text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    const printed = squeeze(pages);
    expect(totalPages).toBeLessThanOrEqual(2);
    for (const words of [
      t('exports:summary.heading', { name: 'Arbër Krasniqi' }),
      t('exports:summary.student.title'),
      t('exports:summary.case.title'),
      t('exports:summary.screening.title'),
      t('exports:summary.plan.title'),
      t('exports:summary.referrals.title'),
      t('exports:summary.visits.title'),
      'Demo school team',
    ]) {
      expect(printed).toContain(squeeze(words));
    }
    // The app around the summary stays off the paper: header, status bar, tabs, buttons and hints.
    for (const words of [t('status.syncNow'), t('nav.settings'), t('exports:summary.printHint')]) {
      expect(printed).not.toContain(squeeze(words));
    }

    const changedAt = Date.now();
    await page.getByRole('button', { name: t('status.syncNow') }).click();
    await waitUntilSynced(page, changedAt);
    const cookie = await adminCookie(server.url);
    await expect
      .poll(async () => (await exportEvents(server.url, cookie)).map((event) => event.detail?.kind).sort(), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining(['caseList', 'caseSummary']));
    const events = await exportEvents(server.url, cookie);
    expect(events.find((event) => event.detail?.kind === 'caseList')?.detail).toEqual({
      kind: 'caseList',
      rows: lines.length,
    });
    expect(events.find((event) => event.detail?.kind === 'caseSummary')).toMatchObject({
      entity: 'case',
      entityId: caseId,
      detail: { kind: 'caseSummary', rows: 1 },
    });
    await context.close();
  });
});
