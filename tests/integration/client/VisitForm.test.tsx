import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { VisitFormPage } from '../../../src/features/visits/VisitFormPage.tsx';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit, homeVisitDraftKey } from '../../../src/storage/homeVisitRepository.ts';
import { useToastStore } from '../../../src/state/toastStore.ts';
import { useWorkerStore } from '../../../src/state/workerStore.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { renderVisitForm, seedVisitCase, visitOutboxRows } from '../../support/visitFormFixtures.tsx';
import { signInOnCase } from '../../support/writeRightsFixtures.ts';

let caseId: string;
const today = () => localIsoDate(new Date());

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('visits')]);
});

beforeEach(async () => {
  ({ caseId } = await seedVisitCase());
  await signInOnCase('mentor', caseId);
  useWorkerStore.setState({ name: 'Arta Berisha', role: 'mentor' });
  useToastStore.setState({ message: undefined });
  window.location.hash = `#/cases/${caseId}/visit`;
});

const field = (label: string) => screen.getByLabelText(label);
const saveButton = () => screen.getByRole('button', { name: 'Save' });
const savedToCase = () => waitFor(() => expect(window.location.hash).toBe(`#/cases/${caseId}`));

describe('VisitForm', () => {
  it('saves a quick visit with today, "met the family" and one tap on the child, as one note and one outbox row', async () => {
    const { user } = await renderVisitForm(caseId);
    expect(screen.getByRole('heading', { level: 1, name: 'Home visit' })).toBeInTheDocument();
    expect(screen.getByText('Naim Frashëri School')).toBeInTheDocument();
    expect(field('Date of the visit')).toHaveValue(today());
    expect(screen.getByRole('radio', { name: 'Met the family' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Planned visit (not unannounced)' })).toBeChecked();
    // The rest waits behind "More details".
    expect(screen.getByRole('button', { name: 'More details' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('Observations (brief, factual)')).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(saveButton());
    await savedToCase();

    const [visit, ...others] = await db.homeVisits.toArray();
    expect(others).toEqual([]);
    expect(visit).toMatchObject({
      caseId,
      visitDate: today(),
      outcome: 'metFamily',
      present: ['child'],
      planned: true,
      correctionOf: null,
      recordedBy: 'Arta Berisha',
    });
    const outbox = await visitOutboxRows();
    expect(outbox.map((row) => row.mutation.entityId)).toEqual([visit?.id]);
    expect(useToastStore.getState().message).toBe('Visit saved on this phone');
    expect(await db.drafts.count()).toBe(0);
  });

  it('stores one note when Save is tapped twice before the screen changes', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    const save = saveButton();
    fireEvent.click(save);
    fireEvent.click(save);
    await savedToCase();
    // A third tap after the save still finds the same note.
    await waitFor(() => expect(save).toBeEnabled());
    fireEvent.click(save);

    expect(await db.homeVisits.count()).toBe(1);
    expect(await visitOutboxRows()).toHaveLength(1);
  });

  it('takes people off "present" when nobody was home, so such a note cannot name anyone', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mother' }));
    await user.click(screen.getByRole('radio', { name: 'Nobody home' }));
    expect(screen.queryByRole('group', { name: 'Who was present' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Met the family' }));
    expect(screen.getByRole('checkbox', { name: 'The child' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Mother' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(screen.getByRole('radio', { name: 'Family has moved' }));
    expect(screen.getByRole('checkbox', { name: 'The child' })).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Nobody home' }));
    await user.click(saveButton());
    await savedToCase();

    expect(await db.homeVisits.toArray()).toMatchObject([{ outcome: 'nobodyHome', present: [] }]);
  });

  it('asks who was present when the family was met, and saves nothing until then', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    expect(screen.getByRole('group', { name: 'Who was present' })).toHaveAccessibleDescription('Say who was present.');
    expect(screen.getByRole('checkbox', { name: 'The child' })).toHaveFocus();
    expect(await db.homeVisits.count()).toBe(0);
  });

  it('refuses a visit in the future next to the date, focuses it and keeps the notes', async () => {
    const { user } = await renderVisitForm(caseId);
    fireEvent.change(field('Date of the visit'), { target: { value: addCalendarDays(today(), 1) } });
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(field('Notes'));
    await user.paste('Grandmother says she will walk her to school');
    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    expect(field('Date of the visit')).toHaveAccessibleDescription('The visit cannot be in the future.');
    expect(field('Date of the visit')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field('Date of the visit')).toHaveFocus());
    expect(field('Notes')).toHaveValue('Grandmother says she will walk her to school');
    expect(screen.getByRole('checkbox', { name: 'The child' })).toBeChecked();
    expect(await db.homeVisits.count()).toBe(0);
    expect(await visitOutboxRows()).toHaveLength(0);

    fireEvent.change(field('Date of the visit'), { target: { value: today() } });
    expect(screen.queryByText('The visit cannot be in the future.')).not.toBeInTheDocument();
  });

  it('opens "More details" to show and focus a wrong field hidden there', async () => {
    const { user } = await renderVisitForm(caseId);
    const more = screen.getByRole('button', { name: 'More details' });
    await user.click(more);
    fireEvent.change(field('Start time'), { target: { value: '16:00' } });
    fireEvent.change(field('End time'), { target: { value: '15:30' } });
    await user.click(more);
    expect(screen.queryByLabelText('End time')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(saveButton());

    expect(await screen.findByText('The end is before the start.')).toBeInTheDocument();
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(field('End time')).toHaveFocus());
    expect(field('Start time')).toHaveValue('16:00');
    expect(await db.homeVisits.count()).toBe(0);
  });

  it('sets the next visit in one tap, counted from the visit', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(screen.getByRole('button', { name: 'In 2 weeks' }));
    expect(field('Next visit or meeting')).toHaveValue(addCalendarDays(today(), 14));
    expect(screen.getByRole('button', { name: 'In 2 weeks' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('checkbox', { name: 'Mother' }));
    await user.click(saveButton());
    await savedToCase();
    expect(await db.homeVisits.toArray()).toMatchObject([{ nextVisitDate: addCalendarDays(today(), 14) }]);
  });

  it('keeps a safeguarding concern to yes or no and points to the referral', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(screen.getByRole('button', { name: 'More details' }));
    const concern = screen.getByRole('group', { name: /Safeguarding concern/ });
    expect(within(concern).getByRole('radio', { name: 'No' })).toBeChecked();
    await user.click(within(concern).getByRole('radio', { name: 'Yes' }));

    expect(screen.getByRole('note')).toHaveTextContent('Do not write the details here.');
    expect(screen.getByRole('link', { name: 'Write the referral' })).toHaveAttribute('href', `#/cases/${caseId}/refer`);
  });

  it('saves agreed actions, drops an empty row and names a row that lacks its "what"', async () => {
    const { user } = await renderVisitForm(caseId);
    await user.click(screen.getByRole('checkbox', { name: 'The child' }));
    await user.click(screen.getByRole('button', { name: 'More details' }));
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    const first = screen.getByRole('group', { name: 'Action 1' });
    await user.type(within(first).getByLabelText('Who'), 'Mother');
    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct 1 field.');
    await waitFor(() => expect(within(first).getByLabelText('What')).toHaveFocus());
    expect(within(first).getByLabelText('What')).toHaveAccessibleDescription('Required.');

    await user.click(within(first).getByLabelText('What'));
    await user.paste('Brings her to school on Monday');
    await user.click(saveButton());
    await savedToCase();
    expect(await db.homeVisits.toArray()).toMatchObject([
      { agreedActions: [{ what: 'Brings her to school on Monday', who: 'Mother', byDate: null }] },
    ]);
  });

  it('brings a half-written note back after the form was closed, and clears it once saved', async () => {
    const first = await renderVisitForm(caseId);
    await first.user.click(screen.getByRole('checkbox', { name: 'Mother' }));
    await first.user.type(field('Notes'), 'Father works');
    const draftKey = homeVisitDraftKey(caseId);
    await waitFor(async () =>
      expect(await db.drafts.get(draftKey)).toMatchObject({ value: { fields: { notes: 'Father works' } } }),
    );
    const draftId = ((await db.drafts.get(draftKey))?.value as { id: string }).id;
    first.unmount();

    const { user } = await renderVisitForm(caseId);
    expect(screen.getByRole('status')).toHaveTextContent('Your unsaved note was restored.');
    expect(field('Notes')).toHaveValue('Father works');
    expect(screen.getByRole('checkbox', { name: 'Mother' })).toBeChecked();
    await user.click(saveButton());
    await savedToCase();

    // The id made when the note was first opened travelled with the draft.
    expect(await db.homeVisits.toArray()).toMatchObject([{ id: draftId, notes: 'Father works', present: ['mother'] }]);
    expect(await db.drafts.get(draftKey)).toBeUndefined();
  });

  it('keeps the draft typed just before the form closes, and lets the user discard it', async () => {
    const first = await renderVisitForm(caseId);
    await first.user.type(field('Notes'), 'No answer');
    // Closed before the autosave delay: the form writes its draft as it goes.
    first.unmount();
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));

    const { user } = await renderVisitForm(caseId);
    expect(field('Notes')).toHaveValue('No answer');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(field('Notes')).toHaveValue('');
    expect(screen.queryByText('Your unsaved note was restored.')).not.toBeInTheDocument();
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
  });

  it('saves a correction as a new note linked to the original, which stays untouched', async () => {
    const input = makeVisitInput(caseId, { visitDate: '2026-11-05', notes: 'Mother was not there' });
    await addHomeVisit(db, input);
    const originalBefore = await db.homeVisits.get(input.id);

    const { user } = await renderVisitForm(caseId, input.id);
    expect(screen.getByRole('heading', { level: 1, name: 'Correct a home-visit note' })).toBeInTheDocument();
    expect(screen.getByText(/Correcting the note of Nov 5, 2026/)).toBeInTheDocument();
    expect(field('Date of the visit')).toHaveValue('2026-11-05');
    expect(field('Notes')).toHaveValue('Mother was not there');
    await user.clear(field('Notes'));
    await user.paste('Mother was there; the father was not');
    await user.click(saveButton());
    await savedToCase();

    const correction = (await db.homeVisits.toArray()).find((visit) => visit.id !== input.id);
    expect(correction).toMatchObject({
      correctionOf: input.id,
      visitDate: '2026-11-05',
      present: input.present,
      notes: 'Mother was there; the father was not',
    });
    expect(await db.homeVisits.get(input.id)).toEqual(originalBefore);
    expect((await visitOutboxRows()).map((row) => row.mutation.entityId)).toEqual([input.id, correction?.id]);
    expect(await db.drafts.count()).toBe(0);
  });

  it('says so when the case is not on this phone, with a way back to the cases', async () => {
    render(<VisitFormPage caseId="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4fff" />);
    expect(await screen.findByText('This case is not on this phone. It may not have synced yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to cases' })).toHaveAttribute('href', '#/cases');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});
