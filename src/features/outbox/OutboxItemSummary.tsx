import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../i18n/formatDate.ts';
import type { OutboxItem } from '../../storage/outboxQueries.ts';

/** What a change is and whom it is about ("Home visit · Arta Gashi"), when it was saved and how often it was sent. */
export function OutboxItemSummary({ item, titleId }: { item: OutboxItem; titleId: string }) {
  const { t, i18n } = useTranslation('outbox');
  const what = t(`what.${item.entity}.${item.op}`);
  return (
    <>
      <span className="card-title" id={titleId}>
        {item.studentName === undefined ? what : t('item', { what, name: item.studentName })}
      </span>
      <span className="card-detail">
        {t('saved', { when: formatWhen(item.createdAt, i18n.language) })}
        <span aria-hidden="true"> · </span>
        {item.attempts === 0 ? t('notSent') : t('attempts', { count: item.attempts })}
      </span>
    </>
  );
}
