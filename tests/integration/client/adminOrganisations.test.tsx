import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORGANISATION_KINDS } from '../../../src/features/admin/adminTypes.ts';
import { setupI18n } from '../../../src/i18n/setupI18n.ts';
import { ORGANISATION_KINDS as SERVER_KINDS } from '../../../src/server/accounts/organisations.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS, DEMO_SCHOOLS } from '../../../src/server/seed/demoPlaces.ts';
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

afterEach(() => {
  vi.unstubAllGlobals();
});

async function stored(name: string) {
  return server.db
    .selectFrom('organisation')
    .select(['kind', 'school_id', 'municipality_id'])
    .where('name', '=', name)
    .executeTakeFirst();
}

const schoolName = (id: string) => DEMO_SCHOOLS.find((school) => school.id === id)?.fields.name.en ?? '';

describe('organisations', () => {
  it('offers the kinds the server takes', () => {
    expect(ORGANISATION_KINDS).toEqual(SERVER_KINDS);
  });

  it('lists the organisations on the server with their kind and place', async () => {
    await openScreen('#/admin/organisations', 'Organisations');
    const list = await screen.findByRole('list', { name: 'Organisations on the server' }, LIVE);
    expect(within(list).getByText('Demo CSO').closest('li')).toHaveTextContent('Civil society organisation (CSO)');
    // Places come from the phone, a moment after the list from the server.
    await waitFor(
      () =>
        expect(within(list).getByText('Ferizaj municipal education directorate').closest('li')).toHaveTextContent(
          /Municipal education directorate · Ferizaj/,
        ),
      LIVE,
    );
  });

  it('adds a centre for social work with its municipality', async () => {
    const user = await openScreen('#/admin/organisations', 'Organisations');
    await user.click(screen.getByRole('button', { name: 'Add an organisation' }));
    const sentBefore = server.requests.length;
    await user.click(screen.getByRole('button', { name: 'Add the organisation' }));
    // The phone's own checks first: a kind and a name, and nothing sent.
    expect(screen.getAllByText('This is needed.')).toHaveLength(2);
    expect(server.requests.length).toBe(sentBefore);

    await user.click(screen.getByRole('radio', { name: 'Centre for social work' }));
    await user.type(screen.getByLabelText('Name'), 'CSW Ferizaj');
    await user.click(screen.getByRole('button', { name: 'Add the organisation' }));
    expect(screen.getByText('This is needed.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Municipality'), DEMO_MUNICIPALITY_IDS.ferizaj);
    await user.click(screen.getByRole('button', { name: 'Add the organisation' }));

    expect(await screen.findByText('CSW Ferizaj was added.', {}, LIVE)).toBeInTheDocument();
    expect(await stored('CSW Ferizaj')).toEqual({
      kind: 'csw',
      school_id: null,
      municipality_id: DEMO_MUNICIPALITY_IDS.ferizaj,
    });
    const list = screen.getByRole('list', { name: 'Organisations on the server' });
    expect(await within(list).findByText('CSW Ferizaj', {}, LIVE)).toBeInTheDocument();
  });

  it('ties a school organisation to its school, named after it, in the school’s municipality', async () => {
    const user = await openScreen('#/admin/organisations', 'Organisations');
    await user.click(screen.getByRole('button', { name: 'Add an organisation' }));
    await user.click(screen.getByRole('radio', { name: 'School' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'School' }), DEMO_SCHOOL_IDS.gjakoveYllMorina);
    expect(screen.getByLabelText('Name')).toHaveValue(schoolName(DEMO_SCHOOL_IDS.gjakoveYllMorina));
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Yll Morina school');
    await user.click(screen.getByRole('button', { name: 'Add the organisation' }));

    expect(await screen.findByText('Yll Morina school was added.', {}, LIVE)).toBeInTheDocument();
    expect(await stored('Yll Morina school')).toEqual({
      kind: 'school',
      school_id: DEMO_SCHOOL_IDS.gjakoveYllMorina,
      municipality_id: DEMO_MUNICIPALITY_IDS.gjakove,
    });
  });

  it('keeps the form and says so when the server cannot be reached', async () => {
    const user = await openScreen('#/admin/organisations', 'Organisations');
    await user.click(screen.getByRole('button', { name: 'Add an organisation' }));
    await user.click(screen.getByRole('radio', { name: 'Ministry' }));
    await user.type(screen.getByLabelText('Name'), 'Ministry of Education');
    server.setOffline(true);
    await user.click(screen.getByRole('button', { name: 'Add the organisation' }));
    expect(await screen.findByTestId('admin-problem', {}, LIVE)).toHaveTextContent(/The server cannot be reached/);
    expect(screen.getByLabelText('Name')).toHaveValue('Ministry of Education');
    expect(screen.getByRole('radio', { name: 'Ministry' })).toBeChecked();
    expect(await stored('Ministry of Education')).toBeUndefined();
  });
});
