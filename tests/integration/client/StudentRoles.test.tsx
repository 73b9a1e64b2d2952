import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { NewCasePage } from '../../../src/features/cases/NewCasePage.tsx';
import { ClassScreeningPage } from '../../../src/features/screening/ClassScreeningPage.tsx';
import { StudentScreeningsPage } from '../../../src/features/screening/StudentScreeningsPage.tsx';
import { StudentFormPage } from '../../../src/features/students/StudentFormPage.tsx';
import { StudentListPage } from '../../../src/features/students/StudentListPage.tsx';
import { loadNamespace } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';
import { transitionCase } from '../../../src/storage/caseRepository.ts';
import { KOSOVO } from '../../support/caseworkFixtures.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';
import { setupScreeningI18n } from '../../support/screeningFixtures.ts';
import { signInOnStudent } from '../../support/writeRightsFixtures.ts';

// Live queries answer after IndexedDB does; on a busy machine that can take more than the default second.
configure({ asyncUtilTimeout: 5000 });

const PHONE = '+383 44 123 456';
let school: SchoolRecord;
/** Arta Gashi, grade 4, class 4-2, with a case. */
let artaId: string;
let artaCase: string;

beforeAll(async () => {
  await setupScreeningI18n();
  await Promise.all([loadNamespace('cases'), loadNamespace('casework')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  localStorage.clear();
  window.location.hash = '#/students';
  school = await seedSchool(db, { country: 'XK' });
  artaId = await seedStudentAt(db, school, { givenName: 'Arta', familyName: 'Gashi', guardianPhone: PHONE });
  artaCase = await flagCaseOn(db, artaId);
});

const NO_EDIT = 'Your role cannot change this student. Ask the school team.';

async function renderStudent(studentId?: string) {
  const user = userEvent.setup();
  render(<StudentFormPage studentId={studentId} />);
  await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
  await screen.findByRole('heading', { level: 1 });
  return user;
}

describe('a mentor and a student of their case', () => {
  beforeEach(async () => {
    await signInOnStudent('mentor', artaId, artaCase);
  });

  it('shows the student with the guardian’s phone, but no form whose edit the server would refuse', async () => {
    await renderStudent(artaId);
    expect(screen.getByRole('heading', { level: 1, name: 'Arta Gashi' })).toBeInTheDocument();
    expect(screen.getByText(NO_EDIT)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:+38344123456');
    expect(screen.queryByLabelText("Guardian's phone")).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `#/cases/${artaCase}`);
  });

  it('is told their role registers no students, and the list offers no way to', async () => {
    await renderStudent();
    expect(screen.getByText('Your role cannot register students. Ask the school team.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();

    render(<StudentListPage />);
    await screen.findByRole('link', { name: /Arta Gashi/ });
    expect(screen.queryByRole('link', { name: 'Register a student' })).not.toBeInTheDocument();
  });

  it('may not screen: the class screening says so and the history offers no new screening', async () => {
    render(<ClassScreeningPage />);
    expect(
      await screen.findByText('Your role cannot screen students. Ask the homeroom teacher or the school team.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('School')).not.toBeInTheDocument();

    render(<StudentScreeningsPage studentId={artaId} />);
    await screen.findByRole('link', { name: 'Back to the student' });
    expect(screen.queryByRole('link', { name: 'Screen again' })).not.toBeInTheDocument();
  });
});

describe('a homeroom teacher', () => {
  beforeEach(async () => {
    await signInOnStudent('teacher', artaId);
  });

  it('edits a student of their class, without the special-category field, as a set of what changed', async () => {
    const user = await renderStudent(artaId);
    expect(screen.getByRole('heading', { level: 1, name: 'Edit student' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Community')).not.toBeInTheDocument();
    const before = await db.outbox.count();

    await user.clear(screen.getByLabelText("Guardian's phone"));
    await user.type(screen.getByLabelText("Guardian's phone"), '+383 45 999 000');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(async () => expect((await db.students.get(artaId))?.guardianPhone).toBe('+383 45 999 000'));
    const rows = await db.outbox.orderBy('seq').offset(before).toArray();
    expect(rows.map(({ mutation }) => mutation)).toMatchObject([
      { entity: 'student', op: 'set', fields: { guardianPhone: '+383 45 999 000' } },
    ]);
  });

  it('cannot move the student out of their class: the form says so and saves nothing', async () => {
    const user = await renderStudent(artaId);
    const before = await db.outbox.count();
    await user.clear(screen.getByLabelText('Class'));
    await user.type(screen.getByLabelText('Class'), '5-1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your role can keep students only in your own school or class. Check the school, grade and class.',
    );
    expect((await db.students.get(artaId))?.className).toBe('4-2');
    expect(await db.outbox.count()).toBe(before);
  });

  it('is offered only their own school when registering a student', async () => {
    await seedSchool(db, { country: 'XK', name: localizedName('SHFMU „Naim Frashëri“') });
    await renderStudent();
    expect(screen.getByRole('heading', { level: 1, name: 'Register a student' })).toBeInTheDocument();
    await screen.findByRole('option', { name: 'OŠ „Vuk Karadžić“' });
    expect(screen.queryByRole('option', { name: 'SHFMU „Naim Frashëri“' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Community')).not.toBeInTheDocument();
  });

  it('may screen the student of their class', async () => {
    render(<StudentScreeningsPage studentId={artaId} />);
    expect(await screen.findByRole('link', { name: 'Screen again' })).toHaveAttribute('href', `#/screening/${artaId}`);
  });
});

describe('a teacher who also mentors a child of another class', () => {
  let besaId: string;
  let besaCase: string;

  beforeEach(async () => {
    besaId = await seedStudentAt(db, school, { givenName: 'Besa', familyName: 'Krasniqi', grade: 5, className: '5-1' });
    besaCase = await flagCaseOn(db, besaId);
    await seedAccount(['mentor', 'teacher'], {
      classes: [{ schoolId: school.id, classKey: classKeyOf(4, '4-2') }],
      caseIds: [besaCase],
      studentIds: [besaId],
    });
  });

  it('edits the student of their class but not the mentee of the other class', async () => {
    await renderStudent(artaId);
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });

  it('is shown the mentee of the other class without a form', async () => {
    await renderStudent(besaId);
    expect(screen.getByText(NO_EDIT)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('may flag a new concern for the mentee once their case is closed', async () => {
    const closed = await transitionCase(db, besaCase, 'closed', {
      at: '2026-11-05',
      closureReason: KOSOVO.closureReasons[0]!,
      allowedClosureReasons: KOSOVO.closureReasons,
    });
    expect(closed.ok).toBe(true);
    render(<NewCasePage studentId={besaId} />);
    expect(await screen.findByRole('button', { name: 'Flag the concern' })).toBeInTheDocument();
  });
});

describe('the school team', () => {
  beforeEach(async () => {
    await signInOnStudent('schoolTeam', artaId);
  });

  it('edits every field, community included, and may register students', async () => {
    await renderStudent(artaId);
    expect(screen.getByLabelText('Community')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();

    render(<StudentListPage />);
    expect(await screen.findByRole('link', { name: 'Register a student' })).toHaveAttribute('href', '#/students/new');
  });
});
