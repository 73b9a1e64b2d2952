import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEncoding } from '../../domain/roster/rosterEncoding.ts';
import { MAX_ROSTER_ROWS, type RosterFileProblem } from '../../domain/roster/rosterFile.ts';
import { FieldFrame } from '../../ui/FieldFrame.tsx';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import type { PlaceOption } from './rosterPlaces.ts';

const LEGACY_ENCODINGS: readonly Exclude<RosterEncoding, 'utf-8'>[] = ['windows-1250', 'windows-1251'];

interface RosterFileStepProps {
  places: readonly PlaceOption[];
  placeValue: string;
  onPlaceChange: (value: string) => void;
  problem: RosterFileProblem | { code: 'unreadable' } | null;
  onFile: (file: File) => void;
  onReread: (encoding: RosterEncoding) => void;
}

/** Where the students go, and the file; a file refused says why, in words a teacher can act on. */
export function RosterFileStep({ places, placeValue, onPlaceChange, problem, onFile, onReread }: RosterFileStepProps) {
  const { t } = useTranslation('roster');
  const [placeMissing, setPlaceMissing] = useState(false);
  const stepRef = useRef<HTMLDivElement>(null);

  function chooseFile(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again after fixing it is a new choice.
    event.target.value = '';
    if (file === undefined) return;
    if (placeValue === '') {
      setPlaceMissing(true);
      // Once the error is on screen, the place field is marked invalid and takes the focus.
      focusFirstInvalidNextFrame(stepRef.current);
      return;
    }
    onFile(file);
  }

  const placeLabel = (place: PlaceOption) =>
    place.classOf === null ? place.school : t('place.class', { school: place.school, ...place.classOf });

  return (
    <div ref={stepRef}>
      <p>{t('intro')}</p>
      <SelectField
        label={t('place.label')}
        hint={t('place.hint')}
        value={placeValue}
        placeholder={t('place.choose')}
        options={places.map((place) => ({ value: place.value, label: placeLabel(place) }))}
        error={placeMissing && placeValue === '' ? t('place.required') : undefined}
        onValueChange={(value) => {
          setPlaceMissing(false);
          onPlaceChange(value);
        }}
      />
      <FieldFrame label={t('file.label')} hint={t('file.hint', { limit: MAX_ROSTER_ROWS })}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
            onChange={chooseFile}
          />
        )}
      </FieldFrame>
      {problem === null ? null : (
        <div className="form-summary roster-problem" role="alert">
          <p>{problemText(t, problem)}</p>
          {problem.code === 'notUtf8' ? (
            <div className="roster-actions">
              {LEGACY_ENCODINGS.map((encoding) => (
                <button key={encoding} type="button" className="button" onClick={() => onReread(encoding)}>
                  {t(`encoding.${encoding}`)}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation<'roster'>>['t'];

function problemText(t: Translate, problem: RosterFileProblem | { code: 'unreadable' }): string {
  switch (problem.code) {
    case 'tooManyRows':
      return t('fileProblem.tooManyRows', { limit: problem.limit });
    case 'tooLarge':
      return t('fileProblem.tooLarge', { megabytes: problem.megabytes });
    case 'brokenQuotes':
      return t('fileProblem.brokenQuotes', { count: problem.lines.length, lines: problem.lines.join(', ') });
    default:
      return t(`fileProblem.${problem.code}`);
  }
}
