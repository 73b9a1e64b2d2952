import { useTranslation } from 'react-i18next';
import { unsyncedWarningFrom } from '../../domain/unsyncedWork.ts';
import { useReachedTime } from './useReachedTime.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatDay(value: number, language: string): string {
  let format = dayFormats.get(language);
  if (!format) dayFormats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })));
  return format.format(value);
}

/**
 * A line in the status bar once the oldest change still waiting is older than
 * UNSYNCED_WARNING_AGE_MS (PRODUCT F14): how many changes are only on this
 * phone, since when, and the way to the locked copy on the outbox screen.
 * A plain line, not an alert: it stays for days, and is read, not announced.
 */
export function UnsyncedWarning({ pending, oldestAt }: { pending: number; oldestAt: number | undefined }) {
  const { t, i18n } = useTranslation();
  const old = useReachedTime(oldestAt === undefined ? undefined : unsyncedWarningFrom(oldestAt));
  if (!old || oldestAt === undefined || pending === 0) return null;
  return (
    <p className="status-line status-warning" data-testid="unsynced-warning">
      {t('status.unsyncedOld', { count: pending, date: formatDay(oldestAt, i18n.language) })}
      <span aria-hidden="true"> · </span>
      <a className="status-outbox-link" href="#/outbox">
        {t('status.saveCopy')}
      </a>
    </p>
  );
}
