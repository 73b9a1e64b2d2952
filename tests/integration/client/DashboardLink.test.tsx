/**
 * Where the dashboard is reached (src/features/dashboard/dashboardAccess.ts):
 * a coordinator's tab; for a school team or principal, whose five tabs
 * already fill 360 px, a link on the case list; for anyone else, nowhere.
 */
import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/accessScope.ts';
import { useAccessScope } from '../../../src/features/account/useWriteRights.ts';
import { DashboardLink } from '../../../src/features/cases/DashboardLink.tsx';
import { hasDashboardTab, seesDashboard } from '../../../src/features/dashboard/dashboardAccess.ts';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { seedAccount } from '../../support/accountUiFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';

const LIVE = { timeout: 10_000 };

beforeAll(async () => {
  await setupI18n('en');
  await loadNamespace('cases');
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** The link, and a mark once the signed-in account has been read: absence then means absence, not "not yet". */
function CaseListTop() {
  const scope = useAccessScope();
  return (
    <>
      {scope === undefined ? null : <span>account read</span>}
      <DashboardLink />
    </>
  );
}

async function signedInAs(roles: Role[]): Promise<void> {
  const school = await seedSchool(db);
  await seedAccount(roles, { schoolIds: roles.some((role) => role !== 'coordinator') ? [school.id] : [] });
}

describe('the dashboard link on the case list', () => {
  it.each<Role>(['schoolTeam', 'principal'])('leads a %s to the school figures', async (role) => {
    await signedInAs([role]);
    render(<CaseListTop />);
    const link = await screen.findByRole('link', { name: "Your school's figures" }, LIVE);
    expect(link.getAttribute('href')).toBe('#/dashboard');
  });

  it.each<Role[]>([['coordinator'], ['coordinator', 'schoolTeam'], ['mentor'], ['teacher']])(
    'is absent for %s (a tab, or no dashboard at all)',
    async (...roles) => {
      await signedInAs(roles);
      render(<CaseListTop />);
      await screen.findByText('account read', {}, LIVE);
      expect(screen.queryByRole('link')).toBeNull();
    },
  );
});

describe('who has the tab, who may open it', () => {
  const scope = (roles: Role[]) => ({ version: 1, roles, schoolIds: [], classes: [], caseIds: [], studentIds: [] });

  it('gives the tab to coordinators only', () => {
    expect(hasDashboardTab(scope(['coordinator']))).toBe(true);
    expect(hasDashboardTab(scope(['schoolTeam']))).toBe(false);
    expect(hasDashboardTab(scope(['principal']))).toBe(false);
  });

  it('opens the dashboard to coordinators, school teams and principals, and to no one else', () => {
    expect(seesDashboard(scope(['coordinator']))).toBe(true);
    expect(seesDashboard(scope(['schoolTeam']))).toBe(true);
    expect(seesDashboard(scope(['principal']))).toBe(true);
    for (const role of ['mentor', 'teacher', 'cswLiaison', 'admin'] as const)
      expect(seesDashboard(scope([role]))).toBe(false);
  });
});
