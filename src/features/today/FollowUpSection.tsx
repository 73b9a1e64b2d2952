import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Cards shown at first: a long overdue list stays quick to draw on a cheap phone. */
const FIRST_SHOWN = 30;

interface FollowUpSectionProps<T> {
  id: string;
  title: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Overdue work is marked in red. */
  urgent?: boolean;
}

/** One list of the Today screen: a heading with its count, then a card per item. Hidden when empty. */
export function FollowUpSection<T>({ id, title, items, keyOf, renderItem, urgent = false }: FollowUpSectionProps<T>) {
  const { t } = useTranslation('today');
  const [showAll, setShowAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  if (items.length === 0) return null;
  const shown = showAll ? items : items.slice(0, FIRST_SHOWN);
  const hidden = items.length - shown.length;

  const showRest = (): void => {
    setShowAll(true);
    // The button goes away: carry focus to the first card that was hidden, where the reader left off.
    requestAnimationFrame(() => list.current?.querySelectorAll('a')[FIRST_SHOWN]?.focus());
  };

  return (
    <section className={urgent ? 'today-section today-urgent' : 'today-section'} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="today-count">{items.length}</span>
      </h2>
      <ul className="card-list" ref={list}>
        {shown.map((item) => (
          <li key={keyOf(item)}>{renderItem(item)}</li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" className="today-more" onClick={showRest}>
          {t('showMore', { count: hidden })}
        </button>
      ) : null}
    </section>
  );
}
