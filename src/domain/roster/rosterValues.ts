import { foldForSearch } from '../searchText.ts';
import type { Sex } from '../student.ts';

/**
 * Values as class lists in Kosovo and Serbia write them, turned into what the
 * student form holds. Each parser answers null for a value it does not know,
 * so the row can say which cell was not understood.
 */

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (value: string) => value.padStart(2, '0');

/**
 * dd.mm.yyyy (with or without leading zeros and the Serbian closing dot, and
 * with the spaces "12. 03. 2013." puts in), dd/mm/yyyy, dd-mm-yyyy and
 * yyyy-mm-dd, as an ISO date. Two-digit years are refused: "03.04.13" could be
 * 1913 or 2013. Whether the day exists is left to the student validation.
 */
export function parseRosterDate(text: string): string | null {
  const compact = text.trim().replace(/\s*([./-])\s*/g, '$1');
  const yearFirst = YEAR_FIRST.exec(compact);
  if (yearFirst) return `${yearFirst[1]}-${pad(yearFirst[2] ?? '')}-${pad(yearFirst[3] ?? '')}`;
  const dayFirst = DAY_FIRST.exec(compact);
  if (dayFirst) return `${dayFirst[3]}-${pad(dayFirst[2] ?? '')}-${pad(dayFirst[1] ?? '')}`;
  return null;
}

/** Folded words (foldForSearch) for each sex, in Albanian, Serbian (both scripts) and English. */
const SEX_WORDS: Readonly<Record<Sex, readonly string[]>> = {
  male: ['m', 'mashkull', 'mashkulli', 'mashk', 'djale', 'muski', 'musko', 'mus', 'decak', 'djecak', 'male', 'boy'],
  female: ['f', 'femer', 'femre', 'vajze', 'vajza', 'z', 'zenski', 'zensko', 'zen', 'devojcica', 'female', 'girl'],
};
const SEX_OF_WORD = new Map<string, Sex>(
  (Object.entries(SEX_WORDS) as [Sex, readonly string[]][]).flatMap(([sex, words]) =>
    // Folded as the cells are, so "djalë" and "djevojčica" meet their folded spelling.
    words.map((word) => [foldForSearch(word), sex] as const),
  ),
);

export function parseRosterSex(text: string): Sex | null {
  // Most cells are "M" or "F": found without folding (thousands of rows on a slow phone).
  return SEX_OF_WORD.get(text.trim().toLowerCase()) ?? SEX_OF_WORD.get(foldForSearch(text)) ?? null;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii'];
const GRADE_WORDS = /\b(klasa|klase|razred|grade|year|kl|raz)\b/g;

/** A grade as a number, from "7", "7.", "VII", "VII razred", "klasa 7"; "0" for preschool. Null otherwise. */
export function parseRosterGrade(text: string): number | null {
  if (/^\s*\d{1,2}\s*$/.test(text)) return Number(text);
  const word = foldForSearch(text).replace(GRADE_WORDS, '').trim();
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const roman = ROMAN.indexOf(word);
  return roman === -1 ? null : roman + 1;
}

/** The grade a class name carries: 7 from "7/2", "7-2", "7.2", "7a" or "VII/2"; null when it carries none. */
export function gradeOfClassName(className: string): number | null {
  const match = /^\s*([0-9]{1,2}|[ivxIVX]{1,4})\s*(?:[/.\-–]\s*\S+|[a-zA-Z]?)\s*$/.exec(className);
  return match?.[1] === undefined ? null : parseRosterGrade(match[1]);
}

const RURAL_WORDS = ['po', 'yes', 'y', 'da', 'x', '1', 'true', 'rural', 'rurale', 'ruralno', 'fshat', 'selo', 'seosko'];
const URBAN_WORDS = ['jo', 'no', 'n', 'ne', '0', 'false', 'urban', 'urbane', 'urbano', 'qytet', 'grad', 'gradsko'];
const RURAL_OF_WORD = new Map<string, boolean>([
  ...RURAL_WORDS.map((word) => [word, true] as const),
  ...URBAN_WORDS.map((word) => [word, false] as const),
]);

/** Whether the student lives in a rural area: yes/no words in the four languages; an empty cell is no. */
export function parseRosterRural(text: string): boolean | null {
  const quick = RURAL_OF_WORD.get(text.trim().toLowerCase());
  if (quick !== undefined) return quick;
  const word = foldForSearch(text);
  if (word === '' && !/[✓✔]/u.test(text)) return false;
  if (/^[✓✔]$/u.test(text.trim())) return true;
  return RURAL_OF_WORD.get(word) ?? null;
}
