import { useTranslation } from 'react-i18next';
import type { FieldFault } from './fieldIssues.ts';

/** The words under a field for what is wrong with it; `undefined` when nothing is. */
export function useFaultText(): (
  fault: FieldFault | undefined,
  overrides?: Partial<Record<FieldFault, string>>,
) => string | undefined {
  const { t } = useTranslation('admin');
  return (fault, overrides = {}) => (fault === undefined ? undefined : (overrides[fault] ?? t(`issue.${fault}`)));
}
