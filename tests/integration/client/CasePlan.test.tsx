import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { CasePlanPage } from '../../../src/features/plans/CasePlanPage.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { addPlanAction } from '../../../src/storage/planActionRepository.ts';
import { makePlanAction } from '../../support/caseworkFixtures.ts';
import {
  PLANS_TEST_TIMEOUT,
  actAs,
  outboxRowsFor,
  renderWithUser,
  seedPlanCase,
} from '../../support/plansFixtures.tsx';
import { signInOnCase } from '../../support/writeRightsFixtures.ts';

let caseId: string;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('plans')]);
});

beforeEach(async () => {
  caseId = await seedPlanCase('RS');
  // The school team adds and changes plan actions (writeRights.ts); other roles are tested in CasePlanRoles.
  await signInOnCase('schoolTeam', caseId);
  actAs('schoolTeam', 'Vesna Petrović');
  window.location.hash = `#/cases/${caseId}/plan`;
});

afterEach(async () => {
  await changeLanguage('en');
});

async function renderPlan(name = 'Ana Krasniqi') {
  const rendered = renderWithUser(<CasePlanPage caseId={caseId} />);
  await screen.findByRole('heading', { level: 1, name: new RegExp(name) });
  // The plan's actions come from a live query: wait until it has answered.
  await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
  return rendered;
}

/** The card of an action, found by its intervention's name. */
const card = (intervention: string) => screen.getByRole('article', { name: intervention });

async function seedAction(overrides: Parameters<typeof makePlanAction>[1] = {}) {
  const action = makePlanAction(caseId, overrides);
  await addPlanAction(db, action);
  return action;
}

describe('CasePlanPage', { timeout: PLANS_TEST_TIMEOUT }, () => {
  it('names the missing intervention and due date, marks both fields and keeps the description', async () => {
    const { user } = await renderPlan();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Individual plan for dropout prevention (IPDP) Ana Krasniqi',
    );
    expect(screen.getByText('The plan has no actions yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(screen.getByLabelText('What exactly'), 'Weekly talk with the class teacher');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 2 fields: Intervention, Due date.');
    expect(screen.getByLabelText('Intervention')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Intervention')).toHaveAccessibleDescription('Choose a value.');
    expect(screen.getByLabelText('Due date')).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(screen.getByLabelText('Intervention')).toHaveFocus());
    expect(screen.getByLabelText('What exactly')).toHaveValue('Weekly talk with the class teacher');
    expect(screen.getByLabelText('What exactly')).not.toHaveAttribute('aria-invalid');
    expect(await db.planActions.count()).toBe(0);
    expect(await outboxRowsFor('planAction')).toHaveLength(0);
  });

  it('offers only the profile’s interventions, grouped by category', async () => {
    const { user } = await renderPlan();
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    const select = screen.getByLabelText('Intervention');
    const legal = within(select).getByRole('group', { name: 'Legal measures' });
    expect(within(legal).getByRole('option', { name: 'Misdemeanour request against the parents' })).toBeInTheDocument();
    // Kosovo's Learning Centres are not part of Serbia's protocol.
    expect(within(select).queryByRole('option', { name: 'Learning Centre' })).not.toBeInTheDocument();
  });

  it('adds one action and one outbox row on a double tap, with the worker responsible and a quick due date', async () => {
    const { user } = await renderPlan();
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.selectOptions(screen.getByLabelText('Intervention'), 'mentoring');
    await user.type(screen.getByLabelText('What exactly'), 'Mentor meets Ana on Tuesdays');
    expect(screen.getByLabelText('Name of the person')).toHaveValue('Vesna Petrović');
    await user.click(screen.getByRole('button', { name: 'In 2 weeks' }));
    const due = addCalendarDays(localIsoDate(new Date()), 14);
    expect(screen.getByLabelText('Due date')).toHaveValue(due);

    await user.dblClick(screen.getByRole('button', { name: 'Save' }));

    const added = await screen.findByRole('article', { name: 'Mentoring' });
    expect(within(added).getByText('Responsible: Vesna Petrović')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Planned: 1 action' })).toBeInTheDocument();
    const actions = await db.planActions.toArray();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      caseId,
      interventionType: 'mentoring',
      description: 'Mentor meets Ana on Tuesdays',
      responsible: { kind: 'person', name: 'Vesna Petrović' },
      dueDate: due,
      status: 'planned',
    });
    const rows = await outboxRowsFor('planAction');
    expect(rows.map((row) => [row.mutation.op, row.mutation.entityId])).toEqual([['create', actions[0]?.id]]);
  });

  it('records an organisation as responsible', async () => {
    const { user } = await renderPlan();
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.selectOptions(screen.getByLabelText('Intervention'), 'referralCsw');
    await user.click(screen.getByRole('radio', { name: 'An organisation' }));
    await user.type(screen.getByLabelText('Due date'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field: Who is responsible.');
    expect(screen.getByLabelText('Kind of organisation')).toHaveAccessibleDescription('Choose a value.');

    await user.selectOptions(screen.getByLabelText('Kind of organisation'), 'csw');
    await user.type(screen.getByLabelText('Name of the organisation'), 'CSW Leskovac');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('article', { name: 'Referral to the centre for social work' });
    expect((await db.planActions.toArray())[0]?.responsible).toEqual({
      kind: 'organisation',
      organisationType: 'csw',
      name: 'CSW Leskovac',
    });
  });

  it('moves an action from planned to in progress to done, asking for the outcome first', async () => {
    const action = await seedAction({ interventionType: 'mentoring', dueDate: '2020-01-10' });
    const { user } = await renderPlan();
    expect(within(card('Mentoring')).getByText(/^Overdue: it was due/)).toBeInTheDocument();

    await user.click(within(card('Mentoring')).getByRole('button', { name: 'Start' }));
    await screen.findByRole('heading', { level: 2, name: 'In progress: 1 action' });
    expect((await db.planActions.get(action.id))?.status).toBe('inProgress');
    expect(within(card('Mentoring')).queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();

    await user.click(within(card('Mentoring')).getByRole('button', { name: 'Mark done' }));
    await user.type(within(card('Mentoring')).getByLabelText('What came of it'), 'Comes every day now');
    await user.click(within(card('Mentoring')).getByRole('button', { name: 'Mark done' }));

    const outcome = within(card('Mentoring')).getByRole('group', { name: 'Outcome' });
    await waitFor(() =>
      expect(outcome).toHaveAccessibleDescription('Record the outcome before marking the action done.'),
    );
    expect(within(card('Mentoring')).getByLabelText('What came of it')).toHaveValue('Comes every day now');
    expect((await db.planActions.get(action.id))?.status).toBe('inProgress');

    await user.click(within(outcome).getByRole('radio', { name: 'Partly achieved' }));
    await user.click(within(card('Mentoring')).getByRole('button', { name: 'Mark done' }));

    await screen.findByRole('heading', { level: 2, name: 'Done: 1 action' });
    expect(within(card('Mentoring')).getByText('Outcome: Partly achieved')).toBeInTheDocument();
    expect(within(card('Mentoring')).queryByText(/^Overdue/)).not.toBeInTheDocument();
    expect(await db.planActions.get(action.id)).toMatchObject({
      status: 'done',
      outcome: 'partlyAchieved',
      outcomeNote: 'Comes every day now',
      completedAt: localIsoDate(new Date()),
    });
    const ops = (await outboxRowsFor('planAction')).map((row) => row.mutation.op);
    expect(ops).toEqual(['create', 'set', 'set']);
  });

  it('offers a cancelled action no way forward, only the undo the rules allow', async () => {
    const action = await seedAction({ interventionType: 'counselling' });
    const { user } = await renderPlan();

    await user.click(
      within(card('Counselling with the school psychologist or pedagogue')).getByRole('button', {
        name: 'Cancel the action',
      }),
    );
    await screen.findByRole('heading', { level: 2, name: 'Cancelled: 1 action' });
    expect(await db.planActions.get(action.id)).toMatchObject({ status: 'cancelled', outcome: null });

    const cancelled = card('Counselling with the school psychologist or pedagogue');
    expect(
      within(cancelled)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Plan it again']);
    expect(within(cancelled).queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(within(cancelled).queryByRole('button', { name: 'Mark done' })).not.toBeInTheDocument();

    await user.click(within(cancelled).getByRole('button', { name: 'Plan it again' }));
    await screen.findByRole('heading', { level: 2, name: 'Planned: 1 action' });
    expect((await db.planActions.get(action.id))?.completedAt).toBeNull();
  });

  it('changes the details of an open action in place and syncs only what changed', async () => {
    const action = await seedAction({ interventionType: 'mentoring', description: 'Weekly mentoring' });
    const { user } = await renderPlan();

    await user.click(within(card('Mentoring')).getByRole('button', { name: 'Change' }));
    const description = screen.getByLabelText('What exactly');
    expect(description).toHaveValue('Weekly mentoring');
    await user.clear(description);
    await user.type(description, 'Mentoring twice a week');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Mentoring twice a week')).toBeInTheDocument();
    expect(await db.planActions.get(action.id)).toMatchObject({
      description: 'Mentoring twice a week',
      responsible: action.responsible,
    });
    const last = (await outboxRowsFor('planAction')).at(-1)?.mutation;
    expect(last).toMatchObject({ op: 'set', fields: { description: 'Mentoring twice a week' } });
  });

  it('speaks Serbian Cyrillic: the groups, the intervention and the overdue date', async () => {
    await changeLanguage('sr-Cyrl');
    await seedAction({ interventionType: 'remedialClasses', dueDate: '2020-01-10' });
    await seedAction({ interventionType: 'homeVisit', dueDate: '2020-01-12' });
    renderWithUser(<CasePlanPage caseId={caseId} />);

    expect(await screen.findByRole('heading', { level: 2, name: 'Планирано: 2 активности' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Додај активност' })).toBeInTheDocument();
    const remedial = screen.getByRole('article', { name: 'Допунска или индивидуална настава' });
    expect(within(remedial).getByText(/^Рок је прошао: био је/)).toBeInTheDocument();
    expect(within(remedial).getByRole('button', { name: 'Почни' })).toBeInTheDocument();
  });
});
