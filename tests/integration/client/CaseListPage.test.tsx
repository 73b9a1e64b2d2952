import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { CaseListPage } from '../../../src/features/cases/CaseListPage.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { bulkPutCases, seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

const today = localIsoDate(new Date());
let vuk: SchoolRecord;
let naim: SchoolRecord;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('cases')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  vuk = await seedSchool(db, { country: 'RS', name: localizedName('OŠ „Vuk Karadžić“', 'ОШ „Вук Караџић“') });
  naim = await seedSchool(db, { country: 'XK', name: localizedName('SHFMU „Naim Frashëri“') });
  await seedSchoolTeamAccount();
});

afterEach(async () => {
  await changeLanguage('en');
});

async function flag(studentId: string, at: string): Promise<string> {
  const id = newRecordId();
  await createCase(db, { id, studentId, trigger: 'absence', at });
  return id;
}

/** Ђорђе: flagged a month ago, never opened (overdue, high risk); Marko: open, assessment due soon; Arta: closed. */
async function seedThreeCases(): Promise<void> {
  const dorde = await seedStudentAt(db, vuk, { givenName: 'Ђорђе', familyName: 'Јовановић' });
  const marko = await seedStudentAt(db, vuk, { givenName: 'Marko', familyName: 'Jovanović' });
  const arta = await seedStudentAt(db, naim, { givenName: 'Arta', familyName: 'Gashi' });
  await flag(dorde, addCalendarDays(today, -30));
  await addScreening(db, getProfile('RS'), {
    id: newRecordId(),
    studentId: dorde,
    term: '2026-2027/1',
    screenedOn: addCalendarDays(today, -31),
    screenedBy: USER_ID,
    values: RISKY_VALUES,
    protectiveFactors: [],
  });
  const markoCase = await flag(marko, addCalendarDays(today, -11));
  // Opened ten days ago: the assessment (14 days) falls due in the next seven days.
  await transitionCase(db, markoCase, 'open', { at: addCalendarDays(today, -10), caseManagerId: USER_ID });
  const artaCase = await flag(arta, addCalendarDays(today, -3));
  await transitionCase(db, artaCase, 'closed', { at: today, closureReason: 'flagNotConfirmed' });
}

const rows = () => screen.queryAllByTestId('case-row');
const names = () => rows().map((row) => row.querySelector('.card-title')?.textContent);

async function renderList() {
  const user = userEvent.setup();
  render(<CaseListPage />);
  await waitFor(() => expect(screen.getByTestId('case-list')).toHaveAttribute('aria-busy', 'false'));
  return user;
}

describe('CaseListPage', () => {
  it('shows each case as a card with status, risk in words, school and what is due', async () => {
    const mark = vi.spyOn(performance, 'mark');
    await seedThreeCases();
    await renderList();

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText('3 cases')).toBeInTheDocument();
    // Sorted by due date: the overdue flag first, the closed case (nothing due) last.
    expect(names()).toEqual(['Ђорђе Јовановић', 'Marko Jovanović', 'Arta Gashi']);
    const [dorde, marko, arta] = rows();
    expect(dorde).toHaveAttribute('href', expect.stringMatching(/^#\/cases\/[0-9a-f-]{36}$/));
    expect(within(dorde!).getByText('Flagged')).toBeInTheDocument();
    expect(within(dorde!).getByText(/risk$/)).toBeInTheDocument();
    expect(within(dorde!).getByText(/^Overdue since /)).toBeInTheDocument();
    expect(within(dorde!).getByText('OŠ „Vuk Karadžić“')).toBeInTheDocument();
    expect(within(marko!).getByText('Open')).toBeInTheDocument();
    expect(within(marko!).getByText('Not screened')).toBeInTheDocument();
    expect(within(marko!).getByText(/^Due /)).toBeInTheDocument();
    expect(within(arta!).getByText('Closed')).toBeInTheDocument();
    expect(within(arta!).getByText('Nothing due')).toBeInTheDocument();
    expect(mark.mock.calls.filter(([name]) => name === 'case-list:ready')).toHaveLength(1);
  });

  it('finds names across scripts and without diacritics', async () => {
    await seedThreeCases();
    const user = await renderList();
    const search = screen.getByRole('searchbox', { name: 'Search by name' });

    await user.type(search, 'dorde');
    await waitFor(() => expect(names()).toEqual(['Ђорђе Јовановић']));
    expect(screen.getByText('1 case')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'jovanovic');
    await waitFor(() => expect(names()).toEqual(['Ђорђе Јовановић', 'Marko Jovanović']));

    await user.clear(search);
    await user.type(search, 'Марко');
    await waitFor(() => expect(names()).toEqual(['Marko Jovanović']));
  });

  it('filters by status, risk level, school and due date, and clears them all', async () => {
    await seedThreeCases();
    const user = await renderList();

    await user.selectOptions(screen.getByLabelText('Status'), 'open');
    await waitFor(() => expect(names()).toEqual(['Marko Jovanović']));
    await user.selectOptions(screen.getByLabelText('Status'), '');

    await user.selectOptions(screen.getByLabelText('Risk level'), 'none');
    await waitFor(() => expect(names()).toEqual(['Marko Jovanović', 'Arta Gashi']));
    await user.selectOptions(screen.getByLabelText('Risk level'), '');

    await user.selectOptions(screen.getByLabelText('School'), naim.id);
    await waitFor(() => expect(names()).toEqual(['Arta Gashi']));
    await user.selectOptions(screen.getByLabelText('School'), '');

    await user.selectOptions(screen.getByLabelText('Due'), 'overdue');
    await waitFor(() => expect(names()).toEqual(['Ђорђе Јовановић']));
    await user.selectOptions(screen.getByLabelText('Due'), 'thisWeek');
    await waitFor(() => expect(names()).toEqual(['Marko Jovanović']));

    await user.type(screen.getByRole('searchbox'), 'gashi');
    expect(await screen.findByText('No case matches the search and filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('sorts by family name, recent flag and risk', async () => {
    await seedThreeCases();
    const user = await renderList();
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await waitFor(() => expect(names()).toEqual(['Arta Gashi', 'Ђорђе Јовановић', 'Marko Jovanović']));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'recent');
    await waitFor(() => expect(names()).toEqual(['Arta Gashi', 'Marko Jovanović', 'Ђорђе Јовановић']));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'risk');
    await waitFor(() => expect(names()[0]).toBe('Ђорђе Јовановић'));
  });

  it('draws long lists twenty-five cards at a time', async () => {
    const student = await seedStudentAt(db, vuk);
    await bulkPutCases(db, 60, { id: student, schoolId: vuk.id });
    const user = await renderList();

    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByText(/60 cases · Showing 25 of 60/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(50));
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(60));
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('explains where cases come from when the phone has none', async () => {
    await renderList();
    expect(screen.getByRole('heading', { name: 'No cases on this phone yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to students' })).toHaveAttribute('href', '#/students');
    expect(screen.getByRole('link', { name: 'Go to class screening' })).toHaveAttribute('href', '#/screening');
    expect(rows()).toHaveLength(0);
  });

  it('speaks Serbian in Cyrillic, plural forms included', async () => {
    await seedThreeCases();
    await changeLanguage('sr-Cyrl');
    await renderList();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Случајеви' })).toBeInTheDocument();
    expect(screen.getByText('3 случаја')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Претрага по имену' })).toBeInTheDocument();
    expect(within(rows()[0]!).getByText('Пријављен')).toBeInTheDocument();
    expect(within(rows()[1]!).getByText('Без процене ризика')).toBeInTheDocument();
    expect(within(rows()[0]!).getByText('ОШ „Вук Караџић“')).toBeInTheDocument();
  });
});
