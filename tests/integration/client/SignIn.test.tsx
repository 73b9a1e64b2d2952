import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { setSessionProblem, useSessionStore } from '../../../src/state/sessionStore.ts';
import { useWorkerStore } from '../../../src/state/workerStore.ts';
import { loadAccount } from '../../../src/storage/accountRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { resetDevice, setBrowserOnline, signInForReal } from '../../support/accountUiFixtures.ts';
import {
  DEMO_DISPLAY_NAME,
  DEMO_LOGIN,
  DEMO_PASSWORD,
  startAccountServer,
  type AccountServer,
} from '../../support/accountUiServer.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
vi.mock('../../../src/features/account/restartApp.ts', () => ({ restartApp: vi.fn() }));

// Live queries over fake IndexedDB and scrypt on the server, on a busy two-core machine: give them time.
const LIVE = { timeout: 10_000 };
let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  // One server for the file: each sign-in costs a memory-hard hash.
  server = await startAccountServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDevice();
  server.setOffline(false);
  setBrowserOnline(true);
  // The app's own transport is the platform fetch; here it reaches the in-process server.
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  setBrowserOnline(true);
  await changeLanguage('en');
});

const loginField = () => screen.getByLabelText('Login');
const passwordField = () => screen.getByLabelText('Password');

async function renderSignIn(heading = 'Sign in') {
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: heading }, LIVE);
  return user;
}

async function typeAndSubmit(user: ReturnType<typeof userEvent.setup>, login: string, password: string) {
  if (login !== '') await user.type(loginField(), login);
  await user.type(passwordField(), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('signing in on a new device', () => {
  it('names a wrong login or password, keeps the login, clears the password and stores nothing', async () => {
    const user = await renderSignIn();
    await typeAndSubmit(user, DEMO_LOGIN, 'not-the-password');

    expect(await screen.findByTestId('sign-in-problem', {}, LIVE)).toHaveTextContent(
      'The login or password is wrong. Check both and try again.',
    );
    expect(screen.getByTestId('sign-in-problem')).toHaveAttribute('role', 'alert');
    expect(loginField()).toHaveValue(DEMO_LOGIN);
    expect(passwordField()).toHaveValue('');
    expect(passwordField()).toHaveFocus();
    expect(await loadAccount(db)).toBeNull();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('keeps the account, takes its name and role for the screens, and opens Today', async () => {
    const user = await renderSignIn();
    await typeAndSubmit(user, DEMO_LOGIN, DEMO_PASSWORD);

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/today');
    const account = await loadAccount(db);
    expect(account?.user).toMatchObject({ login: DEMO_LOGIN, displayName: DEMO_DISPLAY_NAME });
    expect(account?.scope.roles).toEqual(['schoolTeam']);
    expect(useWorkerStore.getState()).toEqual({ name: DEMO_DISPLAY_NAME, role: 'schoolTeam' });
    expect(server.cookie()).toMatch(/^ura_session=/);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('says every empty field, focuses the first and asks the server nothing', async () => {
    const user = await renderSignIn();
    const before = server.requests.length;
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Please correct 2 fields.')).toHaveAttribute('role', 'alert');
    expect(screen.getByText('Enter your login.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(loginField()).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(loginField()).toHaveFocus());
    expect(server.requests.length).toBe(before);
  });

  it('shows the password on request, and hides it again', async () => {
    const user = await renderSignIn();
    await user.type(passwordField(), 'secret');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(passwordField()).toHaveAttribute('type', 'password');
    await user.click(toggle);
    expect(passwordField()).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(passwordField()).toHaveAttribute('type', 'password');
    expect(passwordField()).toHaveValue('secret');
  });

  // Five real password checks (a memory-hard hash each) and their screens: give it more than the default 5 s.
  it('says how many minutes to wait after too many wrong passwords', { timeout: 30_000 }, async () => {
    const user = await renderSignIn();
    await user.type(loginField(), 'mentor');
    // Five wrong passwords lock the login; the answer then says for how long.
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await user.type(passwordField(), `wrong-${attempt}`);
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await screen.findByTestId('sign-in-problem', {}, LIVE);
      await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled(), LIVE);
      if (screen.getByTestId('sign-in-problem').textContent?.startsWith('Too many')) break;
    }
    expect(screen.getByTestId('sign-in-problem')).toHaveTextContent(
      'Too many attempts. Wait 15 minutes, then try again.',
    );
    expect(loginField()).toHaveValue('mentor');
    expect(await loadAccount(db)).toBeNull();
  });

  it('offline, says that signing in needs a connection once and that Ura then works offline', async () => {
    server.setOffline(true);
    setBrowserOnline(false);
    const user = await renderSignIn();
    expect(screen.getByTestId('sign-in-offline')).toHaveTextContent(
      'This phone is offline. Signing in needs a connection once; after that Ura works without one.',
    );
    await typeAndSubmit(user, DEMO_LOGIN, DEMO_PASSWORD);
    expect(await screen.findByTestId('sign-in-problem', {}, LIVE)).toHaveTextContent(
      'The server cannot be reached. Signing in needs a connection once; after that Ura works offline.',
    );
    expect(loginField()).toHaveValue(DEMO_LOGIN);
    expect(await loadAccount(db)).toBeNull();
  });

  it('names a wrong password in Albanian', async () => {
    await changeLanguage('sq');
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Hyrja' }, LIVE);
    await user.type(screen.getByLabelText('Emri i përdoruesit'), DEMO_LOGIN);
    await user.type(screen.getByLabelText('Fjalëkalimi'), 'gabim-gabim');
    await user.click(screen.getByRole('button', { name: 'Hyr' }));
    expect(await screen.findByTestId('sign-in-problem', {}, LIVE)).toHaveTextContent(
      'Emri i përdoruesit ose fjalëkalimi është i gabuar.',
    );
    expect(screen.getByLabelText('Emri i përdoruesit')).toHaveValue(DEMO_LOGIN);
  });
});

describe('signing in again after the session ended', () => {
  it('accepts only the same login, keeps what is on the phone and lets the sync go on', async () => {
    await signInForReal(server);
    const studentId = await createStudent(db, makeStudentFields());
    setSessionProblem('signedOut');
    window.location.hash = '#/sign-in';
    const user = await renderSignIn('Sign in again');
    expect(screen.getByText(/Only team can sign in on this phone/)).toBeInTheDocument();
    expect(loginField()).toHaveValue(DEMO_LOGIN);
    await user.type(loginField(), 'someone-else');
    expect(loginField()).toHaveValue(DEMO_LOGIN);

    await user.type(passwordField(), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeInTheDocument();
    expect(useSessionStore.getState().problem).toBeNull();
    expect(screen.queryByTestId('signed-out')).not.toBeInTheDocument();
    expect(await db.students.get(studentId)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
  });
});
