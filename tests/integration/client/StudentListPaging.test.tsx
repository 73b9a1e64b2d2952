import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { STUDENT_PAGE_SIZE, StudentListPage } from '../../../src/features/students/StudentListPage.tsx';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const STUDENTS = STUDENT_PAGE_SIZE + 30;

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db, { country: 'XK' });
  for (let index = 0; index < STUDENTS; index += 1) {
    await seedStudentAt(db, school, { givenName: `Dita${index}`, familyName: 'Krasniqi' });
  }
});

const cards = () => within(screen.getByTestId('student-list')).getAllByRole('link');

it('draws the first hundred students of a big school, then the rest on "Show more", and searches them all', async () => {
  const user = userEvent.setup();
  render(<StudentListPage />);
  expect(await screen.findByText(`${STUDENTS} students`)).toBeInTheDocument();
  expect(cards()).toHaveLength(STUDENT_PAGE_SIZE);

  await user.click(screen.getByRole('button', { name: 'Show 30 more' }));
  expect(cards()).toHaveLength(STUDENTS);
  expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();

  // A student beyond the first hundred is found by name, whatever was shown before.
  await user.type(screen.getByLabelText('Search by name'), 'dita129');
  expect(await screen.findByText('1 student')).toBeInTheDocument();
  expect(cards().map((card) => card.textContent)).toEqual([expect.stringContaining('Dita129 Krasniqi')]);
});
