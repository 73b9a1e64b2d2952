import { displayName, LANGUAGES, type Language } from '../../domain/localizedName.ts';
import type { RosterPlace } from '../../domain/roster/rosterDraft.ts';
import type { Place } from '../../domain/writeRights.ts';
import type { SchoolRecord } from '../../storage/UraDatabase.ts';

/** A place as a select's value: the school, and the class key when the place is one class. */
export function placeKey(place: Place): string {
  return `${place.schoolId}|${place.classKey ?? ''}`;
}

/** The grade and class name a class key holds ("7|7/2"); null for a whole school. */
export function classOfKey(classKey: string | null): { grade: number; className: string } | null {
  if (classKey === null) return null;
  const bar = classKey.indexOf('|');
  return { grade: Number(classKey.slice(0, bar)), className: classKey.slice(bar + 1) };
}

export interface PlaceOption {
  value: string;
  school: string;
  classOf: { grade: number; className: string } | null;
}

/** The places the role may register students in, named in the reader's language, schools in name order. */
export function placeOptions(places: readonly Place[], schools: readonly SchoolRecord[], language: Language) {
  const byId = new Map(schools.map((school) => [school.id, school]));
  return places
    .flatMap((place): PlaceOption[] => {
      const school = byId.get(place.schoolId);
      if (school === undefined) return [];
      return [
        { value: placeKey(place), school: displayName(school.name, language), classOf: classOfKey(place.classKey) },
      ];
    })
    .sort((a, b) => a.school.localeCompare(b.school, language));
}

/**
 * The place as the row checks need it: every form of the school's name, and
 * a teacher's class as its students on the device write it ("VII-a", where the
 * class key has "vii-a").
 */
export function rosterPlaceOf(
  place: Place,
  school: SchoolRecord,
  classNames: ReadonlyMap<string, string>,
): RosterPlace {
  const classOf = classOfKey(place.classKey);
  const stored = place.classKey === null ? undefined : classNames.get(`${place.schoolId}|${place.classKey}`);
  return {
    schoolId: place.schoolId,
    schoolNames: LANGUAGES.map((language) => school.name[language]),
    classOf: classOf === null ? null : { grade: classOf.grade, className: stored ?? classOf.className },
  };
}
