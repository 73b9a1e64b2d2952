import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNSYNCED_WARNING_AGE_MS } from '../../../src/domain/unsyncedWork.ts';
import { SettingsPage } from '../../../src/features/settings/SettingsPage.tsx';
import { SyncStatusBar } from '../../../src/features/sync/SyncStatusBar.tsx';
import { changeLanguage, setupI18n } from '../../../src/i18n/setupI18n.ts';
import { db } from '../../../src/storage/database.ts';
import { createStudent } from '../../../src/storage/studentRepository.ts';
import { makeStudentFields } from '../../support/clientFixtures.ts';

// Live queries re-run over fake IndexedDB on a busy two-core machine: give them time.
const LIVE = { timeout: 5000 };
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  await setupI18n('en');
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

afterEach(async () => {
  setStorageManager(undefined);
  await changeLanguage('en');
});

/** `count` students saved on this phone, the first of them `age` ago (the others later). */
async function waitingSince(age: number, count = 1): Promise<number> {
  for (let index = 0; index < count; index += 1) {
    await createStudent(db, makeStudentFields({ givenName: `Drita ${index}` }));
  }
  const [first] = await db.outbox.orderBy('seq').toArray();
  const savedAt = Date.now() - age;
  await db.outbox.update(first!.seq, { createdAt: savedAt });
  return savedAt;
}

const day = (value: number, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(value);

/** Waits until the status bar shows the outbox's counts, so an absent warning is really absent. */
async function renderStatusBar(pending: number) {
  render(<SyncStatusBar />);
  await waitFor(() => expect(screen.getByTestId('pending-count')).toHaveAttribute('data-count', String(pending)), LIVE);
}

describe('the warning about old unsynced work', () => {
  it('stays away while the oldest waiting change is younger than three days', async () => {
    await waitingSince(UNSYNCED_WARNING_AGE_MS - HOUR, 2);
    await renderStatusBar(2);
    expect(screen.queryByTestId('unsynced-warning')).not.toBeInTheDocument();
  });

  it('says how many changes, since when, and leads to the copy once it is three days old', async () => {
    const savedAt = await waitingSince(UNSYNCED_WARNING_AGE_MS + 60_000);
    await renderStatusBar(1);
    const warning = screen.getByTestId('unsynced-warning');
    expect(warning).toHaveTextContent(`1 change from ${day(savedAt, 'en')} is still only on this phone.`);
    // Read, not announced: it stays for days.
    expect(warning).not.toHaveAttribute('role');
    const link = within(warning).getByRole('link', { name: 'Save a copy' });
    expect(link).toHaveAttribute('href', '#/outbox');
    expect(link).toHaveClass('status-outbox-link');

    await createStudent(db, makeStudentFields({ givenName: 'Blerta' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('unsynced-warning')).toHaveTextContent(
          `2 changes, the oldest from ${day(savedAt, 'en')}, are still only on this phone.`,
        ),
      LIVE,
    );
  });

  it('appears by itself when the oldest change turns three days old on an open screen', async () => {
    // Three seconds to spare: seeding and the first render take a few hundred milliseconds.
    await waitingSince(UNSYNCED_WARNING_AGE_MS - 3000);
    await renderStatusBar(1);
    expect(screen.queryByTestId('unsynced-warning')).not.toBeInTheDocument();
    expect(await screen.findByTestId('unsynced-warning', {}, LIVE)).toBeInTheDocument();
  });

  it('goes once the changes have reached the server', async () => {
    await waitingSince(UNSYNCED_WARNING_AGE_MS + HOUR);
    await renderStatusBar(1);
    expect(screen.getByTestId('unsynced-warning')).toBeInTheDocument();
    await db.outbox.clear();
    await waitFor(() => expect(screen.queryByTestId('unsynced-warning')).not.toBeInTheDocument(), LIVE);
  });

  it('speaks Serbian Cyrillic and Albanian, plural forms and dates included', async () => {
    const savedAt = await waitingSince(4 * 24 * HOUR, 3);
    await changeLanguage('sr-Cyrl');
    await renderStatusBar(3);
    expect(screen.getByTestId('unsynced-warning')).toHaveTextContent(
      `3 промене, најстарија од ${day(savedAt, 'sr-Cyrl')}, још су само на овом телефону.`,
    );
    expect(screen.getByRole('link', { name: 'Сачувај копију' })).toBeInTheDocument();

    await changeLanguage('sq');
    await waitFor(() =>
      expect(screen.getByTestId('unsynced-warning')).toHaveTextContent(
        `3 ndryshime, më i vjetri i datës ${day(savedAt, 'sq')}, janë ende vetëm në këtë telefon.`,
      ),
    );
  });
});

/** The browser's StorageManager as a page sees it; undefined removes it, as in jsdom or an old browser. */
function setStorageManager(manager: Partial<StorageManager> | undefined): void {
  if (manager === undefined) Reflect.deleteProperty(navigator, 'storage');
  else Object.defineProperty(navigator, 'storage', { configurable: true, value: manager });
}

describe('storage in Settings', () => {
  it('shows how much of its allowance Ura uses, in the interface language', async () => {
    setStorageManager({
      persisted: () => Promise.resolve(true),
      estimate: () => Promise.resolve({ usage: 12_345_678, quota: 1_234_567_890 }),
    });
    render(<SettingsPage />);
    await waitFor(() => expect(screen.getByTestId('storage-quota')).toHaveTextContent('12 MB of 1.2 GB used.'));
    expect(screen.getByTestId('storage-state')).toHaveTextContent('Protected');

    await changeLanguage('sq');
    await waitFor(() => expect(screen.getByTestId('storage-quota')).toHaveTextContent('Përdorur 12 MB nga 1,2 GB.'));
  });

  it('says so when the browser does not tell, or refuses to', async () => {
    render(<SettingsPage />);
    await waitFor(() =>
      expect(screen.getByTestId('storage-quota')).toHaveTextContent(
        'This browser does not say how much space Ura uses.',
      ),
    );
    expect(screen.getByTestId('storage-state')).toHaveTextContent('This browser does not say whether');

    setStorageManager({ estimate: () => Promise.reject(new DOMException('denied', 'SecurityError')) });
    render(<SettingsPage />);
    await waitFor(() => expect(screen.getAllByTestId('storage-quota')[1]).toHaveTextContent('does not say how much'));
  });

  it('counts small and very large figures in sensible units', async () => {
    setStorageManager({ estimate: () => Promise.resolve({ usage: 950, quota: 2_400_000_000_000 }) });
    render(<SettingsPage />);
    await waitFor(() => expect(screen.getByTestId('storage-quota')).toHaveTextContent('950 byte of 2.4 TB used.'));
  });
});

describe('getting there', () => {
  it('takes one tap from the warning to the outbox screen', async () => {
    await waitingSince(UNSYNCED_WARNING_AGE_MS + HOUR);
    const user = userEvent.setup();
    await renderStatusBar(1);
    window.location.hash = '#/today';
    await user.click(screen.getByRole('link', { name: 'Save a copy' }));
    expect(window.location.hash).toBe('#/outbox');
  });
});
