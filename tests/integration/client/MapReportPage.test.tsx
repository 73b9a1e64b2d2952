/**
 * The printable MAP progress report (docs/mapReport.md) from a plan on the
 * device: header, status as a municipal act, tables per goal with numbers,
 * money and percentages formatted for the reader's language and the
 * municipality's currency, narratives by quarter, automatic indicators from
 * the kept dashboard figures — and every print recorded for the audit trail
 * before the browser prints.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapReportPage } from '../../../src/features/mapReport/MapReportPage.tsx';
import { formatDateTime, formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { resetDevice, seedAccount, setBrowserOnline } from '../../support/accountUiFixtures.ts';
import { localizedName } from '../../support/clientFixtures.ts';
import {
  seedDemoLikePlan,
  seedMunicipality,
  seedMunicipalityFigures,
  type SeededPlan,
} from '../../support/mapReportFixtures.ts';

const LIVE = { timeout: 10_000 };
const COMPUTED_AT = Date.UTC(2026, 10, 23, 6, 30);
/** Non-breaking and narrow spaces as plain ones: Intl groups digits with them. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all((['map', 'mapReport', 'exports'] as const).map((ns) => loadNamespace(ns)));
});

beforeEach(async () => {
  await resetDevice();
  // Offline: the report reads the figures kept on the phone and asks no server.
  setBrowserOnline(false);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  setBrowserOnline(true);
  await changeLanguage('en');
});

async function demoPlan(): Promise<SeededPlan> {
  const municipality = await seedMunicipality(db, 'XK');
  await seedAccount(['coordinator']);
  return seedDemoLikePlan(db, municipality);
}

function renderReport(planId: string) {
  const user = userEvent.setup();
  render(<MapReportPage planId={planId} />);
  return user;
}

describe('the MAP progress report', () => {
  it('prints the plan in Albanian, its numbers, money and percentages formatted for Albanian', async () => {
    const { plan, municipality } = await demoPlan();
    await seedMunicipalityFigures(db, municipality.id, COMPUTED_AT);
    await changeLanguage('sq');
    renderReport(plan.id);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Plani Komunal i Veprimit: raport i progresit' }, LIVE),
    ).toBeInTheDocument();
    const euro = new Intl.NumberFormat('sq', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat('sq', { style: 'percent', maximumFractionDigits: 1 });
    expect(screen.getByText('Komuna Ferizaj')).toBeInTheDocument();
    expect(screen.getByText(plan.title)).toBeInTheDocument();
    expect(screen.getByTestId('map-report-status')).toHaveTextContent(
      `Miratuar si akt komunal, nr. 01-016/26-1234, më ${formatIsoDate('2026-03-15', 'sq', 'long')}`,
    );
    expect(plain(screen.getByTestId('map-report-budget').textContent)).toBe(
      plain(`${euro.format(11700)} (1 aktivitet pa buxhet)`),
    );
    expect(screen.getByText('2 objektiva, 4 aktivitete')).toBeInTheDocument();
    expect(
      await screen.findByText(
        `Llogaritur nga të dhënat e rasteve më ${formatDateTime(COMPUTED_AT, 'sq')}`,
        undefined,
        LIVE,
      ),
    ).toBeInTheDocument();

    const goal = screen.getByRole('region', { name: 'Objektivi 1: Identifikimi i hershëm i nxënësve në rrezik' });
    const [activities, indicators, quarterly] = within(goal).getAllByRole('table');
    expect(
      within(activities!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Aktiviteti', 'Përgjegjës', 'Afatet', 'Buxheti']);
    expect(plain(within(activities!).getByTestId('map-goal-budget').textContent)).toBe(plain(euro.format(2500)));
    // Automatic: 26 cases now, (26 − 12) / (40 − 12) = 50 %; 81.2 % on time, (81.2 − 40) / 50 = 82.4 %.
    const rows = within(indicators!).getAllByRole('row').slice(1);
    expect(plain(rows[0]!.textContent)).toContain(`26automatike, nga të dhënat e rasteve${plain(percent.format(0.5))}`);
    expect(plain(rows[1]!.textContent)).toContain(plain(percent.format(0.812)));
    expect(plain(rows[1]!.textContent)).toContain(plain(percent.format(0.824)));
    // The quarter's reported 31 stays in its row.
    expect(within(quarterly!).getByRole('rowheader', { name: 'TM3 2026' }).parentElement).toHaveTextContent('31');
    expect(within(goal).getByText('Identifikimi u krye në dy shkolla.')).toBeInTheDocument();

    const second = screen.getByRole('region', { name: 'Objektivi 2: Mbështetja e nxënësve' });
    // Home visits, reported: 27 of a target of 60 from 0 = 45 %.
    expect(plain(within(second).getAllByTestId('map-activity-progress')[1]!.textContent)).toBe(
      plain(percent.format(0.45)),
    );
    expect(within(second).getByText('raportuar për TM3 2026')).toBeInTheDocument();
    expect(within(second).getByRole('heading', { level: 4, name: 'TM2 2026' })).toBeInTheDocument();
    expect(within(second).getByText('Mentorët vizituan 14 familje në fshatrat e Ferizajt.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kthehu te plani' })).toHaveAttribute('href', `#/map/${plan.id}`);
  });

  it('speaks Serbian Cyrillic, in dinars for a Serbian municipality, for a draft without figures', async () => {
    const municipality = await seedMunicipality(db, 'RS', localizedName('Bujanovac', 'Бујановац'));
    await seedAccount(['coordinator']);
    const { plan } = await seedDemoLikePlan(db, municipality, { status: 'draft', actReference: '', adoptedOn: null });
    await changeLanguage('sr-Cyrl');
    renderReport(plan.id);
    expect(await screen.findByText('Општина Бујановац', undefined, LIVE)).toBeInTheDocument();
    expect(screen.getByTestId('map-report-status')).toHaveTextContent('Нацрт, још није усвојен');
    const dinars = new Intl.NumberFormat('sr-Cyrl', { style: 'currency', currency: 'RSD', maximumFractionDigits: 0 });
    expect(plain(screen.getByTestId('map-report-budget').textContent)).toBe(
      plain(`${dinars.format(11700)} (1 активност без буџета)`),
    );
    expect(screen.getByText('2 циља, 4 активности')).toBeInTheDocument();
    expect(
      screen.getByText('На овом уређају још нема података о случајевима: приказане су последње пријављене вредности.'),
    ).toBeInTheDocument();
    // Without figures the automatic indicator shows its reported 31: (31 − 12) / 28 = 67.9 %.
    const goal = screen.getByRole('region', { name: /^Циљ 1:/ });
    const percent = new Intl.NumberFormat('sr-Cyrl', { style: 'percent', maximumFractionDigits: 1 });
    expect(plain(within(goal).getAllByTestId('map-activity-progress')[0]!.textContent)).toBe(
      plain(percent.format(0.679)),
    );
    expect(within(goal).getByText('пријављено за 3. квартал 2026.')).toBeInTheDocument();
    expect(within(goal).getAllByTestId('map-activity-progress')[1]).toHaveTextContent('непознато');
  });

  it('records each print as an export of the municipality before printing', async () => {
    const { plan, municipality } = await demoPlan();
    // jsdom cannot print: the test stands in for the browser's dialog and counts what was recorded when it opened.
    const printed: number[] = [];
    vi.stubGlobal('print', () => void db.exportLog.count().then((count) => printed.push(count)));
    const user = renderReport(plan.id);
    await user.click(await screen.findByRole('button', { name: 'Print' }, LIVE));
    await waitFor(() => expect(printed).toEqual([1]));
    expect(await db.exportLog.toArray()).toEqual([
      expect.objectContaining({
        kind: 'mapReport',
        rows: 1,
        caseId: null,
        schoolId: null,
        municipalityId: municipality.id,
      }),
    ]);
    // The browser's own event for the same print counts once; a print from its menu later counts again.
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.exportLog.count()).toBe(1);
    expect(screen.getByRole('contentinfo')).toHaveTextContent('by Vesa Gashi');
  });

  it('says so when the plan is not on this device, and leads to the list of plans', async () => {
    await seedAccount(['coordinator']);
    renderReport(newRecordId());
    expect(await screen.findByText(/This plan is not on this device/, undefined, LIVE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'To the list of plans' })).toHaveAttribute('href', '#/map');
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull();
  });

  it('lists a goal without activities and counts in English', async () => {
    const { plan } = await demoPlan();
    await db.mapActivities
      .where('goalId')
      .equals((await db.mapGoals.where('planId').equals(plan.id).first())!.id)
      .delete();
    renderReport(plan.id);
    expect(await screen.findByText('No activities under this goal yet.', undefined, LIVE)).toBeInTheDocument();
    expect(screen.getByText('2 goals, 2 activities')).toBeInTheDocument();
    expect(plain(screen.getByTestId('map-report-budget').textContent)).toBe(plain('€9,200'));
  });
});
