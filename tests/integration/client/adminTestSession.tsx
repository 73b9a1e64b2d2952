/**
 * The administration screens' tests: a person signed in on this phone for
 * real against the demo server of accountUiServer.ts (the session cookie is
 * the test browser's), with the places brought by a real sync, as an
 * administrator's phone holds them after signing in.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/app/App.tsx';
import { saveSignIn, type DeviceAccount } from '../../../src/storage/accountRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { signIn } from '../../../src/sync/sessionApi.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { DEMO_PASSWORD, type AccountServer } from '../../support/accountUiServer.ts';

/** Live queries over fake IndexedDB, lazy screens and scrypt on the server, on a busy machine: give them time. */
export const LIVE = { timeout: 10_000 };

/** Signs a demo login in on this phone (the demo administrator unless told) and syncs the places. */
export async function signInOnPhone(server: AccountServer, login = 'admin'): Promise<DeviceAccount> {
  const clientId = await getClientId(db);
  const result = await signIn(server.fetch, '', { login, password: DEMO_PASSWORD, clientId });
  if (!result.ok) throw new Error(`sign-in of ${login} refused: ${result.reason}`);
  const account = await saveSignIn(db, result.session, Date.now());
  await syncWithServer(db, { fetch: server.fetch, baseUrl: '' });
  return account;
}

/** The app opened at `hash`, once the screen's title shows. */
export async function openScreen(hash: string, title: string): Promise<ReturnType<typeof userEvent.setup>> {
  window.location.hash = hash;
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: title }, LIVE);
  return user;
}
