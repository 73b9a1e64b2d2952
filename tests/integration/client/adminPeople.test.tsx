import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { acceptInvitation, signIn } from '../../../src/sync/sessionApi.ts';
import { resetDevice, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { LIVE, openScreen, signInOnPhone } from './adminTestSession.tsx';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
// Each test signs in for real (scrypt on the server) and syncs the places: on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  server = await startAccountServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDevice();
  server.setOffline(false);
  setBrowserOnline(true);
  vi.stubGlobal('fetch', server.fetch);
  await signInOnPhone(server);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  setBrowserOnline(true);
  await changeLanguage('en');
});

const nameField = () => screen.getByLabelText('Full name');
const loginField = () => screen.getByLabelText('Login');
const addButton = () => screen.getByRole('button', { name: 'Add and make the invitation code' });

async function storedUser(login: string) {
  return server.db.selectFrom('app_user').select(['id', 'display_name']).where('login', '=', login).executeTakeFirst();
}

describe('adding a person', () => {
  it('shows a one-time code, large and copyable, that then sets the person’s password', async () => {
    const user = await openScreen('#/admin/people/new', 'Add a person');
    await user.type(nameField(), 'Drita Berisha');
    await user.type(loginField(), 'drita.berisha');
    await user.selectOptions(screen.getByLabelText('Organisation'), 'Demo CSO');
    await user.click(addButton());

    expect(await screen.findByRole('heading', { level: 1, name: 'Drita Berisha was added' }, LIVE)).toBeVisible();
    const card = screen.getByTestId('invitation-card');
    expect(within(card).getByTestId('invitation-login')).toHaveTextContent('drita.berisha');
    const code = within(card).getByTestId('invitation-code').textContent ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(within(card).getByTestId('invitation-valid')).toHaveTextContent(/^It works once, for 7 days: until /);
    expect(within(card).getByTestId('invitation-link')).toHaveTextContent(/#\/invitation$/);

    await user.click(within(card).getByRole('button', { name: 'Copy the code' }));
    expect(await navigator.clipboard.readText()).toBe(code);
    expect(within(card).getByText('Copied.')).toBeInTheDocument();

    // The person, on their phone: the code sets their password, and they sign in with it.
    expect(await acceptInvitation(server.fetch, '', { code, password: 'river-bridge-42' })).toEqual({ ok: true });
    const signedIn = await signIn(server.fetch, '', {
      login: 'drita.berisha',
      password: 'river-bridge-42',
      clientId: crypto.randomUUID(),
    });
    expect(signedIn.ok).toBe(true);
    expect(await storedUser('drita.berisha')).toMatchObject({ display_name: 'Drita Berisha' });
  });

  it('names the field the server refused (400), keeps what was typed and puts the cursor there', async () => {
    const user = await openScreen('#/admin/people/new', 'Add a person');
    await user.type(nameField(), 'Arta Kola');
    await user.type(loginField(), 'arta kola');
    await user.click(addButton());

    const alert = await screen.findByTestId('admin-problem', {}, LIVE);
    expect(alert).toHaveTextContent('The server did not accept 1 field: Login.');
    expect(loginField()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/A login has 2 to 100 characters/)).toBeInTheDocument();
    expect(loginField()).toHaveValue('arta kola');
    expect(nameField()).toHaveValue('Arta Kola');
    await waitFor(() => expect(loginField()).toHaveFocus());
    expect(server.requests).toContain('POST /api/users');
    expect(await storedUser('arta kola')).toBeUndefined();

    // Corrected, the same form goes through.
    await user.clear(loginField());
    await user.type(loginField(), 'arta.kola');
    await user.click(addButton());
    expect(await screen.findByTestId('invitation-card', {}, LIVE)).toBeVisible();
  });

  it('says a login is taken (409) under the login, and asks the phone first for what is missing', async () => {
    const user = await openScreen('#/admin/people/new', 'Add a person');
    const sentBefore = server.requests.length;
    await user.click(addButton());
    expect(screen.getAllByText('This is needed.')).toHaveLength(2);
    expect(server.requests.length).toBe(sentBefore);

    await user.type(nameField(), 'Another mentor');
    await user.type(loginField(), 'mentor');
    await user.click(addButton());
    expect(await screen.findByTestId('admin-problem', {}, LIVE)).toHaveTextContent(
      'Someone already has this login. Choose another.',
    );
    expect(loginField()).toHaveAttribute('aria-invalid', 'true');
    expect(loginField()).toHaveValue('mentor');
  });

  it('says so when the server cannot be reached, and keeps the form', async () => {
    const user = await openScreen('#/admin/people/new', 'Add a person');
    await user.type(nameField(), 'Besa Gashi');
    await user.type(loginField(), 'besa.gashi');
    server.setOffline(true);
    setBrowserOnline(false);
    expect(await screen.findByTestId('admin-offline')).toHaveTextContent(/This phone is offline/);
    await user.click(addButton());

    expect(await screen.findByTestId('admin-problem', {}, LIVE)).toHaveTextContent(
      'The server cannot be reached. Check the connection and try again; nothing was changed.',
    );
    expect(nameField()).toHaveValue('Besa Gashi');
    expect(loginField()).toHaveValue('besa.gashi');
  });
});

describe('a person’s roles', () => {
  it('gives a teacher’s role with its school and class, then takes it away after a yes', async () => {
    const user = await openScreen(`#/admin/people/${DEMO_USER_IDS.mentor}`, 'Demo mentor');
    const roles = () => within(screen.getByRole('list', { name: 'Roles' }));
    expect(roles().getByText('CSO mentor')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Role'), 'teacher');
    await user.selectOptions(screen.getByLabelText('School'), '20000000-0000-4000-8000-000000000001');
    await user.selectOptions(screen.getByLabelText('Grade'), '7');
    await user.type(screen.getByLabelText('Class'), '7/2');
    await user.click(screen.getByRole('button', { name: 'Give the role' }));

    const given = await roles().findByText(/^Homeroom teacher · .+ · grade 7, class 7\/2$/, {}, LIVE);
    const grant = await server.db
      .selectFrom('role_assignment')
      .select(['id', 'school_id', 'class_key'])
      .where('user_id', '=', DEMO_USER_IDS.mentor)
      .where('role', '=', 'teacher')
      .executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ school_id: '20000000-0000-4000-8000-000000000001', class_key: '7|7/2' });

    await user.click(screen.getByRole('button', { name: `Take away ${given.textContent ?? ''}` }));
    expect(screen.getByText(/leaves their phone at its next sync/)).toBeInTheDocument();
    // Asked, not done: the grant is still on the server until the yes.
    expect(
      await server.db.selectFrom('role_assignment').select('id').where('id', '=', grant.id).execute(),
    ).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Take away' }));

    expect(await screen.findByText(/was taken away from Demo mentor/, {}, LIVE)).toBeInTheDocument();
    await waitFor(() => expect(roles().queryByText(/Homeroom teacher/)).not.toBeInTheDocument(), LIVE);
    expect(
      await server.db.selectFrom('role_assignment').select('id').where('id', '=', grant.id).execute(),
    ).toHaveLength(0);
  });

  it('explains why the last administrator role cannot be taken away', async () => {
    const user = await openScreen(`#/admin/people/${DEMO_USER_IDS.admin}`, 'Demo administrator');
    await user.click(screen.getByRole('button', { name: 'Take away Administrator' }));
    await user.click(screen.getByRole('button', { name: 'Take away' }));
    expect(await screen.findByTestId('admin-problem', {}, LIVE)).toHaveTextContent(
      'This is the last administrator role on the server. Give the role to someone else first.',
    );
  });

  it('makes a new invitation code for someone who lost theirs', async () => {
    const user = await openScreen(`#/admin/people/${DEMO_USER_IDS.teacher}`, 'Demo teacher');
    await user.click(screen.getByRole('button', { name: 'Make a new invitation code' }));
    const code = (await screen.findByTestId('invitation-code', {}, LIVE)).textContent ?? '';
    expect(await acceptInvitation(server.fetch, '', { code, password: 'a-new-password-1' })).toEqual({ ok: true });
  });
});
