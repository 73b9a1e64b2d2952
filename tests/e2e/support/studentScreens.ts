import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface NewStudent {
  givenName: string;
  familyName: string;
  sex: 'Female' | 'Male';
  dateOfBirth: string;
  grade: string;
  guardianName?: string;
  guardianPhone?: string;
}

/** Registers a student through the English form, as a mentor would with a thumb. */
export async function registerStudent(page: Page, student: NewStudent): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Students' }).click();
  await page.getByRole('link', { name: 'Register a student' }).click();
  await page.getByLabel('Given name').fill(student.givenName);
  await page.getByLabel('Family name').fill(student.familyName);
  await page.getByLabel(student.sex, { exact: true }).check();
  await page.getByLabel('Date of birth').fill(student.dateOfBirth);
  const school = page.getByLabel('School');
  const firstSchool = await school.locator('option').nth(1).getAttribute('value');
  expect(firstSchool).toBeTruthy();
  await school.selectOption(firstSchool ?? '');
  await page.getByLabel('Grade').fill(student.grade);
  if (student.guardianName !== undefined) await page.getByLabel("Guardian's name").fill(student.guardianName);
  if (student.guardianPhone !== undefined) await page.getByLabel("Guardian's phone").fill(student.guardianPhone);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Students' }).waitFor();
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('pending-count').getAttribute('data-count'));
}

/** Waits until the status bar reports a sync completed after `since` with nothing left to send. */
export async function waitUntilSynced(page: Page, since = 0): Promise<void> {
  await page.waitForFunction((after) => {
    const pending = document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count');
    const last = Number(document.querySelector('[data-testid="last-sync"]')?.getAttribute('data-synced-at'));
    return pending === '0' && last > after;
  }, since);
}

export async function studentNames(page: Page): Promise<string[]> {
  return page.getByTestId('student-list').locator('.card-title').allInnerTexts();
}
