import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import type { ReferralSender, ReferralTarget } from '../../../src/domain/referral.ts';
import { PendingReferrals } from '../../../src/features/plans/PendingReferrals.tsx';
import { formatIsoDate } from '../../../src/i18n/formatDate.ts';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { newRecordId } from '../../../src/storage/recordWrites.ts';
import { addReferral, answerReferral } from '../../../src/storage/referralRepository.ts';
import { openCaseOn } from '../../support/caseworkDevice.ts';
import {
  PLANS_TEST_TIMEOUT,
  actAs,
  outboxRowsFor,
  renderWithUser,
  seedPlanCase,
} from '../../support/plansFixtures.tsx';

let caseId: string;
const today = () => localIsoDate(new Date());
const answeredToday = (status: string) => `${status} on ${formatIsoDate(today(), 'en')}.`;

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('plans')]);
});

beforeEach(async () => {
  caseId = await seedPlanCase('XK');
  window.location.hash = `#/cases/${caseId}`;
});

afterEach(async () => {
  await changeLanguage('en');
});

/** A referral made on this device today (a handover from a teacher unless told otherwise). */
async function sendReferral(from: ReferralSender = 'teacher', to: ReferralTarget = 'schoolTeam', at = today()) {
  const id = newRecordId();
  const input = { id, from, fromUserId: 'Vesna Petrović', to, reason: 'attendanceConcern', at };
  const result = await addReferral(db, caseId, input);
  expect(result.ok).toBe(true);
  return id;
}

async function renderPending() {
  const rendered = renderWithUser(<PendingReferrals caseId={caseId} mayAnswer />);
  await screen.findByRole('heading', { level: 2, name: 'Handovers and referrals' });
  return rendered;
}

describe('PendingReferrals', { timeout: PLANS_TEST_TIMEOUT }, () => {
  it('renders nothing when the case has no referral waiting or recently answered', async () => {
    actAs('schoolTeam');
    const old = await sendReferral('teacher', 'schoolTeam', addCalendarDays(today(), -30));
    await answerReferral(db, old, { decision: 'accepted', at: addCalendarDays(today(), -20), by: 'Dragana' });
    // A second case with a handover waiting: once its list shows, both live queries have answered.
    const quietCaseId = caseId;
    caseId = await openCaseOn(db, (await db.students.toCollection().first())?.id ?? '');
    await sendReferral();
    renderWithUser(
      <>
        <div data-testid="quiet-case">
          <PendingReferrals caseId={quietCaseId} mayAnswer />
        </div>
        <PendingReferrals caseId={caseId} mayAnswer />
      </>,
    );
    await screen.findByRole('article', { name: 'Handover to: School team' });
    expect(screen.getByTestId('quiet-case')).toBeEmptyDOMElement();
  });

  it('lets the school team accept a handover and shows its new status', async () => {
    const id = await sendReferral();
    actAs('schoolTeam', 'Dragana Ilić');
    const { user } = await renderPending();
    const card = screen.getByRole('article', { name: 'Handover to: School team' });
    expect(within(card).getByText('Waiting for your answer.')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Accept' }));

    expect(await within(card).findByText(/^Accepted on/)).toHaveTextContent(
      `${answeredToday('Accepted')} The answer is sent with the next sync.`,
    );
    expect(within(card).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(await db.referrals.get(id)).toMatchObject({ status: 'accepted', respondedBy: 'Dragana Ilić' });
    expect((await outboxRowsFor('referral')).map((row) => row.mutation.op)).toEqual(['create', 'set']);
  });

  it('asks for a note before declining, keeps it, and shows the decline', async () => {
    const id = await sendReferral();
    actAs('schoolTeam', 'Dragana Ilić');
    const { user } = await renderPending();
    const card = screen.getByRole('article', { name: 'Handover to: School team' });

    await user.click(within(card).getByRole('button', { name: 'Decline' }));
    const note = within(card).getByLabelText('Note for the sender');
    await waitFor(() =>
      expect(note).toHaveAccessibleDescription(/Say why you decline, so the sender knows what to do next\./),
    );
    expect((await db.referrals.get(id))?.status).toBe('pending');

    await user.type(note, 'Already followed by the pedagogue');
    await user.click(within(card).getByRole('button', { name: 'Decline' }));

    expect(await within(card).findByText(/^Declined on/)).toBeInTheDocument();
    expect(within(card).getByText('Already followed by the pedagogue')).toBeInTheDocument();
    expect(await db.referrals.get(id)).toMatchObject({
      status: 'declined',
      responseNote: 'Already followed by the pedagogue',
    });
  });

  it('shows the sending side only that it waits, and says so for the centre for social work', async () => {
    await sendReferral('teacher', 'schoolTeam');
    await sendReferral('schoolTeam', 'csw');
    actAs('mentor');
    await renderPending();
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    const csw = screen.getByRole('article', { name: 'Referral to: Centre for social work' });
    expect(within(csw).getByText(/^Waiting for an answer from: Centre for social work\./)).toBeInTheDocument();

    // Nobody on a phone answers for the centre, not even the school team that sent it.
    actAs('schoolTeam');
    await screen.findByRole('button', { name: 'Accept' });
    expect(within(csw).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
  });

  it('lets the coordinator answer a referral to the municipality', async () => {
    await sendReferral('schoolTeam', 'municipality');
    actAs('coordinator');
    await renderPending();
    const card = screen.getByRole('article', { name: 'Referral to: Municipal education directorate' });
    expect(within(card).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  });

  it('offers no answer where the signed-in scope may not write it, and says the referral waits', async () => {
    await sendReferral('schoolTeam', 'municipality');
    actAs('coordinator');
    renderWithUser(<PendingReferrals caseId={caseId} mayAnswer={false} />);
    const card = await screen.findByRole('article', { name: 'Referral to: Municipal education directorate' });
    expect(within(card).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(within(card).queryByLabelText(/note/i)).not.toBeInTheDocument();
    expect(within(card).getByText(/^Waiting for an answer from: Municipal education directorate/)).toBeInTheDocument();
  });

  it('updates when the answer arrives from another device', async () => {
    const id = await sendReferral();
    actAs('teacher');
    await renderPending();
    const card = screen.getByRole('article', { name: 'Handover to: School team' });
    expect(within(card).getByText(/^Waiting for an answer from: School team/)).toBeInTheDocument();

    await answerReferral(db, id, { decision: 'accepted', at: today(), by: 'Dragana Ilić', note: 'We take it' });

    expect(await within(card).findByText(/^Accepted on/)).toBeInTheDocument();
    expect(within(card).getByText('We take it')).toBeInTheDocument();
  });

  it('speaks Albanian to the school team', async () => {
    await changeLanguage('sq');
    await sendReferral();
    actAs('schoolTeam');
    renderWithUser(<PendingReferrals caseId={caseId} mayAnswer />);
    const card = await screen.findByRole('article', { name: 'Dorëzim i rastit për: Ekipi i shkollës' });
    expect(screen.getByRole('heading', { level: 2, name: 'Dorëzimet dhe referimet' })).toBeInTheDocument();
    expect(within(card).getByText('Pret përgjigjen tuaj.')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Prano' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Refuzo' })).toBeInTheDocument();
  });
});
