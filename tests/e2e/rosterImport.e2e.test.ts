import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPhoneContext, openControlledApp, seriousAxeViolations } from './support/browser.ts';
import { text } from './support/locales.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { signInAs } from './support/signIn.ts';
import { pendingCount, studentNames, waitUntilSynced } from './support/studentScreens.ts';

/** Albanian text of a key; `{{count, number}}` and the like filled too (small numbers need no grouping). */
const t = (key: string, values: Record<string, string | number> = {}) =>
  text('sq', key, values).replace(/\{\{\s*(\w+)\s*,[^}]*\}\}/g, (_, name: string) => String(values[name] ?? ''));

const YEAR = new Date().getUTCFullYear() - 13;
const GIVEN = ['Ardit', 'Besa', 'Dion', 'Elira', 'Fatos', 'Gresa', 'Ilir', 'Jeta', 'Kushtrim', 'Lirie'];
const FAMILY = ['Berisha', 'Gashi', 'Hoxha'];

/**
 * The class list as the school's register exports it from Excel in an
 * Albanian locale: semicolons, a byte-order mark, dd.mm.yyyy dates, Albanian
 * headers. 30 new students (one written in Cyrillic, one with ë) and the demo
 * teacher's student already on the phone, Arbër Krasniqi.
 */
function classList(): Buffer {
  const rows = ['Emri;Mbiemri;Gjinia;Datëlindja;Klasa;Paralelja;Emri i prindit;Telefoni i prindit'];
  for (let index = 0; index < 28; index += 1) {
    const given = GIVEN[index % GIVEN.length] ?? 'Ardit';
    const day = String((index % 28) + 1).padStart(2, '0');
    rows.push(
      `${given};${FAMILY[index % 3] ?? 'Gashi'} ${index + 1};${index % 2 ? 'F' : 'M'};${day}.05.${YEAR};7;7/2;;`,
    );
  }
  rows.push(`Јована;Петровић;Ж;12.11.${YEAR};VII;7/2;Милица Петровић;+381 64 123 4567`);
  rows.push(`Lumë;Morina;F;3.9.${YEAR};7;7/2;Shpresa Morina;+383 44 987 654`);
  rows.push('Arbër;Krasniqi;M;17.04.2013;7;7/2;Valbona Krasniqi;+383 44 123 456');
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/**
 * The demo homeroom teacher (class 7/2 in Ferizaj) brings her class list in
 * from the school's CSV between two lessons, in Albanian, on a 360 px phone:
 * every screen of the import passes axe, the 30 new students are in the list
 * and reach the server; the one already registered is skipped.
 */
describe('a teacher imports a class list', () => {
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

  it('imports a class of 30 from a CSV file and sees them in the student list', async () => {
    const context = await newPhoneContext(browser, 'sq-AL');
    const page = await context.newPage();
    await openControlledApp(page, server.url);
    await signInAs(page, 'teacher', 'sq');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.students') })
      .click();
    await page.getByTestId('student-list').getByText('Arbër Krasniqi').waitFor();
    const before = (await studentNames(page)).length;
    await page.getByRole('link', { name: t('students:list.import') }).click();
    await page.getByRole('heading', { level: 1, name: t('roster:title') }).waitFor();
    // One place for a teacher: her class, already chosen.
    expect(await page.getByLabel(t('roster:place.label')).inputValue()).toContain('|7|7/2');
    await expectNoSeriousViolations(page);

    await page
      .getByLabel(t('roster:file.label'))
      .setInputFiles({ name: 'klasa-7-2.csv', mimeType: 'text/csv', buffer: classList() });
    await page.getByRole('heading', { name: t('roster:mapping.title') }).waitFor();
    expect(
      await page.getByLabel(t('roster:mapping.requiredLabel', { field: t('roster:field.dateOfBirth') })).inputValue(),
    ).toBe('3');
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: t('roster:mapping.check') }).click();

    await page.getByRole('heading', { name: t('roster:preview.title') }).waitFor();
    const counts = page.getByTestId('roster-counts');
    await counts.getByText(t('roster:preview.ready_other', { count: 30 })).waitFor();
    await counts.getByText(t('roster:preview.duplicates_one', { count: 1 })).waitFor();
    await page
      .getByTestId('roster-duplicates')
      .getByText(/Arbër Krasniqi/)
      .waitFor();
    await expectNoSeriousViolations(page);

    const importedAt = Date.now();
    await page.getByRole('button', { name: t('roster:preview.import_other', { count: 30 }) }).click();
    await page.getByText(t('roster:done.added_other', { count: 30 })).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: t('roster:done.list') }).click();

    await page.getByRole('heading', { level: 1, name: t('students:list.title') }).waitFor();
    await expect.poll(async () => (await studentNames(page)).length).toBe(before + 30);
    const names = await studentNames(page);
    expect(names).toEqual(
      expect.arrayContaining(['Јована Петровић', 'Lumë Morina', 'Arbër Krasniqi', 'Ardit Berisha 1']),
    );
    expect(names.filter((name) => name === 'Arbër Krasniqi')).toHaveLength(1);
    // Found across scripts, as every student is.
    await page.getByLabel(t('students:list.search')).fill('petrovic');
    await expect.poll(() => studentNames(page)).toEqual(['Јована Петровић']);

    // The teacher may register students in her class: the server takes all 30, refusing none.
    await waitUntilSynced(page, importedAt);
    expect(await pendingCount(page)).toBe(0);
    expect(await page.getByRole('link', { name: t('status.seeOutbox') }).count()).toBe(0);
    await context.close();
  });
});
