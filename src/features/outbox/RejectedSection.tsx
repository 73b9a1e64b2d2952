import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../storage/outboxQueries.ts';
import { RejectedCard } from './RejectedCard.tsx';
import { useRejectedActions } from './useRejectedActions.ts';

/** Changes the server refused: each with its reason in words and what can be done about it. */
export function RejectedSection({ items }: { items: readonly OutboxItem[] }) {
  const { t } = useTranslation(['outbox', 'common']);
  const actions = useRejectedActions();
  return (
    <section className="outbox-section" aria-labelledby="outbox-rejected-title" data-testid="outbox-rejected">
      <h2 id="outbox-rejected-title">{t('rejected.title')}</h2>
      <p>{t('rejected.count', { count: items.length })}</p>
      <p className="field-hint">{t('rejected.fileHint')}</p>
      {actions.failure ? (
        <p className="form-summary" role="alert">
          {t(`common:errors.${actions.failure}`)}
        </p>
      ) : null}
      <button
        type="button"
        disabled={actions.busy}
        onClick={() => void actions.exportFile(items.map((item) => item.seq))}
      >
        {t('rejected.exportAll')}
      </button>
      <ul className="card-list outbox-list">
        {items.map((item) => (
          <li key={item.seq} className="card">
            <RejectedCard item={item} actions={actions} />
          </li>
        ))}
      </ul>
    </section>
  );
}
