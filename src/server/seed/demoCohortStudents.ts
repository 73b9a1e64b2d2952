/**
 * The dashboard's demo cohort (docs/dashboard.md, "Demo data"): 36 more
 * fictional children at Ferizaj's two demo schools, each screened once this
 * term, so the demo coordinator's dashboard shows figures past small-count
 * suppression. Their classes ("<grade>/4") are nobody else's: not the demo
 * teacher's (7/2), nor a class a test fills (6/1 holds exactly 25 in the
 * teacher's screening journey). Their given names are not ones the journeys type.
 */
import { addCalendarDays, type IsoDate } from '../../domain/dueDates.ts';
import { getProfile } from '../../domain/profiles/profiles.ts';
import type { RiskLevel } from '../../domain/protocolProfile.ts';
import { scoreScreening, type ScreeningValues } from '../../domain/riskScreening.ts';
import { termForDate } from '../../domain/schoolTerm.ts';
import type { Community, Sex, StudentFields } from '../../domain/student.ts';
import type { DemoRecord } from './demoCasework.ts';
import { DEMO_SCHOOL_IDS as S } from './demoPlaces.ts';

type Child = readonly [
  given: string,
  family: string,
  sex: Sex,
  community: Community | '',
  rural: boolean,
  level: RiskLevel,
];

/** Screening values that give each level under the Kosovo profile (scored, never assumed). */
const VALUES: Readonly<Record<RiskLevel, ScreeningValues>> = {
  low: { unjustifiedAbsences: 2 },
  medium: { unjustifiedAbsences: 12 },
  high: { unjustifiedAbsences: 22, failingSubjects: 2, economicHardship: true },
  veryHigh: { unjustifiedAbsences: 31, failingSubjects: 4, economicHardship: true, careDuties: true },
};

/** First 18 at "Ahmet Hoxha", the rest at "Tefik Çanga". */
const CHILDREN: readonly Child[] = [
  ['Albiona', 'Hasani', 'female', 'albanian', true, 'high'],
  ['Dardan', 'Kastrati', 'male', 'albanian', false, 'medium'],
  ['Elira', 'Bytyqi', 'female', 'roma', true, 'veryHigh'],
  ['Fisnik', 'Rama', 'male', 'albanian', true, 'high'],
  ['Genta', 'Morina', 'female', 'ashkali', false, 'high'],
  ['Ilir', 'Shala', 'male', 'albanian', false, 'medium'],
  ['Jeta', 'Gashi', 'female', 'albanian', true, 'medium'],
  ['Kushtrim', 'Berisha', 'male', 'egyptian', true, 'veryHigh'],
  ['Lirie', 'Avdiu', 'female', 'albanian', false, 'high'],
  ['Mentor', 'Zeqiri', 'male', '', false, 'low'],
  ['Nora', 'Sylejmani', 'female', 'roma', true, 'high'],
  ['Orges', 'Halimi', 'male', 'albanian', true, 'medium'],
  ['Pranvera', 'Mustafa', 'female', 'albanian', false, 'high'],
  ['Qendrim', 'Ibrahimi', 'male', 'ashkali', false, 'veryHigh'],
  ['Rina', 'Krasniqi', 'female', 'albanian', true, 'medium'],
  ['Shpëtim', 'Osmani', 'male', 'albanian', false, 'low'],
  ['Adelina', 'Hoti', 'female', '', true, 'high'],
  ['Valon', 'Salihu', 'male', 'albanian', true, 'medium'],
  ['Ardita', 'Veseli', 'female', 'albanian', true, 'high'],
  ['Besart', 'Jashari', 'male', 'roma', false, 'veryHigh'],
  ['Donika', 'Latifi', 'female', 'albanian', false, 'medium'],
  ['Egzon', 'Murati', 'male', 'albanian', true, 'high'],
  ['Flaka', 'Sadiku', 'female', 'egyptian', true, 'high'],
  ['Gëzim', 'Thaçi', 'male', 'albanian', false, 'medium'],
  ['Hana', 'Bajrami', 'female', 'albanian', true, 'low'],
  ['Ismet', 'Gjoka', 'male', 'ashkali', true, 'high'],
  ['Kaltrina', 'Dema', 'female', 'albanian', false, 'veryHigh'],
  ['Leotrim', 'Haxhiu', 'male', 'albanian', false, 'medium'],
  ['Mimoza', 'Rexhepi', 'female', 'roma', true, 'high'],
  ['Nazim', 'Kryeziu', 'male', 'albanian', true, 'high'],
  ['Orjeta', 'Fejzullahu', 'female', '', false, 'medium'],
  ['Petrit', 'Lleshi', 'male', 'albanian', true, 'medium'],
  ['Rrezarta', 'Ahmeti', 'female', 'albanian', false, 'high'],
  ['Sokol', 'Maliqi', 'male', 'egyptian', true, 'veryHigh'],
  ['Vjosa', 'Pllana', 'female', 'albanian', true, 'medium'],
  ['Zana', 'Hyseni', 'female', 'albanian', false, 'low'],
];

export const COHORT_SIZE = CHILDREN.length;

/** 3100…01 onwards: the cohort's students. */
export function cohortStudentId(index: number): string {
  return `31000000-0000-4000-8000-${(index + 1).toString(16).padStart(12, '0')}`;
}

export function cohortSchoolId(index: number): string {
  return index < 18 ? S.ferizajAhmetHoxha : S.ferizajTefikCanga;
}

function studentFields(child: Child, index: number): StudentFields {
  const [givenName, familyName, sex, community, rural] = child;
  const grade = 3 + (index % 7);
  return {
    givenName,
    familyName,
    sex,
    dateOfBirth: `${2020 - grade}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    schoolId: cohortSchoolId(index),
    grade,
    className: `${grade}/4`,
    community,
    rural,
    guardianName: `${['Valbona', 'Fatmire', 'Besim', 'Shqipe', 'Agron', 'Mimoza'][index % 6] ?? ''} ${familyName}`,
    guardianPhone: `+383 44 ${String(200 + index).padStart(3, '0')} ${String(100 + index * 7).slice(-3)}`,
  };
}

/** The cohort's students and one screening each, a month before `today`, in this term. */
export function cohortStudentRecords(today: IsoDate): DemoRecord[] {
  const screenedOn = addCalendarDays(today, -30);
  const profile = getProfile('XK');
  return CHILDREN.flatMap((child, index) => {
    const studentId = cohortStudentId(index);
    const values = VALUES[child[5]];
    const result = scoreScreening(profile, values);
    const screening = {
      studentId,
      term: termForDate(screenedOn),
      screenedOn,
      screenedBy: 'Drita Berisha',
      profileId: result.profileId,
      profileVersion: result.profileVersion,
      values,
      protectiveFactors: [],
      level: result.level,
      score: result.score,
      reasons: result.reasons,
    };
    return [
      { entity: 'student', id: studentId, fields: studentFields(child, index) },
      {
        entity: 'screening',
        id: `32000000-0000-4000-8000-${(index + 1).toString(16).padStart(12, '0')}`,
        fields: screening,
      },
    ];
  });
}
