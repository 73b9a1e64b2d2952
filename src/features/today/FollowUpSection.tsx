import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FollowUpSectionProps<T> {
  id: string;
  title: string;
  /** The items read so far: the list's first ones, or all of them once asked for. */
  items: readonly T[];
  /** How many the list holds in all; with `capped`, at least this many (not counted further). */
  total: number;
  capped: boolean;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Asks for the rest of the list. */
  onShowAll: () => void;
  /** Overdue work is marked in red. */
  urgent?: boolean;
}

/**
 * One list of the Today screen: a heading with its count, then a card per
 * item read, and a button for the rest. Hidden when empty.
 */
export function FollowUpSection<T>(props: FollowUpSectionProps<T>) {
  const { id, title, items, total, capped, keyOf, renderItem, onShowAll, urgent = false } = props;
  const { t } = useTranslation('today');
  // Where the reader left off when they asked for the rest: focus goes there once it has arrived.
  const focusFrom = useRef<number | null>(null);
  // How many cards there were when the rest was asked for: until more arrive, the button says it is loading
  // (thousands of items can take over a second on a slow phone).
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll('a')[from]?.focus();
  }, [items.length]);
  if (total === 0) return null;
  const hidden = total - items.length;
  const loadingRest = askedAt !== null && items.length <= askedAt;

  const showRest = (): void => {
    if (loadingRest) return;
    focusFrom.current = items.length;
    setAskedAt(items.length);
    onShowAll();
  };

  return (
    <section className={urgent ? 'today-section today-urgent' : 'today-section'} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="today-count">{t(capped ? 'countAtLeast' : 'count', { n: total })}</span>
      </h2>
      <ul className="card-list" ref={list} aria-busy={loadingRest || undefined}>
        {items.map((item) => (
          <li key={keyOf(item)}>{renderItem(item)}</li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" className="today-more" onClick={showRest} aria-disabled={loadingRest || undefined}>
          {loadingRest ? t('loadingRest') : capped ? t('showAll') : t('showMore', { count: hidden })}
        </button>
      ) : null}
    </section>
  );
}
