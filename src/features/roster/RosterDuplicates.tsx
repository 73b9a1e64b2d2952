import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../domain/roster/rosterCheck.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';

interface RosterDuplicatesProps {
  rows: readonly RosterRow[];
  /** How many are listed with a choice each; the rest are counted and skipped. */
  listed: number;
  anyway: ReadonlySet<number>;
  onToggle: (rowNumber: number, checked: boolean) => void;
  describe: (row: RosterRow) => string;
}

/** Students already registered (on the phone, or earlier in the file): skipped unless ticked. */
export function RosterDuplicates({ rows, listed, anyway, onToggle, describe }: RosterDuplicatesProps) {
  const { t } = useTranslation('roster');
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{t('preview.duplicatesTitle')}</h3>
      <p>{t('preview.duplicatesHint')}</p>
      <ul className="roster-duplicates" data-testid="roster-duplicates">
        {rows.slice(0, listed).map((row) => (
          <li key={row.rowNumber}>
            <p>{describe(row)}</p>
            <CheckboxField
              label={t('preview.importAnyway', { row: row.rowNumber })}
              checked={anyway.has(row.rowNumber)}
              onCheckedChange={(checked) => onToggle(row.rowNumber, checked)}
            />
          </li>
        ))}
      </ul>
      {rows.length > listed ? <p>{t('preview.moreDuplicates', { count: rows.length - listed })}</p> : null}
    </>
  );
}
