import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import type { Role } from '../../../src/domain/accessScope.ts';
import { loadLastClass, rememberClass } from '../../../src/features/screening/classSession.ts';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { setSessionProblem } from '../../../src/state/sessionStore.ts';
import { useWorkerStore, workerRoleOf } from '../../../src/state/workerStore.ts';
import { resetDevice, seedAccount } from '../../support/accountUiFixtures.ts';

// The service worker registration exists only in the built app; the app's restart is a real reload.
vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
vi.mock('../../../src/features/account/restartApp.ts', () => ({ restartApp: vi.fn() }));

const LIVE = { timeout: 5000 };

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  await resetDevice();
});

afterEach(async () => {
  await changeLanguage('en');
});

describe('the app gate', () => {
  it('shows a new device only the sign-in screen, whatever the address', async () => {
    window.location.hash = '#/cases';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE)).toBeInTheDocument();
    expect(screen.getByText(/keeps information about children on this phone and protects it/)).toBeInTheDocument();
    expect(screen.getByLabelText('Login')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sync-status')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Cases' })).not.toBeInTheDocument();
  });

  it("keeps none of the last person's choices on a phone nobody is signed in on", async () => {
    rememberClass({ schoolId: 'school-1', grade: 7, className: '7/2' });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE);
    expect(loadLastClass()).toBeUndefined();
  });

  it('opens the app for a signed-in account, whose name and role the screens use', async () => {
    await seedAccount(['principal', 'admin']);
    window.location.hash = '#/settings';
    render(<App />);
    expect(await screen.findByTestId('account-name', {}, LIVE)).toHaveTextContent('Vesa Gashi');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByTestId('sync-status')).toBeInTheDocument();
    expect(useWorkerStore.getState()).toEqual({ name: 'Vesa Gashi', role: 'schoolTeam' });
    // Settings no longer lets anyone type a name or pick a role.
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });

  it('shows the screening tab only to a role that screens somewhere', async () => {
    await seedAccount(['mentor'], { caseIds: [] });
    window.location.hash = '#/settings';
    const { unmount } = render(<App />);
    const mentorTabs = await screen.findByRole('navigation', { name: 'Main' }, LIVE);
    expect(within(mentorTabs).getByRole('link', { name: 'Cases' })).toBeInTheDocument();
    expect(within(mentorTabs).queryByRole('link', { name: 'Screening' })).not.toBeInTheDocument();
    unmount();

    await resetDevice();
    await seedAccount(['schoolTeam'], { schoolIds: ['0190a1b2-0000-7000-8000-00000000000a'] });
    render(<App />);
    const teamTabs = await screen.findByRole('navigation', { name: 'Main' }, LIVE);
    expect(within(teamTabs).getByRole('link', { name: 'Screening' })).toBeInTheDocument();
  });

  it('says on the sign-in screen that an administrator signed a revoked phone out', async () => {
    setSessionProblem('revoked');
    render(<App />);
    expect(await screen.findByText(/An administrator signed this phone out/, {}, LIVE)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it('after the session ended, says so in the status bar and leads to signing in again as the same person', async () => {
    await seedAccount();
    setSessionProblem('signedOut');
    window.location.hash = '#/today';
    render(<App />);
    const notice = await screen.findByTestId('signed-out', {}, LIVE);
    expect(notice).toHaveTextContent('Signed out — sign in again to sync; your changes are kept on this phone');
    await userEvent.click(within(notice).getByRole('link', { name: 'Sign in again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in again' }, LIVE)).toBeInTheDocument();
    expect(screen.getByText(/Sign in again to sync; your changes are kept on this phone/)).toBeInTheDocument();
    const login = screen.getByLabelText('Login');
    expect(login).toHaveValue('vesa');
    expect(login).toHaveAttribute('readonly');
    // The rest of the app stays reachable: the work on the phone goes on offline.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows the ended session in Serbian Cyrillic', async () => {
    await changeLanguage('sr-Cyrl');
    await seedAccount();
    setSessionProblem('signedOut');
    window.location.hash = '#/sign-in';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Поново се пријавите' }, LIVE)).toBeInTheDocument();
    expect(screen.getByTestId('signed-out')).toHaveTextContent('Одјављени сте — пријавите се поново');
    expect(screen.getByLabelText('Корисничко име')).toHaveValue('vesa');
  });
});

describe('the role the screens act in', () => {
  it.each<[Role[], string]>([
    [['mentor'], 'mentor'],
    [['teacher'], 'teacher'],
    [['schoolTeam'], 'schoolTeam'],
    [['principal'], 'schoolTeam'],
    [['coordinator'], 'coordinator'],
    [['cswLiaison'], 'coordinator'],
    [['admin'], 'coordinator'],
    // The first that applies in the order of ROLES, whatever order the server lists them in.
    [['schoolTeam', 'mentor'], 'mentor'],
    [['admin', 'coordinator', 'teacher'], 'teacher'],
    [['cswLiaison', 'principal'], 'schoolTeam'],
  ])('%j acts as %s', (roles, expected) => {
    expect(workerRoleOf(roles)).toBe(expected);
  });
});
