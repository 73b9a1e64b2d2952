import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SCOPE, type AccessScope } from '../../../src/domain/accessScope.ts';
import { draftFromStudent } from '../../../src/domain/student.ts';
import { StudentForm } from '../../../src/features/students/StudentForm.tsx';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { birthDateYearsAgo, makeStudentFields, seedSchool } from '../../support/clientFixtures.ts';

let school: SchoolRecord;

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  school = await seedSchool(db, {
    name: {
      sq: 'SHFMU „Naim Frashëri“',
      'sr-Latn': 'OŠ „Naim Frašeri“',
      'sr-Cyrl': 'ОШ „Наим Фрашери“',
      en: 'Naim Frashëri School',
    },
  });
  window.location.hash = '#/students/new';
});

/** The school team of the seeded school: the form offers it every field. */
const schoolTeam = (): AccessScope => ({ ...EMPTY_SCOPE, roles: ['schoolTeam'], schoolIds: [school.id] });

async function renderForm() {
  const user = userEvent.setup();
  render(<StudentForm scope={schoolTeam()} />);
  // The school list comes from a live query: wait until it has arrived.
  await screen.findByRole('option', { name: 'Naim Frashëri School' });
  return user;
}

const field = (name: string) => screen.getByLabelText(name);
const saveButton = () => screen.getByRole('button', { name: 'Save' });

async function fillValidForm(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(field('Given name'), 'Ana');
  await user.type(field('Family name'), 'Krasniqi');
  await user.click(screen.getByRole('radio', { name: 'Female' }));
  fireEvent.change(field('Date of birth'), { target: { value: birthDateYearsAgo(9) } });
  await user.selectOptions(field('School'), school.id);
  await user.type(field('Grade'), '3');
  await user.type(field("Guardian's phone"), '+383 44 123 456');
}

describe('StudentForm', () => {
  it('names every missing field in English, marks the inputs and saves nothing', async () => {
    const user = await renderForm();
    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 6 fields.');
    for (const message of [
      'Given name is required.',
      'Family name is required.',
      'Sex is required.',
      'Date of birth is required.',
      'School is required.',
      'Grade is required.',
    ])
      expect(screen.getByText(message)).toBeInTheDocument();
    for (const label of ['Given name', 'Family name', 'Date of birth', 'School', 'Grade'])
      expect(field(label)).toHaveAttribute('aria-invalid', 'true');
    expect(field('Class')).not.toHaveAttribute('aria-invalid');
    expect(field('Given name')).toHaveAccessibleDescription('Given name is required.');

    expect(await db.students.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps what was typed after a failed save and clears a field’s error once it is edited', async () => {
    const user = await renderForm();
    await user.type(field('Given name'), 'Ђорђе');
    await user.type(field('Grade'), '14');
    await user.click(saveButton());

    expect(await screen.findByText('Grade must be a whole number from 0 to 13.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct 5 fields.');
    expect(field('Given name')).toHaveValue('Ђорђе');
    expect(field('Given name')).not.toHaveAttribute('aria-invalid');
    expect(field('Grade')).toHaveValue('14');

    await user.type(field('Family name'), 'P');
    expect(field('Family name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Family name is required.')).not.toBeInTheDocument();
    expect(await db.students.count()).toBe(0);
  });

  it('saves one student and one outbox row once the fields are fixed', async () => {
    const user = await renderForm();
    await user.click(saveButton());
    await screen.findByRole('alert');

    await fillValidForm(user);
    await user.click(saveButton());

    await waitFor(() => expect(window.location.hash).toBe('#/students'));
    const students = await db.students.toArray();
    expect(students).toHaveLength(1);
    expect(students[0]).toMatchObject({
      givenName: 'Ana',
      familyName: 'Krasniqi',
      sex: 'female',
      dateOfBirth: birthDateYearsAgo(9),
      schoolId: school.id,
      grade: 3,
      guardianPhone: '+383 44 123 456',
      community: '',
      rural: false,
    });
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mutation).toMatchObject({ op: 'create', entityId: students[0]?.id });
  });

  it('stores one student when Save is double-clicked', async () => {
    const user = await renderForm();
    await fillValidForm(user);

    await user.dblClick(saveButton());

    await waitFor(() => expect(window.location.hash).toBe('#/students'));
    await waitFor(() => expect(saveButton()).toBeEnabled());
    expect(await db.students.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('stores one student when two submits arrive before the form re-renders', async () => {
    const user = await renderForm();
    await fillValidForm(user);
    const form = saveButton().closest('form');
    if (!form) throw new Error('no form');

    fireEvent.submit(form);
    fireEvent.submit(form);

    await waitFor(() => expect(window.location.hash).toBe('#/students'));
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Save' })).toBeEnabled());
    expect(await db.students.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('saves an edit of a stored student as a set of the changed field, with the stamp it replaced', async () => {
    const id = await createStudent(db, {
      ...makeStudentFields({ schoolId: school.id }),
      guardianPhone: '+383 44 123 456',
    });
    const stored = await db.students.get(id);
    if (stored === undefined) throw new Error('student not stored');
    const user = userEvent.setup();
    render(<StudentForm studentId={id} initial={draftFromStudent(stored)} scope={schoolTeam()} stored={stored} />);
    await screen.findByRole('option', { name: 'Naim Frashëri School' });

    await user.clear(field("Guardian's phone"));
    await user.type(field("Guardian's phone"), '+383 45 999 000');
    await user.click(saveButton());

    await waitFor(async () => expect((await db.students.get(id))?.guardianPhone).toBe('+383 45 999 000'));
    expect(screen.queryByRole('alert')).toBeNull();
    const [, edit] = (await db.outbox.orderBy('seq').toArray()).map((row) => row.mutation);
    expect(edit).toMatchObject({
      entity: 'student',
      op: 'set',
      fields: { guardianPhone: '+383 45 999 000' },
      base: { guardianPhone: stored.hlcs.guardianPhone },
    });
  });
});
