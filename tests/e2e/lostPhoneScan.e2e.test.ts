import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_USER_IDS } from '../../src/server/seed/demoAccounts.ts';
import { launchPersistentPhone, openControlledApp } from './support/browser.ts';
import { deviceClientId, storedCount, writePlainControl } from './support/deviceStore.ts';
import { text } from './support/locales.ts';
import { lockAndExpectNothingShown, pageText } from './support/lockScreen.ts';
import { readProfile } from './support/profileScan.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { signInAs, unlockWithPin } from './support/signIn.ts';
import { registerStudent, studentNames, waitUntilSynced } from './support/studentScreens.ts';

const t = (key: string, values?: Record<string, string | number>) => text('en', key, values);

/** A child registered on the lost phone, with names no other journey or demo record uses. */
const NEW_CHILD = {
  givenName: 'Shqiponjëza',
  familyName: 'Dardhishtaj',
  guardianName: 'Драгиња Вукашиновић',
  guardianPhone: '+383 48 907 316',
};
const VISIT_NOTE = 'Grandmother keeps him home on market days at the Babush brickyard.';
const VISIT_OBSERVATION = 'Roof leaking over the room where the children sleep; no desk.';
const HALF_WRITTEN = 'Father says the quarry bus from Sojevë stopped running in';
/** Written plain by the test itself: V8 stores the first as a one-byte (Latin-1) string, the second as UTF-16. */
const PLAIN_CONTROLS = { latin1: 'Kontrollë e lexueshme', utf16le: 'Контрола која се чита' } as const;

/** Demo records the phone pulls from the server in its first sync (src/server/seed/demo*.ts). */
const DEMO_SECRETS = [
  'Krasniqi',
  'Valbona Krasniqi',
  '+383 49 234 567',
  'Јовановић',
  'Зоран Јовановић',
  'Stojanović',
  'Jelena Stojanović',
  '+381 63 987 6543',
  'Maths catch-up twice a week',
];

// Chromium's session restore (Default/Sessions) keeps what was typed into form fields unless they say
// autocomplete="off"; the app's text fields do (src/ui/TextField.tsx, TextAreaField.tsx), so the whole profile
// must be clean too — this scan found it when the visit form's fields did not.

/**
 * "Test it like an attacker": a phone is lost with the app signed in. Its
 * browser profile is read file by file — IndexedDB's LevelDB logs and tables
 * and its blob files, then everything else — for the children's names, a
 * guardian's phone, a visit note and a half-written draft, in UTF-8, Latin-1
 * and UTF-16LE. Controls prove the reading sees what the app leaves plain.
 */
describe('a lost phone read from its disk', () => {
  let server: RunningServer;
  const profiles: string[] = [];

  async function openPhone(): Promise<{ profile: string; context: BrowserContext; page: Page }> {
    const profile = mkdtempSync(join(tmpdir(), 'ura-lost-phone-'));
    profiles.push(profile);
    const context = await launchPersistentPhone(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await openControlledApp(page, server.url);
    return { profile, context, page };
  }

  /** The same profile started again (the phone found and switched on), unlocked with the PIN at `hash`. */
  async function reopenPhone(profile: string, hash: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await launchPersistentPhone(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/${hash}`);
    await unlockWithPin(page);
    return { context, page };
  }

  /**
   * The reading finds plain text where it is: the device id in `meta` and the
   * key's owner in `vault` (plain by design, docs/encryption.md), and the
   * test's own plain rows in both of V8's string forms.
   */
  function expectControlsFound(profile: string, plainIds: readonly string[]): void {
    const controls = [...plainIds, ...Object.values(PLAIN_CONTROLS)];
    const seen = readProfile(profile, controls).inIndexedDb.map(({ secret, encoding }) => `${encoding} ${secret}`);
    expect(new Set(seen)).toEqual(
      new Set([
        ...plainIds.map((id) => `utf8 ${id}`),
        ...Object.entries(PLAIN_CONTROLS).map(([encoding, value]) => `${encoding} ${value}`),
      ]),
    );
  }

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await killServer(server);
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  it("keeps the school team's students and the pulled demo data unreadable on disk", async () => {
    const { profile, context, page } = await openPhone();
    await signInAs(page, 'team');
    await waitUntilSynced(page);
    const registeredAt = Date.now();
    await registerStudent(page, { ...NEW_CHILD, sex: 'Female', dateOfBirth: '2014-06-02', grade: '5' });
    await waitUntilSynced(page, registeredAt);
    // The phone holds them all: the new child and the demo children it pulled.
    const held = [`${NEW_CHILD.givenName} ${NEW_CHILD.familyName}`, 'Arbër Krasniqi', 'Милица Јовановић'];
    await expect.poll(() => studentNames(page)).toEqual(expect.arrayContaining([...held, 'Nikola Stojanović']));
    const clientId = await deviceClientId(page);
    const secrets = [...Object.values(NEW_CHILD), ...DEMO_SECRETS];
    await writePlainControl(page, Object.values(PLAIN_CONTROLS));
    await lockAndExpectNothingShown(page, secrets);
    await context.close();

    const reading = readProfile(profile, secrets);
    expect(reading.indexedDbFiles).toBeGreaterThan(0);
    expect(reading.inIndexedDb).toEqual([]);
    expect(reading.elsewhere).toEqual([]);
    expectControlsFound(profile, [clientId, DEMO_USER_IDS.team]);

    // What was read is what the phone keeps: started again and unlocked, it shows the children.
    const again = await reopenPhone(profile, '#/students');
    await expect.poll(() => studentNames(again.page)).toEqual(expect.arrayContaining(held));
    await again.context.close();
  });

  it("keeps the mentor's visit note and half-written draft unreadable on disk", async () => {
    const { profile, context, page } = await openPhone();
    await signInAs(page, 'mentor');
    await waitUntilSynced(page);

    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('nav.today') })
      .click();
    const today = page.getByRole('region', { name: t('casework:followUp.today') });
    await today.getByRole('link').filter({ hasText: 'Arbër Krasniqi' }).first().click();
    await page.getByRole('link', { name: t('cases:view.recordVisit') }).click();
    await page.getByRole('heading', { name: t('visits:title') }).waitFor();
    const visitHash = new URL(page.url()).hash;
    await page.getByLabel(t('casework:present.child'), { exact: true }).check();
    await page.getByLabel(t('casework:present.grandparent'), { exact: true }).check();
    await page.getByRole('button', { name: t('visits:shortcut.inTwoWeeks') }).click();
    await page.getByRole('button', { name: t('visits:moreDetails') }).click();
    await page.getByLabel(t('casework:visitField.observations')).fill(VISIT_OBSERVATION);
    await page.getByLabel(t('casework:visitField.notes')).fill(VISIT_NOTE);
    const visitsBefore = await storedCount(page, 'homeVisits');
    const savedAt = Date.now();
    await page.getByRole('button', { name: t('actions.save') }).click();
    const history = page.getByRole('region', { name: t('cases:timeline.title') });
    await expect.poll(() => history.innerText()).toContain(t('casework:present.grandparent'));
    await waitUntilSynced(page, savedAt);
    // Sent, and still kept on the phone.
    expect(await storedCount(page, 'homeVisits')).toBe(visitsBefore + 1);

    // The next note, interrupted: the form keeps it as a draft on the phone.
    await page.getByRole('link', { name: t('cases:view.recordVisit') }).click();
    await page.getByLabel(t('casework:visitField.notes')).fill(HALF_WRITTEN);
    await expect.poll(() => storedCount(page, 'drafts')).toBe(1);
    // The check of the page can see a child's data while it is unlocked.
    expect(await pageText(page)).toContain(HALF_WRITTEN);
    expect(await pageText(page)).toContain('Arbër Krasniqi');

    const clientId = await deviceClientId(page);
    const secrets = [VISIT_NOTE, VISIT_OBSERVATION, HALF_WRITTEN, 'Babush brickyard', 'quarry bus', ...DEMO_SECRETS];
    await writePlainControl(page, Object.values(PLAIN_CONTROLS));
    await lockAndExpectNothingShown(page, secrets);
    await context.close();

    const reading = readProfile(profile, secrets);
    expect(reading.indexedDbFiles).toBeGreaterThan(0);
    expect(reading.inIndexedDb).toEqual([]);
    expect(reading.elsewhere).toEqual([]);
    expectControlsFound(profile, [clientId, DEMO_USER_IDS.mentor]);

    // The draft read for is on the phone: started again and unlocked, the visit form offers it back.
    const again = await reopenPhone(profile, visitHash);
    await expect.poll(() => again.page.getByLabel(t('casework:visitField.notes')).inputValue()).toBe(HALF_WRITTEN);
    await again.context.close();
  });
});
