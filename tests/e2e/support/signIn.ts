import type { Page } from 'playwright-core';
import { text, type E2eLanguage } from './locales.ts';

/** The password of every demo account (src/server/seed/demoAccounts.ts). */
export const DEMO_PASSWORD = 'ura-demo-2026';

/** The PIN every journey chooses after signing in (docs/encryption.md: six digits, not a run or a repeat). */
export const E2E_PIN = '482915';

/**
 * Signs a demo account in through the sign-in screen, as a new device's user
 * does, chooses the PIN the app asks for next, and waits for the first screen
 * behind it (the tab bar; sign-in leads to Today). The journeys sign in as the
 * role they are about: `team` sees every demo school, `mentor` the demo cases
 * assigned to them.
 */
export async function signInAs(page: Page, login: string, language: E2eLanguage = 'en'): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByLabel(t('account:signIn.login')).fill(login);
  await page.getByLabel(t('account:signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('account:signIn.submit') }).click();
  await page.getByLabel(t('lock:choose.pin'), { exact: true }).fill(E2E_PIN);
  await page.getByLabel(t('lock:choose.confirm'), { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: t('lock:choose.submit') }).click();
  await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
}

/** Unlocks with the journey's PIN: every reload or new start of a signed-in phone opens on the PIN. */
export async function unlockWithPin(page: Page, language: E2eLanguage = 'en'): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByLabel(t('lock:unlock.pin'), { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: t('lock:unlock.submit') }).click();
  await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
}

/** A warm start: the page reloaded, then unlocked. */
export async function reloadAndUnlock(page: Page, language: E2eLanguage = 'en'): Promise<void> {
  await page.reload();
  await unlockWithPin(page, language);
}
