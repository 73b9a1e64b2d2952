/**
 * One Action Plan's editor (F21): goals and activities added, an automatic
 * indicator read from the municipality's figures kept on the phone, progress
 * reported twice for one quarter kept as one report, a refused number named
 * on its field with the typing kept, adoption recorded and undone, a goal
 * removed after a second tap. Each write checked in Dexie and the outbox.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/domain/dueDates.ts';
import { quarterOf } from '../../../src/domain/map/mapRecords.ts';
import { defaultQuarter } from '../../../src/features/map/progressEntries.ts';
import { MapPlanPage } from '../../../src/features/map/MapPlanPage.tsx';
import { formatDateTime, formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { addMapActivity, addMapGoal } from '../../../src/storage/mapRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { resetDevice } from '../../support/accountUiFixtures.ts';
import { ALEKSINAC, FERIZAJ, outboxMutations, signedIn, storedFigures, storedPlan } from './mapFixtures.ts';

const LIVE = { timeout: 10_000 };
const COMPUTED_AT = Date.UTC(2026, 10, 23, 9, 30);

beforeAll(async () => {
  await setupI18n('en');
  await loadNamespace('map');
});

beforeEach(async () => {
  await resetDevice();
});

async function planWithGoal() {
  await signedIn(['coordinator'], [FERIZAJ]);
  const plan = await storedPlan();
  const goalId = newRecordId();
  await addMapGoal(db, { id: goalId, planId: plan.id, title: 'Early identification', position: 1, removed: false });
  await db.outbox.clear();
  return { plan, goalId };
}

function open(planId: string) {
  const user = userEvent.setup();
  render(<MapPlanPage planId={planId} />);
  return user;
}

const goalRegion = (name: RegExp) => screen.findByRole('region', { name }, LIVE);

type User = ReturnType<typeof userEvent.setup>;

async function addAutomaticActivity(user: User) {
  const goal = await goalRegion(/^Goal 1: Early identification$/);
  await user.click(within(goal).getByRole('button', { name: 'Add activity' }));
  await user.type(screen.getByLabelText('Activity'), 'Risk identification in every school');
  await user.type(screen.getByLabelText('Responsible body'), 'Municipal Education Directorate');
  await user.type(screen.getByLabelText('Budget (EUR)'), '2500');
  await user.type(screen.getByLabelText('Indicator'), 'Students identified at risk');
  await user.selectOptions(screen.getByLabelText('Where its value comes from'), 'identifiedAtRisk');
  expect(screen.queryByLabelText('Unit')).toBeNull();
  expect(screen.getByText('Measured as: number (set by the source).')).toBeVisible();
  await user.type(screen.getByLabelText('Baseline'), '12');
  await user.type(screen.getByLabelText('Target'), '40');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  return screen.findByRole('article', { name: 'Risk identification in every school' }, LIVE);
}

describe('the Action Plan editor', { timeout: 40_000 }, () => {
  it('adds a goal at the end of the plan', async () => {
    await signedIn(['coordinator'], [FERIZAJ]);
    const plan = await storedPlan();
    await db.outbox.clear();
    const user = open(plan.id);
    expect(await screen.findByRole('heading', { level: 1, name: plan.title }, LIVE)).toBeVisible();
    expect(screen.getByText('No goal yet. Add the plan’s first goal.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Progress report' })).toHaveAttribute('href', `#/map/${plan.id}/report`);
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    await user.type(screen.getByLabelText('Goal'), 'Early identification');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await goalRegion(/^Goal 1: Early identification$/)).toHaveTextContent('0 activities');
    const goals = await db.mapGoals.toArray();
    expect(goals).toEqual([expect.objectContaining({ planId: plan.id, title: 'Early identification', position: 1 })]);
    expect((await outboxMutations()).map(({ entity, op, entityId }) => [entity, op, entityId])).toEqual([
      ['mapGoal', 'create', goals[0]?.id],
    ]);
  });

  it('adds an activity with an automatic indicator, showing its value from the kept dashboard figures', async () => {
    const { plan, goalId } = await planWithGoal();
    await storedFigures(FERIZAJ, 23, COMPUTED_AT);
    const user = open(plan.id);
    const card = await addAutomaticActivity(user);
    expect(card).toHaveTextContent('Budget: €2,500');
    expect(within(card).getByText('23')).toBeVisible();
    expect(card).toHaveTextContent(`From case data, computed ${formatDateTime(COMPUTED_AT, 'en')}.`);
    expect(card).toHaveTextContent('Baseline12');
    expect(card).toHaveTextContent('Target40');

    const activities = await db.mapActivities.toArray();
    expect(activities).toEqual([
      expect.objectContaining({
        planId: plan.id,
        goalId,
        budget: 2500,
        indicatorSource: 'identifiedAtRisk',
        unit: 'count',
        baseline: 12,
        target: 40,
        startDate: null,
        removed: false,
      }),
    ]);
    const mutations = await outboxMutations();
    expect(mutations.map(({ entity, op }) => [entity, op])).toEqual([['mapActivity', 'create']]);
    expect(mutations[0]?.fields).toMatchObject({ unit: 'count', indicatorSource: 'identifiedAtRisk' });
  });

  it('says when the phone holds no figures for an automatic indicator', async () => {
    const { plan } = await planWithGoal();
    const user = open(plan.id);
    const card = await addAutomaticActivity(user);
    expect(card).toHaveTextContent('No figures yet — open the dashboard online.');
  });

  it('keeps one report per quarter: a second report for the same quarter changes the first', async () => {
    const { plan } = await planWithGoal();
    await storedFigures(FERIZAJ, 23, COMPUTED_AT);
    const user = open(plan.id);
    const card = await addAutomaticActivity(user);
    await db.outbox.clear();
    const quarter = defaultQuarter(['2026-Q1', '2028-Q4'], quarterOf(localIsoDate(new Date())));

    await user.click(within(card).getByRole('button', { name: 'Report progress' }));
    expect(screen.getByLabelText('Quarter')).toHaveValue(quarter);
    // Prefilled from the figures.
    expect(screen.getByLabelText('Value (number)')).toHaveValue('23');
    await user.type(screen.getByLabelText('What was done'), 'Screening in two schools.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(card).findByText('1 progress report', {}, LIVE)).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Report progress' }));
    expect(screen.getByLabelText('Quarter')).toHaveAccessibleDescription(
      'This quarter is already reported: saving changes that report.',
    );
    expect(screen.getByLabelText('What was done')).toHaveValue('Screening in two schools.');
    await user.clear(screen.getByLabelText('Value (number)'));
    await user.type(screen.getByLabelText('Value (number)'), '31');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.mapProgress.toArray())[0]?.value).toBe(31), LIVE);

    const reports = await db.mapProgress.toArray();
    expect(reports).toEqual([
      expect.objectContaining({ period: quarter, value: 31, narrative: 'Screening in two schools.' }),
    ]);
    expect(reports[0]?.recordedBy).toBe('Vesa Gashi');
    expect(Date.parse(reports[0]?.recordedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const mutations = await outboxMutations();
    expect(mutations.map(({ entity, op, entityId }) => [entity, op, entityId])).toEqual([
      ['mapProgress', 'create', reports[0]?.id],
      ['mapProgress', 'set', reports[0]?.id],
    ]);
    expect(mutations[1]?.fields).toMatchObject({ value: 31 });
    expect(within(card).getByText('1 progress report')).toBeInTheDocument();
  });

  it('names a number that is not one on its field, keeps the typing and stores nothing', async () => {
    const { plan } = await planWithGoal();
    const user = open(plan.id);
    const goal = await goalRegion(/^Goal 1: Early identification$/);
    await user.click(within(goal).getByRole('button', { name: 'Add activity' }));
    await user.type(screen.getByLabelText('Activity'), 'Home visits');
    await user.type(screen.getByLabelText('Responsible body'), 'Partner CSO');
    await user.type(screen.getByLabelText('Budget (EUR)'), 'eight thousand');
    await user.type(screen.getByLabelText('Indicator'), 'Families visited');
    await user.selectOptions(screen.getByLabelText('Unit'), 'percent');
    await user.type(screen.getByLabelText('Target'), '160');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: 1 field needs checking.');
    const budget = screen.getByLabelText('Budget (EUR)');
    expect(budget).toHaveAccessibleDescription('Enter a number from 0 up (a percentage at most 100).');
    expect(budget).toHaveValue('eight thousand');
    await waitFor(() => expect(budget).toHaveFocus());
    expect(await db.mapActivities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    // Once the budget is a number, the percentage over 100 is what is left wrong.
    await user.clear(budget);
    await user.type(budget, '8000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Target')).toHaveAccessibleDescription(
        'Enter a number from 0 up (a percentage at most 100).',
      ),
    );
    expect(screen.getByLabelText('Activity')).toHaveValue('Home visits');
    expect(await db.mapActivities.count()).toBe(0);
  });

  it('refuses a reported share over 100 on its field, storing nothing', async () => {
    const { plan, goalId } = await planWithGoal();
    const activity = await addMapActivity(db, {
      id: newRecordId(),
      planId: plan.id,
      goalId,
      title: 'Home visits',
      responsible: 'Partner CSO',
      startDate: null,
      endDate: null,
      budget: null,
      indicator: 'Families visited',
      indicatorSource: 'manual',
      unit: 'percent',
      baseline: 0,
      target: 60,
      removed: false,
    });
    expect(activity.ok).toBe(true);
    await db.outbox.clear();
    const user = open(plan.id);
    const card = await screen.findByRole('article', { name: 'Home visits' }, LIVE);
    expect(card).toHaveTextContent('No progress reported yet.');
    await user.click(within(card).getByRole('button', { name: 'Report progress' }));
    expect(screen.getByLabelText('Value (percent)')).toHaveValue('');
    await user.type(screen.getByLabelText('Value (percent)'), '140');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Value (percent)')).toHaveAccessibleDescription(
        'Enter a number from 0 up (a percentage at most 100).',
      ),
    );
    expect(await db.mapProgress.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await user.clear(screen.getByLabelText('Value (percent)'));
    await user.type(screen.getByLabelText('Value (percent)'), '45,5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(card).findByText('45.5%', {}, LIVE)).toBeVisible();
    expect((await db.mapProgress.toArray()).map((entry) => entry.value)).toEqual([45.5]);
  });

  it('records the adoption with its act, back to draft after a second tap, and removes a goal after one', async () => {
    const { plan, goalId } = await planWithGoal();
    const user = open(plan.id);
    await user.click(await screen.findByRole('button', { name: 'Record adoption' }, LIVE));
    await user.clear(screen.getByLabelText('Date of adoption'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Act reference')).toHaveAccessibleDescription(
        'Needed to record the adoption. The number of the municipal assembly’s decision, as written on the act.',
      ),
    );
    expect(screen.getByLabelText('Date of adoption')).toHaveAccessibleDescription('Needed to record the adoption.');
    await user.type(screen.getByLabelText('Act reference'), '01-016/26-1234');
    await user.type(screen.getByLabelText('Date of adoption'), '2026-03-15');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(`Adopted as act 01-016/26-1234 on ${formatIsoDate('2026-03-15', 'en')}`, {}, LIVE),
    ).toBeVisible();
    expect(await db.mapPlans.get(plan.id)).toMatchObject({ status: 'adopted', adoptedOn: '2026-03-15' });

    await user.click(screen.getByRole('button', { name: 'Back to draft' }));
    await user.click(screen.getByRole('button', { name: 'Yes, back to draft' }));
    expect(await screen.findByText('Draft', {}, LIVE)).toBeVisible();
    expect(await db.mapPlans.get(plan.id)).toMatchObject({ status: 'draft', actReference: '', adoptedOn: null });

    const goal = await goalRegion(/^Goal 1: Early identification$/);
    await user.click(within(goal).getByRole('button', { name: 'Remove goal' }));
    await user.click(within(goal).getByRole('button', { name: 'Cancel' }));
    expect((await db.mapGoals.get(goalId))?.removed).toBe(false);
    await user.click(within(goal).getByRole('button', { name: 'Remove goal' }));
    await user.click(within(goal).getByRole('button', { name: 'Yes, remove it' }));
    expect(await screen.findByText('No goal yet. Add the plan’s first goal.', {}, LIVE)).toBeVisible();
    expect((await db.mapGoals.get(goalId))?.removed).toBe(true);

    const mutations = await outboxMutations();
    expect(mutations.map(({ entity, op }) => [entity, op])).toEqual([
      ['mapPlan', 'set'],
      ['mapPlan', 'set'],
      ['mapGoal', 'set'],
    ]);
    expect(mutations[0]?.fields).toEqual({
      status: 'adopted',
      actReference: '01-016/26-1234',
      adoptedOn: '2026-03-15',
    });
    expect(mutations[2]?.fields).toEqual({ removed: true });
  });

  it("tells someone whose municipalities do not include the plan's that it is not here", async () => {
    await signedIn(['coordinator'], [FERIZAJ]);
    const plan = await storedPlan();
    await signedIn(['schoolTeam']);
    open(plan.id);
    expect(await screen.findByText(/Your account does not hold a municipality/, {}, LIVE)).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('tells a coordinator of another municipality that the plan is not on the phone', async () => {
    await signedIn(['coordinator'], [FERIZAJ]);
    const plan = await storedPlan();
    await signedIn(['coordinator'], [ALEKSINAC]);
    open(plan.id);
    expect(await screen.findByText(/This plan is not on this phone/, {}, LIVE)).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'All plans' })).toHaveAttribute('href', '#/map');
  });
});
