// The class list the roster benchmark imports (scripts/benchRoster.mjs): a school's register as
// Excel writes it in an Albanian or Serbian locale (semicolons, a byte-order mark, dd.mm.yyyy),
// Albanian and Serbian names in both scripts. Each run's file has students no other run has (the
// dates of birth differ), so every run imports all of its rows and none is a duplicate.

const GIVEN = [
  'Ardit',
  'Besa',
  'Dion',
  'Elira',
  'Fatos',
  'Gresa',
  'Ilir',
  'Jeta',
  'Kushtrim',
  'Lirie',
  'Arbër',
  'Blerta',
  'Drilon',
  'Ermira',
  'Genc',
  'Hana',
  'Liridon',
  'Mimoza',
  'Nora',
  'Valon',
  'Марко',
  'Јована',
  'Никола',
  'Милица',
  'Стефан',
  'Ана',
  'Лука',
  'Теодора',
  'Огњен',
  'Душица',
  'Marko',
  'Jovana',
  'Nikola',
  'Milica',
  'Stefan',
  'Ana',
  'Luka',
  'Teodora',
  'Ognjen',
  'Dušica',
];
const FAMILY = [
  'Krasniqi',
  'Gashi',
  'Berisha',
  'Hoxha',
  'Morina',
  'Shala',
  'Bytyqi',
  'Kastrati',
  'Rexhepi',
  'Zeqiri',
  'Hasani',
  'Ahmeti',
  'Kryeziu',
  'Sylejmani',
  'Mustafa',
  'Thaçi',
  'Dërmaku',
  'Çeku',
  'Ibrahimi',
  'Osmani',
  'Јовановић',
  'Петровић',
  'Николић',
  'Ђорђевић',
  'Стојановић',
  'Илић',
  'Марковић',
  'Павловић',
  'Ћирић',
  'Савић',
  'Jovanović',
  'Petrović',
  'Nikolić',
  'Đorđević',
  'Stojanović',
  'Ilić',
  'Marković',
  'Pavlović',
  'Ćirić',
  'Savić',
];
const COMBINATIONS = GIVEN.length * FAMILY.length;
const HEADER = 'Emri;Mbiemri;Gjinia;Datëlindja;Klasa;Paralelja;Zona rurale;Emri i prindit;Telefoni i prindit';

/** `rows` students in grades 1–9 of one school; `run` (0, 1, 2…) makes their dates of birth its own. */
export function classListCsv(rows, run) {
  const thisYear = new Date().getUTCFullYear();
  const lines = [HEADER];
  for (let index = 0; index < rows; index += 1) {
    const given = GIVEN[index % GIVEN.length];
    const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length];
    const grade = (index % 9) + 1;
    // A day of its own for this run and this repeat of the name: no two rows of any run are the same child.
    const born = new Date(Date.UTC(thisYear - grade - 6, 2, 1 + run * 8 + Math.floor(index / COMBINATIONS)));
    const date = `${String(born.getUTCDate()).padStart(2, '0')}.${String(born.getUTCMonth() + 1).padStart(2, '0')}.${born.getUTCFullYear()}`;
    const sex = index % 2 === 0 ? 'M' : 'F';
    const phone = `+383 44 ${String(100_000 + index).slice(-6, -3)} ${String(index).padStart(3, '0').slice(-3)}`;
    lines.push(
      `${given};${family};${sex};${date};${grade};${grade}/${(index % 4) + 1};${index % 3 === 0 ? 'Po' : 'Jo'};Prindi ${family};${phone}`,
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
