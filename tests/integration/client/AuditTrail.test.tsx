/**
 * Settings → Audit trail against a real server (demo data): a coordinator
 * reads their municipality's events in words, newest first, a page at a time,
 * filtered; offline the screen says why it shows nothing; anyone else never
 * sees the link and is told why at its address.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App.tsx';
import { AUDIT_PAGE_SIZE } from '../../../src/features/audit/auditApi.ts';
import { formatDateTime } from '../../../src/i18n/formatDate.ts';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { recordAudit } from '../../../src/server/audit/auditLog.ts';
import { DEMO_USER_IDS } from '../../../src/server/seed/demoAccounts.ts';
import { demoCasework } from '../../../src/server/seed/demoCasework.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { db } from '../../../src/storage/database.ts';
import { signIn, signOutOnServer } from '../../../src/sync/sessionApi.ts';
import { resetDevice, seedAccount, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { DEMO_PASSWORD, startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';
import { createTestAccount } from '../../support/testAccounts.ts';

vi.mock('../../../src/pwa/UpdatePrompt.tsx', () => ({ UpdatePrompt: () => null }));

const LIVE = { timeout: 10_000 };
const FERIZAJ_CASE = demoCasework('2026-11-23').find(
  (record) =>
    record.entity === 'case' &&
    'schoolId' in record.fields &&
    record.fields.schoolId === DEMO_SCHOOL_IDS.ferizajAhmetHoxha,
)!.id;
/** Sign-ins of the demo coordinator, an hour apart, the newest at noon UTC on 1 December 2026. */
const SIGN_INS = AUDIT_PAGE_SIZE + 5;
const NEWEST = Date.UTC(2026, 11, 1, 12, 0);
const HOUR = 60 * 60 * 1000;
let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  server = await startAccountServer();
  // Someone in Prizren: their events belong to Prizren, never to Ferizaj's coordinator.
  await createTestAccount(server.db, {
    displayName: 'Besnik Morina',
    roles: [{ role: 'schoolTeam', schoolId: DEMO_SCHOOL_IDS.prizrenLekeDukagjini }],
  });
  for (let index = SIGN_INS - 1; index >= 0; index -= 1) {
    await recordAudit(server.db, NEWEST - index * HOUR, [
      { userId: DEMO_USER_IDS.coordinator, clientId: null, action: 'sign_in' },
    ]);
  }
  // The demo mentor's visit to Arbër's case (a Ferizaj school's), as a sync push records it.
  await recordAudit(server.db, NEWEST + HOUR, [
    {
      userId: DEMO_USER_IDS.mentor,
      action: 'case_write',
      entity: 'case',
      entityId: FERIZAJ_CASE,
      detail: { records: 3 },
    },
  ]);
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDevice();
  server.setOffline(false);
  setBrowserOnline(true);
  vi.stubGlobal('fetch', server.fetch);
  // The "browser" keeps its cookie across tests: each starts signed out on the server too.
  await signOutOnServer(server.fetch, '');
  server.requests.length = 0;
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await changeLanguage('en');
});

/** The demo coordinator (Ferizaj), signed in on the server from this phone, with a coordinator's account on it. */
async function signInCoordinator(): Promise<void> {
  const clientId = await getClientId(db);
  const result = await signIn(server.fetch, '', { login: 'coordinator', password: DEMO_PASSWORD, clientId });
  if (!result.ok) throw new Error(`coordinator sign-in refused: ${result.reason}`);
  await seedAccount(['coordinator']);
}

function open(hash: string) {
  const user = userEvent.setup();
  window.location.hash = hash;
  render(<App />);
  return user;
}

/** The position of the event card showing this time, or -1. */
function cardAt(time: number, language = 'en'): number {
  return screen
    .getAllByTestId('audit-event')
    .findIndex((card) => within(card).queryByText(formatDateTime(time, language)) !== null);
}

const auditRequests = () => server.requests.filter((request) => request.startsWith('GET /api/audit'));

describe('the audit trail screen', { timeout: 30_000 }, () => {
  it('is reached from Settings and shows the municipality’s events in words, newest first, a page at a time', async () => {
    await signInCoordinator();
    const user = open('#/settings');
    await user.click(await screen.findByRole('link', { name: 'Open the audit trail' }, LIVE));
    expect(window.location.hash).toBe('#/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail' }, LIVE)).toBeInTheDocument();

    const cards = await screen.findAllByTestId('audit-event', {}, LIVE);
    expect(cards).toHaveLength(AUDIT_PAGE_SIZE);
    const newest = cardAt(NEWEST);
    expect(newest).toBeGreaterThanOrEqual(0);
    expect(cardAt(NEWEST - HOUR)).toBe(newest + 1);
    expect(within(cards[newest]!).getByText('Signed in')).toBeInTheDocument();
    expect(within(cards[newest]!).getByText('Demo coordinator')).toBeInTheDocument();
    expect(screen.queryByText('Besnik Morina')).not.toBeInTheDocument();
    expect(cardAt(NEWEST - (SIGN_INS - 1) * HOUR)).toBe(-1);

    await user.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-event').length).toBeGreaterThan(AUDIT_PAGE_SIZE), LIVE);
    expect(cardAt(NEWEST - (SIGN_INS - 1) * HOUR)).toBe(newest + SIGN_INS - 1);
    expect(auditRequests()).toHaveLength(2);
  });

  it('filters by kind of event, and checks a case id before asking the server', async () => {
    await signInCoordinator();
    const user = open('#/audit');
    await screen.findAllByTestId('audit-event', {}, LIVE);
    await user.selectOptions(screen.getByLabelText('What happened'), 'Role given');
    await user.click(screen.getByRole('button', { name: 'Show events' }));
    await waitFor(() => {
      const cards = screen.getAllByTestId('audit-event');
      expect(cards.every((card) => within(card).queryByText('Role given') !== null)).toBe(true);
    }, LIVE);
    // The demo coordinator's own role, given in Ferizaj when the demo was seeded.
    const roleCard = screen
      .getAllByTestId('audit-event')
      .find((card) => within(card).queryByText('Municipal coordinator') !== null);
    expect(roleCard).toBeDefined();
    expect(within(roleCard!).getByText('Demo coordinator')).toBeInTheDocument();
    expect(within(roleCard!).getByText('Ura (the server itself)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    const caseCard = await waitFor(() => {
      const found = screen.getAllByTestId('audit-event').find((card) => within(card).queryByText('Case changed'));
      expect(found).toBeDefined();
      return found!;
    }, LIVE);
    expect(within(caseCard).getByText('Demo mentor')).toBeInTheDocument();
    expect(within(caseCard).getByText(FERIZAJ_CASE)).toBeInTheDocument();
    expect(within(caseCard).getByText('3')).toBeInTheDocument();
    await user.click(within(caseCard).getByRole('button', { name: 'Only this case' }));
    // The visit, and the seed's assigning of the case to the mentor: nothing else.
    await waitFor(() => {
      const cards = screen.getAllByTestId('audit-event');
      expect(cards.map((card) => within(card).getByRole('paragraph').textContent)).toEqual([
        'Case changed',
        'Case assigned',
      ]);
      for (const card of cards) expect(within(card).getByText(FERIZAJ_CASE)).toBeInTheDocument();
    }, LIVE);
    expect(screen.getByLabelText('Case id')).toHaveValue(FERIZAJ_CASE);

    const before = auditRequests().length;
    await user.clear(screen.getByLabelText('Case id'));
    await user.type(screen.getByLabelText('Case id'), 'Drita Gashi');
    await user.click(screen.getByRole('button', { name: 'Show events' }));
    expect(await screen.findByText(/A case id has 36 letters/)).toBeInTheDocument();
    expect(screen.getByLabelText('Case id')).toHaveAttribute('aria-invalid', 'true');
    expect(auditRequests()).toHaveLength(before);
  });

  it('offline, says the trail is read from the server, and loads it once back online', async () => {
    await signInCoordinator();
    server.setOffline(true);
    setBrowserOnline(false);
    open('#/audit');
    expect(await screen.findByText(/Connect to the internet to review it/, {}, LIVE)).toBeInTheDocument();
    expect(screen.queryAllByTestId('audit-event')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Show events' })).toBeDisabled();
    expect(auditRequests()).toEqual([]);

    server.setOffline(false);
    setBrowserOnline(true);
    expect(await screen.findAllByTestId('audit-event', {}, LIVE)).toHaveLength(AUDIT_PAGE_SIZE);
    expect(screen.queryByText(/Connect to the internet/)).not.toBeInTheDocument();
  });

  it('says so when the server session has ended', async () => {
    await seedAccount(['coordinator']);
    open('#/audit');
    expect(await screen.findByRole('alert', {}, LIVE)).toHaveTextContent('Your session has ended.');
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '#/sign-in');
  });

  it('speaks the interface language, dates through Intl', async () => {
    await signInCoordinator();
    await changeLanguage('sq');
    open('#/audit');
    const cards = await screen.findAllByTestId('audit-event', {}, LIVE);
    const newest = cards[cardAt(NEWEST, 'sq')];
    expect(newest).toBeDefined();
    expect(within(newest!).getByText('Hyrje')).toBeInTheDocument();
    expect(within(newest!).getByText('Kur')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Gjurma e auditimit');
  });
});

describe('anyone who is not a coordinator or an administrator', () => {
  it('never sees the link, and is told why at the address, without asking the server', async () => {
    await seedAccount(['schoolTeam', 'cswLiaison']);
    open('#/settings');
    await screen.findByTestId('account', {}, LIVE);
    expect(screen.queryByRole('link', { name: 'Open the audit trail' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('audit-settings')).not.toBeInTheDocument();

    window.location.hash = '#/audit';
    expect(await screen.findByText(/Only municipal coordinators and administrators/, {}, LIVE)).toBeInTheDocument();
    expect(auditRequests()).toEqual([]);
  });

  it('shows an administrator the link too', async () => {
    await seedAccount(['admin']);
    open('#/settings');
    expect(await screen.findByRole('link', { name: 'Open the audit trail' }, LIVE)).toHaveAttribute('href', '#/audit');
  });
});
