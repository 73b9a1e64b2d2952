import { render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { grantRole } from '../../../src/server/accounts/roles.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { resetDevice, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { inviteMentor, type InvitedPerson } from '../../support/invitationFixtures.ts';
import { LIVE, openScreen, signInOnPhone } from './adminTestSession.tsx';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));
// Each test signs in for real (scrypt on the server) and syncs the places: on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: AccountServer;
let caseId: string;
let newMentor: InvitedPerson;

beforeAll(async () => {
  await setupI18n('en');
  server = await startAccountServer();
  // The demo school team also administers here: the server lets the school team give its school's cases.
  await grantRole(server.db, null, DEMO_USER_IDS.team, { role: 'admin' }, Date.now());
  const demoCase = await server.db.selectFrom('case_assignment').select('case_id').executeTakeFirstOrThrow();
  caseId = demoCase.case_id;
  newMentor = await inviteMentor(server);
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDevice();
  server.setOffline(false);
  setBrowserOnline(true);
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function assigned(userId: string): Promise<boolean> {
  const row = await server.db
    .selectFrom('case_assignment')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

const caseField = () => screen.getByLabelText('Case id');
const giveButton = () => screen.getByRole('button', { name: 'Give the case to the mentor' });
const takeButton = () => screen.getByRole('button', { name: 'Take the case away from the mentor' });
const mentorOption = () => `${newMentor.displayName} (${newMentor.login})`;

describe('case assignment', () => {
  it('tells an administrator who is not on a school team that the server will refuse, and why it did', async () => {
    await signInOnPhone(server, 'admin');
    const user = await openScreen('#/admin/cases', 'Case assignment');
    expect(await screen.findByTestId('cases-rule', {}, LIVE)).toHaveTextContent(
      /only the school team or the principal/,
    );
    await user.type(caseField(), caseId);
    await user.selectOptions(await screen.findByLabelText('CSO mentor'), mentorOption());
    await user.click(giveButton());

    expect(await screen.findByTestId('admin-problem', {}, LIVE)).toHaveTextContent(
      "The server refused: only the school team or the principal of the case's school may give or take this case, or there is no case with this id. Nothing was changed.",
    );
    expect(caseField()).toHaveValue(caseId);
    expect(await assigned(newMentor.userId)).toBe(false);
  });

  it('gives a case to a mentor and takes it away, for an administrator on the case’s school team', async () => {
    await signInOnPhone(server, 'team');
    const user = await openScreen('#/admin/cases', 'Case assignment');
    expect(screen.queryByTestId('cases-rule')).not.toBeInTheDocument();
    // Pasted from the case's address, as the school team sends it.
    await user.type(caseField(), `  #/cases/${caseId.toUpperCase()} `);
    await user.selectOptions(await screen.findByLabelText('CSO mentor'), mentorOption());
    await user.click(giveButton());
    expect(
      await screen.findByText(
        `The case is now ${newMentor.displayName}'s. It reaches their phone at its next sync.`,
        {},
        LIVE,
      ),
    ).toBeInTheDocument();
    expect(await assigned(newMentor.userId)).toBe(true);

    await user.click(takeButton());
    expect(
      await screen.findByText(
        `The case was taken away from ${newMentor.displayName}. It leaves their phone at its next sync.`,
        {},
        LIVE,
      ),
    ).toBeInTheDocument();
    expect(await assigned(newMentor.userId)).toBe(false);
  });

  it('checks the case id on the phone before asking the server', async () => {
    await signInOnPhone(server, 'admin');
    const user = await openScreen('#/admin/cases', 'Case assignment');
    const sentBefore = server.requests.length;
    await user.type(caseField(), 'case 12');
    await user.click(giveButton());
    expect(screen.getByText('This is not a case id. Paste the whole id the school team sent.')).toBeInTheDocument();
    expect(screen.getByText('This is needed.')).toBeInTheDocument();
    expect(server.requests.slice(sentBefore).filter((request) => request.includes('/assignees/'))).toEqual([]);
  });

  it('offers no Administration tab to a mentor signed in for real', async () => {
    await signInOnPhone(server, 'mentor');
    window.location.hash = '#/admin/cases';
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' }, LIVE);
    expect(within(nav).queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' }, LIVE)).toBeVisible();
  });
});
