import { useTranslation } from 'react-i18next';

/** Cancel and save, save disabled while it saves. */
export function FormButtons({ isSaving, onCancel }: { isSaving: boolean; onCancel: () => void }) {
  const { t } = useTranslation('common');
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={isSaving}>
        {isSaving ? t('actions.saving') : t('actions.save')}
      </button>
    </div>
  );
}
