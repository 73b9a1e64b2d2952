import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { text } from './locales.ts';

const t = (key: string) => text('en', key);

/** Everything the page holds for a reader: its HTML, its text as shown, and what is typed in its fields. */
export async function pageText(page: Page): Promise<string> {
  const shown = await page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map(
        (field) => field.value,
      ),
    ].join('\n'),
  );
  return `${await page.content()}\n${shown}`;
}

/**
 * Locks from Settings, as someone handing the phone over does: the page
 * reloads onto the PIN, and neither it nor a further reload shows the tabs or
 * any of `secrets`.
 */
export async function lockAndExpectNothingShown(page: Page, secrets: readonly string[]): Promise<void> {
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('link', { name: t('nav.settings') })
    .click();
  await page.getByRole('button', { name: t('lock:settings.lockNow') }).click();
  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await page.getByRole('heading', { level: 1, name: t('lock:unlock.title') }).waitFor();
    expect(await page.getByRole('navigation', { name: t('nav.label') }).count()).toBe(0);
    const shown = await pageText(page);
    expect(secrets.filter((secret) => shown.includes(secret))).toEqual([]);
  }
}
