import type { Page } from 'playwright-core';
import { text, type E2eLanguage } from './locales.ts';

/** The password of every demo account (src/server/seed/demoAccounts.ts). */
export const DEMO_PASSWORD = 'ura-demo-2026';

/**
 * Signs a demo account in through the sign-in screen, as a new device's user
 * does, and waits for the first screen behind it (the tab bar; sign-in leads to Today). The journeys
 * sign in as the role they are about: `team` sees every demo school, `mentor`
 * the demo cases assigned to them.
 */
export async function signInAs(page: Page, login: string, language: E2eLanguage = 'en'): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByLabel(t('account:signIn.login')).fill(login);
  await page.getByLabel(t('account:signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('account:signIn.submit') }).click();
  await page.getByRole('navigation', { name: t('nav.label') }).waitFor();
}
