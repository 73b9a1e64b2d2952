import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { CaseViewPage } from '../../../src/features/cases/CaseViewPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { updateWorker } from '../../../src/state/workerStore.ts';
import { getProfile } from '../../../src/domain/profiles/profiles.ts';
import { formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { createCase, transitionCase } from '../../../src/storage/caseRepository.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { addPlanAction } from '../../../src/storage/planActionRepository.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addReferral } from '../../../src/storage/referralRepository.ts';
import { addScreening } from '../../../src/storage/screeningRepository.ts';
import type { SchoolRecord } from '../../../src/storage/UraDatabase.ts';
import { makePlanAction, makeVisitInput, RISKY_VALUES, USER_ID } from '../../support/caseworkFixtures.ts';
import { outboxAfterStudent } from '../../support/caseworkDevice.ts';
import { seedStudentAt } from '../../support/casesFixtures.ts';
import { localizedName, seedSchool } from '../../support/clientFixtures.ts';
import { seedSchoolTeamAccount } from '../../support/accountUiFixtures.ts';

const today = localIsoDate(new Date());
const flaggedOn = addCalendarDays(today, -10);
let school: SchoolRecord;
let studentId: string;
let caseId: string;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('cases')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  updateWorker({ name: 'Vesna Petrović', role: 'schoolTeam' });
  school = await seedSchool(db, { country: 'RS', name: localizedName('OŠ „Vuk Karadžić“', 'ОШ „Вук Караџић“') });
  studentId = await seedStudentAt(db, school, { givenName: 'Ђорђе', familyName: 'Јовановић' });
  caseId = newRecordId();
  await createCase(db, { id: caseId, studentId, trigger: 'absence', at: flaggedOn });
  // The school team may take every step; what other roles see is in CaseViewRoles.test.tsx.
  await seedSchoolTeamAccount();
});

async function renderCase(id = caseId) {
  const user = userEvent.setup();
  render(<CaseViewPage caseId={id} />);
  await screen.findByRole('heading', { level: 1 });
  return user;
}

const statusShown = () => screen.getByTestId('case-status');
const panel = () => screen.getByRole('region', { name: 'Next step' });

async function step(user: ReturnType<typeof userEvent.setup>, action: string): Promise<void> {
  await user.click(within(panel()).getByRole('button', { name: action }));
  await user.click(within(panel()).getByRole('button', { name: 'Save' }));
}

describe('CaseViewPage', () => {
  it('shows who the case is about, its status, risk and protocol due dates', async () => {
    await renderCase();
    expect(screen.getByRole('heading', { level: 1, name: 'Ђорђе Јовановић' })).toBeInTheDocument();
    expect(screen.getByText('OŠ „Vuk Karadžić“')).toBeInTheDocument();
    expect(statusShown()).toHaveTextContent('Flagged');
    expect(screen.getByText('Not screened yet')).toBeInTheDocument();
    expect(screen.getByText('Not assigned yet')).toBeInTheDocument();
    const deadlines = screen.getByRole('list', { name: 'Protocol due dates' });
    expect(within(deadlines).getByText('Open the case')).toBeInTheDocument();
    expect(within(deadlines).getByText(/^overdue since /)).toBeInTheDocument();
    expect(within(deadlines).getByText('Default — an administrator should confirm it')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Record a home visit' })).toHaveAttribute(
      'href',
      `#/cases/${caseId}/visit`,
    );
    expect(screen.getByRole('link', { name: 'Plan' })).toHaveAttribute('href', `#/cases/${caseId}/plan`);
    expect(screen.getByRole('link', { name: 'Hand over or refer' })).toHaveAttribute('href', `#/cases/${caseId}/refer`);
    expect(screen.getByRole('link', { name: 'Screenings' })).toHaveAttribute(
      'href',
      `#/students/${studentId}/screenings`,
    );
  });

  it('opens the case only with a case manager, keeping the date typed when refused', async () => {
    const user = await renderCase();
    expect(
      within(panel())
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Open the case', 'Close the case']);
    await user.click(within(panel()).getByRole('button', { name: 'Open the case' }));
    const manager = within(panel()).getByLabelText('Case manager');
    expect(manager).toHaveValue('Vesna Petrović');
    const date = within(panel()).getByLabelText('Date');
    expect(date).toHaveValue(today);

    await user.clear(manager);
    const openedOn = addCalendarDays(today, -8);
    fireEvent.change(date, { target: { value: openedOn } });
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));

    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Check “Case manager”: Assign a case manager first.',
    );
    expect(manager).toHaveAccessibleDescription(expect.stringContaining('Assign a case manager first.'));
    expect(manager).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(manager).toHaveFocus());
    expect(date).toHaveValue(openedOn);
    expect(await db.caseEvents.count()).toBe(0);
    expect(await outboxAfterStudent(db)).toHaveLength(1);

    await user.type(manager, 'Ana Marković');
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(statusShown()).toHaveTextContent('Open'));
    expect(screen.getByText('Ana Marković')).toBeInTheDocument();
    expect(await db.cases.get(caseId)).toMatchObject({
      status: 'open',
      caseManagerId: 'Ana Marković',
      openedAt: openedOn,
    });
    const [event] = await db.caseEvents.toArray();
    expect(event).toMatchObject({ caseId, from: 'flagged', to: 'open', at: openedOn, caseManagerId: 'Ana Marković' });
    const mutations = await outboxAfterStudent(db);
    expect(mutations.slice(1).map((m) => [m.entity, m.op])).toEqual([
      ['case', 'set'],
      ['caseEvent', 'create'],
    ]);
  });

  it('moves on step by step to an active plan, writing each change and its event', async () => {
    const user = await renderCase();
    await step(user, 'Open the case');
    await waitFor(() => expect(statusShown()).toHaveTextContent('Open'));
    await step(user, 'Mark as assessed');
    await waitFor(() => expect(statusShown()).toHaveTextContent('Assessed'));
    await step(user, 'Start the plan');
    await waitFor(() => expect(statusShown()).toHaveTextContent('Plan active'));

    const events = await db.caseEvents.toArray();
    expect(events.map((event) => `${event.from}→${event.to}`).sort()).toEqual([
      'assessed→planActive',
      'flagged→open',
      'open→assessed',
    ]);
    const mutations = (await outboxAfterStudent(db)).slice(1);
    expect(mutations.filter((m) => m.entity === 'case' && m.op === 'set')).toHaveLength(3);
    expect(mutations.filter((m) => m.entity === 'caseEvent' && m.op === 'create')).toHaveLength(3);
    expect(within(panel()).getByRole('button', { name: 'Record a review' })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText(/^Assessed → Plan active/)).toBeInTheDocument();
    expect(within(history).getByText(/^Flagged → Open/)).toBeInTheDocument();
  });

  it('records a review once the plan is active, refusing a date before the last change', async () => {
    await transitionCase(db, caseId, 'open', { at: flaggedOn, caseManagerId: USER_ID });
    await transitionCase(db, caseId, 'assessed', { at: addCalendarDays(flaggedOn, 1) });
    await transitionCase(db, caseId, 'planActive', { at: addCalendarDays(flaggedOn, 2) });
    const user = await renderCase();
    await user.click(within(panel()).getByRole('button', { name: 'Record a review' }));
    const date = within(panel()).getByLabelText('Date');
    fireEvent.change(date, { target: { value: flaggedOn } });
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    expect(await within(panel()).findByText("The date is before the case's last change.")).toBeInTheDocument();

    fireEvent.change(date, { target: { value: today } });
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.cases.get(caseId))?.lastReviewedAt).toBe(today));
  });

  it('closes a case only with a reason', async () => {
    const user = await renderCase();
    await user.click(within(panel()).getByRole('button', { name: 'Close the case' }));
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    const reason = within(panel()).getByLabelText('Reason for closing');
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Check “Reason for closing”: Choose why the case is being closed.',
    );
    expect(reason).toHaveAccessibleDescription('Choose why the case is being closed.');
    expect(await db.caseEvents.count()).toBe(0);

    await user.selectOptions(reason, 'flagNotConfirmed');
    await user.click(within(panel()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(statusShown()).toHaveTextContent('Closed'));
    expect(await db.cases.get(caseId)).toMatchObject({ status: 'closed', closureReason: 'flagNotConfirmed' });
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText(/Reason: Concern not confirmed/)).toBeInTheDocument();
    expect(
      within(panel())
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Reopen the case']);
    expect(screen.queryByRole('link', { name: 'Record a home visit' })).not.toBeInTheDocument();
  });

  it('tells the whole history newest first, with corrections linked both ways', async () => {
    const day = (offset: number) => addCalendarDays(today, offset);
    await addScreening(db, getProfile('RS'), {
      id: newRecordId(),
      studentId,
      term: '2026-2027/1',
      screenedOn: day(-11),
      screenedBy: USER_ID,
      values: RISKY_VALUES,
      protectiveFactors: [],
    });
    await transitionCase(db, caseId, 'open', { at: day(-9), caseManagerId: 'Ana Marković' });
    const referral = await addReferral(db, caseId, {
      id: newRecordId(),
      from: 'teacher',
      fromUserId: USER_ID,
      to: 'schoolTeam',
      reason: 'attendanceConcern',
      at: day(-8),
    });
    expect(referral.ok).toBe(true);
    // UUIDv7 ids in the order made: the two notes may be saved within the same millisecond.
    const original = makeVisitInput(caseId, {
      id: newRecordId(),
      visitDate: day(-7),
      nextVisitDate: day(7),
      agreedActions: [],
    });
    await addHomeVisit(db, original);
    const correction = {
      ...makeVisitInput(caseId, { id: newRecordId(), visitDate: day(-7), agreedActions: [] }),
      correctionOf: original.id,
    };
    await addHomeVisit(db, correction);
    await addPlanAction(db, makePlanAction(caseId, { dueDate: day(5) }));

    await renderCase();
    const history = screen.getByRole('region', { name: 'History' });
    const entries = within(history)
      .getAllByRole('listitem')
      .filter((item) => item.dataset.kind !== undefined);
    expect(entries.map((item) => item.dataset.kind)).toEqual([
      'planAction',
      'visit',
      'visit',
      'referral',
      'status',
      'flagged',
      'screening',
    ]);
    const [action, fixed, corrected, handover, opened, flagged, screening] = entries;
    expect(action).toHaveTextContent('Plan action');
    expect(action).toHaveTextContent(`Mentoring — Planned`);
    expect(action).toHaveTextContent(`Due ${formatIsoDate(day(5), 'en')}`);
    expect(fixed).toHaveTextContent(`Corrects the note of ${formatIsoDate(day(-7), 'en')}`);
    expect(fixed).not.toHaveTextContent('Corrected by a later note');
    expect(corrected).toHaveTextContent('Corrected by a later note');
    expect(corrected).toHaveTextContent('Met the family');
    expect(corrected).toHaveTextContent('Present: The child, Mother');
    expect(corrected).toHaveTextContent(`Next visit: ${formatIsoDate(day(7), 'en')}`);
    expect(within(fixed!).getByRole('link', { name: 'Correct this note' })).toHaveAttribute(
      'href',
      `#/cases/${caseId}/visit/${correction.id}`,
    );
    expect(within(corrected!).getByRole('link', { name: 'Correct this note' })).toHaveAttribute(
      'href',
      `#/cases/${caseId}/visit/${original.id}`,
    );
    expect(handover).toHaveTextContent('Handover');
    expect(handover).toHaveTextContent('To: School team · Concern about attendance');
    expect(handover).toHaveTextContent('Waiting for an answer');
    expect(opened).toHaveTextContent('Flagged → Open');
    expect(opened).toHaveTextContent('Case manager: Ana Marković');
    expect(flagged).toHaveTextContent('Concern flagged');
    expect(flagged).toHaveTextContent('Absence data');
    expect(screening).toHaveTextContent('14 unjustified absences this term — at or above');
    expect(screen.getByText(/risk$/, { selector: '.risk-badge' })).toBeInTheDocument();
  });

  it('says so when the case is not on the phone', async () => {
    render(<CaseViewPage caseId={newRecordId()} />);
    expect(await screen.findByText('This case is not on this phone. It may not have synced yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to cases' })).toHaveAttribute('href', '#/cases');
  });
});
