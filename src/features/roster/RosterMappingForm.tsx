import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mappingProblems,
  requiredFields,
  ROSTER_FIELDS,
  type RosterField,
  type RosterMapping,
} from '../../domain/roster/rosterFields.ts';
import type { RosterTable } from '../../domain/roster/rosterFile.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

interface RosterMappingFormProps {
  table: RosterTable;
  initial: RosterMapping;
  /** A teacher's class, where rows without a grade or class go; null for a whole school. */
  placeClass: string | null;
  onCheck: (mapping: RosterMapping) => void;
  onStartOver: () => void;
}

/**
 * One select per field, preset from the header's words: the user sees what
 * Ura understood (with the first row's value) and corrects it before any row
 * is checked. Required fields must be given a column.
 */
export function RosterMappingForm({ table, initial, placeClass, onCheck, onStartOver }: RosterMappingFormProps) {
  const { t } = useTranslation('roster');
  const [mapping, setMapping] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const problems = mappingProblems(mapping, placeClass !== null);
  const required = new Set(requiredFields(mapping, placeClass !== null));
  const firstRow = table.records[0]?.cells ?? [];

  const columns = table.header.map((name, index) => ({
    value: String(index),
    label:
      name === '' ? t('mapping.columnNoName', { number: index + 1 }) : t('mapping.column', { number: index + 1, name }),
  }));

  function errorOf(field: RosterField): string | undefined {
    const problem = attempted ? problems.find((item) => item.field === field) : undefined;
    if (problem === undefined) return undefined;
    return problem.code === 'required' ? t('mapping.required', { field: t(`field.${field}`) }) : t('mapping.usedTwice');
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (problems.length === 0) {
      onCheck(mapping);
      return;
    }
    setAttempted(true);
    focusFirstInvalidNextFrame(formRef.current);
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-labelledby="roster-mapping-title">
      <h2 id="roster-mapping-title" ref={headingRef} tabIndex={-1}>
        {t('mapping.title')}
      </h2>
      <p>{t('mapping.hint')}</p>
      {placeClass === null ? null : <p>{t('mapping.classDefault', { className: placeClass })}</p>}
      {attempted && problems.length > 0 ? (
        <p className="form-summary" role="alert">
          {t('mapping.fixErrors', { count: problems.length })}
        </p>
      ) : null}
      {ROSTER_FIELDS.map((field) => {
        const column = mapping[field];
        const example = column === null ? '' : (firstRow[column] ?? '');
        return (
          <SelectField
            key={field}
            label={
              required.has(field) ? t('mapping.requiredLabel', { field: t(`field.${field}`) }) : t(`field.${field}`)
            }
            value={column === null ? '' : String(column)}
            placeholder={t('mapping.notInFile')}
            options={columns}
            hint={example === '' ? undefined : t('mapping.example', { value: example })}
            error={errorOf(field)}
            onValueChange={(value) =>
              setMapping((current) => ({ ...current, [field]: value === '' ? null : Number(value) }))
            }
          />
        );
      })}
      <div className="form-actions roster-actions">
        <button type="button" className="button" onClick={onStartOver}>
          {t('mapping.another')}
        </button>
        <button type="submit" className="button button-primary">
          {t('mapping.check')}
        </button>
      </div>
    </form>
  );
}
