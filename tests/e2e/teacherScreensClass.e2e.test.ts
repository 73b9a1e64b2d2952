import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_SCHOOL_IDS } from '../../src/server/seed/demoPlaces.ts';
import { makeStudentFields } from '../support/clientFixtures.ts';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { createAccount } from './support/serverAccounts.ts';
import { registerStudentsOnServer } from './support/serverSeed.ts';
import { signInAs } from './support/signIn.ts';
import { pendingCount, waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('sq', key, values);
const CLASS_SIZE = 25;
const GIVEN_NAMES = ['Ardit', 'Besa', 'Dion', 'Elira', 'Fatos', 'Gresa', 'Ilir', 'Jeta', 'Kushtrim', 'Lirie'];

/**
 * A homeroom teacher in Ferizaj screens her whole class of 25 in Albanian in
 * one sitting, on school Wi-Fi that drops: every screening is kept on the
 * phone and reaches the server when the connection comes back.
 */
describe('a teacher screens a class', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await createAccount(server.url, 'drita', 'Drita Berisha', {
      role: 'teacher',
      schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha,
      classKey: '6|6/1',
    });
    await registerStudentsOnServer(
      server.url,
      Array.from({ length: CLASS_SIZE }, (_, i) =>
        makeStudentFields({
          givenName: GIVEN_NAMES[i % GIVEN_NAMES.length] ?? 'Ardit',
          familyName: `Berisha ${String(i + 1).padStart(2, '0')}`,
          sex: i % 2 === 0 ? 'male' : 'female',
          schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha,
          grade: 6,
          className: '6/1',
        }),
      ),
    );
  });

  afterAll(async () => {
    await browser.close();
    await killServer(server);
  });

  it('screens 25 students one after another, in Albanian, and syncs them', async () => {
    const context = await newPhoneContext(browser, 'sq-AL');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'drita', 'sq');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.screening') })
      .click();
    await page.getByLabel(t('screening:chooser.school')).selectOption(DEMO_SCHOOL_IDS.ferizajAhmetHoxha);
    await page.getByLabel(t('screening:chooser.grade')).selectOption('6');
    await page.getByLabel(t('screening:chooser.className')).selectOption('6/1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t('screening:chooser.open') }).click();

    await page.getByText(t('screening:class.progress_other', { count: 0, total: CLASS_SIZE })).waitFor();
    // The Wi-Fi drops as the teacher starts; nothing she enters depends on it.
    await context.setOffline(true);
    await page.getByRole('button', { name: t('screening:class.start') }).click();

    const absences = t('casework:indicator.unjustifiedAbsences');
    const failing = t('casework:indicator.failingSubjects');
    for (let i = 0; i < CLASS_SIZE; i += 1) {
      await page.getByText(t('screening:sheet.position', { position: i + 1, total: CLASS_SIZE })).waitFor();
      await page.getByLabel(absences, { exact: true }).fill(String(i));
      // The last three also fail three subjects: high risk, so the summary offers to open cases.
      if (i >= CLASS_SIZE - 3) await page.getByLabel(failing, { exact: true }).fill('3');
      if (i === 0) expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: t('screening:sheet.saveNext') }).click();
    }

    await page.getByRole('heading', { name: t('screening:summary.heading') }).waitFor();
    await page.getByRole('heading', { name: t('screening:summary.highRisk') }).waitFor();
    const openCase = page.getByRole('link', { name: t('screening:summary.openCase'), exact: true });
    await expect.poll(() => openCase.count()).toBe(3);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await pendingCount(page)).toBe(CLASS_SIZE);

    const reconnectedAt = Date.now();
    await context.setOffline(false);
    await page.getByRole('button', { name: t('status.syncNow') }).click();
    await waitUntilSynced(page, reconnectedAt);
    expect(await pendingCount(page)).toBe(0);
    await context.close();
  });
});
