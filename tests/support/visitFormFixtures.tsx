import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VisitFormPage } from '../../src/features/visits/VisitFormPage.tsx';
import { db } from '../../src/storage/database.ts';
import { createStudent } from '../../src/storage/studentRepository.ts';
import { flagCaseOn } from './caseworkDevice.ts';
import { makeStudentFields, seedSchool } from './clientFixtures.ts';

/** Empties the app's database and puts one student with one flagged case on it. */
export async function seedVisitCase(): Promise<{ caseId: string; studentId: string }> {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db, {
    country: 'XK',
    name: {
      sq: 'SHFMU „Naim Frashëri“',
      'sr-Latn': 'OŠ „Naim Frašeri“',
      'sr-Cyrl': 'ОШ „Наим Фрашери“',
      en: 'Naim Frashëri School',
    },
  });
  const studentId = await createStudent(
    db,
    makeStudentFields({ givenName: 'Ana', familyName: 'Krasniqi', schoolId: school.id, className: '4-2' }),
  );
  return { caseId: await flagCaseOn(db, studentId), studentId };
}

/** Renders the visit form and waits until the case has been read and the form is there. */
export async function renderVisitForm(caseId: string, correctionOf?: string) {
  const user = userEvent.setup();
  const view = render(<VisitFormPage caseId={caseId} correctionOf={correctionOf} />);
  await screen.findByText('Ana Krasniqi');
  return { user, ...view };
}

/** The home-visit mutations waiting in the outbox. */
export async function visitOutboxRows() {
  return (await db.outbox.toArray()).filter((row) => row.mutation.entity === 'homeVisit');
}
