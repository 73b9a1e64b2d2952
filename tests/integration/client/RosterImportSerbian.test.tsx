import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RosterImportPage } from '../../../src/features/roster/RosterImportPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { setWorkerFromAccount } from '../../../src/state/workerStore.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';

configure({ asyncUtilTimeout: 5000 });

const YEAR = new Date().getUTCFullYear() - 10;

beforeAll(async () => {
  await setupI18n('sr-Cyrl');
  await Promise.all([loadNamespace('students'), loadNamespace('roster')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  window.location.hash = '#/students/import';
  const school = await seedSchool(db, { country: 'RS' });
  setWorkerFromAccount(await seedAccount(['schoolTeam'], { schoolIds: [school.id] }));
});

describe('the class list import in Serbian Cyrillic', () => {
  it('guesses Cyrillic headers and names each row’s problem in Serbian', async () => {
    const user = userEvent.setup();
    render(<RosterImportPage />);
    await screen.findByRole('heading', { level: 1, name: 'Увоз списка одељења' });
    const list = [
      'Име;Презиме;Пол;Датум рођења;Разред;Одељење;Школа',
      `Марко;Јовановић;М;05.03.${YEAR}.;IV;4/1;`,
      `;Петровић;Ж;31.02.${YEAR}.;IV;4/1;`,
      `Ана;Илић;Ж;12.11.${YEAR}.;IV;4/1;ОШ „Свети Сава“`,
    ].join('\n');
    await user.upload(screen.getByLabelText('Списак одељења (CSV датотека)'), new File([list], 'одељење.csv'));

    await screen.findByRole('heading', { name: 'Шта садржи која колона' });
    expect(screen.getByLabelText('Датум рођења (обавезно)')).toHaveDisplayValue('Колона 4: Датум рођења');
    expect(screen.getByLabelText('Школа')).toHaveDisplayValue('Колона 7: Школа');
    await user.click(screen.getByRole('button', { name: 'Провери редове' }));

    const counts = within(await screen.findByTestId('roster-counts'));
    expect(counts.getByText('1 ученик за увоз')).toBeInTheDocument();
    expect(counts.getByText('2 реда са грешкама')).toBeInTheDocument();
    const problems = within(screen.getByTestId('roster-problems')).getAllByRole('listitem');
    expect(problems.map((item) => item.textContent)).toEqual([
      'Ред 3: Име: обавезно поље. Датум рођења: тај датум не постоји.',
      'Ред 4: Школа „ОШ „Свети Сава““ није ОШ „Вук Караџић“, у коју се овај списак увози.',
    ]);
    expect(screen.getByRole('button', { name: 'Увези 1 ученика' })).toBeInTheDocument();
  });
});
