import { useTranslation } from 'react-i18next';
import { useCatchingUp, useSyncStatusStore } from '../../state/syncStatusStore.ts';

/**
 * Stands in for a list while a sync brings page after page (a first sync of a
 * caseload): the list would otherwise be recomputed after every page, which
 * slowed a first sync of 2,000 cases on a phone. Nothing while not catching up.
 */
export function CatchingUpNotice() {
  const { t } = useTranslation();
  const catchingUp = useCatchingUp();
  const received = useSyncStatusStore((state) => state.received);
  if (!catchingUp) return null;
  return (
    <p role="status" className="catching-up">
      {t('status.catchingUp', { count: received })}
    </p>
  );
}
