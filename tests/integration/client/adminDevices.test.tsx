import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { resetDevice, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { DEMO_PASSWORD, startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { LIVE, openScreen, signInOnPhone } from './adminTestSession.tsx';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
// Each test signs in for real (scrypt on the server) and syncs the places: on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: AccountServer;
/** The demo mentor's phone, signed in straight against the server (not this test's browser). */
let mentorPhone: string;

beforeAll(async () => {
  await setupI18n('en');
  server = await startAccountServer();
  mentorPhone = crypto.randomUUID();
  const reply = await server.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: 'mentor', password: DEMO_PASSWORD, clientId: mentorPhone },
  });
  expect(reply.statusCode).toBe(200);
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

afterEach(() => {
  vi.unstubAllGlobals();
});

async function revokedAt(clientId: string): Promise<number | null> {
  const row = await server.db
    .selectFrom('device')
    .select('revoked_at')
    .where('client_id', '=', clientId)
    .executeTakeFirstOrThrow();
  return row.revoked_at;
}

const shortId = (clientId: string) => clientId.slice(-6).toUpperCase();

describe('a person’s phones', () => {
  it('asks before blocking a phone, says what happens to it, and blocks it only on the yes', async () => {
    const user = await openScreen(`#/admin/people/${DEMO_USER_IDS.mentor}`, 'Demo mentor');
    const phone = await screen.findByText(`Phone …${shortId(mentorPhone)}`, {}, LIVE);
    const card = within(phone.closest('li')!);

    await user.click(card.getByRole('button', { name: 'Block this phone' }));
    const question = card.getByRole('group', { name: `Block phone …${shortId(mentorPhone)} of Demo mentor?` });
    expect(question).toHaveTextContent('It is signed out now and can no longer sync.');
    expect(question).toHaveTextContent(
      'The next time it reaches the server, Ura deletes everything it holds on that phone.',
    );
    expect(question).toHaveTextContent('Changes on it that have not been sent yet are lost.');
    expect(await revokedAt(mentorPhone)).toBeNull();

    // Cancel leaves the phone as it was.
    await user.click(card.getByRole('button', { name: 'Cancel' }));
    expect(card.queryByRole('group')).not.toBeInTheDocument();
    expect(await revokedAt(mentorPhone)).toBeNull();
    expect(server.requests).not.toContain(`POST /api/devices/${mentorPhone}/revoke`);

    await user.click(card.getByRole('button', { name: 'Block this phone' }));
    await user.click(card.getByRole('button', { name: 'Block and wipe' }));
    expect(
      await screen.findByText(
        "The phone is blocked. Ura's data is deleted from it the next time it reaches the server.",
        {},
        LIVE,
      ),
    ).toBeInTheDocument();
    expect(await revokedAt(mentorPhone)).not.toBeNull();
    await waitFor(() => expect(card.getByText(/^Blocked /)).toBeInTheDocument(), LIVE);
    expect(card.queryByRole('button', { name: 'Block this phone' })).not.toBeInTheDocument();

    // The blocked phone cannot sign in again: the server refuses it from now on.
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: {
        login: 'mentor',
        password: DEMO_PASSWORD,
        clientId: mentorPhone,
      },
    });
    expect(again.statusCode).toBe(403);
  });

  it('marks the phone the administrator is holding, and warns before blocking it', async () => {
    const user = await openScreen(`#/admin/people/${DEMO_USER_IDS.admin}`, 'Demo administrator');
    const phone = await screen.findByText(/· this phone$/, {}, LIVE);
    const card = within(phone.closest('li')!);
    await user.click(card.getByRole('button', { name: 'Block this phone' }));
    expect(card.getByRole('group')).toHaveTextContent(
      'This is the phone you are using: you will be signed out of it too.',
    );
  });

  it('says a person has no phone yet', async () => {
    await openScreen(`#/admin/people/${DEMO_USER_IDS.coordinator}`, 'Demo coordinator');
    expect(await screen.findByText('Demo coordinator has not signed in on any phone yet.', {}, LIVE)).toBeVisible();
  });
});
