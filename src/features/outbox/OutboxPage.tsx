import { useTranslation } from 'react-i18next';
import { db } from '../../storage/database.ts';
import { loadOutboxView } from '../../storage/outboxQueries.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { KeepCopySection } from './KeepCopySection.tsx';
import './outbox.css';
import { PendingSection } from './PendingSection.tsx';
import { RejectedSection } from './RejectedSection.tsx';

/**
 * The outbox, visible (PRODUCT F9): what waits on this phone to reach the
 * server, and what the server refused and why — with retry where it can
 * help, and export to a file before anything refused is discarded; and
 * a locked copy of everything unsent, to bring back on another phone (F14).
 */
export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const view = useLiveQuery(() => loadOutboxView(db), []);
  const isEmpty = view !== undefined && view.pending.length === 0 && view.rejected.length === 0;
  return (
    <section className="page" aria-labelledby="outbox-title" data-testid="outbox" aria-busy={view === undefined}>
      <h1 id="outbox-title">{t('title')}</h1>
      <p className="field-hint">{t('intro')}</p>
      {view === undefined ? <p role="status">{t('loading')}</p> : null}
      {isEmpty ? <p className="empty">{t('empty')}</p> : null}
      {view !== undefined ? <KeepCopySection unsent={view.pending.length + view.rejected.length} /> : null}
      {view !== undefined && view.pending.length > 0 ? <PendingSection items={view.pending} /> : null}
      {view !== undefined && view.rejected.length > 0 ? <RejectedSection items={view.rejected} /> : null}
    </section>
  );
}
