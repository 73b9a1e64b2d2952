import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { deviceClientId, storedCount } from './support/deviceStore.ts';
import { text } from './support/locales.ts';
import { revokeDevice } from './support/serverAccounts.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { signInAs } from './support/signIn.ts';
import { waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);
const CHILD_DATA = ['students', 'cases', 'homeVisits', 'planActions', 'screenings', 'outbox', 'caseIndex'];

async function childRows(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CHILD_DATA) counts[table] = await storedCount(page, table);
  return counts;
}

const NOTHING = Object.fromEntries(CHILD_DATA.map((table) => [table, 0]));

/**
 * A shared phone: one person signs out and the next signs in to nothing of
 * theirs. A lost phone: an administrator revokes it, and its next sync wipes it.
 * Both checked on what IndexedDB really holds, read past the app.
 */
describe('a phone that is safe to share and to lose', () => {
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

  it("signs out, deletes the first person's data, and shows the next person only theirs", async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'team');
    await waitUntilSynced(page);
    const teamStudents = await storedCount(page, 'students');
    expect(teamStudents).toBeGreaterThan(0);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.settings') })
      .click();
    await page.getByRole('button', { name: t('account:signOut.start') }).click();
    await page.getByText(t('account:signOut.confirm')).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('account:signOut.confirmButton') }).click();

    await page.getByRole('heading', { level: 1, name: t('account:signIn.title') }).waitFor();
    expect(await childRows(page)).toEqual(NOTHING);
    // Not even after a reload: nothing comes back from a cache.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t('account:signIn.title') }).waitFor();
    expect(await childRows(page)).toEqual(NOTHING);

    // The next person, a mentor, holds only the students of their cases.
    await signInAs(page, 'mentor');
    await waitUntilSynced(page);
    const mentorStudents = await storedCount(page, 'students');
    expect(mentorStudents).toBeGreaterThan(0);
    expect(mentorStudents).toBeLessThan(teamStudents);
    await context.close();
  });

  it('wipes a revoked phone at its next sync and says why', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'team');
    await waitUntilSynced(page);
    expect(await storedCount(page, 'students')).toBeGreaterThan(0);

    await revokeDevice(server.url, await deviceClientId(page));
    await page.getByRole('button', { name: t('status.syncNow') }).click();

    await page.getByText(t('account:revoked')).waitFor();
    expect(await childRows(page)).toEqual(NOTHING);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
