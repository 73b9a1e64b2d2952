/**
 * Demo students: fictional children with names as they are written at home —
 * Albanian, Serbian in Cyrillic and in Latin, Roma, Ashkali and Egyptian
 * families — spread over schools in both countries. Fixed ids for tests.
 */
import type { StudentFields } from '../../domain/student.ts';
import { DEMO_SCHOOL_IDS as S } from './demoPlaces.ts';

export interface DemoStudent {
  id: string;
  fields: StudentFields;
}

export const DEMO_STUDENT_IDS = {
  arberKrasniqi: '30000000-0000-4000-8000-000000000001',
  erezaCeku: '30000000-0000-4000-8000-000000000002',
  blerimSadiku: '30000000-0000-4000-8000-000000000003',
  leonoraQerimi: '30000000-0000-4000-8000-000000000004',
  milicaJovanovic: '30000000-0000-4000-8000-000000000005',
  nikolaStojanovic: '30000000-0000-4000-8000-000000000006',
  senadBajramovic: '30000000-0000-4000-8000-000000000007',
  djordjeCiric: '30000000-0000-4000-8000-000000000008',
} as const;

const ID = DEMO_STUDENT_IDS;

export const DEMO_STUDENTS: readonly DemoStudent[] = [
  {
    id: ID.arberKrasniqi,
    fields: {
      givenName: 'Arbër',
      familyName: 'Krasniqi',
      sex: 'male',
      dateOfBirth: '2013-04-17',
      schoolId: S.ferizajAhmetHoxha,
      grade: 7,
      className: '7/2',
      community: 'albanian',
      rural: true,
      guardianName: 'Valbona Krasniqi',
      guardianPhone: '+383 44 123 456',
    },
  },
  {
    id: ID.erezaCeku,
    fields: {
      givenName: 'Erëza',
      familyName: 'Çeku',
      sex: 'female',
      dateOfBirth: '2018-02-09',
      schoolId: S.prizrenLekeDukagjini,
      grade: 2,
      className: '2/1',
      community: '',
      rural: false,
      guardianName: 'Fatmire Çeku',
      guardianPhone: '+383 49 234 567',
    },
  },
  {
    id: ID.blerimSadiku,
    fields: {
      givenName: 'Blerim',
      familyName: 'Sadiku',
      sex: 'male',
      dateOfBirth: '2014-09-30',
      schoolId: S.fusheKosoveHasanPrishtina,
      grade: 5,
      className: '5/3',
      community: 'ashkali',
      rural: false,
      guardianName: 'Shpresa Sadiku',
      guardianPhone: '+383 45 345 678',
    },
  },
  {
    id: ID.leonoraQerimi,
    fields: {
      givenName: 'Leonora',
      familyName: 'Qerimi',
      sex: 'female',
      dateOfBirth: '2012-06-21',
      schoolId: S.gjakoveMustafaBakija,
      grade: 8,
      className: '8/1',
      community: 'egyptian',
      rural: false,
      guardianName: '',
      guardianPhone: '',
    },
  },
  {
    id: ID.milicaJovanovic,
    fields: {
      givenName: 'Милица',
      familyName: 'Јовановић',
      sex: 'female',
      dateOfBirth: '2012-11-20',
      schoolId: S.aleksinacVozdKaradjordje,
      grade: 8,
      className: '8/2',
      community: 'serb',
      rural: false,
      guardianName: 'Зоран Јовановић',
      guardianPhone: '+381 64 123 4567',
    },
  },
  {
    id: ID.nikolaStojanovic,
    fields: {
      givenName: 'Nikola',
      familyName: 'Stojanović',
      sex: 'male',
      dateOfBirth: '2016-01-08',
      schoolId: S.velikaPlanaKaradjordje,
      grade: 4,
      className: '4/1',
      community: '',
      rural: true,
      guardianName: 'Jelena Stojanović',
      guardianPhone: '+381 63 987 6543',
    },
  },
  {
    id: ID.senadBajramovic,
    fields: {
      givenName: 'Senad',
      familyName: 'Bajramović',
      sex: 'male',
      dateOfBirth: '2010-03-03',
      schoolId: S.aleksinacLjupceNikolic,
      grade: 8,
      className: '8/3',
      community: 'roma',
      rural: false,
      guardianName: 'Dženeta Bajramović',
      guardianPhone: '+381 65 456 7890',
    },
  },
  {
    id: ID.djordjeCiric,
    fields: {
      givenName: 'Ђорђе',
      familyName: 'Ћирић',
      sex: 'male',
      dateOfBirth: '2011-07-14',
      schoolId: S.rekovacSvetiSava,
      grade: 8,
      className: '8/1',
      community: 'serb',
      rural: true,
      guardianName: 'Снежана Ћирић',
      guardianPhone: '+381 62 222 3344',
    },
  },
];
