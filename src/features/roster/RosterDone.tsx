import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from './useFocusOnMount.ts';

/** The import's end: how many were added, the way to see them, and the way to import the next list. */
export function RosterDone({ added, onAgain }: { added: number; onAgain: () => void }) {
  const { t } = useTranslation('roster');
  const messageRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="roster-done">
      <p role="status" ref={messageRef} tabIndex={-1}>
        {t('done.added', { count: added })}
      </p>
      <div className="roster-actions">
        <a className="button button-primary" href="#/students">
          {t('done.list')}
        </a>
        <button type="button" className="button" onClick={onAgain}>
          {t('done.again')}
        </button>
      </div>
    </div>
  );
}
