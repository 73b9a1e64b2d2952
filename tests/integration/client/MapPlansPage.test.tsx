/**
 * The Action Plans list (F21): a coordinator's plans with their period and
 * status, a new plan stored once (with its outbox row) however often save is
 * tapped, refusals named on their field with the typing kept, a chooser only
 * for a coordinator of two municipalities, and a clear word for anyone else.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SCOPE } from '../../../src/domain/accessScope.ts';
import { MapPlansLink } from '../../../src/features/map/MapPlansLink.tsx';
import { MapPlansPage } from '../../../src/features/map/MapPlansPage.tsx';
import { formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { resetDevice } from '../../support/accountUiFixtures.ts';
import { ALEKSINAC, FERIZAJ, outboxMutations, signedIn, storedPlan } from './mapFixtures.ts';

const LIVE = { timeout: 10_000 };

beforeAll(async () => {
  await setupI18n('en');
  await loadNamespace('map');
});

beforeEach(async () => {
  await resetDevice();
});

function open() {
  const user = userEvent.setup();
  render(<MapPlansPage />);
  return user;
}

describe('the Action Plans list', { timeout: 30_000 }, () => {
  it('shows the empty state, then creates a draft plan once however often save is tapped, and opens it', async () => {
    await signedIn(['coordinator'], [FERIZAJ]);
    const user = open();
    expect(await screen.findByText('No plan yet. Start one with “New plan”.', {}, LIVE)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    // One municipality: nothing to choose.
    expect(screen.queryByLabelText('Municipality')).toBeNull();
    await user.type(screen.getByLabelText('Title'), 'Plani i veprimit 2026–2028');
    await user.type(screen.getByLabelText('Period from'), '2026-01-01');
    await user.type(screen.getByLabelText('Period to'), '2028-12-31');
    await user.dblClick(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/map\/[0-9a-f-]{36}$/), LIVE);
    const plans = await db.mapPlans.toArray();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      municipalityId: FERIZAJ,
      title: 'Plani i veprimit 2026–2028',
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
      status: 'draft',
      actReference: '',
      adoptedOn: null,
    });
    expect(window.location.hash).toBe(`#/map/${plans[0]?.id}`);
    const mutations = await outboxMutations();
    expect(mutations.map(({ entity, entityId, op }) => ({ entity, entityId, op }))).toEqual([
      { entity: 'mapPlan', entityId: plans[0]?.id, op: 'create' },
    ]);
    expect(mutations[0]?.fields).toMatchObject({ municipalityId: FERIZAJ, status: 'draft' });
  });

  it('names the refused fields, keeps the typing and stores nothing; a second municipality needs choosing', async () => {
    await signedIn(['coordinator'], [FERIZAJ, ALEKSINAC]);
    const user = open();
    await user.click(await screen.findByRole('button', { name: 'New plan' }, LIVE));
    await user.type(screen.getByLabelText('Title'), 'Plan 2027');
    await user.type(screen.getByLabelText('Period from'), '2027-12-31');
    await user.type(screen.getByLabelText('Period to'), '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: 1 field needs checking.');
    const municipality = screen.getByLabelText('Municipality');
    expect(municipality).toHaveAccessibleDescription('Fill this in.');
    await waitFor(() => expect(municipality).toHaveFocus());
    expect(screen.getByLabelText('Title')).toHaveValue('Plan 2027');
    expect(await db.mapPlans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    // Chosen, the period's order is what is left wrong.
    expect(
      within(municipality)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose…', 'Ferizaj', 'Aleksinac']);
    await user.selectOptions(municipality, ALEKSINAC);
    expect(municipality).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Period to')).toHaveAccessibleDescription('The end comes before the start.'),
    );
    expect(screen.getByLabelText('Period from')).toHaveValue('2027-12-31');
    expect(await db.mapPlans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it("lists the municipalities' plans with their place, period, status and goals", async () => {
    await signedIn(['coordinator'], [FERIZAJ, ALEKSINAC]);
    await storedPlan({ title: 'Draft plan', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    await storedPlan({
      title: 'Adopted plan',
      municipalityId: ALEKSINAC,
      status: 'adopted',
      actReference: '01-016/26-1234',
      adoptedOn: '2026-03-15',
    });
    open();
    const links = await screen.findAllByRole('link', {}, LIVE);
    expect(links.map((link) => link.getAttribute('href')?.startsWith('#/map/'))).toEqual([true, true]);
    // The newest period first.
    expect(links[0]).toHaveTextContent('Adopted plan');
    expect(links[0]).toHaveTextContent('Aleksinac');
    expect(links[0]).toHaveTextContent(`${formatIsoDate('2026-01-01', 'en')} – ${formatIsoDate('2028-12-31', 'en')}`);
    expect(links[0]).toHaveTextContent(`Adopted as act 01-016/26-1234 on ${formatIsoDate('2026-03-15', 'en')}`);
    expect(links[0]).toHaveTextContent('0 goals');
    expect(links[1]).toHaveTextContent('Draft plan');
    expect(links[1]).toHaveTextContent('Ferizaj');
    expect(links[1]).toHaveTextContent('Draft');
  });

  it('tells a role without a municipality that the plan is not theirs, with no form', async () => {
    await signedIn(['schoolTeam']);
    open();
    expect(await screen.findByText(/Your account does not hold a municipality/, {}, LIVE)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'New plan' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('is linked from the dashboard for a coordinator who keeps a plan, and for nobody else', () => {
    const { rerender } = render(
      <MapPlansLink scope={{ ...EMPTY_SCOPE, roles: ['coordinator'], municipalityIds: [FERIZAJ] }} />,
    );
    expect(screen.getByRole('link', { name: 'Municipal Action Plan' })).toHaveAttribute('href', '#/map');
    rerender(<MapPlansLink scope={{ ...EMPTY_SCOPE, roles: ['coordinator'] }} />);
    expect(screen.queryByRole('link')).toBeNull();
    rerender(
      <MapPlansLink scope={{ ...EMPTY_SCOPE, roles: ['schoolTeam'], schoolIds: [FERIZAJ], municipalityIds: [] }} />,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
