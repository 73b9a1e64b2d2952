import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { setLockPhase } from '../../../src/state/lockStore.ts';
import { loadAccount } from '../../../src/storage/accountRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { createVault, readVaultState } from '../../../src/storage/deviceVault.ts';
import { createStudent, getStudent } from '../../../src/storage/studentRepository.ts';
import { resetDevice, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { DEMO_LOGIN, DEMO_PASSWORD, startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';
import { rawRows, stringsIn } from '../../support/rawIndexedDb.ts';
import { testRecoverySecret } from '../../support/testDataKey.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));

const LIVE = { timeout: 15_000 };
const PIN = '482915';
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
  db.dataKey.lock();
  setLockPhase({ kind: 'checking' });
  setBrowserOnline(true);
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function lockedPhoneWithStudent(): Promise<string> {
  await createVault(db, PIN, testRecoverySecret(), '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001');
  const id = await createStudent(db, makeStudentFields({ givenName: 'Dafina' }));
  db.dataKey.lock();
  return id;
}

async function typePin(user: ReturnType<typeof userEvent.setup>, pin: string) {
  // The button reads "Unlocking…" while the last try is checked.
  const button = await screen.findByRole('button', { name: 'Unlock' }, LIVE);
  await user.type(screen.getByLabelText('PIN'), pin);
  await user.click(button);
}

describe('a locked phone', () => {
  it('opens only with its PIN, saying how many tries are left after a wrong one', async () => {
    const id = await lockedPhoneWithStudent();
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Unlock Ura' }, LIVE);
    expect(screen.queryByRole('navigation')).toBeNull();

    await typePin(user, '111111');
    expect(await screen.findByTestId('unlock-wrong', {}, LIVE)).toHaveTextContent(
      'Wrong PIN. 4 tries left before this phone forgets its PIN.',
    );
    expect(screen.getByLabelText('PIN')).toHaveValue('');
    expect(db.dataKey.unlocked).toBe(false);

    await typePin(user, PIN);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE);
    expect(db.dataKey.unlocked).toBe(true);
    expect((await getStudent(db, id))?.givenName).toBe('Dafina');
  });

  it('asks for the PIN before trying, and after five wrong PINs asks for the password instead', async () => {
    await lockedPhoneWithStudent();
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Unlock Ura' }, LIVE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByLabelText('PIN')).toHaveAccessibleDescription('Enter the PIN.');
    expect(await readVaultState(db)).toMatchObject({ attemptsLeft: 5 });

    for (let attempt = 0; attempt < 5; attempt += 1) await typePin(user, '000001');
    await screen.findByRole('heading', { level: 1, name: 'Too many wrong PINs' }, LIVE);
    expect(await readVaultState(db)).toMatchObject({ kind: 'pinWiped' });
    expect(screen.getByLabelText('Login')).toBeInTheDocument();
  });
});

async function signInAndChoosePin(user: ReturnType<typeof userEvent.setup>, pin: string, heading = 'Choose a PIN') {
  await user.type(screen.getByLabelText('Login'), DEMO_LOGIN);
  await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { level: 1, name: heading }, LIVE);
  await user.type(screen.getByLabelText('New PIN'), pin);
  await user.type(screen.getByLabelText('The same PIN again'), pin);
  await user.click(screen.getByRole('button', { name: 'Save PIN' }));
  await screen.findByRole('navigation', {}, LIVE);
}

describe('a forgotten PIN', () => {
  it('is replaced after a password sign-in, and what the phone held (unsent work too) opens with the new one', async () => {
    const user = userEvent.setup();
    const first = render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE);
    await signInAndChoosePin(user, PIN);
    const id = await createStudent(db, makeStudentFields({ givenName: 'Dafina' }));
    first.unmount();
    // The screens' reads started before unmounting end first: a write transaction over every table waits for them.
    // (The app itself reloads the page when it locks, so nothing reads after the key is gone.)
    await db.transaction('rw', db.tables, () => undefined);
    db.dataKey.lock();
    setLockPhase({ kind: 'checking' });

    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Forgot your PIN?' }, LIVE));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to choose a new PIN' }, LIVE);
    await signInAndChoosePin(user, '735104', 'Choose a new PIN');
    expect((await getStudent(db, id))?.givenName).toBe('Dafina');
    expect(await db.outbox.count()).toBeGreaterThan(0);

    db.dataKey.lock();
    expect(await readVaultState(db)).toMatchObject({ kind: 'locked', attemptsLeft: 5 });
  });
});

describe('choosing a PIN after the first sign-in', () => {
  it('names what is wrong with a PIN, keeps the typing, then seals what the phone holds', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE);
    await user.type(screen.getByLabelText('Login'), DEMO_LOGIN);
    await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Choose a PIN' }, LIVE);
    // Nothing is kept before the PIN: the account waits in memory.
    expect(await rawRows(db.name, 'meta')).toEqual([expect.objectContaining({ key: 'clientId' })]);

    await user.type(screen.getByLabelText('New PIN'), '123456');
    await user.click(screen.getByRole('button', { name: 'Save PIN' }));
    expect(screen.getByLabelText('New PIN')).toHaveAccessibleDescription(
      'This PIN is too easy to guess. Avoid one digit repeated and runs like 123456.',
    );
    expect(screen.getByLabelText('New PIN')).toHaveValue('123456');

    await user.clear(screen.getByLabelText('New PIN'));
    await user.type(screen.getByLabelText('New PIN'), PIN);
    await user.type(screen.getByLabelText('The same PIN again'), '482951');
    await user.click(screen.getByRole('button', { name: 'Save PIN' }));
    expect(screen.getByLabelText('The same PIN again')).toHaveAccessibleDescription('The two PINs are not the same.');

    await user.clear(screen.getByLabelText('The same PIN again'));
    await user.type(screen.getByLabelText('The same PIN again'), PIN);
    await user.click(screen.getByRole('button', { name: 'Save PIN' }));
    await screen.findByRole('navigation', {}, LIVE);
    expect((await loadAccount(db))?.user.login).toBe(DEMO_LOGIN);
    expect(await readVaultState(db)).toEqual({ kind: 'unlocked' });
    const account = await rawRows(db.name, 'meta');
    expect(stringsIn(account).some((text) => text.includes(DEMO_LOGIN))).toBe(false);
  });
});
