import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { parseRoute, sectionOf } from '../../../src/app/useHashRoute.ts';
import type { Role } from '../../../src/domain/accessScope.ts';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { resetDevice, seedAccount } from '../../support/accountUiFixtures.ts';
import { LIVE } from './adminTestSession.tsx';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));

const SCHOOL = '20000000-0000-4000-8000-000000000001';
const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  await resetDevice();
});

afterEach(async () => {
  await changeLanguage('en');
});

async function tabsAt(hash: string): Promise<string[]> {
  window.location.hash = hash;
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Main' }, LIVE);
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('the administration routes', () => {
  it('parse to the administration screens, all under the Administration tab', () => {
    const view = (hash: string) => {
      const route = parseRoute(hash);
      return route.name === 'admin' ? route.view : route;
    };
    expect(view('#/admin')).toEqual({ screen: 'home' });
    expect(view('#/admin/organisations')).toEqual({ screen: 'organisations' });
    expect(view('#/admin/people')).toEqual({ screen: 'people' });
    expect(view('#/admin/people/new')).toEqual({ screen: 'newPerson' });
    expect(view(`#/admin/people/${ID}`)).toEqual({ screen: 'person', userId: ID });
    expect(view('#/admin/cases')).toEqual({ screen: 'cases' });
    expect(view('#/admin/elsewhere')).toEqual({ screen: 'home' });
    for (const hash of ['#/admin', '#/admin/people/new', `#/admin/people/${ID}`, '#/admin/cases']) {
      expect(sectionOf(parseRoute(hash)), hash).toBe('admin');
    }
  });
});

describe('the Administration tab', () => {
  it('is all an administrator has besides Settings, and their home', async () => {
    await seedAccount(['admin']);
    expect(await tabsAt('#/')).toEqual(['Administration', 'Settings']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' }, LIVE)).toBeVisible();
    expect(screen.getByRole('link', { name: /^People/ })).toHaveAttribute('href', '#/admin/people');
    expect(screen.getByRole('link', { name: /^Organisations/ })).toHaveAttribute('href', '#/admin/organisations');
    expect(screen.getByRole('link', { name: /^Case assignment/ })).toHaveAttribute('href', '#/admin/cases');
  });

  it('marks the tab of the administration screen open', async () => {
    await seedAccount(['admin']);
    await tabsAt('#/admin/people/new');
    await screen.findByRole('heading', { level: 1, name: 'Add a person' }, LIVE);
    expect(screen.getByRole('link', { name: 'Administration' })).toHaveAttribute('aria-current', 'page');
  });

  it('joins the tabs of someone who also administers', async () => {
    await seedAccount(['principal', 'admin'], { schoolIds: [SCHOOL] });
    expect(await tabsAt('#/settings')).toEqual([
      'Today',
      'Cases',
      'Students',
      'Screening',
      'Administration',
      'Settings',
    ]);
  });

  it.each<[Role[], string[]]>([
    [['schoolTeam'], ['Today', 'Cases', 'Students', 'Screening', 'Settings']],
    [['teacher'], ['Today', 'Cases', 'Students', 'Screening', 'Settings']],
    [['mentor'], ['Today', 'Cases', 'Students', 'Settings']],
    // The coordinator's own tab: the municipality's figures (src/features/dashboard/dashboardAccess.ts).
    [['coordinator'], ['Today', 'Cases', 'Students', 'Overview', 'Settings']],
    [['cswLiaison'], ['Today', 'Cases', 'Students', 'Settings']],
  ])('never shows for %j, whose tabs stay as they were, nor opens by its address', async (roles, tabs) => {
    const reach = roles.includes('teacher')
      ? { classes: [{ schoolId: SCHOOL, classKey: '7|7/2' }] }
      : roles.includes('schoolTeam')
        ? { schoolIds: [SCHOOL] }
        : {};
    await seedAccount(roles, reach);
    expect(await tabsAt('#/admin/people/new')).toEqual(tabs);
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Add a person' })).not.toBeInTheDocument();
  });

  it('leads from Administration to People and back', async () => {
    await seedAccount(['admin']);
    window.location.hash = '#/admin';
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: /^People/ }, LIVE));
    expect(await screen.findByRole('heading', { level: 1, name: 'People' }, LIVE)).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Back to administration' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' }, LIVE)).toBeVisible();
  });
});
