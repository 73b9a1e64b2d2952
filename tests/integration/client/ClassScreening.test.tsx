import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClassScreeningPage } from '../../../src/features/screening/ClassScreeningPage.tsx';
import { changeLanguage } from '../../../src/i18n/setupI18n.ts';
import { useWorkerStore } from '../../../src/state/workerStore.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { localizedName, makeStudentFields, seedSchool } from '../../support/clientFixtures.ts';
import { CURRENT_TERM, seedClass, seedScreening, setupScreeningI18n } from '../../support/screeningFixtures.ts';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';

const ABSENCES = 'Unjustified absences this term (lessons)';
let school: SchoolRecord;

beforeAll(async () => {
  await setupScreeningI18n();
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  localStorage.clear();
  window.location.hash = '#/screening';
  useWorkerStore.setState({ name: 'Teuta Krasniqi', role: 'teacher' });
  school = await seedSchool(db, { country: 'XK', name: localizedName('SHFMU Dëshmorët', 'ОШ Дешмор') });
  // The homeroom teacher of the class seedClass fills (grade 4, class 4-2).
  await seedAccount(['teacher'], { classes: [{ schoolId: school.id, classKey: classKeyOf(4, '4-2') }] });
});

afterEach(async () => {
  await changeLanguage('en');
});

/** Chooses the school, grade and class in the chooser (class 4-2 is chosen with grade 4, the only one) and opens it. */
async function openClass(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await screen.findByRole('option', { name: 'SHFMU Dëshmorët' });
  await user.selectOptions(screen.getByLabelText('School'), school.id);
  await user.selectOptions(screen.getByLabelText('Grade'), await screen.findByRole('option', { name: 'Grade 4' }));
  expect(screen.getByLabelText('Class')).toHaveValue('4-2');
  await user.click(screen.getByRole('button', { name: 'Open the class' }));
}

async function startClass() {
  const user = userEvent.setup();
  const { unmount } = render(<ClassScreeningPage />);
  await openClass(user);
  await user.click(await screen.findByRole('button', { name: /^(Start|Continue)$/ }));
  return Object.assign(user, { unmount });
}

const result = () => within(screen.getByTestId('screening-result'));
const saveNext = () => screen.getByRole('button', { name: 'Save and next' });
const screeningMutations = async () => (await db.outbox.toArray()).filter((row) => row.mutation.entity === 'screening');

describe('choosing the class', () => {
  it('offers a teacher only their own school and class', async () => {
    await seedClass(db, school.id, 1);
    await createStudent(db, makeStudentFields({ schoolId: school.id, grade: 5, className: '5-1' }));
    await seedSchool(db, { country: 'XK', name: localizedName('SHFMU Tjetër') });
    const user = userEvent.setup();
    render(<ClassScreeningPage />);
    await screen.findByRole('option', { name: 'SHFMU Dëshmorët' });
    expect(screen.queryByRole('option', { name: 'SHFMU Tjetër' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('School'), school.id);
    expect(await screen.findByRole('option', { name: 'Grade 4' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Grade 5' })).not.toBeInTheDocument();
  });

  it("says so when a student's link leads to a class the teacher may not screen, and offers their own", async () => {
    await seedClass(db, school.id, 1);
    const other = await createStudent(db, makeStudentFields({ schoolId: school.id, grade: 5, className: '5-1' }));
    window.location.hash = `#/screening/${other}`;
    render(<ClassScreeningPage />);
    expect(
      await screen.findByText('Your role cannot screen this class. Choose one of your own classes.'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Open the class' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and next' })).not.toBeInTheDocument();
  });

  it('refuses a badly written term next to the field and remembers the class for the next visit', async () => {
    await seedClass(db, school.id, 2);
    const user = userEvent.setup();
    const { unmount } = render(<ClassScreeningPage />);
    await screen.findByRole('option', { name: 'SHFMU Dëshmorët' });
    await user.selectOptions(screen.getByLabelText('School'), school.id);
    await user.selectOptions(screen.getByLabelText('Grade'), await screen.findByRole('option', { name: 'Grade 4' }));
    expect(screen.getByLabelText('Term')).toHaveValue(CURRENT_TERM);
    await user.clear(screen.getByLabelText('Term'));
    await user.type(screen.getByLabelText('Term'), '2025/26');
    await user.click(screen.getByRole('button', { name: 'Open the class' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    expect(screen.getByLabelText('Term')).toHaveAccessibleDescription(/Write the term as 2025-2026\/1\./);
    expect(screen.getByLabelText('Term')).toHaveFocus();
    expect(screen.getByLabelText('School')).toHaveValue(school.id);

    await user.clear(screen.getByLabelText('Term'));
    await user.type(screen.getByLabelText('Term'), CURRENT_TERM);
    await user.click(screen.getByRole('button', { name: 'Open the class' }));
    expect(await screen.findByText('0 of 2 students screened')).toBeInTheDocument();
    unmount();

    render(<ClassScreeningPage />);
    await screen.findByRole('option', { name: 'Grade 4' });
    expect(screen.getByLabelText('School')).toHaveValue(school.id);
    expect(screen.getByLabelText('Class')).toHaveValue('4-2');
    await user.click(screen.getByRole('button', { name: 'Open the class' }));
    expect(await screen.findByRole('button', { name: 'Start' })).toBeInTheDocument();
  });
});

describe('one student’s sheet', () => {
  it('updates the level, score and reasons in words as the values are typed', async () => {
    await seedClass(db, school.id, 1);
    const user = await startClass();
    expect(await screen.findByRole('heading', { level: 1, name: 'Given01 Family01' })).toBeInTheDocument();
    const absences = screen.getByLabelText(ABSENCES);
    expect(absences).toHaveAttribute('inputmode', 'numeric');

    await user.type(absences, '9');
    expect(result().getByText('Low risk')).toBeInTheDocument();
    expect(result().getByText('No indicator reached its threshold.')).toBeInTheDocument();
    expect(result().getByText('First screening')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: `One more: ${ABSENCES}` }));
    expect(absences).toHaveValue('10');
    expect(result().getByText('Medium risk')).toBeInTheDocument();
    expect(result().getByText('2 points')).toBeInTheDocument();
    expect(result().getByText('10 unjustified absences this term — at or above 10')).toBeInTheDocument();

    await user.clear(absences);
    await user.type(absences, '20');
    expect(result().getByText('20 unjustified absences this term — at or above 20')).toBeInTheDocument();
    expect(result().getByText('4 points')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Has dropped out before' }));
    expect(result().getByText('Very high risk')).toBeInTheDocument();
    expect(result().getByText('8 points')).toBeInTheDocument();
    expect(result().getByText('Has dropped out before')).toBeInTheDocument();
  });

  it('shows a bad count’s error next to that indicator, keeps every value and saves nothing', async () => {
    await seedClass(db, school.id, 1);
    const user = await startClass();
    await user.type(await screen.findByLabelText(ABSENCES), '-3');
    await user.type(screen.getByLabelText('Failing subjects this term'), 'abc');
    await user.type(screen.getByLabelText('Behaviour incidents this term (misconduct, aggression)'), '2');
    await user.click(saveNext());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 2 indicators.');
    expect(screen.getByLabelText(ABSENCES)).toHaveAccessibleDescription('The number cannot be negative.');
    expect(screen.getByLabelText(ABSENCES)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Failing subjects this term')).toHaveAccessibleDescription('Enter a number.');
    expect(screen.getByLabelText(ABSENCES)).toHaveFocus();
    expect(screen.getByLabelText(ABSENCES)).toHaveValue('-3');
    expect(screen.getByLabelText('Failing subjects this term')).toHaveValue('abc');
    expect(screen.getByLabelText('Behaviour incidents this term (misconduct, aggression)')).toHaveValue('2');
    expect(result().getByText('2 behaviour incidents this term — at or above 2')).toBeInTheDocument();
    expect(await db.screenings.count()).toBe(0);
    expect(await screeningMutations()).toHaveLength(0);
  });

  it('refuses to save a blank sheet', async () => {
    await seedClass(db, school.id, 2);
    const user = await startClass();
    await screen.findByRole('heading', { level: 1, name: 'Given01 Family01' });
    await user.click(saveNext());
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing is filled in yet');
    expect(await db.screenings.count()).toBe(0);
  });

  it('saves one screening and its outbox row, then moves to the next student', async () => {
    const [first] = await seedClass(db, school.id, 2);
    const user = await startClass();
    await user.type(await screen.findByLabelText(ABSENCES), '14');
    await user.click(screen.getByRole('checkbox', { name: 'Family in economic hardship' }));
    await user.click(saveNext());

    expect(await screen.findByRole('heading', { level: 1, name: 'Given02 Family02' })).toBeInTheDocument();
    expect(screen.getByLabelText(ABSENCES)).toHaveValue('');
    const saved = await db.screenings.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      studentId: first,
      term: CURRENT_TERM,
      screenedBy: 'Teuta Krasniqi',
      profileId: 'XK',
      level: 'medium',
      score: 3,
      values: { unjustifiedAbsences: 14, economicHardship: true, earlyWork: false },
    });
    const mutations = await screeningMutations();
    expect(mutations).toHaveLength(1);
    expect(mutations[0]?.mutation).toMatchObject({ op: 'create', entityId: saved[0]?.id });
    expect(await db.drafts.count()).toBe(0);
  });

  it('saves once on a double tap', async () => {
    await seedClass(db, school.id, 2);
    const user = await startClass();
    await user.type(await screen.findByLabelText(ABSENCES), '3');
    await user.dblClick(saveNext());

    await screen.findByRole('heading', { level: 1, name: 'Given02 Family02' });
    expect(await db.screenings.count()).toBe(1);
    expect(await screeningMutations()).toHaveLength(1);
  });

  it('brings back a half-entered sheet, with its record id, after leaving the screen', async () => {
    const [first] = await seedClass(db, school.id, 1);
    const user = await startClass();
    await user.type(await screen.findByLabelText(ABSENCES), '14');
    await user.click(screen.getByRole('checkbox', { name: 'Works to earn money' }));
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    const draft = (await db.drafts.get(`screening:${first}:${CURRENT_TERM}`))?.value as { id: string };
    user.unmount();

    render(<ClassScreeningPage />);
    await user.click(await screen.findByRole('button', { name: 'Open the class' }));
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    expect(await screen.findByLabelText(ABSENCES)).toHaveValue('14');
    expect(screen.getByRole('checkbox', { name: 'Works to earn money' })).toBeChecked();
    expect(result().getByText('Medium risk')).toBeInTheDocument();

    await user.click(saveNext());
    expect(await screen.findByRole('heading', { level: 1, name: 'Class summary' })).toBeInTheDocument();
    expect((await db.screenings.toArray()).map((row) => row.id)).toEqual([draft.id]);
  });

  it('shows a student already screened this term, and records a re-screening as a new record', async () => {
    const [first] = await seedClass(db, school.id, 1);
    await seedScreening(db, first!, { unjustifiedAbsences: 12 });
    const user = userEvent.setup();
    render(<ClassScreeningPage />);
    await openClass(user);
    expect(await screen.findByText('1 of 1 students screened')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Given01 Family01/ }));

    expect(await screen.findByText(/Already screened this term/)).toBeInTheDocument();
    expect(screen.getByText('12 unjustified absences this term — at or above 10')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record a new screening' }));
    await user.type(screen.getByLabelText(ABSENCES), '25');
    expect(result().getByText('No change')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Has dropped out before' }));
    expect(result().getByText('Risk rose')).toBeInTheDocument();
    await user.click(saveNext());

    await screen.findByRole('heading', { level: 1, name: 'Class summary' });
    expect((await db.screenings.toArray()).map((row) => row.level).sort()).toEqual(['medium', 'veryHigh']);
  });
});

describe('the class', () => {
  it('counts progress with the right plural forms in English and Serbian Cyrillic', async () => {
    const ids = await seedClass(db, school.id, 6);
    await seedScreening(db, ids[0]!, { unjustifiedAbsences: 0 });
    const user = userEvent.setup();
    render(<ClassScreeningPage />);
    await openClass(user);
    expect(await screen.findByText('1 of 6 students screened')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
    await seedScreening(db, ids[1]!, { unjustifiedAbsences: 0 });
    expect(await screen.findByText('2 of 6 students screened')).toBeInTheDocument();

    await changeLanguage('sr-Cyrl');
    expect(await screen.findByText('Процењена су 2 од 6 ученика')).toBeInTheDocument();
    await seedScreening(db, ids[2]!, { unjustifiedAbsences: 0 });
    await seedScreening(db, ids[3]!, { unjustifiedAbsences: 0 });
    await seedScreening(db, ids[4]!, { unjustifiedAbsences: 0 });
    expect(await screen.findByText('Процењено је 5 од 6 ученика')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Настави' })).toBeInTheDocument();
  });

  it('steps through a class of 25 with Save and next and ends on the summary', async () => {
    await seedClass(db, school.id, 25);
    await startClass();
    // Text queries, not role queries: these run 25 times, and role queries walk the whole accessibility tree.
    for (let index = 1; index <= 25; index += 1) {
      const number = String(index).padStart(2, '0');
      // A generous wait: the test machine is shared, and each save is a real IndexedDB transaction.
      await screen.findByText(`Student ${index} of 25`, {}, { timeout: 5000 });
      expect(screen.getByText(`Given${number} Family${number}`, { selector: 'h1' })).toBeInTheDocument();
      fireEvent.change(screen.getByLabelText(ABSENCES), { target: { value: String(index % 3) } });
      fireEvent.click(screen.getByText('Save and next'));
    }
    expect(await screen.findByText('Class summary', { selector: 'h1' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await db.screenings.count()).toBe(25);
    expect(await screeningMutations()).toHaveLength(25);
  }, 60_000);

  it('sums up the class: counts per level, whose risk rose, and a case link for each student at high risk', async () => {
    const [first, second] = await seedClass(db, school.id, 2);
    await seedScreening(db, first!, { unjustifiedAbsences: 0 }, { term: '2024-2025/2', screenedOn: '2025-03-01' });
    const caseId = newRecordId();
    await createCase(db, { id: caseId, studentId: first!, trigger: 'absence', at: '2025-03-02' });
    const user = await startClass();

    await user.type(await screen.findByLabelText(ABSENCES), '20');
    await user.click(screen.getByRole('checkbox', { name: 'Has dropped out before' }));
    await user.click(saveNext());
    await screen.findByRole('heading', { level: 1, name: 'Given02 Family02' });
    await user.type(screen.getByLabelText(ABSENCES), '25');
    await user.click(screen.getByRole('checkbox', { name: 'Family in economic hardship' }));
    await user.click(saveNext());

    expect(await screen.findByRole('heading', { level: 1, name: 'Class summary' })).toBeInTheDocument();
    const countOf = (level: string) => screen.getByText(level, { selector: 'dt' }).nextElementSibling;
    // The summary follows the live roster, which catches up with the last save a moment later.
    await waitFor(() => expect(countOf('High risk')).toHaveTextContent('1'));
    expect(countOf('Low risk')).toHaveTextContent('0');
    expect(countOf('Medium risk')).toHaveTextContent('0');
    expect(countOf('Very high risk')).toHaveTextContent('1');
    const rose = screen.getByRole('heading', { name: 'Risk rose since the last screening' }).nextElementSibling;
    expect(rose).toHaveTextContent('Given01 Family01');
    expect(rose).not.toHaveTextContent('Given02 Family02');
    expect(screen.getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `#/cases/${caseId}`);
    expect(screen.getByRole('link', { name: 'Open a case' })).toHaveAttribute('href', `#/cases/new/${second}`);
  });
});
