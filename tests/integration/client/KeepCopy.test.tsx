import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openText } from '../../../src/domain/unsentEnvelope.ts';
import { OutboxPage } from '../../../src/features/outbox/OutboxPage.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { useToastStore } from '../../../src/state/toastStore.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import { catchDownloads, type Download } from '../../support/accountUiFixtures.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';

const LIVE = { timeout: 5000 };
const PASSPHRASE = 'tri dhi në bjeshkë';
let downloads: Download[];

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('outbox')]);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  downloads = catchDownloads();
});

afterEach(async () => {
  await changeLanguage('en');
});

/** Arta registered, her concern flagged and a home visit recorded, none of it sent. */
async function recordThreeChanges(): Promise<void> {
  const studentId = await createStudent(db, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi' }));
  const caseId = await flagCaseOn(db, studentId);
  await addHomeVisit(db, makeVisitInput(caseId));
}

async function renderOutbox() {
  const user = userEvent.setup();
  const view = render(<OutboxPage />);
  await waitFor(() => expect(screen.getByTestId('outbox')).toHaveAttribute('aria-busy', 'false'), LIVE);
  return { user, unmount: view.unmount };
}

const copySection = () => screen.getByTestId('outbox-copy');

describe('keeping a locked copy of unsent changes', () => {
  it('asks for a passphrase twice, long enough, then hands over a locked file of every unsent change', async () => {
    await recordThreeChanges();
    const { user } = await renderOutbox();
    const section = copySection();
    expect(within(section).getByRole('heading', { level: 2, name: 'Keep a copy' })).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Save a copy to a file' }));
    const passphrase = within(section).getByLabelText('Passphrase for the file');
    const again = within(section).getByLabelText('The passphrase again');
    expect(passphrase).toHaveFocus();
    expect(passphrase).toHaveAttribute('type', 'password');
    expect(passphrase).toHaveAccessibleDescription(/At least 10 characters/);

    await user.type(passphrase, 'short');
    await user.type(again, 'short');
    await user.click(within(section).getByRole('button', { name: 'Save the locked file' }));
    await waitFor(() => expect(passphrase).toHaveFocus());
    expect(passphrase).toHaveAccessibleDescription(/needs at least 10 characters/);
    expect(passphrase).toHaveAttribute('aria-invalid', 'true');

    await user.clear(passphrase);
    await user.type(passphrase, PASSPHRASE);
    await user.clear(again);
    await user.type(again, `${PASSPHRASE}!`);
    await user.click(within(section).getByRole('button', { name: 'Save the locked file' }));
    await waitFor(() => expect(again).toHaveFocus());
    expect(again).toHaveAccessibleDescription('The two passphrases are not the same. Type them again.');
    expect(downloads).toEqual([]);

    await user.click(within(section).getByRole('button', { name: 'Show passphrase' }));
    expect(passphrase).toHaveAttribute('type', 'text');
    await user.clear(again);
    await user.type(again, PASSPHRASE);
    await user.click(within(section).getByRole('button', { name: 'Save the locked file' }));

    await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
    expect(downloads[0]!.fileName).toMatch(/^ura-unsent-\d{4}-\d{2}-\d{2}-locked\.json$/);
    const text = await downloads[0]!.blob.text();
    expect(text).not.toContain('Arta');
    const opened = await openText(text, PASSPHRASE);
    if (!opened.ok) throw new Error(opened.reason);
    const document = JSON.parse(opened.text) as { changes: { mutation: { id: string } }[] };
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(document.changes.map((change) => change.mutation.id)).toEqual(rows.map((row) => row.mutation.id));
    expect(useToastStore.getState().message).toBe(
      `3 changes saved to ${downloads[0]!.fileName}, locked with the passphrase.`,
    );
    // The form closes once the file is made; nothing of the passphrase stays on screen.
    expect(within(section).queryByLabelText('Passphrase for the file')).not.toBeInTheDocument();
  });

  it('brings the changes back on a phone that starts afresh: wrong passphrase first, then the right one', async () => {
    await recordThreeChanges();
    const first = await renderOutbox();
    await first.user.click(within(copySection()).getByRole('button', { name: 'Save a copy to a file' }));
    await first.user.type(screen.getByLabelText('Passphrase for the file'), PASSPHRASE);
    await first.user.type(screen.getByLabelText('The passphrase again'), PASSPHRASE);
    await first.user.click(screen.getByRole('button', { name: 'Save the locked file' }));
    await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
    const file = new File([await downloads[0]!.blob.text()], downloads[0]!.fileName, { type: 'application/json' });
    const lostPhone = await getClientId(db);
    first.unmount();

    // The phone's data is gone (storage cleared); the mentor signs in again and opens the outbox.
    await Promise.all(db.tables.map((table) => table.clear()));
    const { user } = await renderOutbox();
    const section = copySection();
    expect(screen.getByText(/Nothing is waiting/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Save a copy to a file' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Bring back changes from a file' }));

    await user.click(within(section).getByRole('button', { name: 'Bring them back' }));
    expect(within(section).getByLabelText('File saved by Ura')).toHaveAccessibleDescription('Choose the file first.');

    await user.upload(within(section).getByLabelText('File saved by Ura'), file);
    const passphrase = within(section).getByLabelText('Passphrase of the file');
    await user.type(passphrase, 'tri dhi në mal');
    await user.click(within(section).getByRole('button', { name: 'Bring them back' }));
    await waitFor(() => expect(passphrase).toHaveAttribute('aria-invalid', 'true'), LIVE);
    expect(passphrase).toHaveAccessibleDescription(/This passphrase does not open the file/);
    expect(passphrase).toHaveFocus();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.students.count()).toBe(0);

    await user.clear(passphrase);
    await user.type(passphrase, PASSPHRASE);
    await user.click(within(section).getByRole('button', { name: 'Bring them back' }));

    await waitFor(
      () =>
        expect(within(section).getByRole('status')).toHaveTextContent(
          '3 changes are back on this phone and wait to sync.',
        ),
      LIVE,
    );
    const pending = await screen.findByTestId('outbox-pending', {}, LIVE);
    expect(within(pending).getAllByRole('listitem')).toHaveLength(3);
    expect(within(pending).getAllByRole('listitem')[0]).toHaveTextContent('New student · Arta Gashi');
    const rows = await db.outbox.toArray();
    const here = await getClientId(db);
    expect(here).not.toBe(lostPhone);
    expect(rows.every((row) => row.mutation.clientId === here)).toBe(true);

    // The same file again adds nothing, and says so.
    await user.upload(within(section).getByLabelText('File saved by Ura'), file);
    await user.type(passphrase, PASSPHRASE);
    await user.click(within(section).getByRole('button', { name: 'Bring them back' }));
    await waitFor(
      () =>
        expect(within(section).getByRole('status')).toHaveTextContent(
          '3 changes in the file were already on this phone and were left as they are.',
        ),
      LIVE,
    );
    expect(await db.outbox.count()).toBe(3);
  });

  it('says plainly when a file is not one of Ura’s, in Serbian too', async () => {
    await changeLanguage('sr-Cyrl');
    const { user } = await renderOutbox();
    const section = copySection();
    await user.click(within(section).getByRole('button', { name: 'Врати промене из датотеке' }));
    await user.upload(
      within(section).getByLabelText('Датотека коју је сачувала Ура'),
      new File(['{"students":[]}'], 'export.json', { type: 'application/json' }),
    );
    await user.click(within(section).getByRole('button', { name: 'Врати их' }));
    expect(await within(section).findByRole('alert', {}, LIVE)).toHaveTextContent(
      'Ово није датотека с променама коју је сачувала Ура.',
    );
  });
});
