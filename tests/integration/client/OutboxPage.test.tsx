import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRoute, sectionOf } from '../../../src/app/useHashRoute.ts';
import { OutboxPage } from '../../../src/features/outbox/OutboxPage.tsx';
import { SettingsPage } from '../../../src/features/settings/SettingsPage.tsx';
import { SyncStatusBar } from '../../../src/features/sync/SyncStatusBar.tsx';
import { changeLanguage, loadNamespace, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { addHomeVisit } from '../../../src/storage/homeVisitRepository.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { META_KEYS } from '../../../src/storage/syncMeta.ts';
import type { OutboxRow } from '../../../src/storage/UraDatabase.ts';
import { flagCaseOn } from '../../support/caseworkDevice.ts';
import { makeVisitInput } from '../../support/caseworkFixtures.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';

// Live queries re-run over fake IndexedDB on a busy two-core machine: give them time.
const LIVE = { timeout: 5000 };
const downloads: { fileName: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all([loadNamespace('casework'), loadNamespace('outbox')]);
  // jsdom has no object URLs: keep each blob, so a test can read the file the screen hands to the browser.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  downloads.length = 0;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(async () => {
  await changeLanguage('en');
});

/**
 * Arta Gashi registered, her concern flagged and a home visit recorded; the
 * server refused the visit (a missing field) and the case (the clock).
 */
async function seedOutbox(): Promise<{ visit: OutboxRow; flagged: OutboxRow }> {
  const studentId = await createStudent(db, makeStudentFields({ givenName: 'Arta', familyName: 'Gashi' }));
  const caseId = await flagCaseOn(db, studentId);
  await addHomeVisit(db, makeVisitInput(caseId));
  const rows = await db.outbox.orderBy('seq').toArray();
  const flagged = rows.find((row) => row.mutation.entity === 'case')!;
  const visit = rows.find((row) => row.mutation.entity === 'homeVisit')!;
  // As a sync leaves them (a clock refusal kept by an older version of the app, which did not re-queue it).
  await db.outbox.update(visit.seq, { state: 'rejected', rejectionCode: 'invalid_fields' });
  await db.outbox.update(flagged.seq, { state: 'rejected', rejectionCode: 'clock_ahead' });
  return { visit: (await db.outbox.get(visit.seq))!, flagged: (await db.outbox.get(flagged.seq))! };
}

async function renderReady() {
  const user = userEvent.setup();
  render(<OutboxPage />);
  await waitFor(() => expect(screen.getByTestId('outbox')).toHaveAttribute('aria-busy', 'false'), LIVE);
  return user;
}

const pendingCards = () => within(screen.getByTestId('outbox-pending')).getAllByRole('listitem');
const refusedCard = (name: string) => within(screen.getByTestId('outbox-rejected')).getByRole('article', { name });

describe('OutboxPage', () => {
  it('says when nothing waits', async () => {
    await renderReady();
    expect(screen.getByRole('heading', { level: 1, name: 'Changes to sync' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing is waiting/)).toBeInTheDocument();
    expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument();
    expect(screen.queryByTestId('outbox-rejected')).not.toBeInTheDocument();
  });

  it('lists what waits and what was refused, each refusal with its reason and what to do', async () => {
    await seedOutbox();
    await renderReady();

    expect(screen.getByRole('heading', { level: 2, name: 'Waiting to sync' })).toBeInTheDocument();
    expect(screen.getByText('1 change waits to be sent.')).toBeInTheDocument();
    expect(pendingCards()).toHaveLength(1);
    expect(pendingCards()[0]).toHaveTextContent('New student · Arta Gashi');
    expect(pendingCards()[0]).toHaveTextContent('Not sent yet');
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();

    expect(screen.getByRole('heading', { level: 2, name: 'Refused by the server' })).toBeInTheDocument();
    expect(screen.getByText(/The server refused 2 changes/)).toBeInTheDocument();
    const visit = refusedCard('Home visit · Arta Gashi');
    expect(visit).toHaveTextContent('Some of its details were missing or not accepted');
    expect(visit).toHaveTextContent('Sending it again gets the same answer.');
    expect(within(visit).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(visit).getByRole('button', { name: 'Export' })).toBeInTheDocument();
    expect(within(visit).getByRole('button', { name: 'Discard' })).toBeInTheDocument();
    const flagged = refusedCard('Concern flagged · Arta Gashi');
    expect(flagged).toHaveTextContent("the phone's date or time was ahead of the server's");
    expect(within(flagged).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('retries a clock refusal: it goes back to the queue as a new mutation', async () => {
    const { flagged } = await seedOutbox();
    const user = await renderReady();

    await user.click(within(refusedCard('Concern flagged · Arta Gashi')).getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(pendingCards()).toHaveLength(2), LIVE);
    expect(pendingCards()[1]).toHaveTextContent('Concern flagged · Arta Gashi');
    expect(screen.queryByRole('article', { name: 'Concern flagged · Arta Gashi' })).not.toBeInTheDocument();
    const row = await db.outbox.get(flagged.seq);
    expect(row).toMatchObject({ state: 'pending', mutation: { entity: 'case', entityId: flagged.mutation.entityId } });
    expect(row?.mutation.id).not.toBe(flagged.mutation.id);
  });

  it('offers no retry while the phone clock is still ahead, and says how to fix it', async () => {
    await seedOutbox();
    await db.meta.update(META_KEYS.hlc, { value: { millis: Date.now() + 5 * 60 * 60 * 1000, counter: 0, node: '0' } });
    await renderReady();

    const flagged = refusedCard('Concern flagged · Arta Gashi');
    expect(within(flagged).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(flagged).toHaveTextContent("Set the correct date and time in the phone's settings.");
  });

  it('asks before discarding a change not exported, and discards only refused rows', async () => {
    const { visit } = await seedOutbox();
    const user = await renderReady();
    const card = refusedCard('Home visit · Arta Gashi');

    await user.click(within(card).getByRole('button', { name: 'Discard' }));
    const confirm = within(card).getByRole('group', { name: 'Discard without export?' });
    expect(confirm).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(card).queryByRole('group')).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Discard' })).toHaveFocus();
    expect(await db.outbox.get(visit.seq)).toBeDefined();

    await user.click(within(card).getByRole('button', { name: 'Discard' }));
    await user.click(within(card).getByRole('button', { name: 'Discard without export' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: 'Home visit · Arta Gashi' })).toBeNull(), LIVE);
    expect(await db.outbox.get(visit.seq)).toBeUndefined();
    const left = await db.outbox.orderBy('seq').toArray();
    expect(left.map((row) => [row.mutation.entity, row.state])).toEqual([
      ['student', 'pending'],
      ['case', 'rejected'],
    ]);
    expect(downloads).toEqual([]);
  });

  it('exports a refused change to a JSON file, after which it is discarded without asking', async () => {
    const { visit } = await seedOutbox();
    const user = await renderReady();
    const card = refusedCard('Home visit · Arta Gashi');

    await user.click(within(card).getByRole('button', { name: 'Export' }));

    await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
    expect(downloads[0]!.fileName).toMatch(/^ura-rejected-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await downloads[0]!.blob.text()) as { changes: unknown[]; appVersion: string };
    expect(file.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(file.changes).toEqual([
      expect.objectContaining({ rejectionCode: 'invalid_fields', mutation: visit.mutation }),
    ]);
    expect(card).toHaveTextContent('Exported to a file');

    await user.click(within(card).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Home visit · Arta Gashi' })).toBeNull(), LIVE);
    expect(await db.outbox.get(visit.seq)).toBeUndefined();
  });

  it('exports every refused change into one file', async () => {
    const { visit, flagged } = await seedOutbox();
    const user = await renderReady();
    await user.click(screen.getByRole('button', { name: 'Export all to a file' }));
    await waitFor(() => expect(downloads).toHaveLength(1), LIVE);
    const file = JSON.parse(await downloads[0]!.blob.text()) as { changes: { mutation: { id: string } }[] };
    expect(file.changes.map((change) => change.mutation.id)).toEqual([flagged.mutation.id, visit.mutation.id]);
  });

  it('speaks Serbian Cyrillic, plurals included', async () => {
    await seedOutbox();
    await createStudent(db, makeStudentFields({ givenName: 'Милан', familyName: 'Петровић' }));
    await createStudent(db, makeStudentFields({ givenName: 'Јована', familyName: 'Илић' }));
    await changeLanguage('sr-Cyrl');
    await renderReady();

    expect(screen.getByRole('heading', { level: 1, name: 'Промене за синхронизацију' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Чека синхронизацију' })).toBeInTheDocument();
    expect(screen.getByText('3 промене чекају слање.')).toBeInTheDocument();
    expect(pendingCards()[1]).toHaveTextContent('Нови ученик · Милан Петровић');
    expect(screen.getByText(/Сервер је одбио 2 промене\./)).toBeInTheDocument();
    const visit = refusedCard('Кућна посета · Arta Gashi');
    expect(visit).toHaveTextContent('Неки подаци су недостајали или нису прихваћени');
    expect(within(visit).getByRole('button', { name: 'Извези' })).toBeInTheDocument();
    expect(
      within(refusedCard('Пријављена забринутост · Arta Gashi')).getByRole('button', { name: 'Покушај поново' }),
    ).toBeInTheDocument();
  });
});

describe('links to the outbox', () => {
  it('lives at #/outbox, under Settings in the navigation', () => {
    expect(parseRoute('#/outbox')).toEqual({ name: 'outbox' });
    expect(sectionOf(parseRoute('#/outbox'))).toBe('settings');
  });

  it('shows one in the status bar only while something waits or was refused', async () => {
    render(<SyncStatusBar />);
    await waitFor(() => expect(screen.getByText('All changes synced')).toBeInTheDocument(), LIVE);
    expect(screen.queryByRole('link', { name: 'See changes' })).not.toBeInTheDocument();

    await seedOutbox();
    const link = await screen.findByRole('link', { name: 'See changes' }, LIVE);
    expect(link).toHaveAttribute('href', '#/outbox');
  });

  it('has one in Settings', () => {
    render(<SettingsPage />);
    expect(screen.getByRole('link', { name: 'See what waits to sync and what the server refused' })).toHaveAttribute(
      'href',
      '#/outbox',
    );
  });
});
