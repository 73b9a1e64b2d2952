import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../storage/outboxQueries.ts';
import { REJECTION_CODES, type RejectionCode } from '../../sync/protocol.ts';
import { OutboxItemSummary } from './OutboxItemSummary.tsx';
import type { RejectedActions } from './useRejectedActions.ts';

function knownCode(code: string | undefined): RejectionCode | 'unknown' {
  return REJECTION_CODES.find((known) => known === code) ?? 'unknown';
}

/**
 * One refused change: why, what to do, and the buttons that make sense for
 * it. Retry shows only where it can help; discarding a change not yet
 * exported asks first, since nothing else keeps it.
 */
export function RejectedCard({ item, actions }: { item: OutboxItem; actions: RejectedActions }) {
  const { t } = useTranslation(['outbox', 'common']);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const code = knownCode(item.rejectionCode);
  const advice = code === 'clock_ahead' && !item.canRetry ? 'clockStillAhead' : code;
  const titleId = `outbox-item-${item.seq}`;
  const exported = actions.exported.has(item.seq);

  // Focus follows the question, and goes back to Discard (enabled again by then) when it is cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) discardRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const discard = () => {
    if (exported) void actions.discard([item.seq]);
    else setConfirming(true);
  };

  return (
    <article className="outbox-rejected" aria-labelledby={titleId}>
      <OutboxItemSummary item={item} titleId={titleId} />
      <p className="outbox-reason">{t(`reason.${code}`)}</p>
      <p className="outbox-advice">{t(`advice.${advice}`)}</p>
      {exported ? <p className="outbox-exported">{t('rejected.exported')}</p> : null}
      <div className="outbox-actions">
        {item.canRetry ? (
          <button
            type="button"
            className="button-primary"
            disabled={actions.busy}
            onClick={() => void actions.retry([item.seq])}
          >
            {t('rejected.retry')}
          </button>
        ) : null}
        <button type="button" disabled={actions.busy} onClick={() => void actions.exportFile([item.seq])}>
          {t('rejected.export')}
        </button>
        <button type="button" ref={discardRef} disabled={actions.busy || confirming} onClick={discard}>
          {t('rejected.discard')}
        </button>
      </div>
      {confirming ? (
        <div
          className="outbox-confirm"
          role="group"
          aria-labelledby={`${titleId}-confirm`}
          ref={confirmRef}
          tabIndex={-1}
        >
          <p className="card-title" id={`${titleId}-confirm`}>
            {t('rejected.confirmTitle')}
          </p>
          <p>{t('rejected.confirmText')}</p>
          <div className="outbox-actions">
            <button
              type="button"
              className="button-danger"
              disabled={actions.busy}
              onClick={() => void actions.discard([item.seq])}
            >
              {t('rejected.confirmDiscard')}
            </button>
            <button
              type="button"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
            >
              {t('common:actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
