/**
 * The dashboard screen against a real demo server: the Ferizaj coordinator's
 * suppressed figures, fetched, kept and read again offline; a school filter;
 * every chart's numbers as a table, and its CSV download recorded for the
 * audit trail; a school team's figures computed on the phone, unsent work
 * included; and no figures offline on a phone that has none.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSV_BOM } from '../../../src/domain/csvFile.ts';
import { localIsoDate } from '../../../src/domain/dueDates.ts';
import { DashboardPage } from '../../../src/features/dashboard/DashboardPage.tsx';
import { formatDateTime } from '../../../src/i18n/formatDate.ts';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { DEMO_MUNICIPALITY_IDS, DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { createCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { saveSignIn } from '../../../src/storage/accountRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { signIn, signOutOnServer } from '../../../src/sync/sessionApi.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { catchDownloads, resetDevice, seedAccount, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { DEMO_PASSWORD, startAccountServer, type AccountServer } from '../../support/accountUiServer.ts';

const LIVE = { timeout: 15_000 };
const FERIZAJ = DEMO_MUNICIPALITY_IDS.ferizaj;
const TEFIK_CANGA = DEMO_SCHOOL_IDS.ferizajTefikCanga;
let server: AccountServer;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all((['dashboard', 'casework', 'students', 'exports'] as const).map((ns) => loadNamespace(ns)));
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
  await signOutOnServer(server.fetch, '');
  server.requests.length = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A demo login signed in on this phone for real, with what its first sync brings (places, a school's records). */
async function signInOnPhone(login: 'coordinator' | 'team'): Promise<void> {
  const clientId = await getClientId(db);
  const result = await signIn(server.fetch, '', { login, password: DEMO_PASSWORD, clientId });
  if (!result.ok) throw new Error(`sign-in of ${login} refused: ${result.reason}`);
  await saveSignIn(db, result.session, Date.now());
  await syncWithServer(db, { fetch: server.fetch, baseUrl: '' });
}

const dashboardRequests = () => server.requests.filter((request) => request === 'GET /api/dashboard');

function open() {
  const user = userEvent.setup();
  render(<DashboardPage />);
  return user;
}

/** The figure's section, once it shows. */
async function figure(name: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name }, LIVE);
}

describe('the dashboard screen', { timeout: 60_000 }, () => {
  it("shows the coordinator's suppressed figures with when they were computed, and keeps them for offline", async () => {
    await signInOnPhone('coordinator');
    open();
    const screened = await figure('Students screened');
    // 37 Ferizaj students were screened this year: shown; a level of 1–4 students reads "fewer than 5".
    expect(within(screened).getByText('37 students screened')).toBeInTheDocument();
    const stored = await waitFor(async () => {
      const rows = await db.dashboards.toArray();
      expect(rows.map((row) => row.key)).toEqual([`municipality:${FERIZAJ}`]);
      return rows[0];
    });
    expect(
      await screen.findByText(`Figures computed on ${formatDateTime(stored?.computedAt ?? 0, 'en')}.`, {}, LIVE),
    ).toBeInTheDocument();
    expect(screen.getByText(/counts from 1 to 4 read “fewer than 5”/)).toBeInTheDocument();
    expect(dashboardRequests()).toHaveLength(1);

    // The table behind the chart: a real table, named, with "fewer than 5" in words.
    const status = await figure('Cases by status');
    await userEvent.setup().click(within(status).getByText('Show the numbers'));
    const table = within(status).getByRole('table', { name: 'Cases by status' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Place', 'Flagged', 'Open', 'Assessed', 'Plan active', 'Monitoring', 'Closed', 'Total']);
    expect(within(table).getAllByText('fewer than 5').length).toBeGreaterThan(0);
    expect(within(table).getByRole('rowheader', { name: 'All' })).toBeInTheDocument();
  });

  it('filters to one school of the municipality, fetching and keeping its own figures', async () => {
    await signInOnPhone('coordinator');
    const user = open();
    await figure('Students screened');
    await user.selectOptions(await screen.findByLabelText('School'), TEFIK_CANGA);
    await waitFor(async () =>
      expect((await db.dashboards.toCollection().primaryKeys()).sort()).toEqual(
        [`municipality:${FERIZAJ}`, `municipality:${FERIZAJ}:school:${TEFIK_CANGA}`].sort(),
      ),
    );
    // Tefik Çanga holds 18 of the cohort's students, all screened.
    expect(await within(await figure('Students screened')).findByText('18 students screened', {}, LIVE)).toBeVisible();
    expect(screen.queryByRole('option', { name: 'School' })).toBeNull();
  });

  it('downloads a table as CSV, with a byte-order mark and translated headings, and records the export', async () => {
    await signInOnPhone('coordinator');
    const downloads = catchDownloads();
    const user = open();
    await user.selectOptions(await screen.findByLabelText('Break each figure down by'), 'sex');
    const actions = await figure('Plan actions by status');
    await user.click(within(actions).getByText('Show the numbers'));
    await user.click(within(actions).getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const asOf = localIsoDate(new Date());
    expect(downloads[0]?.fileName).toBe(`ura-dashboard-actionsByStatus-sex-${asOf}.csv`);
    // Blob.text() drops a byte-order mark, as UTF-8 decoding does: read the bytes.
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Sex,Planned,In progress,Done,Cancelled,Total');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['Female', 'Male', 'Total']);
    expect(lines.at(-1)).toMatch(/^Total,(\d+|fewer than 5|hidden),(\d+|fewer than 5|hidden),\d+,/);
    const [exported] = await db.exportLog.toArray();
    expect(exported).toMatchObject({ kind: 'dashboardTable', rows: 3, caseId: null, municipalityId: FERIZAJ });
    expect(exported?.schoolId).toBeNull();
    expect(within(actions).getByRole('status')).toHaveTextContent(
      `Saved ura-dashboard-actionsByStatus-sex-${asOf}.csv.`,
    );
  });

  it('hands over no file it could not record for the audit trail', async () => {
    await signInOnPhone('coordinator');
    const downloads = catchDownloads();
    const user = open();
    const outcomes = await figure('Outcomes at closure');
    await user.click(within(outcomes).getByText('Show the numbers'));
    // The phone locked itself (its data key gone): nothing can be written, so nothing is exported.
    db.dataKey.lock();
    await user.click(within(outcomes).getByRole('button', { name: 'Download CSV' }));
    expect(await within(outcomes).findByRole('alert')).toHaveTextContent('The file could not be made on this phone.');
    expect(downloads).toEqual([]);
  });

  it('shows the last figures offline, saying so, and says so when it has none', async () => {
    await signInOnPhone('coordinator');
    open();
    await figure('Outcomes at closure');
    await waitFor(async () => expect(await db.dashboards.count()).toBe(1));
    const [{ computedAt } = { computedAt: 0 }] = await db.dashboards.toArray();
    screen.getByRole('heading', { level: 1 }).remove();

    server.setOffline(true);
    setBrowserOnline(false);
    const asked = dashboardRequests().length;
    render(<DashboardPage />);
    expect(
      await screen.findByText('No connection: these are the last figures this phone received.', {}, LIVE),
    ).toBeVisible();
    expect(screen.getByText(`Figures computed on ${formatDateTime(computedAt, 'en')}.`)).toBeInTheDocument();
    expect(dashboardRequests()).toHaveLength(asked);

    await resetDevice();
    await seedAccount(['coordinator']);
    render(<DashboardPage />);
    expect(await screen.findByText(/no figures for this place on this phone yet/, {}, LIVE)).toBeInTheDocument();
  });

  it("computes a school team's own figures on the phone, unsent changes included, with counts of 1–4 shown", async () => {
    await signInOnPhone('team');
    const requests = dashboardRequests().length;
    const user = open();
    await user.selectOptions(await screen.findByLabelText('Municipality or school'), `school:${TEFIK_CANGA}`);
    const cases = await figure('Cases by status');
    expect(await within(cases).findByText('14 cases', {}, LIVE)).toBeInTheDocument();
    expect(screen.getByText(/Computed on this phone on .* changes not yet sent included\./)).toBeInTheDocument();
    expect(screen.queryByText(/counts from 1 to 4/)).toBeNull();
    // Its 5 closed cases: 3 back in school, 1 transferred, 1 completed, in numbers.
    const outcomes = await figure('Outcomes at closure');
    expect(within(outcomes).getByText('5 cases')).toBeInTheDocument();
    const chart = within(outcomes).getByRole('img', { name: /^Outcomes at closure: a chart/ });
    expect(within(chart).getAllByText('1')).toHaveLength(2);
    expect(within(chart).getByText('3')).toBeInTheDocument();
    expect(screen.queryByText('fewer than 5')).toBeNull();

    const student = await db.students.where('schoolId').equals(TEFIK_CANGA).first();
    const created = await createCase(db, {
      id: newRecordId(),
      studentId: student?.id ?? '',
      trigger: 'absence',
      at: localIsoDate(new Date()),
    });
    expect(created).toBe('added');
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect(await within(await figure('Cases by status')).findByText('15 cases', {}, LIVE)).toBeInTheDocument();
    await user.click(within(await figure('New cases per month')).getByText('Show the numbers'));
    expect(dashboardRequests()).toHaveLength(requests);
  });

  it('explains itself to someone whose role has no dashboard', async () => {
    await seedAccount(['teacher']);
    open();
    expect(
      await screen.findByText('The dashboard is for municipal coordinators, school teams and principals.', {}, LIVE),
    ).toBeInTheDocument();
  });
});
