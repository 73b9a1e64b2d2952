/**
 * Names as families write them at home, for the benchmark's generated
 * students. Serbian names come in both scripts, because a school may type
 * either; the pools hold near neighbours on purpose ("Kraja", "Krasić",
 * "Krasniqi"; "Jovičić", "Jovanović"), so each keystroke of the typed queries
 * ("krasn", "јован", "dorde") narrows the list.
 */
export const ALBANIAN_GIVEN = [
  'Arbër',
  'Ardita',
  'Besart',
  'Blerim',
  'Dafina',
  'Dorina',
  'Drilon',
  'Ereza',
  'Fjolla',
  'Gentian',
  'Kaltrina',
  'Leonora',
  'Lirim',
  'Mimoza',
  'Qëndrim',
  'Rinor',
  'Shqipe',
  'Teuta',
  'Valon',
  'Vjosa',
] as const;

export const ALBANIAN_FAMILY = [
  'Berisha',
  'Bytyqi',
  'Ceku',
  'Gashi',
  'Hasani',
  'Hoxha',
  'Kelmendi',
  'Kraja',
  'Krasniqi',
  'Kryeziu',
  'Morina',
  'Qerimi',
  'Rexhepi',
  'Sadiku',
  'Shala',
  'Thaçi',
] as const;

/** Roma, Ashkali and Egyptian families, in both countries. */
export const ROMA_GIVEN = ['Elvis', 'Senad', 'Sabina', 'Samir', 'Denis', 'Elmaze', 'Fatmir', 'Mirsada'] as const;
export const ROMA_FAMILY = ['Bajramović', 'Demirović', 'Mustafić', 'Alijević', 'Ramadani', 'Osmani', 'Salihu'] as const;

/** [Latin, Cyrillic]. */
export const SERBIAN_GIVEN = [
  ['Ana', 'Ана'],
  ['Dragana', 'Драгана'],
  ['Dušan', 'Душан'],
  ['Đorđe', 'Ђорђе'],
  ['Jasmina', 'Јасмина'],
  ['Jovan', 'Јован'],
  ['Jovana', 'Јована'],
  ['Katarina', 'Катарина'],
  ['Lazar', 'Лазар'],
  ['Luka', 'Лука'],
  ['Marko', 'Марко'],
  ['Milica', 'Милица'],
  ['Miloš', 'Милош'],
  ['Nemanja', 'Немања'],
  ['Nevena', 'Невена'],
  ['Nikola', 'Никола'],
  ['Sara', 'Сара'],
  ['Stefan', 'Стефан'],
  ['Teodora', 'Теодора'],
] as const;

export const SERBIAN_FAMILY = [
  ['Ćirić', 'Ћирић'],
  ['Đorđević', 'Ђорђевић'],
  ['Ilić', 'Илић'],
  ['Jokić', 'Јокић'],
  ['Jovanović', 'Јовановић'],
  ['Jovašević', 'Јовашевић'],
  ['Jovičić', 'Јовичић'],
  ['Kostić', 'Костић'],
  ['Krasić', 'Красић'],
  ['Krstić', 'Крстић'],
  ['Marković', 'Марковић'],
  ['Mitić', 'Митић'],
  ['Nikolić', 'Николић'],
  ['Pavlović', 'Павловић'],
  ['Petrović', 'Петровић'],
  ['Stanković', 'Станковић'],
  ['Stojanović', 'Стојановић'],
  ['Živković', 'Живковић'],
] as const;

export const VISIT_LANGUAGES = ['shqip', 'srpski', 'romani', 'shqip dhe romani'] as const;

export const OBSERVATIONS = [
  'Mother says the girl looks after her younger brothers on market days.',
  'The family moved to the grandparents’ house in winter; the bus no longer passes there.',
  'Father works abroad; the mother alone with four children, no money for shoes and books.',
  'He wants to come back but is afraid the other boys will laugh at him.',
  'Nobody answered; a neighbour says they went to Germany for the season.',
  'Мајка каже да је девојчица била болесна две недеље, без лекарског оправдања.',
  'Дете жели да настави школу, али нема прибор; договорили смо помоћ школе.',
  'Nëna thotë se vajza ndihmon në shtëpi dhe nuk ka kohë për detyrat.',
] as const;
