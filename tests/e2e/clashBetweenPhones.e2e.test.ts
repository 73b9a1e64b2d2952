import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STUDENT_IDS } from '../../src/server/seed/demoStudents.ts';
import { launchChromium, seriousAxeViolations } from './support/browser.ts';
import {
  clashSection,
  editStudent,
  findCaseId,
  history,
  openCase,
  openPhone,
  planAction,
  recordVisit,
  studentField,
  syncNow,
  t,
  type Phone,
} from './support/clashPhones.ts';
import { killServer, startServer, type RunningServer } from './support/serverProcess.ts';
import { createAccount, FERIZAJ_AHMET_HOXHA } from './support/serverAccounts.ts';

const ARBER = DEMO_STUDENT_IDS.arberKrasniqi;
const SEEDED_PHONE = '+383 44 123 456';
const PHONE_A_NUMBER = '+383 44 111 222';
const PHONE_B_NUMBER = '+383 45 333 444';
const MOTHER_MEETING = 'Meet the mother about the market work';

const yours = t('cases:conflict.side.yours');
const theirs = t('cases:conflict.side.theirs');
const shownNow = `(${t('cases:conflict.shownNow')})`;
const keep = t('cases:conflict.keep');

async function goOnlineAndSync(phone: Phone): Promise<void> {
  await phone.context.setOffline(false);
  await syncNow(phone.page);
}

/** The one clash card about the guardian's phone, on the case view. */
function guardianPhoneClash(page: Page) {
  return clashSection(page)
    .getByRole('listitem')
    .filter({ hasText: `${t('cases:conflict.record.student')} · ${t('cases:conflict.field.student.guardianPhone')}` });
}

/**
 * Two phones of Arbër's school team edit his case with no signal: both change his
 * guardian's phone number (a same-field clash), each changes something the
 * other does not (A his grade, B a plan action's status), and each records a
 * home visit. Back online, A first, then B: per-field last-writer-wins keeps
 * B's number (B typed it after A, so its HLC is later), keeps both other
 * changes and both visits, and the clash shows on both phones with both
 * numbers. A keeps their own number; the choice syncs to B and the clash goes.
 */
describe('a clash between two phones', () => {
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

  it('converges, shows the clash on both phones and syncs the choice', { timeout: 240_000 }, async () => {
    await createAccount(server.url, 'besa', 'Besa Gashi', { role: 'schoolTeam', schoolId: FERIZAJ_AHMET_HOXHA });
    await createAccount(server.url, 'luan', 'Luan Morina', { role: 'schoolTeam', schoolId: FERIZAJ_AHMET_HOXHA });
    const a = await openPhone(browser, server.url, 'besa');
    const b = await openPhone(browser, server.url, 'luan');
    const caseId = await findCaseId(a.page, 'arber krasniqi');
    expect(await findCaseId(b.page, 'arber krasniqi')).toBe(caseId);
    expect(await studentField(b.page, ARBER, 'guardianPhone')).toBe(SEEDED_PHONE);

    await a.context.setOffline(true);
    await b.context.setOffline(true);

    // Phone A first: a new number and grade, and a visit.
    await editStudent(a.page, ARBER, { guardianPhone: PHONE_A_NUMBER, grade: '8' });
    await recordVisit(a.page, caseId, 'Visit from phone A.');
    // Then phone B, later in time, so its number carries the later HLC and is the one kept.
    await editStudent(b.page, ARBER, { guardianPhone: PHONE_B_NUMBER });
    const meeting = await planAction(b.page, caseId, MOTHER_MEETING);
    await meeting.getByRole('button', { name: t('plans:step.start') }).click();
    await expect
      .poll(() => meeting.innerText())
      .toContain(t('plans:card.status', { status: t('casework:planActionStatus.inProgress') }));
    await recordVisit(b.page, caseId, 'Visit from phone B.');

    await goOnlineAndSync(a);
    await goOnlineAndSync(b);
    await syncNow(a.page); // A pulls B's changes and the clash the server recorded

    // Both phones hold the same case: B's number, A's grade, B's plan step, both visits.
    for (const phone of [a, b]) {
      expect(await studentField(phone.page, ARBER, 'guardianPhone')).toBe(PHONE_B_NUMBER);
      expect(await studentField(phone.page, ARBER, 'grade')).toBe('8');
      const card = await planAction(phone.page, caseId, MOTHER_MEETING);
      await expect
        .poll(() => card.innerText())
        .toContain(t('plans:card.status', { status: t('casework:planActionStatus.inProgress') }));
      await openCase(phone.page, caseId);
      await expect
        .poll(() => history(phone.page).innerText())
        .toContain(t('cases:timeline.recordedBy', { name: 'Besa Gashi' }));
      expect(await history(phone.page).innerText()).toContain(t('cases:timeline.recordedBy', { name: 'Luan Morina' }));
    }

    // The clash, on both phones, with both numbers; each phone calls its own number "Yours".
    for (const [phone, kept, lost] of [
      [b, yours, theirs],
      [a, theirs, yours],
    ] as const) {
      const clash = guardianPhoneClash(phone.page);
      await expect.poll(() => clash.count()).toBe(1);
      const [keptSide, lostSide] = await clash.locator('.clash-side').allInnerTexts();
      expect(keptSide).toContain(`${kept} ${shownNow}`);
      expect(keptSide).toContain(PHONE_B_NUMBER);
      expect(lostSide).toContain(lost);
      expect(lostSide).not.toContain(shownNow);
      expect(lostSide).toContain(PHONE_A_NUMBER);
      const buttons = clash.getByRole('button', { name: keep });
      expect(await buttons.count()).toBe(2);
      for (const button of await buttons.all()) {
        expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      }
      expect(await seriousAxeViolations(phone.page)).toEqual([]);
    }

    // On phone A, whose number was replaced, its user keeps their own.
    await guardianPhoneClash(a.page)
      .locator('.clash-side')
      .filter({ hasText: yours })
      .getByRole('button', { name: keep })
      .click();
    await a.page.getByText(t('cases:conflict.saved')).waitFor();
    await expect.poll(() => clashSection(a.page).count()).toBe(0);
    await syncNow(a.page);

    await syncNow(b.page);
    await openCase(b.page, caseId);
    await expect.poll(() => clashSection(b.page).count()).toBe(0);
    expect(await studentField(b.page, ARBER, 'guardianPhone')).toBe(PHONE_A_NUMBER);

    // Phone A, after its next sync, still holds its number and has nothing left to choose.
    await syncNow(a.page);
    expect(await studentField(a.page, ARBER, 'guardianPhone')).toBe(PHONE_A_NUMBER);
    await openCase(a.page, caseId);
    await a.page.getByRole('region', { name: t('cases:timeline.title') }).waitFor();
    expect(await clashSection(a.page).count()).toBe(0);

    await a.context.close();
    await b.context.close();
  });
});
