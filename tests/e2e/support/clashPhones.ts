import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newPhoneContext, openControlledApp } from './browser.ts';
import { text } from './locales.ts';
import { signInAs } from './signIn.ts';
import { waitUntilSynced } from './studentScreens.ts';

export const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);

/** One phone: its own browser context (so its own IndexedDB and outbox) and its one page. */
export interface Phone {
  context: BrowserContext;
  page: Page;
}

/** A phone that has opened the app online, signed `login` in and synced once. */
export async function openPhone(browser: Browser, url: string, login: string): Promise<Phone> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await openControlledApp(page, url);
  await signInAs(page, login);
  await waitUntilSynced(page);
  return { context, page };
}

/** Finds a case by its student's name in the case list and returns its id (from the address it opens). */
export async function findCaseId(page: Page, studentName: string): Promise<string> {
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('link', { name: t('nav.cases') })
    .click();
  await page.getByLabel(t('cases:list.search')).fill(studentName);
  const rows = page.getByTestId('case-row');
  await expect.poll(() => rows.count()).toBe(1);
  await rows.first().click();
  await page.getByRole('link', { name: t('cases:view.recordVisit') }).waitFor();
  const caseId = /^#\/cases\/([^/]+)$/.exec(new URL(page.url()).hash)?.[1];
  if (caseId === undefined) throw new Error(`not on a case view: ${page.url()}`);
  return caseId;
}

export async function openCase(page: Page, caseId: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/cases/${caseId}`);
  await page.getByRole('link', { name: t('cases:view.recordVisit') }).waitFor();
}

async function openStudent(page: Page, studentId: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/students/${studentId}`);
  await page.getByRole('heading', { name: t('students:form.editTitle') }).waitFor();
}

/** Changes some of a student's fields through the edit form, by their English labels, and saves. */
export async function editStudent(page: Page, studentId: string, changes: Record<string, string>): Promise<void> {
  await openStudent(page, studentId);
  for (const [field, value] of Object.entries(changes)) {
    await page.getByLabel(t(`students:fields.${field}`), { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: t('actions.save') }).click();
  await page.getByRole('heading', { name: t('nav.students') }).waitFor();
}

/** What the student's edit form shows in a field. */
export async function studentField(page: Page, studentId: string, field: string): Promise<string> {
  await openStudent(page, studentId);
  return page.getByLabel(t(`students:fields.${field}`), { exact: true }).inputValue();
}

/** Records a home visit on the case: child and mother met, next visit in two weeks, a note. */
export async function recordVisit(page: Page, caseId: string, note: string): Promise<void> {
  await openCase(page, caseId);
  await page.getByRole('link', { name: t('cases:view.recordVisit') }).click();
  await page.getByRole('heading', { name: t('visits:title') }).waitFor();
  await page.getByLabel(t('casework:present.child'), { exact: true }).check();
  await page.getByLabel(t('casework:present.mother'), { exact: true }).check();
  await page.getByRole('button', { name: t('visits:shortcut.inTwoWeeks') }).click();
  await page.getByLabel(t('casework:visitField.notes')).fill(note);
  await page.getByRole('button', { name: t('actions.save') }).click();
  await page.getByRole('link', { name: t('cases:view.recordVisit') }).waitFor();
}

/** The plan action card whose description contains `description`, on the case's plan screen. */
export async function planAction(page: Page, caseId: string, description: string): Promise<Locator> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/cases/${caseId}/plan`);
  const card = page.getByRole('article').filter({ hasText: description });
  await card.waitFor();
  return card;
}

/**
 * Taps "Sync now" once no sync is running, and waits until a sync started by
 * the tap has been answered with nothing left to send and has finished
 * applying what it pulled (the button is disabled while a sync runs).
 */
export async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: t('status.syncNow') });
  await expect.poll(() => button.isEnabled()).toBe(true);
  const tappedAt = Date.now();
  await button.click();
  await waitUntilSynced(page, tappedAt);
  await expect.poll(() => button.isEnabled()).toBe(true);
}

/** The "Changed on two devices" section of the case view (absent when there is nothing to choose). */
export function clashSection(page: Page): Locator {
  return page.getByRole('region', { name: t('cases:conflict.title') });
}

/** The case view's history. */
export function history(page: Page): Locator {
  return page.getByRole('region', { name: t('cases:timeline.title') });
}
