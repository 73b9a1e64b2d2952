import { useTranslation } from 'react-i18next';
import { useIsOnline } from '../../state/onlineState.ts';
import { useSyncStatusStore } from '../../state/syncStatusStore.ts';
import type { OutboxItem } from '../../storage/outboxQueries.ts';
import { requestSync } from '../../sync/syncController.ts';
import { OutboxItemSummary } from './OutboxItemSummary.tsx';

/** Changes saved on the phone that the server has not answered yet, with a way to send them now. */
export function PendingSection({ items }: { items: readonly OutboxItem[] }) {
  const { t } = useTranslation('outbox');
  const isOnline = useIsOnline();
  const phase = useSyncStatusStore((state) => state.phase);
  const progress =
    phase === 'syncing'
      ? t('pending.syncing')
      : phase === 'updateRequired'
        ? t('pending.updateRequired')
        : !isOnline
          ? t('pending.offline')
          : phase === 'failed'
            ? t('pending.failed')
            : '';
  return (
    <section className="outbox-section" aria-labelledby="outbox-pending-title" data-testid="outbox-pending">
      <div className="page-header">
        <h2 id="outbox-pending-title">{t('pending.title')}</h2>
        <button
          type="button"
          className="button-primary"
          onClick={() => requestSync('now')}
          disabled={phase === 'syncing' || phase === 'updateRequired'}
        >
          {t('pending.syncNow')}
        </button>
      </div>
      <p className="list-count">{t('pending.count', { count: items.length })}</p>
      {/* Always rendered, so screen readers announce each change of progress. */}
      <p className="outbox-progress" role="status">
        {progress}
      </p>
      <ul className="card-list">
        {items.map((item) => (
          <li key={item.seq} className="card">
            <OutboxItemSummary item={item} titleId={`outbox-item-${item.seq}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
