import { useTranslation } from 'react-i18next';
import { clashValue } from '../../domain/clashValue.ts';
import type { FieldConflict } from '../../domain/fieldConflict.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** A clashed field's label and a value of it, in the user's language. */
export function useClashValueText() {
  const { t, i18n } = useTranslation(['cases', 'casework', 'students']);
  // Keys built from stored values (a status, a community) are only known at run time.
  const lookUp = t as unknown as (key: string, options: { defaultValue: string }) => string;

  function fieldLabel(conflict: FieldConflict): string {
    return lookUp(`cases:conflict.field.${conflict.recordEntity}.${conflict.field}`, {
      defaultValue: t('conflict.unknownField'),
    });
  }

  function valueText(conflict: FieldConflict, value: unknown): string {
    const shown = clashValue(conflict.recordEntity, conflict.field, value);
    switch (shown.kind) {
      case 'empty':
        return t('conflict.empty');
      case 'yesNo':
        return shown.value ? t('conflict.yes') : t('conflict.no');
      case 'number':
        return new Intl.NumberFormat(i18n.language).format(shown.value);
      case 'date':
        return formatIsoDate(shown.iso, i18n.language);
      case 'term':
        // A value from a newer app version has no label here yet: show it as stored.
        return lookUp(`${shown.group}.${shown.key}`, { defaultValue: shown.key });
      case 'otherRecord':
        return t('conflict.otherRecord');
      case 'text':
        return shown.text;
    }
  }

  return { fieldLabel, valueText };
}
