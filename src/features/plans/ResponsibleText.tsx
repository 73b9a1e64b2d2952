import { useTranslation } from 'react-i18next';
import type { Responsible } from '../../domain/planAction.ts';

/** Who carries an action, as a line of a card. */
export function ResponsibleText({ responsible }: { responsible: Responsible }) {
  const { t } = useTranslation(['plans', 'casework']);
  if (responsible.kind === 'user') return <>{t('card.responsibleUser')}</>;
  if (responsible.kind === 'person') return <>{t('card.responsiblePerson', { name: responsible.name })}</>;
  const type = t(`casework:organisationType.${responsible.organisationType}`);
  return <>{t('card.responsible', { name: responsible.name, type })}</>;
}
