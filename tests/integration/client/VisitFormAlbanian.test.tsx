import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, localIsoDate } from '../../../src/domain/dueDates.ts';
import { loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { useToastStore } from '../../../src/state/toastStore.ts';
import { renderVisitForm, seedVisitCase } from '../../support/visitFormFixtures.tsx';
import { signInOnCase } from '../../support/writeRightsFixtures.ts';

let caseId: string;

beforeAll(async () => {
  await setupI18n('sq');
  await Promise.all([loadNamespace('casework'), loadNamespace('visits')]);
});

beforeEach(async () => {
  ({ caseId } = await seedVisitCase());
  await signInOnCase('mentor', caseId);
  window.location.hash = `#/cases/${caseId}/visit`;
});

describe('VisitForm in Albanian', () => {
  it('labels the note, explains a wrong date and confirms the save in Albanian', async () => {
    const { user } = await renderVisitForm(caseId);
    expect(screen.getByRole('heading', { level: 1, name: 'Vizita në shtëpi' })).toBeInTheDocument();
    expect(screen.getByText('SHFMU „Naim Frashëri“')).toBeInTheDocument();
    expect(screen.getByText('Rasti: I sinjalizuar')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'U takua familja' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Më shumë hollësi' })).toBeInTheDocument();

    const date = screen.getByLabelText('Data e vizitës');
    fireEvent.change(date, { target: { value: addCalendarDays(localIsoDate(new Date()), 3) } });
    await user.click(screen.getByRole('checkbox', { name: 'Fëmija' }));
    await user.click(screen.getByRole('button', { name: 'Ruaj' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ju lutemi korrigjoni 1 fushë.');
    expect(date).toHaveAccessibleDescription('Vizita nuk mund të jetë në të ardhmen.');

    fireEvent.change(date, { target: { value: localIsoDate(new Date()) } });
    await user.click(screen.getByRole('button', { name: 'Ruaj' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/cases/${caseId}`));
    expect(useToastStore.getState().message).toBe('Vizita u ruajt në këtë telefon');
    expect(await db.homeVisits.count()).toBe(1);
  });
});
