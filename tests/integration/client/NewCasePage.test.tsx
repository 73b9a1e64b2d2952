import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { NewCasePage } from '../../../src/features/cases/NewCasePage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { USER_ID } from '../../support/caseworkFixtures.ts';
import { outboxAfterStudent } from '../../support/caseworkDevice.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

const today = localIsoDate(new Date());
let studentId: string;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('cases')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db, { country: 'XK', name: localizedName('SHFMU „Naim Frashëri“') });
  studentId = await seedStudentAt(db, school, { givenName: 'Arta', familyName: 'Gashi' });
  await seedSchoolTeamAccount();
  window.location.hash = `#/cases/new/${studentId}`;
});

async function renderPage() {
  const user = userEvent.setup();
  render(<NewCasePage studentId={studentId} />);
  await screen.findByRole('heading', { name: 'Flag a concern' });
  return user;
}

const saveButton = () => screen.getByRole('button', { name: 'Flag the concern' });
const dateField = () => screen.getByLabelText('Date the concern was raised');

describe('NewCasePage', () => {
  it("shows the student's name and school, with today as the date", async () => {
    await renderPage();
    expect(await screen.findByText('Arta Gashi')).toBeInTheDocument();
    expect(screen.getByText('SHFMU „Naim Frashëri“')).toBeInTheDocument();
    expect(dateField()).toHaveValue(today);
  });

  it('names what is missing, keeps the date typed and saves nothing', async () => {
    const user = await renderPage();
    const earlier = addCalendarDays(today, -2);
    fireEvent.change(dateField(), { target: { value: earlier } });
    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    expect(screen.getByRole('group', { name: 'What raised the concern' })).toHaveAccessibleDescription(
      'Choose what raised the concern.',
    );
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Risk screening' })).toHaveFocus());
    expect(dateField()).toHaveValue(earlier);
    expect(await db.cases.count()).toBe(0);
    expect(await outboxAfterStudent(db)).toEqual([]);
  });

  it('refuses a date in the future', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('radio', { name: 'Absence data' }));
    fireEvent.change(dateField(), { target: { value: addCalendarDays(today, 1) } });
    await user.click(saveButton());
    expect(await screen.findByText('The date cannot be in the future.')).toBeInTheDocument();
    expect(dateField()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('radio', { name: 'Absence data' })).toBeChecked();
    expect(await db.cases.count()).toBe(0);
  });

  it('flags one case, with one outbox row, when save is tapped twice, then opens it', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('radio', { name: "Teacher's alert on a sudden change" }));
    await user.dblClick(saveButton());

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/cases\/[0-9a-f-]{36}$/));
    const cases = await db.cases.toArray();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ studentId, trigger: 'suddenChange', status: 'flagged', flaggedAt: today });
    expect(window.location.hash).toBe(`#/cases/${cases[0]!.id}`);
    const mutations = await outboxAfterStudent(db);
    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toMatchObject({ entity: 'case', op: 'create', entityId: cases[0]!.id });
  });

  it('offers the open case instead of a second one', async () => {
    const existing = newRecordId();
    await createCase(db, { id: existing, studentId, trigger: 'absence', at: '2026-11-02' });
    await transitionCase(db, existing, 'open', { at: '2026-11-03', caseManagerId: USER_ID });
    await renderPage();

    expect(
      await screen.findByText(
        'Arta Gashi already has a case that is not closed (Open). Add to that case instead of opening another.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the open case' })).toHaveAttribute('href', `#/cases/${existing}`);
    expect(screen.queryByRole('button', { name: 'Flag the concern' })).not.toBeInTheDocument();
  });

  it('lets a new concern be flagged after the last case was closed, pointing at the old one', async () => {
    const closed = newRecordId();
    await createCase(db, { id: closed, studentId, trigger: 'absence', at: '2026-11-02' });
    await transitionCase(db, closed, 'closed', { at: '2026-11-03', closureReason: 'flagNotConfirmed' });
    await renderPage();
    expect(await screen.findByRole('link', { name: 'See the closed case' })).toHaveAttribute(
      'href',
      `#/cases/${closed}`,
    );
    expect(saveButton()).toBeEnabled();
  });

  it('says so when the student is not on the phone', async () => {
    render(<NewCasePage studentId={newRecordId()} />);
    expect(await screen.findByText('This student is not on this phone.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to students' })).toHaveAttribute('href', '#/students');
  });
});
