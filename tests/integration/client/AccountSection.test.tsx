import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { openText } from '../../../src/domain/unsentEnvelope.ts';
import { restartApp } from '../../../src/features/account/restartApp.ts';
import { formatDateTime } from '../../../src/i18n/formatDate.ts';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { DEMO_SCHOOLS } from '../../../src/server/seed/demoPlaces.ts';
import { db } from '../../../src/storage/database.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import {
  catchDownloads,
  resetDevice,
  seedAccount,
  SESSION_END,
  setBrowserOnline,
  signInForReal,
  tableCounts,
  type Download,
} from '../../support/accountUiFixtures.ts';
import { startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
vi.mock('../../../src/features/account/restartApp.ts', () => ({ restartApp: vi.fn() }));

const LIVE = { timeout: 10_000 };
const PASSPHRASE = 'dy zogj mbi Sharr';
let server: AccountServer;
let downloads: Download[];

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
  vi.mocked(restartApp).mockClear();
  downloads = catchDownloads();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await changeLanguage('en');
});

async function openSettings() {
  const user = userEvent.setup();
  window.location.hash = '#/settings';
  render(<App />);
  await screen.findByTestId('account', {}, LIVE);
  return user;
}

/** Changes saved on the phone for schools the demo school team may write. */
async function saveStudents(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await createStudent(db, makeStudentFields({ schoolId: DEMO_SCHOOLS[0]!.id, givenName: `Drita ${index}` }));
  }
}

const allEmpty = async () => Object.values(await tableCounts()).every((count) => count === 0);

describe('Settings → Account', () => {
  it('says who is signed in, in which roles, and until when', async () => {
    await seedAccount(['schoolTeam', 'cswLiaison']);
    await openSettings();
    const section = screen.getByTestId('account');
    expect(within(section).getByRole('heading', { level: 2, name: 'Account' })).toBeInTheDocument();
    expect(within(section).getByTestId('account-name')).toHaveTextContent('Vesa Gashi');
    expect(within(section).getByTestId('account-login')).toHaveTextContent('vesa');
    expect(within(section).getByTestId('account-roles')).toHaveTextContent(
      'School team member and Centre for social work liaison',
    );
    expect(section).toHaveTextContent(`Signed in until ${formatDateTime(SESSION_END, 'en')}.`);
  });
});

describe('signing out', () => {
  it('with everything sent: asks once, ends the session, wipes the phone and returns to sign-in', async () => {
    await signInForReal(server);
    const user = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText(/Every change has reached the server/, {}, LIVE)).toBeInTheDocument();
    // The pull that went with the push brought the caseload: there is something to wipe.
    expect(await db.students.count()).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Sign out and delete' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE)).toBeInTheDocument();
    expect(await allEmpty()).toBe(true);
    expect(server.requests).toContain('DELETE /api/session');
    expect(server.cookie()).toBeUndefined();
    expect(restartApp).toHaveBeenCalledTimes(1);
  });

  it('offline with unsent changes: counts them, exports every one locked, and discards them only after a second yes', async () => {
    await seedAccount();
    await saveStudents(2);
    const [first] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(first!.seq, { state: 'rejected', rejectionCode: 'invalid_fields' });
    server.setOffline(true);
    setBrowserOnline(false);
    const user = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const unsent = await screen.findByTestId('sign-out-unsent', {}, LIVE);
    expect(within(unsent).getByRole('alert')).toHaveTextContent(
      '2 changes have not reached the server. Signing out now deletes them from this phone.',
    );

    // Export asks for a passphrase first: the file leaves the phone with children's details in it.
    await user.click(within(unsent).getByRole('button', { name: 'Export them to a file' }));
    expect(within(unsent).getByRole('button', { name: 'Export them to a file' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.type(within(unsent).getByLabelText('Passphrase for the file'), PASSPHRASE);
    await user.type(within(unsent).getByLabelText('The passphrase again'), PASSPHRASE);
    await user.click(within(unsent).getByRole('button', { name: 'Save the locked file' }));
    await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
    expect(downloads[0]!.fileName).toMatch(/^ura-unsent-\d{4}-\d{2}-\d{2}-locked\.json$/);
    const locked = await downloads[0]!.blob.text();
    expect(JSON.parse(locked)).toMatchObject({ format: 'ura-unsent', version: 1 });
    const opened = await openText(locked, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.reason);
    const file = JSON.parse(opened.text) as {
      format: string;
      changes: { state: string; rejectionCode?: string; mutation: { id: string } }[];
    };
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(file.format).toBe('ura-unsent-changes');
    expect(file.changes.map((change) => change.mutation.id)).toEqual(rows.map((row) => row.mutation.id));
    expect(file.changes.map((change) => [change.state, change.rejectionCode])).toEqual([
      ['rejected', 'invalid_fields'],
      ['pending', undefined],
    ]);
    // The passphrase form closes once the file is made.
    await waitFor(() => expect(within(unsent).queryByLabelText('Passphrase for the file')).toBeNull(), LIVE);

    await user.click(within(unsent).getByRole('button', { name: 'Sign out and discard them' }));
    expect(screen.getByText(/Delete 2 changes for good and sign out\?/)).toBeInTheDocument();
    await user.click(within(unsent).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(/Delete 2 changes for good/)).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(2);
    expect(restartApp).not.toHaveBeenCalled();

    await user.click(within(unsent).getByRole('button', { name: 'Sign out and discard them' }));
    await user.click(screen.getByRole('button', { name: 'Delete and sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, LIVE)).toBeInTheDocument();
    expect(await allEmpty()).toBe(true);
    expect(restartApp).toHaveBeenCalledTimes(1);
  });

  it('sends the changes on "Try again" once the connection is back, then asks to sign out', async () => {
    await signInForReal(server);
    await saveStudents(1);
    server.setOffline(true);
    const user = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText(/1 change has not reached the server/, {}, LIVE)).toBeInTheDocument();

    server.setOffline(false);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Every change has reached the server/, {}, LIVE)).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(restartApp).not.toHaveBeenCalled();
  });

  it('counts unsent changes and names the roles in Serbian Cyrillic', async () => {
    await changeLanguage('sr-Cyrl');
    await seedAccount(['principal']);
    await saveStudents(3);
    server.setOffline(true);
    const user = await openSettings();
    expect(screen.getByTestId('account-roles')).toHaveTextContent('Директор школе');
    await user.click(screen.getByRole('button', { name: 'Одјави се' }));
    expect(await screen.findByRole('alert', {}, LIVE)).toHaveTextContent(
      '3 промене нису стигле до сервера. Ако се сада одјавите, биће обрисане са овог телефона.',
    );
    expect(screen.getByRole('button', { name: 'Извези их у датотеку' })).toBeInTheDocument();
  });
});
