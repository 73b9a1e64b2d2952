import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/domain/dueDates.ts';
import { ReferralFormPage } from '../../../src/features/plans/ReferralFormPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { settleOutbox } from '../../../src/storage/outbox.ts';
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
  caseId = await seedPlanCase('XK');
  window.location.hash = `#/cases/${caseId}/refer`;
});

async function renderReferral() {
  const rendered = renderWithUser(<ReferralFormPage caseId={caseId} />);
  await screen.findByRole('heading', { level: 1, name: /Ana Krasniqi/ });
  return rendered;
}

const sendButton = () => screen.getByRole('button', { name: 'Send' });

describe('ReferralFormPage', { timeout: PLANS_TEST_TIMEOUT }, () => {
  it('lets a mentor hand over to the school team only, and tells when it leaves the phone', async () => {
    await signInOnCase('mentor', caseId);
    actAs('mentor', 'Arta Berisha');
    const { user } = await renderReferral();
    expect(screen.getByText('You hand the case over to: School team.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Centre for social work' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveValue(localIsoDate(new Date()));

    await user.click(screen.getByRole('radio', { name: 'Concern about attendance' }));
    await user.type(screen.getByLabelText('Note for the receiver'), 'Absent every Monday since October');
    await user.click(sendButton());

    const sent = await screen.findByRole('article', { name: 'Handover to: School team' });
    expect(
      within(sent).getByText('Waiting for an answer from: School team. It is sent with the next sync.'),
    ).toBeInTheDocument();
    expect(within(sent).getByText('Absent every Monday since October')).toBeInTheDocument();
    expect(within(sent).getByText(/^From: Arta Berisha \(CSO mentor\)/)).toBeInTheDocument();
    // The form starts afresh for another one.
    expect(screen.getByLabelText('Note for the receiver')).toHaveValue('');
    const [referral] = await db.referrals.toArray();
    expect(referral).toMatchObject({
      caseId,
      kind: 'handover',
      from: 'mentor',
      fromUserId: 'Arta Berisha',
      to: 'schoolTeam',
      reason: 'attendanceConcern',
      reasonText: 'Absent every Monday since October',
      status: 'pending',
    });

    // The next sync delivers it: the outbox row leaves, the card says it is sent.
    const rows = await outboxRowsFor('referral');
    await settleOutbox(
      db,
      rows.map((row) => ({ id: row.mutation.id, status: 'applied' })),
    );
    expect(await within(sent).findByText('Sent, waiting for an answer from: School team.')).toBeInTheDocument();
  });

  it('lets the school team refer to the centre for social work, and asks for words when the reason is "other"', async () => {
    await signInOnCase('schoolTeam', caseId);
    actAs('schoolTeam', 'Dragana Ilić');
    const { user } = await renderReferral();
    const to = screen.getByRole('group', { name: 'Send to' });
    expect(
      within(to)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['Centre for social work', 'Municipal education directorate']);

    await user.click(within(to).getByRole('radio', { name: 'Centre for social work' }));
    await user.click(screen.getByRole('radio', { name: 'Other (say what)' }));
    await user.click(sendButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    const note = screen.getByLabelText('Note for the receiver');
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription(/Say what the reason is\./);
    await waitFor(() => expect(note).toHaveFocus());
    expect(screen.getByRole('radio', { name: 'Other (say what)' })).toBeChecked();
    expect(await db.referrals.count()).toBe(0);

    await user.type(note, 'The family has no income since the father left');
    await user.click(sendButton());

    await screen.findByRole('article', { name: 'Referral to: Centre for social work' });
    expect(await db.referrals.toArray()).toMatchObject([
      { kind: 'referral', from: 'schoolTeam', to: 'csw', reason: 'other', fromUserId: 'Dragana Ilić' },
    ]);
  });

  it('names every field to correct at once and keeps the note', async () => {
    await signInOnCase('mentor', caseId);
    const { user } = await renderReferral();
    await user.type(screen.getByLabelText('Note for the receiver'), 'Talked to the mother twice');
    await user.clear(screen.getByLabelText('Date'));
    await user.click(sendButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 2 fields.');
    expect(screen.getByText('Choose a reason.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('This date does not exist.');
    expect(screen.getByLabelText('Note for the receiver')).toHaveValue('Talked to the mother twice');
    expect(await db.referrals.count()).toBe(0);
  });

  it('stores one referral and one outbox row when Send is double-tapped', async () => {
    await signInOnCase('mentor', caseId);
    const { user } = await renderReferral();
    await user.click(screen.getByRole('radio', { name: 'Transport to school' }));
    await user.dblClick(sendButton());

    await screen.findByRole('article', { name: 'Handover to: School team' });
    expect(await db.referrals.count()).toBe(1);
    expect((await outboxRowsFor('referral')).map((row) => row.mutation.op)).toEqual(['create']);
  });

  it('reminds that safeguarding details belong only in the referral', async () => {
    await signInOnCase('mentor', caseId);
    const { user } = await renderReferral();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Concern for the child’s safety' }));
    expect(screen.getByRole('note')).toHaveTextContent(
      'Write the details about the child’s safety only here, in this referral, and never in visit notes.',
    );
  });

  it('tells a coordinator they only receive, with no form to send', async () => {
    await signInOnCase('coordinator', caseId);
    await renderReferral();
    expect(screen.getByText(/As a municipal coordinator you receive referrals/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
  });

  it('tells a teacher their role cannot hand the case over, with no form whose handover the server would refuse', async () => {
    await signInOnCase('teacher', caseId);
    await renderReferral();
    expect(
      await screen.findByText('Your role cannot hand over or refer this case. Ask the school team.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Note for the receiver')).not.toBeInTheDocument();
  });
});
