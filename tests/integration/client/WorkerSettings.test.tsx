import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { referralSenderFor } from '../../../src/domain/workerRole.ts';
import { StudentCaseLinks } from '../../../src/features/students/StudentCaseLinks.tsx';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { authorName, setWorkerFromAccount, useWorkerStore } from '../../../src/state/workerStore.ts';
import { makeStudentFields, seedSchool } from '../../support/clientFixtures.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  localStorage.clear();
  useWorkerStore.setState({ name: '', role: 'mentor' });
  await changeLanguage('en');
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('who uses this phone', () => {
  it('takes the name and role from the signed-in account, and forgets a name typed before accounts', () => {
    localStorage.setItem('ura.worker', JSON.stringify({ name: 'Typed Before', role: 'teacher' }));
    setWorkerFromAccount({ user: { displayName: 'Vesa Gashi' }, scope: { roles: ['principal'] } });
    expect(useWorkerStore.getState()).toEqual({ name: 'Vesa Gashi', role: 'schoolTeam' });
    expect(authorName(useWorkerStore.getState())).toBe('Vesa Gashi');
    expect(localStorage.getItem('ura.worker')).toBeNull();
    setWorkerFromAccount(null);
    expect(useWorkerStore.getState()).toEqual({ name: '', role: 'mentor' });
  });

  it('records a placeholder author when no name is set, so saving never fails on it', () => {
    expect(authorName({ name: '  ', role: 'teacher' })).toBe('device:teacher');
  });

  it('lets only mentors, teachers and school teams send referrals', () => {
    expect(referralSenderFor('mentor')).toBe('mentor');
    expect(referralSenderFor('schoolTeam')).toBe('schoolTeam');
    expect(referralSenderFor('coordinator')).toBeNull();
  });
});

describe("a student's casework links", () => {
  it('offers to flag a concern, then leads to the case once one is open', async () => {
    const school = await seedSchool(db);
    const studentId = await createStudent(db, makeStudentFields({ schoolId: school.id }));
    await seedSchoolTeamAccount();
    render(<StudentCaseLinks studentId={studentId} />);
    const flag = await screen.findByRole('link', { name: 'Flag a concern' });
    expect(flag).toHaveAttribute('href', `#/cases/new/${studentId}`);
    expect(screen.getByRole('link', { name: 'Screening history' })).toHaveAttribute(
      'href',
      `#/students/${studentId}/screenings`,
    );

    const caseId = await flagCaseOn(db, studentId);
    expect(await screen.findByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `#/cases/${caseId}`);
  });
});
