import { caseIndexTables, refreshCaseIndex } from '../../../src/storage/caseIndex.ts';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSyncPhase, setSyncReceived } from '../../../src/state/syncStatusStore.ts';
import { TodayPage } from '../../../src/features/today/TodayPage.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { seedSchool } from '../../support/clientFixtures.ts';
import {
  seedCaseRow,
  seedManyPlanActions,
  seedPlanActionRow,
  seedScreeningRow,
  seedStudentRow,
  seedVisitRow,
} from '../../support/todayFixtures.ts';
import { seedAccount, seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

let schoolId: string;
// Live queries re-run over fake IndexedDB on a busy two-core machine: give them time.
const LIVE = { timeout: 5000 };

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('today')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  schoolId = (await seedSchool(db, { country: 'XK' })).id;
  await seedSchoolTeamAccount();
  // Only the clock is faked: IndexedDB and Testing Library keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 10, 9, 0)); // Tuesday 10 March 2026, local time
});

afterEach(async () => {
  vi.useRealTimers();
  await changeLanguage('en');
});

async function renderReady() {
  render(<TodayPage />);
  await waitFor(() => expect(screen.getByTestId('today')).toHaveAttribute('aria-busy', 'false'), LIVE);
}

const sectionHeadings = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
const cardsIn = (name: string) => within(screen.getByRole('region', { name })).getAllByRole('link');

/** Ana: a home visit 3 days overdue and a plan review due today. Besa: plan actions around the week's edges. */
async function seedWeek() {
  const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
  const anaCase = await seedCaseRow(db, ana, schoolId, { status: 'planActive', planActivatedAt: '2026-02-10' });
  const visit = await seedVisitRow(db, anaCase, { visitDate: '2026-03-02', nextVisitDate: '2026-03-07' });
  const besa = await seedStudentRow(db, schoolId, 'Besa', 'Gashi');
  const besaCase = await seedCaseRow(db, besa, schoolId);
  await seedPlanActionRow(db, besaCase, { dueDate: '2026-03-09', interventionType: 'mentoring' });
  await seedPlanActionRow(db, besaCase, { dueDate: '2026-03-12', interventionType: 'counselling' });
  await seedPlanActionRow(db, besaCase, { dueDate: '2026-03-17', interventionType: 'mentoring' });
  await seedPlanActionRow(db, besaCase, { dueDate: '2026-03-18', interventionType: 'mentoring' });
  return { ana, anaCase, visit, besa, besaCase };
}

describe('TodayPage', () => {
  it('shows a loading status, then marks the computed list ready once', async () => {
    const mark = vi.spyOn(performance, 'mark');
    render(<TodayPage />);
    expect(screen.getByRole('status')).toHaveTextContent('Working out what is due…');
    expect(screen.getByTestId('today')).toHaveAttribute('aria-busy', 'true');

    await waitFor(() => expect(screen.getByTestId('today')).toHaveAttribute('aria-busy', 'false'), LIVE);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(mark).toHaveBeenCalledWith('today:ready');
    expect(mark.mock.calls.filter(([name]) => name === 'today:ready')).toHaveLength(1);
  });

  it('shows progress instead of the lists while a sync brings page after page, and the lists once it is done', async () => {
    await seedWeek();
    setSyncPhase('syncing');
    setSyncReceived(5000, true);
    render(<TodayPage />);

    expect(
      await screen.findByText('Bringing the records to this phone: 5,000 so far. The list appears when it is done.'),
    ).toBeInTheDocument();
    expect(sectionHeadings()).toEqual([]);

    act(() => {
      setSyncReceived(7400, false);
      setSyncPhase('idle');
    });
    await waitFor(() => expect(screen.getByTestId('today')).toHaveAttribute('aria-busy', 'false'), LIVE);
    expect(screen.queryByText(/Bringing the records/)).toBeNull();
    expect(sectionHeadings().length).toBeGreaterThan(0);
  });

  it('puts each item in its section around today, with who, what and when', async () => {
    const { anaCase, besaCase } = await seedWeek();
    await renderReady();

    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(screen.getByText('March 10, 2026')).toBeInTheDocument();
    expect(sectionHeadings()).toEqual([
      'Overdue 2',
      'Due today 1',
      'Next seven days 2',
      'Protocol deadlines about to pass 1',
    ]);

    const [visitCard, lateAction] = cardsIn('Overdue 2');
    expect(visitCard).toHaveAttribute('href', `#/cases/${anaCase}`);
    expect(visitCard).toHaveTextContent('Ana Krasniqi');
    expect(visitCard).toHaveTextContent('Home visit');
    expect(visitCard).toHaveTextContent('3 days overdue · Mar 7, 2026');
    expect(lateAction).toHaveAttribute('href', `#/cases/${besaCase}`);
    expect(lateAction).toHaveTextContent('Besa Gashi');
    expect(lateAction).toHaveTextContent('Plan action · Mentoring');
    expect(lateAction).toHaveTextContent('1 day overdue · Mar 9, 2026');

    const [review] = cardsIn('Due today 1');
    expect(review).toHaveTextContent('Protocol deadline · Plan review');
    expect(review).toHaveTextContent('Due today · Mar 10, 2026');
    expect(review).toHaveTextContent('Default — an administrator should confirm it');

    const week = cardsIn('Next seven days 2');
    expect(week[0]).toHaveTextContent('Counselling with the school psychologist or pedagogue');
    expect(week[0]).toHaveTextContent('due in 2 days · Mar 12, 2026');
    expect(week[1]).toHaveTextContent('due in 7 days · Mar 17, 2026');
    expect(screen.queryByText(/Mar 18, 2026/)).not.toBeInTheDocument();

    expect(cardsIn('Protocol deadlines about to pass 1')[0]).toHaveTextContent('Plan review');
  });

  it('drops the items of a case once it is closed', async () => {
    const { besaCase } = await seedWeek();
    await renderReady();
    expect(cardsIn('Next seven days 2')).toHaveLength(2);

    // As a pull of the closure does: the case and its index entry change in one transaction.
    await db.transaction('rw', caseIndexTables(db), async () => {
      await db.cases.update(besaCase, { status: 'closed', closedAt: '2026-03-10', closureReason: 'completed' });
      await refreshCaseIndex(db, { caseIds: [besaCase] });
    });

    await waitFor(
      () => expect(sectionHeadings()).toEqual(['Overdue 1', 'Due today 1', 'Protocol deadlines about to pass 1']),
      LIVE,
    );
    expect(screen.queryByText('Besa Gashi')).not.toBeInTheDocument();
  });

  it('moves the next visit when a correction changes its date', async () => {
    const { anaCase, visit } = await seedWeek();
    await renderReady();
    expect(cardsIn('Overdue 2')[0]).toHaveTextContent('Home visit');

    await seedVisitRow(db, anaCase, {
      visitDate: '2026-03-02',
      nextVisitDate: '2026-03-13',
      correctionOf: visit,
      recordedAt: '2026-03-03T08:00:00.000Z',
    });

    await waitFor(() => expect(cardsIn('Next seven days 3')[1]).toHaveTextContent('Home visit'), LIVE);
    expect(cardsIn('Next seven days 3')[1]).toHaveTextContent('due in 3 days · Mar 13, 2026');
    expect(cardsIn('Overdue 1')[0]).toHaveTextContent('Plan action');
  });

  it('moves items along when the day changes and the phone comes back to the screen', async () => {
    await seedWeek();
    await renderReady();

    vi.setSystemTime(new Date(2026, 2, 12, 8, 0));
    fireEvent.focus(window);

    await waitFor(() => expect(screen.getByText('March 12, 2026')).toBeInTheDocument(), LIVE);
    await waitFor(() => expect(cardsIn('Due today 1')[0]).toHaveTextContent('Counselling'), LIVE);
    expect(cardsIn('Overdue 3')[2]).toHaveTextContent('2 days overdue · Mar 10, 2026');
  });

  it('lists a rise in risk with a link to open a case when the student has none', async () => {
    const drita = await seedStudentRow(db, schoolId, 'Drita', 'Berisha');
    await seedScreeningRow(db, drita, 'medium', '2025-11-20', '2025-2026/1');
    await seedScreeningRow(db, drita, 'high', '2026-03-02', '2025-2026/2');
    const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
    await seedScreeningRow(db, ana, 'low', '2025-11-20', '2025-2026/1');
    await seedScreeningRow(db, ana, 'veryHigh', '2026-03-01', '2025-2026/2');
    const anaCase = await seedCaseRow(db, ana, schoolId);
    await renderReady();

    const [dritaCard, anaCard] = cardsIn('Risk rose at the last screening 2');
    expect(dritaCard).toHaveTextContent('Drita Berisha');
    expect(dritaCard).toHaveTextContent('Medium risk → High risk');
    expect(dritaCard).toHaveTextContent('Screened on Mar 2, 2026');
    expect(dritaCard).toHaveTextContent('Open a case');
    expect(dritaCard).toHaveAttribute('href', `#/cases/new/${drita}`);
    expect(anaCard).toHaveTextContent('Low risk → Very high risk');
    expect(anaCard).toHaveTextContent('Go to the case');
    expect(anaCard).toHaveAttribute('href', `#/cases/${anaCase}`);
  });

  it('says when nothing is due and offers the cases and a class screening', async () => {
    const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
    await seedCaseRow(db, ana, schoolId, { status: 'closed', closedAt: '2026-03-05', closureReason: 'completed' });
    await renderReady();

    expect(screen.getByText('Nothing due. Check again after the next sync.')).toBeInTheDocument();
    expect(sectionHeadings()).toEqual([]);
    const links = within(screen.getByRole('navigation', { name: 'Where to go next' }));
    expect(links.getByRole('link', { name: 'Cases' })).toHaveAttribute('href', '#/cases');
    expect(links.getByRole('link', { name: 'Screen a class' })).toHaveAttribute('href', '#/screening');
  });

  it('offers a mentor no class screening, which their role may not record', async () => {
    const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
    const anaCase = await seedCaseRow(db, ana, schoolId, { status: 'closed', closedAt: '2026-03-05' });
    await seedAccount(['mentor'], { caseIds: [anaCase], studentIds: [ana] });
    await renderReady();

    const links = within(screen.getByRole('navigation', { name: 'Where to go next' }));
    expect(links.getByRole('link', { name: 'Cases' })).toBeInTheDocument();
    expect(links.queryByRole('link', { name: 'Screen a class' })).not.toBeInTheDocument();
  });

  it('shows a rise in risk without a way to open a case to a role that may not open one', async () => {
    const drita = await seedStudentRow(db, schoolId, 'Drita', 'Berisha');
    await seedScreeningRow(db, drita, 'medium', '2025-11-20', '2025-2026/1');
    await seedScreeningRow(db, drita, 'high', '2026-03-02', '2025-2026/2');
    // Records the scope no longer reaches (kept on the phone for a change still waiting to be sent):
    // shown, but with nothing offered that the server would refuse.
    await seedAccount(['principal'], { schoolIds: ['another-school'] });
    await renderReady();

    const section = screen.getByRole('region', { name: 'Risk rose at the last screening 1' });
    expect(section).toHaveTextContent('Drita Berisha');
    expect(within(section).queryByRole('link')).not.toBeInTheDocument();
    expect(section).not.toHaveTextContent('Open a case');
  });

  it('shows the first thirty cards of a long list and the rest on request', async () => {
    const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
    const anaCase = await seedCaseRow(db, ana, schoolId);
    for (let day = 1; day <= 31; day++) {
      await seedPlanActionRow(db, anaCase, { dueDate: `2026-02-${String(Math.min(day, 28)).padStart(2, '0')}` });
    }
    const user = userEvent.setup();
    await renderReady();
    expect(cardsIn('Overdue 31')).toHaveLength(30);

    await user.click(screen.getByRole('button', { name: 'Show 1 more' }));

    // The rest is read on request: the list held only its first thirty.
    await waitFor(() => expect(cardsIn('Overdue 31')).toHaveLength(31), LIVE);
    expect(screen.queryByRole('button', { name: 'Show 1 more' })).not.toBeInTheDocument();
    await waitFor(() => expect(cardsIn('Overdue 31')[30]).toHaveFocus(), LIVE);
  });

  it('says "500+" of a list too long to count, and shows all of it on request', async () => {
    const ana = await seedStudentRow(db, schoolId, 'Ana', 'Krasniqi');
    const anaCase = await seedCaseRow(db, ana, schoolId);
    await seedManyPlanActions(db, anaCase, 501, '2026-03-02');
    const user = userEvent.setup();
    await renderReady();
    expect(cardsIn('Overdue 500+')).toHaveLength(30);

    await user.click(screen.getByRole('button', { name: 'Show all' }));

    // Until the rest has arrived, the button says so and a second press asks for nothing more.
    const loading = screen.getByRole('button', { name: 'Loading the rest…' });
    expect(loading).toHaveAttribute('aria-disabled', 'true');
    expect(loading).toHaveFocus();
    await waitFor(() => expect(cardsIn('Overdue 501')).toHaveLength(501), { timeout: 20_000 });
    expect(screen.queryByRole('button', { name: 'Show all' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Loading the rest…' })).not.toBeInTheDocument();
  }, 40_000);

  it('speaks Albanian', async () => {
    await changeLanguage('sq');
    await seedWeek();
    await renderReady();

    expect(screen.getByRole('heading', { level: 1, name: 'Sot' })).toBeInTheDocument();
    expect(sectionHeadings()).toEqual([
      'Me vonesë 2',
      'Me afat sot 1',
      'Shtatë ditët e ardhshme 2',
      'Afate të protokollit që po skadojnë 1',
    ]);
    expect(cardsIn('Me vonesë 2')[0]).toHaveTextContent('Vizitë në shtëpi');
    expect(cardsIn('Me vonesë 2')[0]).toHaveTextContent('3 ditë vonesë');
  });

  it('speaks Serbian in Cyrillic', async () => {
    await changeLanguage('sr-Cyrl');
    await seedWeek();
    const drita = await seedStudentRow(db, schoolId, 'Дрита', 'Бериша');
    await seedScreeningRow(db, drita, 'medium', '2025-11-20', '2025-2026/1');
    await seedScreeningRow(db, drita, 'high', '2026-03-02', '2025-2026/2');
    await renderReady();

    expect(screen.getByRole('heading', { level: 1, name: 'Данас' })).toBeInTheDocument();
    expect(sectionHeadings()).toEqual([
      'Касни 2',
      'Рок данас 1',
      'Наредних седам дана 2',
      'Рокови протокола који ускоро истичу 1',
      'Ризик је порастао на последњој процени 1',
    ]);
    expect(cardsIn('Касни 2')[0]).toHaveTextContent('касни 3 дана');
    expect(cardsIn('Ризик је порастао на последњој процени 1')[0]).toHaveTextContent('Отвори случај');
  });
});
