import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessScope } from '../../domain/accessScope.ts';
import type { Language } from '../../domain/localizedName.ts';
import { placesFor } from '../../domain/writeRights.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';
import { useAccessScope } from '../account/useWriteRights.ts';
import { RosterFileStep } from './RosterFileStep.tsx';
import { RosterMappingForm } from './RosterMappingForm.tsx';
import { placeKey, placeOptions } from './rosterPlaces.ts';
import { RosterPreview } from './RosterPreview.tsx';
import { RosterProgress } from './RosterProgress.tsx';
import { RosterDone } from './RosterDone.tsx';
import { useRosterImport } from './useRosterImport.ts';
import './roster.css';

/**
 * A school's class list from a CSV file (F18): where to, the file, which
 * column holds what, a preview with every problem by row, then one import
 * that registers all the chosen students or none. Offered to those who may
 * register students: a school team in its school, a teacher in their class.
 */
export function RosterImportPage() {
  const { t } = useTranslation(['roster', 'common']);
  const scope = useAccessScope();
  const schools = useLiveQuery(() => db.schools.toArray(), []);

  if (scope === undefined || schools === undefined) return <p role="status">{t('common:loading')}</p>;
  return <RosterImport scope={scope} schools={schools} />;
}

function RosterImport({ scope, schools }: { scope: AccessScope; schools: SchoolRecord[] }) {
  const { t, i18n } = useTranslation(['roster', 'common']);
  const roster = useRosterImport();
  const [chosenPlace, setChosenPlace] = useState('');
  const places = placesFor(scope, 'student');
  const options = placeOptions(places, schools, i18n.language as Language);
  // One place (a teacher's class): nothing to choose.
  const placeValue = chosenPlace || (options.length === 1 ? (options[0]?.value ?? '') : '');
  const place = places.find((candidate) => placeKey(candidate) === placeValue);
  const option = options.find((candidate) => candidate.value === placeValue);
  const { stage } = roster;

  if (options.length === 0) {
    return (
      <section className="page" aria-labelledby="roster-title">
        <h1 id="roster-title">{t('title')}</h1>
        <p>{t('noRights')}</p>
        <a className="button" href="#/students">
          {t('back')}
        </a>
      </section>
    );
  }
  const placeName =
    option === undefined
      ? ''
      : option.classOf === null
        ? option.school
        : t('place.class', { school: option.school, ...option.classOf });

  function content() {
    switch (stage.name) {
      case 'choose':
        return (
          <RosterFileStep
            places={options}
            placeValue={placeValue}
            onPlaceChange={setChosenPlace}
            problem={stage.problem}
            onFile={roster.readFile}
            onReread={roster.reread}
          />
        );
      case 'reading':
        return (
          <RosterProgress
            label={t('file.reading', { percent: Math.round(stage.fraction * 100) })}
            fraction={stage.fraction}
          />
        );
      case 'mapping':
        return (
          <RosterMappingForm
            table={stage.table}
            initial={stage.mapping}
            placeClass={option?.classOf?.className ?? null}
            onCheck={(mapping) => place && roster.check(stage.table, mapping, place, scope)}
            onStartOver={roster.startOver}
          />
        );
      case 'checking':
        return (
          <RosterProgress
            label={t('checking', { percent: Math.round(stage.fraction * 100) })}
            fraction={stage.fraction}
          />
        );
      case 'preview':
      case 'importing':
        return (
          <RosterPreview
            rows={stage.rows}
            schoolName={option?.school ?? ''}
            progress={stage.name === 'importing' ? stage : null}
            onImport={roster.importStudents}
            onChangeColumns={() => roster.backToMapping(stage.table, stage.mapping)}
            onStartOver={roster.startOver}
          />
        );
      case 'done':
        return <RosterDone added={stage.added} onAgain={roster.startOver} />;
    }
  }

  return (
    <section className="page roster" aria-labelledby="roster-title">
      <h1 id="roster-title">{t('title')}</h1>
      {stage.name !== 'choose' && placeName !== '' ? (
        <p className="roster-place">{t('into', { place: placeName })}</p>
      ) : null}
      {content()}
    </section>
  );
}
