import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import { MAX_ROSTER_ROWS } from '../../../src/domain/roster/rosterFile.ts';
import { RosterImportPage } from '../../../src/features/roster/RosterImportPage.tsx';
import { StudentListPage } from '../../../src/features/students/StudentListPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { setWorkerFromAccount } from '../../../src/state/workerStore.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';
import { localizedName, makeStudentFields, seedSchool } from '../../support/clientFixtures.ts';

// Live queries answer after IndexedDB does; on a busy machine that can take more than the default second.
configure({ asyncUtilTimeout: 5000 });

const YEAR = new Date().getUTCFullYear() - 12;
const HEADER = 'Emri;Mbiemri;Gjinia;Datëlindja;Klasa;Paralelja';
let school: SchoolRecord;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('students'), loadNamespace('roster')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  window.location.hash = '#/students/import';
  school = await seedSchool(db, { country: 'XK' });
});

async function signIn(...args: Parameters<typeof seedAccount>): Promise<void> {
  setWorkerFromAccount(await seedAccount(...args));
}

const csvFile = (lines: string[], name = 'klasa-7-2.csv') => new File([lines.join('\r\n')], name, { type: 'text/csv' });

async function renderPage() {
  const user = userEvent.setup();
  render(<RosterImportPage />);
  await screen.findByRole('heading', { level: 1, name: 'Import a class list' });
  return user;
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: File): Promise<void> {
  await user.upload(screen.getByLabelText('Class list (CSV file)'), file);
}

async function studentNames(): Promise<string[]> {
  return (await db.students.toArray()).map((student) => `${student.givenName} ${student.familyName}`).sort();
}

describe('the school team imports a class list', () => {
  beforeEach(async () => {
    await signIn(['schoolTeam'], { schoolIds: [school.id] });
    await createStudent(
      db,
      makeStudentFields({
        givenName: 'Ана',
        familyName: 'Ђорђевић',
        dateOfBirth: `${YEAR}-04-02`,
        schoolId: school.id,
      }),
    );
  });

  it('maps the columns, previews, asks before leaving out rows with errors, and imports in one go', async () => {
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    await chooseFile(
      user,
      csvFile([
        HEADER,
        `Arbër;Krasniqi;M;05.03.${YEAR};7;7/2`,
        `Јована;Петровић;Ж;12.11.${YEAR};7;7/2`,
        `Besa;Gashi;F;31.02.${YEAR};7;7/2`,
        `Ana;Djordjevic;F;02.04.${YEAR};7;7/2`,
        `Drita;Berisha;F;1.9.${YEAR};VII;7/2`,
      ]),
    );

    await screen.findByRole('heading', { name: 'Which column holds what' });
    expect(screen.getByLabelText('Date of birth (required)')).toHaveDisplayValue('Column 4: Datëlindja');
    expect(screen.getByLabelText('Class')).toHaveDisplayValue('Column 6: Paralelja');
    expect(screen.getByLabelText("Guardian's phone")).toHaveDisplayValue('Not in the file');
    expect(screen.getByText('Importing into OŠ „Vuk Karadžić“')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));

    await screen.findByRole('heading', { name: 'Check before importing' });
    const counts = within(screen.getByTestId('roster-counts'));
    expect(counts.getByText('3 students to import')).toBeInTheDocument();
    expect(counts.getByText('1 row with errors')).toBeInTheDocument();
    expect(counts.getByText('1 already registered')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('roster-first-rows'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `Arbër KrasniqiMale · born Mar 5, ${YEAR} · grade 7, class 7/2`,
      `Јована ПетровићFemale · born Nov 12, ${YEAR} · grade 7, class 7/2`,
      `Drita BerishaFemale · born Sep 1, ${YEAR} · grade 7, class 7/2`,
    ]);
    expect(screen.getByTestId('roster-problems')).toHaveTextContent('Row 4: Date of birth is not a real date.');
    expect(screen.getByTestId('roster-duplicates')).toHaveTextContent(
      `Row 5: Ana Djordjevic, born Apr 2, ${YEAR}, is already registered.`,
    );

    const outboxBefore = await db.outbox.count();
    await user.click(screen.getByRole('button', { name: 'Import 3 students' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Some rows have errors.');
    expect(await db.students.count()).toBe(1);
    expect(
      screen.getByRole('checkbox', { name: 'Import the other students, leaving out the row with errors' }),
    ).toHaveFocus();

    await user.click(
      screen.getByRole('checkbox', { name: 'Import the other students, leaving out the row with errors' }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Register row 5 anyway' }));
    await user.click(screen.getByRole('button', { name: 'Import 4 students' }));

    expect(await screen.findByText('4 students added. They will sync when there is a connection.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the student list' })).toHaveAttribute('href', '#/students');
    expect(await studentNames()).toEqual([
      'Ana Djordjevic',
      'Arbër Krasniqi',
      'Drita Berisha',
      'Јована Петровић',
      'Ана Ђорђевић',
    ]);
    const rows = await db.outbox.orderBy('seq').offset(outboxBefore).toArray();
    expect(rows.map((row) => [row.mutation.op, (row.mutation.fields as { familyName: string }).familyName])).toEqual([
      ['create', 'Krasniqi'],
      ['create', 'Петровић'],
      ['create', 'Djordjevic'],
      ['create', 'Berisha'],
    ]);
  });

  it('lets the user correct a guess, and refuses to go on without the required columns', async () => {
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    await chooseFile(user, csvFile(['Ime i prezime,Emri,Datum,Pol,Razred', `Krasniqi,Arbër,05.03.${YEAR},M,7`]));
    await screen.findByRole('heading', { name: 'Which column holds what' });
    expect(screen.getByLabelText('Family name (required)')).toHaveDisplayValue('Not in the file');

    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 2 choices.');
    expect(screen.getByText('Choose the column with Family name.')).toBeInTheDocument();
    expect(screen.getByText('Choose the column with Date of birth.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Family name (required)')).toHaveFocus());

    await user.selectOptions(screen.getByLabelText('Family name (required)'), 'Column 1: Ime i prezime');
    await user.selectOptions(screen.getByLabelText('Date of birth (required)'), 'Column 3: Datum');
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    await screen.findByRole('button', { name: 'Import 1 student' });
    expect(within(screen.getByTestId('roster-first-rows')).getByText('Arbër Krasniqi')).toBeInTheDocument();
  });

  it('writes nothing when the device refuses the import midway, and says so', async () => {
    let seen = 0;
    const failSecond = () => {
      seen += 1;
      if (seen === 2) throw new Error('disk trouble');
    };
    db.outbox.hook('creating', failSecond);
    onTestFinished(() => db.outbox.hook('creating').unsubscribe(failSecond));
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    await chooseFile(
      user,
      csvFile([HEADER, `Arbër;Krasniqi;M;05.03.${YEAR};7;7/2`, `Besa;Gashi;F;06.03.${YEAR};7;7/2`]),
    );
    await user.click(await screen.findByRole('button', { name: 'Check the rows' }));
    await user.click(await screen.findByRole('button', { name: 'Import 2 students' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nothing was imported: the phone could not save the students. Try again.',
    );
    expect(await studentNames()).toEqual(['Ана Ђорђевић']);
    expect(await db.outbox.count()).toBe(1);
    expect(screen.getByRole('button', { name: 'Import 2 students' })).toBeInTheDocument();
  });
});

describe('files the import refuses', () => {
  beforeEach(async () => {
    await signIn(['schoolTeam'], { schoolIds: [school.id] });
  });

  it(`refuses 50,000 rows with the limit, and writes nothing`, async () => {
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    const rows = Array.from({ length: 50_000 }, (_, index) => `Arbër;Krasniqi ${index};M;05.03.${YEAR};7;7/2`);
    await chooseFile(user, csvFile([HEADER, ...rows]));
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(
      `This file has more than ${MAX_ROSTER_ROWS.toLocaleString('en')} students`,
    );
    expect(await db.students.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('explains a file not saved as UTF-8 and reads it as Windows-1250 when asked', async () => {
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    // "Datëlindja" and "Arbër" with ë as Windows-1250 writes it (0xEB).
    const text = `${HEADER}\r\nArbër;Krasniqi;M;05.03.${YEAR};7;7/2\r\n`;
    const bytes = Uint8Array.from([...text].map((ch) => (ch === 'ë' ? 0xeb : ch.charCodeAt(0))));
    await chooseFile(user, new File([bytes], 'klasa.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not saved as UTF-8');

    await user.click(screen.getByRole('button', { name: 'Read as Latin (Windows-1250)' }));
    await screen.findByRole('heading', { name: 'Which column holds what' });
    expect(screen.getByLabelText('Date of birth (required)')).toHaveDisplayValue('Column 4: Datëlindja');
    expect(screen.getByText('First row: Arbër')).toBeInTheDocument();
  });

  it('reports a broken quotation mark with its line, and asks for the place before the file', async () => {
    // Two schools: neither is chosen for the user.
    const other = await seedSchool(db, { name: localizedName('OŠ „Sveti Sava“') });
    await signIn(['schoolTeam'], { schoolIds: [school.id, other.id] });
    const user = await renderPage();
    await chooseFile(user, csvFile([HEADER]));
    expect(await screen.findByText('Choose where the students are registered.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Import into')).toHaveFocus());

    await user.selectOptions(screen.getByLabelText('Import into'), school.id + '|');
    await chooseFile(user, csvFile([HEADER, `Arbër;"Kras"niqi";M;05.03.${YEAR};7;7/2`]));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A quotation mark opens a cell on line 2 and is not closed properly',
    );
    expect(screen.queryByRole('heading', { name: 'Which column holds what' })).not.toBeInTheDocument();
  });
});

describe('a homeroom teacher', () => {
  beforeEach(async () => {
    await signIn(['teacher'], { classes: [{ schoolId: school.id, classKey: classKeyOf(7, '7/2') }] });
  });

  it('imports into their own class only: rows of another class are named, the others go in', async () => {
    const user = await renderPage();
    expect(screen.getByLabelText('Import into')).toHaveDisplayValue('OŠ „Vuk Karadžić“: grade 7, class 7/2');
    await chooseFile(
      user,
      csvFile([
        'Ime,Prezime,Pol,Datum rođenja,Odeljenje',
        `Марко,Јовановић,М,05.03.${YEAR},`,
        `Ilir,Hoxha,M,06.03.${YEAR},7/1`,
      ]),
    );
    await screen.findByText('Rows without a grade or class go into your class, 7/2.');
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));

    expect(await screen.findByTestId('roster-problems')).toHaveTextContent(
      'Row 3: This grade and class are not one where you may register students.',
    );
    await user.click(screen.getByRole('checkbox', { name: /leaving out the row with errors/ }));
    await user.click(screen.getByRole('button', { name: 'Import 1 student' }));
    await screen.findByText('1 student added. It will sync when there is a connection.');
    expect(await db.students.toArray()).toMatchObject([{ givenName: 'Марко', grade: 7, className: '7/2' }]);
  });
});

describe('who is offered the import', () => {
  it('the student list links to it for the school team', async () => {
    await signIn(['schoolTeam'], { schoolIds: [school.id] });
    render(<StudentListPage />);
    expect(await screen.findByRole('link', { name: 'Import a class list' })).toHaveAttribute(
      'href',
      '#/students/import',
    );
  });

  it('a mentor is told the role registers no students, and the list does not offer the import', async () => {
    await signIn(['mentor'], {});
    await renderPage();
    expect(screen.getByText('Your role cannot register students. Ask the school team.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Class list (CSV file)')).not.toBeInTheDocument();

    render(<StudentListPage />);
    await screen.findByRole('heading', { name: 'Students' });
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'Import a class list' })).not.toBeInTheDocument();
  });
});
