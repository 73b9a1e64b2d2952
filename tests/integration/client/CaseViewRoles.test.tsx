import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/domain/dueDates.ts';
import { CaseViewPage } from '../../../src/features/cases/CaseViewPage.tsx';
import { CasePlanPage } from '../../../src/features/plans/CasePlanPage.tsx';
import { VisitFormPage } from '../../../src/features/visits/VisitFormPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addPlanAction } from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addReferral } from '../../../src/storage/referralRepository.ts';
import { makePlanAction, makeVisitInput } from '../../support/caseworkFixtures.ts';
import { openCaseOn } from '../../support/caseworkDevice.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { seedSchool } from '../../support/clientFixtures.ts';
import { signInOnCase } from '../../support/writeRightsFixtures.ts';

// Live queries answer after IndexedDB does; on a busy machine that can take more than the default second.
configure({ asyncUtilTimeout: 5000 });

let caseId: string;
let actionId: string;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all(['casework', 'cases', 'plans', 'visits', 'exports'].map((ns) => loadNamespace(ns as 'cases')));
});

/** An open case with a visit note, a planned action and a referral to the municipality waiting for an answer. */
beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db, { country: 'XK' });
  const studentId = await seedStudentAt(db, school, { givenName: 'Arta', familyName: 'Gashi' });
  caseId = await openCaseOn(db, studentId);
  await addHomeVisit(db, makeVisitInput(caseId));
  const action = makePlanAction(caseId, { interventionType: 'mentoring' });
  actionId = action.id;
  await addPlanAction(db, action);
  const referral = { id: newRecordId(), from: 'schoolTeam', fromUserId: 'Dragana Ilić', to: 'municipality' } as const;
  const sent = await addReferral(db, caseId, { ...referral, reason: 'complexCase', at: localIsoDate(new Date()) });
  expect(sent.ok).toBe(true);
});

async function renderCase() {
  const user = userEvent.setup();
  render(<CaseViewPage caseId={caseId} />);
  await screen.findByRole('heading', { level: 1, name: 'Arta Gashi' });
  return user;
}

const work = () => screen.getByRole('navigation', { name: 'Work on the case' });
const linkNames = () =>
  within(work())
    .getAllByRole('link')
    .map((link) => link.textContent);
const workflow = () => screen.queryByRole('region', { name: 'Next step' });

describe('the case view offers each role only what it may do', () => {
  it('gives the school team every step, the case manager and all the work', async () => {
    await signInOnCase('schoolTeam', caseId);
    await renderCase();
    const steps = within(workflow()!)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(steps).toEqual(['Mark as assessed', 'Close the case', 'Change the case manager']);
    expect(linkNames()).toEqual(['Record a home visit', 'Plan', 'Hand over or refer', 'Screenings', 'Case summary']);
    expect(screen.getByRole('link', { name: 'Correct this note' })).toBeInTheDocument();
  });

  it('shows a mentor no workflow step and no case manager change, but the visit, the plan and the handover', async () => {
    await signInOnCase('mentor', caseId);
    await renderCase();
    expect(workflow()).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close the case' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change the case manager' })).not.toBeInTheDocument();
    expect(linkNames()).toEqual(['Record a home visit', 'Plan', 'Hand over or refer', 'Screenings', 'Case summary']);
    expect(screen.getByRole('link', { name: 'Correct this note' })).toHaveAttribute(
      'href',
      expect.stringMatching(new RegExp(`^#/cases/${caseId}/visit/`)),
    );
  });

  it('shows a teacher the case and its status, with no step and no notes, plans or referrals to write', async () => {
    await signInOnCase('teacher', caseId);
    await renderCase();
    expect(screen.getByTestId('case-status')).toHaveTextContent('Open');
    expect(workflow()).not.toBeInTheDocument();
    expect(linkNames()).toEqual(['Screenings', 'Case summary']);
    expect(screen.queryByRole('link', { name: 'Correct this note' })).not.toBeInTheDocument();
  });

  it('lets the coordinator answer the referral to the municipality, and nothing else', async () => {
    await signInOnCase('coordinator', caseId);
    await renderCase();
    expect(workflow()).not.toBeInTheDocument();
    expect(linkNames()).toEqual(['Plan', 'Hand over or refer', 'Screenings', 'Case summary']);
    const card = await screen.findByRole('article', { name: 'Referral to: Municipal education directorate' });
    expect(within(card).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Correct this note' })).not.toBeInTheDocument();
  });
});

describe('the plan offers each role only what it may do', () => {
  async function renderPlan() {
    const user = userEvent.setup();
    render(<CasePlanPage caseId={caseId} />);
    await screen.findByRole('heading', { level: 1, name: /Arta Gashi/ });
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    return user;
  }

  it('lets a mentor move an action on, without adding one', async () => {
    await signInOnCase('mentor', caseId);
    const user = await renderPlan();
    expect(screen.queryByRole('button', { name: 'Add an action' })).not.toBeInTheDocument();
    expect(screen.getByText('You can move these actions on. The school team adds new ones.')).toBeInTheDocument();
    const before = await db.outbox.count();

    await user.click(within(screen.getByRole('article', { name: 'Mentoring' })).getByRole('button', { name: 'Start' }));

    await waitFor(async () => expect((await db.planActions.get(actionId))?.status).toBe('inProgress'));
    const rows = await db.outbox.orderBy('seq').offset(before).toArray();
    expect(rows.map(({ mutation }) => [mutation.entity, mutation.op])).toEqual([['planAction', 'set']]);
  });

  it('lets the school team add actions', async () => {
    await signInOnCase('schoolTeam', caseId);
    await renderPlan();
    expect(screen.getByRole('button', { name: 'Add an action' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Mentoring' })).getByRole('button', { name: 'Start' }),
    ).toBeInTheDocument();
  });

  it('tells a teacher the plan is not theirs to see, with nothing to add', async () => {
    await signInOnCase('teacher', caseId);
    await renderPlan();
    expect(screen.getByText("Your role cannot see this case's plan. Ask the school team.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add an action' })).not.toBeInTheDocument();
  });

  it('shows the coordinator the actions without a way to change them', async () => {
    await signInOnCase('coordinator', caseId);
    await renderPlan();
    const card = screen.getByRole('article', { name: 'Mentoring' });
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add an action' })).not.toBeInTheDocument();
  });
});

describe('a home-visit note, reached by its address', () => {
  it('opens the form for the mentor of the case', async () => {
    await signInOnCase('mentor', caseId);
    render(<VisitFormPage caseId={caseId} />);
    expect(await screen.findByRole('button', { name: 'Save' })).toBeInTheDocument();
  });

  it('tells a teacher their role cannot write one, with the way back and no form', async () => {
    await signInOnCase('teacher', caseId);
    render(<VisitFormPage caseId={caseId} />);
    expect(
      await screen.findByText(
        "Your role cannot record home visits on this case. Ask the case's mentor or the school team.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the case' })).toHaveAttribute('href', `#/cases/${caseId}`);
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
