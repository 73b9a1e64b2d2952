/**
 * Serbian Cyrillic → Serbian Latin (Gaj's alphabet). The mapping is one-to-one
 * per letter, so this direction is deterministic; the reverse is not (lj, nj, dž
 * may be one letter or two) and is deliberately not offered.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Ђ: 'Đ',
  Е: 'E',
  Ж: 'Ž',
  З: 'Z',
  И: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  Љ: 'Lj',
  М: 'M',
  Н: 'N',
  Њ: 'Nj',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'Ć',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'C',
  Ч: 'Č',
  Џ: 'Dž',
  Ш: 'Š',
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
};

const DIGRAPH_CAPITALS = new Set(['Љ', 'Њ', 'Џ']);

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Transliterates Serbian Cyrillic text to Latin; other characters pass through. */
export function cyrillicToLatin(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const latin = CYRILLIC_TO_LATIN[ch];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    // "ЉУБАВ" → "LJUBAV", but "Љубав" → "Ljubav": a capital digraph stays all
    // capitals when the next letter is a capital, or the previous one is and no
    // lowercase letter follows ("ПАЉ КОД" → "PALJ KOD").
    if (DIGRAPH_CAPITALS.has(ch) && (isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !isLower(chars[i + 1])))) {
      out += latin.toUpperCase();
    } else {
      out += latin;
    }
  }
  return out;
}
