/**
 * Demo municipalities and schools (fixed ids, so tests and the end-to-end
 * suite can name them). Real place names; the schools are illustrative.
 * Kosovo schools are named in Albanian with the Serbian type abbreviation in
 * the Serbian forms; Serbian schools' Latin forms are derived from Cyrillic.
 */
import type { LocalizedName } from '../../domain/localizedName.ts';
import { cyrillicToLatin } from '../../domain/transliterate.ts';

export type Country = 'XK' | 'RS';

export interface DemoMunicipality {
  id: string;
  fields: { name: LocalizedName; country: Country };
}

export interface DemoSchool {
  id: string;
  fields: { name: LocalizedName; municipalityId: string; country: Country };
}

export const DEMO_MUNICIPALITY_IDS = {
  ferizaj: '10000000-0000-4000-8000-000000000001',
  gjakove: '10000000-0000-4000-8000-000000000002',
  fusheKosove: '10000000-0000-4000-8000-000000000003',
  prizren: '10000000-0000-4000-8000-000000000004',
  velikaPlana: '10000000-0000-4000-8000-000000000005',
  aleksinac: '10000000-0000-4000-8000-000000000006',
  rekovac: '10000000-0000-4000-8000-000000000007',
} as const;

export const DEMO_SCHOOL_IDS = {
  ferizajAhmetHoxha: '20000000-0000-4000-8000-000000000001',
  ferizajTefikCanga: '20000000-0000-4000-8000-000000000002',
  gjakoveMustafaBakija: '20000000-0000-4000-8000-000000000003',
  gjakoveYllMorina: '20000000-0000-4000-8000-000000000004',
  fusheKosoveHasanPrishtina: '20000000-0000-4000-8000-000000000005',
  fusheKosoveIsmailQemali: '20000000-0000-4000-8000-000000000006',
  prizrenLekeDukagjini: '20000000-0000-4000-8000-000000000007',
  prizrenAbdylFrasheri: '20000000-0000-4000-8000-000000000008',
  velikaPlanaKaradjordje: '20000000-0000-4000-8000-000000000009',
  velikaPlanaSvetozarMarkovic: '20000000-0000-4000-8000-00000000000a',
  aleksinacVozdKaradjordje: '20000000-0000-4000-8000-00000000000b',
  aleksinacLjupceNikolic: '20000000-0000-4000-8000-00000000000c',
  rekovacSvetiSava: '20000000-0000-4000-8000-00000000000d',
  rekovacDjuraJaksic: '20000000-0000-4000-8000-00000000000e',
} as const;

const M = DEMO_MUNICIPALITY_IDS;
const S = DEMO_SCHOOL_IDS;

function municipality(id: string, country: Country, name: LocalizedName): DemoMunicipality {
  return { id, fields: { name, country } };
}

/** SHFMU: shkollë fillore dhe e mesme e ulët (primary and lower secondary, grades 1–9). */
function kosovoSchool(id: string, municipalityId: string, properName: string, cyrillic: string): DemoSchool {
  const name: LocalizedName = {
    sq: `SHFMU „${properName}“`,
    'sr-Latn': `OŠ „${properName}“`,
    'sr-Cyrl': `ОШ „${cyrillic}“`,
    en: `“${properName}” Primary and Lower Secondary School`,
  };
  return { id, fields: { name, municipalityId, country: 'XK' } };
}

/** OŠ: osnovna škola (primary, grades 1–8). */
function serbianSchool(id: string, municipalityId: string, cyrillic: string): DemoSchool {
  const latin = cyrillicToLatin(cyrillic);
  const name: LocalizedName = {
    sq: `Shkolla fillore „${latin}“`,
    'sr-Latn': `OŠ „${latin}“`,
    'sr-Cyrl': `ОШ „${cyrillic}“`,
    en: `“${latin}” Primary School`,
  };
  return { id, fields: { name, municipalityId, country: 'RS' } };
}

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  municipality(M.ferizaj, 'XK', { sq: 'Ferizaj', 'sr-Latn': 'Uroševac', 'sr-Cyrl': 'Урошевац', en: 'Ferizaj' }),
  municipality(M.gjakove, 'XK', { sq: 'Gjakovë', 'sr-Latn': 'Đakovica', 'sr-Cyrl': 'Ђаковица', en: 'Gjakova' }),
  municipality(M.fusheKosove, 'XK', {
    sq: 'Fushë Kosovë',
    'sr-Latn': 'Kosovo Polje',
    'sr-Cyrl': 'Косово Поље',
    en: 'Fushë Kosova',
  }),
  municipality(M.prizren, 'XK', { sq: 'Prizren', 'sr-Latn': 'Prizren', 'sr-Cyrl': 'Призрен', en: 'Prizren' }),
  municipality(M.velikaPlana, 'RS', {
    sq: 'Velika Plana',
    'sr-Latn': 'Velika Plana',
    'sr-Cyrl': 'Велика Плана',
    en: 'Velika Plana',
  }),
  municipality(M.aleksinac, 'RS', { sq: 'Aleksinac', 'sr-Latn': 'Aleksinac', 'sr-Cyrl': 'Алексинац', en: 'Aleksinac' }),
  municipality(M.rekovac, 'RS', { sq: 'Rekovac', 'sr-Latn': 'Rekovac', 'sr-Cyrl': 'Рековац', en: 'Rekovac' }),
];

export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  kosovoSchool(S.ferizajAhmetHoxha, M.ferizaj, 'Ahmet Hoxha', 'Ахмет Хоџа'),
  kosovoSchool(S.ferizajTefikCanga, M.ferizaj, 'Tefik Çanga', 'Тефик Чанга'),
  kosovoSchool(S.gjakoveMustafaBakija, M.gjakove, 'Mustafa Bakija', 'Мустафа Бакија'),
  kosovoSchool(S.gjakoveYllMorina, M.gjakove, 'Yll Morina', 'Ил Морина'),
  kosovoSchool(S.fusheKosoveHasanPrishtina, M.fusheKosove, 'Hasan Prishtina', 'Хасан Приштина'),
  kosovoSchool(S.fusheKosoveIsmailQemali, M.fusheKosove, 'Ismail Qemali', 'Исмаил Ћемали'),
  kosovoSchool(S.prizrenLekeDukagjini, M.prizren, 'Lekë Dukagjini', 'Леке Дукађини'),
  kosovoSchool(S.prizrenAbdylFrasheri, M.prizren, 'Abdyl Frashëri', 'Абдил Фрашери'),
  serbianSchool(S.velikaPlanaKaradjordje, M.velikaPlana, 'Карађорђе'),
  serbianSchool(S.velikaPlanaSvetozarMarkovic, M.velikaPlana, 'Светозар Марковић'),
  serbianSchool(S.aleksinacVozdKaradjordje, M.aleksinac, 'Вожд Карађорђе'),
  serbianSchool(S.aleksinacLjupceNikolic, M.aleksinac, 'Љупче Николић'),
  serbianSchool(S.rekovacSvetiSava, M.rekovac, 'Свети Сава'),
  serbianSchool(S.rekovacDjuraJaksic, M.rekovac, 'Ђура Јакшић'),
];
