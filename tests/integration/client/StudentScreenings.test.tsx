import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClassScreeningPage } from '../../../src/features/screening/ClassScreeningPage.tsx';
import { StudentScreeningsPage } from '../../../src/features/screening/StudentScreeningsPage.tsx';
import { changeLanguage } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import { KOSOVO } from '../../support/caseworkFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';
import { seedClass, seedScreening, setupScreeningI18n } from '../../support/screeningFixtures.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

let studentId: string;

beforeAll(async () => {
  await setupScreeningI18n();
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  localStorage.clear();
  const school = await seedSchool(db, { country: 'XK' });
  [studentId] = (await seedClass(db, school.id, 1)) as [string];
  await seedSchoolTeamAccount();
});

afterEach(async () => {
  await changeLanguage('en');
});

/** A low screening last spring, then a high one this autumn written by a phone whose user gave no name. */
async function seedRise(): Promise<void> {
  await seedScreening(db, studentId, { unjustifiedAbsences: 3 }, { term: '2024-2025/2', screenedOn: '2025-03-01' });
  await addScreening(db, KOSOVO, {
    id: newRecordId(),
    studentId,
    term: '2025-2026/1',
    screenedOn: '2025-11-03',
    screenedBy: 'device:teacher',
    values: { unjustifiedAbsences: 25, economicHardship: true },
    protectiveFactors: ['artsOrSport'],
  });
}

async function historyItems(listName = 'Risk screening'): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: listName });
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list);
}

describe('a student’s screening history', () => {
  it('lists the screenings newest first with the rise between them, in words', async () => {
    await seedRise();
    render(<StudentScreeningsPage studentId={studentId} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Screenings of Given01 Family01' })).toBeVisible();
    const [latest, earlier] = await historyItems();
    expect(latest).toHaveTextContent('Nov 3, 2025 · term 2025-2026/1');
    expect(within(latest!).getByText('High risk')).toBeInTheDocument();
    expect(within(latest!).getByText('5 points')).toBeInTheDocument();
    expect(within(latest!).getByText('Risk rose')).toBeInTheDocument();
    expect(within(latest!).getByText('25 unjustified absences this term — at or above 20')).toBeInTheDocument();
    expect(within(latest!).getByText('Family in economic hardship')).toBeInTheDocument();
    expect(within(latest!).getByText('Screened by Homeroom teacher')).toBeInTheDocument();
    expect(earlier).toHaveTextContent('term 2024-2025/2');
    expect(within(earlier!).getByText('Low risk')).toBeInTheDocument();
    expect(within(earlier!).getByText('First screening')).toBeInTheDocument();
    expect(within(earlier!).getByText('No indicator reached its threshold.')).toBeInTheDocument();
  });

  it('says the same in Serbian Cyrillic', async () => {
    await seedRise();
    await changeLanguage('sr-Cyrl');
    render(<StudentScreeningsPage studentId={studentId} />);

    const [latest] = await historyItems('Процена ризика');
    expect(within(latest!).getByText('Висок ризик')).toBeInTheDocument();
    expect(within(latest!).getByText('Ризик је порастао')).toBeInTheDocument();
    expect(within(latest!).getByText('5 бодова')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Процени поново' })).toBeInTheDocument();
  });

  it('leads back to the student and to a new screening of this student in their class', async () => {
    render(<StudentScreeningsPage studentId={studentId} />);
    expect(await screen.findByText('No screenings yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the student' })).toHaveAttribute(
      'href',
      `#/students/${studentId}`,
    );
    const again = screen.getByRole('link', { name: 'Screen again' });
    expect(again).toHaveAttribute('href', `#/screening/${studentId}`);

    window.location.hash = again.getAttribute('href')!;
    render(<ClassScreeningPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Given01 Family01' })).toBeVisible();
    expect(screen.getByText('Student 1 of 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Unjustified absences this term (lessons)')).toBeInTheDocument();
  });

  it('says so when the student is not on this phone', async () => {
    render(<StudentScreeningsPage studentId={newRecordId()} />);
    expect(await screen.findByText('This student is not on this phone.')).toBeInTheDocument();
  });
});
