/**
 * The printable case summary (docs/exports.md): every section from what the
 * phone holds; a safeguarding concern as yes or no, never a note's words;
 * the community only where the phone holds it (never on a mentor's); and
 * printing recorded as an export for the audit trail.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { CaseSummaryPage } from '../../../src/features/exports/CaseSummaryPage.tsx';
import { ageOn } from '../../../src/features/exports/summaryContent.ts';
import { formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import type { Namespace } from '../../../src/i18n/languages.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addPlanAction } from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addReferral, answerReferral } from '../../../src/storage/referralRepository.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';
import { makePlanAction, makeVisitInput, RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';

const today = localIsoDate(new Date());
const LIVE = { timeout: 10_000 };
const SECRET = 'Bruises on both arms; the father shouts at night.';
let school: SchoolRecord;
let caseId: string;

beforeAll(async () => {
  await setupI18n('en');
  const namespaces: Namespace[] = ['casework', 'cases', 'plans', 'visits', 'screening', 'exports'];
  await Promise.all(namespaces.map(loadNamespace));
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  school = await seedSchool(db, { country: 'XK', name: localizedName('SHFMU „Naim Frashëri“') });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await changeLanguage('en');
});

/** Arbër's case, its plan active, with a screening, a plan action, an answered referral and two visits. */
async function seedCase(community: 'roma' | ''): Promise<void> {
  const studentId = await seedStudentAt(db, school, {
    givenName: 'Arbër',
    familyName: 'Krasniqi',
    dateOfBirth: '2014-03-09',
    grade: 6,
    className: 'VI-2',
    guardianName: 'Shpresa Krasniqi',
    guardianPhone: '+383 44 123 456',
    community,
  });
  caseId = newRecordId();
  await createCase(db, { id: caseId, studentId, trigger: 'absence', at: addCalendarDays(today, -30) });
  await addScreening(db, getProfile('XK'), {
    id: newRecordId(),
    studentId,
    term: '2026-2027/1',
    screenedOn: addCalendarDays(today, -31),
    screenedBy: USER_ID,
    values: RISKY_VALUES,
    protectiveFactors: [],
  });
  await transitionCase(db, caseId, 'open', { at: addCalendarDays(today, -28), caseManagerId: 'Drita Berisha' });
  await transitionCase(db, caseId, 'assessed', { at: addCalendarDays(today, -25) });
  await transitionCase(db, caseId, 'planActive', { at: addCalendarDays(today, -20) });
  await addPlanAction(
    db,
    makePlanAction(caseId, {
      interventionType: 'mentoring',
      responsible: { kind: 'person', name: 'Teuta Hoxha' },
      dueDate: addCalendarDays(today, 10),
      description: 'Private detail of the plan',
    }),
  );
  const referralId = newRecordId();
  const sent = addCalendarDays(today, -15);
  await addReferral(db, caseId, {
    id: referralId,
    from: 'schoolTeam',
    fromUserId: USER_ID,
    to: 'csw',
    reason: 'socialAssistance',
    at: sent,
  });
  await answerReferral(db, referralId, { decision: 'accepted', at: addCalendarDays(today, -12), by: USER_ID });
  await addHomeVisit(
    db,
    makeVisitInput(caseId, {
      visitDate: addCalendarDays(today, -10),
      safeguardingConcern: true,
      observations: SECRET,
      notes: 'Neighbour says the family may move.',
      agreedActions: [{ what: 'Father brings him on Monday', who: 'Father', byDate: addCalendarDays(today, -7) }],
      nextVisitDate: addCalendarDays(today, 4),
    }),
  );
}

function renderSummary(id = caseId) {
  const user = userEvent.setup();
  render(<CaseSummaryPage caseId={id} />);
  return user;
}

const section = (name: string) => screen.getByRole('region', { name });

describe('the printable case summary', () => {
  it('shows each section from what the phone holds, for a case conference', async () => {
    await seedAccount(['schoolTeam'], { schoolIds: [school.id] });
    await seedCase('roma');
    renderSummary();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Case summary: Arbër Krasniqi' }, LIVE),
    ).toBeInTheDocument();
    const names = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(names).toEqual([
      'Student',
      'Case status',
      'Latest screening',
      'Plan actions',
      'Referrals and handovers',
      'Home visits',
    ]);

    const student = section('Student');
    const age = ageOn('2014-03-09', today)!;
    expect(within(student).getByText(`${formatIsoDate('2014-03-09', 'en')} (${age} years old)`)).toBeInTheDocument();
    for (const text of ['SHFMU „Naim Frashëri“', 'Grade 6, class VI-2', 'Shpresa Krasniqi', '+383 44 123 456', 'Roma'])
      expect(within(student).getByText(text)).toBeInTheDocument();

    const status = section('Case status');
    expect(within(status).getByText('Plan active', { selector: 'dd' })).toBeInTheDocument();
    expect(within(status).getByText('Drita Berisha')).toBeInTheDocument();
    const stages = within(screen.getByTestId('summary-stages'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(stages).toEqual([
      `Flagged: ${formatIsoDate(addCalendarDays(today, -30), 'en')}`,
      `Opened: ${formatIsoDate(addCalendarDays(today, -28), 'en')}`,
      `Assessed: ${formatIsoDate(addCalendarDays(today, -25), 'en')}`,
      `Plan active: ${formatIsoDate(addCalendarDays(today, -20), 'en')}`,
    ]);
    expect(within(status).getByText(/^Plan review/)).toBeInTheDocument();

    const screening = section('Latest screening');
    expect(within(screening).getByText(/^(High|Very high|Medium) risk, screened on/)).toBeInTheDocument();
    expect(within(screen.getByTestId('summary-indicators')).getAllByRole('listitem').length).toBeGreaterThan(0);

    const plan = section('Plan actions');
    expect(within(plan).getByText(/Teuta Hoxha/)).toBeInTheDocument();
    expect(
      within(plan).getByText(`Due ${formatIsoDate(addCalendarDays(today, 10), 'en')}`, { exact: false }),
    ).toBeInTheDocument();
    const referrals = section('Referrals and handovers');
    expect(within(referrals).getByText(/Accepted on/)).toBeInTheDocument();

    const visits = section('Home visits');
    expect(within(visits).getByText('Safeguarding concern: yes')).toBeInTheDocument();
    expect(within(visits).getByText(/Father brings him on Monday — Father/)).toBeInTheDocument();
    expect(
      within(visits).getByText(`Next visit: ${formatIsoDate(addCalendarDays(today, 4), 'en')}`),
    ).toBeInTheDocument();
    // Nothing of the note's words but what was agreed; no plan's free text.
    for (const words of [SECRET, 'Neighbour says', 'Looks after her two', 'Wants to come back', 'Private detail'])
      expect(screen.queryByText(words, { exact: false })).toBeNull();

    expect(screen.getByRole('contentinfo')).toHaveTextContent(
      `Printed on ${formatIsoDate(today, 'en', 'long')} by Vesa Gashi`,
    );
  });

  it('leaves the community out where the phone does not hold it, as on a mentor’s phone', async () => {
    await seedAccount(['mentor']);
    await seedCase('');
    renderSummary();
    const student = await screen.findByRole('region', { name: 'Student' }, LIVE);
    expect(within(student).queryByText('Community')).toBeNull();
    expect(screen.queryByTestId('summary-community')).toBeNull();
    expect(within(student).getByText('Shpresa Krasniqi')).toBeInTheDocument();
  });

  it('records each print as an export before printing, from the button or the browser’s menu', async () => {
    await seedAccount(['schoolTeam'], { schoolIds: [school.id] });
    await seedCase('roma');
    // jsdom cannot print: the test stands in for the browser's dialog and counts what was recorded when it opened.
    const printed: number[] = [];
    vi.stubGlobal('print', () => void db.exportLog.count().then((count) => printed.push(count)));
    const user = renderSummary();
    await user.click(await screen.findByRole('button', { name: 'Print' }, LIVE));
    await waitFor(() => expect(printed).toEqual([1]));
    const summary = {
      kind: 'caseSummary',
      rows: 1,
      caseId,
      schoolId: school.id,
      municipalityId: school.municipalityId,
    };
    expect(await db.exportLog.toArray()).toEqual([expect.objectContaining(summary)]);

    // The browser's own event for the same print counts once.
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.exportLog.count()).toBe(1);
  });

  it('records a print started from the browser’s menu', async () => {
    await seedAccount(['schoolTeam'], { schoolIds: [school.id] });
    await seedCase('roma');
    renderSummary();
    await screen.findByRole('button', { name: 'Print' }, LIVE);
    window.dispatchEvent(new Event('beforeprint'));
    await waitFor(async () => expect(await db.exportLog.count()).toBe(1));
  });

  it('speaks the reader’s language', async () => {
    await seedAccount(['schoolTeam'], { schoolIds: [school.id] });
    await seedCase('roma');
    await changeLanguage('sq');
    renderSummary();
    expect(await screen.findByRole('heading', { level: 2, name: 'Vizitat në shtëpi' }, LIVE)).toBeInTheDocument();
    expect(screen.getByText('Shqetësim për mbrojtjen e fëmijës: po')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Printo' })).toBeInTheDocument();
  });

  it('says so when the case is not on this phone', async () => {
    await seedAccount(['schoolTeam'], { schoolIds: [school.id] });
    renderSummary(newRecordId());
    expect(await screen.findByText('This case is not on this phone.', {}, LIVE)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull();
  });
});
