import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { useWorkerStore } from '../../../src/state/workerStore.ts';
import { loadAccount } from '../../../src/storage/accountRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { acceptInvitation } from '../../../src/sync/sessionApi.ts';
import { resetDevice, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { invitationUsed, inviteMentor, type InvitedPerson } from '../../support/invitationFixtures.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));

// Live queries over fake IndexedDB and scrypt on the server, on a busy two-core machine: give them time.
const LIVE = { timeout: 10_000 };
const NEW_PASSWORD = 'river-bridge-42';
let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  // One server for the file: each accepted code and sign-in costs a memory-hard hash.
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

type User = ReturnType<typeof userEvent.setup>;

const loginField = () => screen.getByLabelText('Login');
const codeField = () => screen.getByLabelText('Invitation code');
const passwordField = () => screen.getByLabelText('New password (at least 10 characters)');
const againField = () => screen.getByLabelText('New password again');
const submitButton = () => screen.getByRole('button', { name: 'Set password and sign in' });

async function renderInvitation(): Promise<User> {
  window.location.hash = '#/invitation';
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Set your password' }, LIVE);
  return user;
}

async function fillIn(user: User, values: { login: string; code: string; password: string; again: string }) {
  if (values.login !== '') await user.type(loginField(), values.login);
  if (values.code !== '') await user.type(codeField(), values.code);
  if (values.password !== '') await user.type(passwordField(), values.password);
  if (values.again !== '') await user.type(againField(), values.again);
}

function typedAs(
  person: InvitedPerson,
  overrides: Partial<Record<'login' | 'code' | 'password' | 'again', string>> = {},
) {
  return { login: person.login, code: person.code, password: NEW_PASSWORD, again: NEW_PASSWORD, ...overrides };
}

describe('reaching the invitation screen', () => {
  it('opens from the sign-in screen of a new device, and leads back to it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE);
    await user.click(screen.getByRole('link', { name: 'I have an invitation code' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' }, LIVE)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/invitation');
    await user.click(screen.getByRole('link', { name: 'Back to sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE)).toBeInTheDocument();
  });

  it('tells the phone and its password manager what each field is, shown or hidden', async () => {
    const user = await renderInvitation();
    // Showing a password re-renders its field: what it tells a password manager must survive that.
    await user.click(screen.getAllByRole('button', { name: 'Show password' })[0]!);
    expect(passwordField()).toHaveAttribute('type', 'text');
    expect(loginField()).toHaveAttribute('autocomplete', 'username');
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code');
    expect(codeField()).toHaveAttribute('inputmode', 'text');
    expect(codeField()).toHaveAttribute('autocapitalize', 'characters');
    expect(passwordField()).toHaveAttribute('autocomplete', 'new-password');
    expect(againField()).toHaveAttribute('autocomplete', 'new-password');
  });
});

describe('setting a password with an invitation code', () => {
  it('sets the password, spends the code, signs in with it and opens Today', async () => {
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    // As read off a note: lower case, a space for a dash. The server takes either.
    await fillIn(user, typedAs(person, { code: person.code.toLowerCase().replace('-', ' ') }));
    await user.click(submitButton());

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/today');
    expect(screen.getByText(`Your password is set. Signed in as ${person.displayName}.`)).toBeInTheDocument();
    const account = await loadAccount(db);
    expect(account?.user).toMatchObject({ login: person.login, displayName: person.displayName });
    expect(account?.scope.roles).toEqual(['mentor']);
    expect(useWorkerStore.getState()).toEqual({ name: person.displayName, role: 'mentor' });
    expect(server.cookie()).toMatch(/^ura_session=/);
    expect(await invitationUsed(server, person)).toBe(true);
    expect(server.requests).toEqual(expect.arrayContaining(['POST /api/invitations/accept', 'POST /api/session']));
  });

  it('names a wrong code, keeps everything typed, returns to the code and signs nobody in', async () => {
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    const wrongCode = 'ABCD-EFGH-JKMN-PQRS';
    await fillIn(user, typedAs(person, { code: wrongCode }));
    await user.click(submitButton());

    expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
      'This invitation code is wrong, already used or expired. Check it, or ask your administrator for a new one.',
    );
    expect(screen.getByTestId('invitation-problem')).toHaveAttribute('role', 'alert');
    expect(loginField()).toHaveValue(person.login);
    expect(codeField()).toHaveValue(wrongCode);
    expect(passwordField()).toHaveValue(NEW_PASSWORD);
    expect(againField()).toHaveValue(NEW_PASSWORD);
    expect(codeField()).toHaveFocus();
    expect(await loadAccount(db)).toBeNull();
    expect(await invitationUsed(server, person)).toBe(false);
  });

  it('refuses two different passwords on the phone, without asking the server', async () => {
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    const before = server.requests.length;
    await fillIn(user, typedAs(person, { again: 'river-bridge-43' }));
    await user.click(submitButton());

    expect(await screen.findByText('Please correct 1 field.')).toHaveAttribute('role', 'alert');
    expect(screen.getByText('The two passwords are not the same. Type the new password again.')).toBeInTheDocument();
    expect(againField()).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField()).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(againField()).toHaveFocus());
    expect(againField()).toHaveValue('river-bridge-43');
    expect(codeField()).toHaveValue(person.code);
    expect(server.requests.length).toBe(before);
  });

  it('asks for a password of the server’s minimum length before sending anything', async () => {
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    const before = server.requests.length;
    await fillIn(user, typedAs(person, { password: 'short-pw1', again: 'short-pw1' }));
    await user.click(submitButton());

    expect(await screen.findByText('The new password needs at least 10 characters.')).toBeInTheDocument();
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(passwordField()).toHaveValue('short-pw1');
    expect(server.requests.length).toBe(before);
  });

  it('names every empty field and focuses the first', async () => {
    const user = await renderInvitation();
    const before = server.requests.length;
    await user.click(submitButton());

    expect(await screen.findByText('Please correct 4 fields.')).toHaveAttribute('role', 'alert');
    expect(screen.getByText('Enter the login your administrator gave you.')).toBeInTheDocument();
    expect(screen.getByText('Enter the invitation code.')).toBeInTheDocument();
    expect(screen.getByText('Choose a new password.')).toBeInTheDocument();
    expect(screen.getByText('Type the new password again.')).toBeInTheDocument();
    await waitFor(() => expect(loginField()).toHaveFocus());
    expect(server.requests.length).toBe(before);
  });

  it('offline, says it needs a connection once and keeps the code unspent for later', async () => {
    const person = await inviteMentor(server);
    server.setOffline(true);
    setBrowserOnline(false);
    const user = await renderInvitation();
    expect(screen.getByTestId('invitation-offline')).toHaveTextContent(
      'This phone is offline. Setting your password needs a connection once; after that Ura works without one.',
    );
    await fillIn(user, typedAs(person));
    await user.click(submitButton());

    expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
      'The server cannot be reached. Setting your password needs a connection once; after that Ura works offline.',
    );
    expect(loginField()).toHaveValue(person.login);
    expect(codeField()).toHaveValue(person.code);
    expect(passwordField()).toHaveValue(NEW_PASSWORD);
    expect(againField()).toHaveValue(NEW_PASSWORD);
    expect(await loadAccount(db)).toBeNull();
    expect(await invitationUsed(server, person)).toBe(false);
  });

  it('with a mistyped login, keeps the password it set and lets the person sign in with the right login', async () => {
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    await fillIn(user, typedAs(person, { login: `${person.login}x` }));
    await user.click(submitButton());

    expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
      'The login or password is wrong.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in with your new password' })).toBeInTheDocument();
    expect(screen.getByText(/Your password is set and the invitation code is used up/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Invitation code')).not.toBeInTheDocument();
    expect(loginField()).toHaveValue(`${person.login}x`);
    expect(loginField()).toHaveFocus();
    expect(await invitationUsed(server, person)).toBe(true);

    await user.clear(loginField());
    await user.type(loginField(), person.login);
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeInTheDocument();
    expect((await loadAccount(db))?.user.login).toBe(person.login);
  });
});

describe('too many attempts', () => {
  it('says how many minutes to wait once the address has tried too many codes', async () => {
    // A server of its own: this spends the per-address allowance shared with every sign-in.
    const busy = await startAccountServer();
    try {
      vi.stubGlobal('fetch', busy.fetch);
      const person = await inviteMentor(busy);
      let answer = await acceptInvitation(busy.fetch, '', { code: 'WRONG', password: NEW_PASSWORD });
      for (let tries = 1; tries < 50 && !answer.ok && answer.reason === 'invalid_credentials'; tries += 1) {
        answer = await acceptInvitation(busy.fetch, '', { code: 'WRONG', password: NEW_PASSWORD });
      }
      expect(answer).toMatchObject({ ok: false, reason: 'too_many_attempts' });

      const user = await renderInvitation();
      await fillIn(user, typedAs(person));
      await user.click(submitButton());
      expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
        'Too many attempts. Wait 1 minute, then try again.',
      );
      expect(codeField()).toHaveValue(person.code);
      expect(await invitationUsed(busy, person)).toBe(false);
    } finally {
      await busy.close();
    }
  });

  it('counts longer waits in minutes, in each language’s plural', async () => {
    // The server's own limit never asks for more than a minute here; a proxy in front of it may.
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'too_many_attempts' } }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '270' },
        }),
      ),
    );
    const person = await inviteMentor(server);
    const user = await renderInvitation();
    await fillIn(user, typedAs(person));
    await user.click(submitButton());
    expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
      'Too many attempts. Wait 5 minutes, then try again.',
    );
    await changeLanguage('sr-Cyrl');
    expect(await screen.findByTestId('invitation-problem', {}, LIVE)).toHaveTextContent(
      'Превише покушаја. Сачекајте 5 минута, па покушајте поново.',
    );
  });
});
