/** The interface languages Ura speaks, as BCP 47 tags. */
export const LANGUAGES = ['sq', 'sr-Cyrl', 'sr-Latn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A place or school name in every interface language. Kosovo's municipalities
 * are officially bilingual (Ferizaj/Uroševac), so both forms are kept, and the
 * one in the reader's language is shown first.
 */
export interface LocalizedName {
  sq: string;
  'sr-Latn': string;
  'sr-Cyrl': string;
  en: string;
}

/** The name as written in `language`. */
export function displayName(name: LocalizedName, language: Language): string {
  return name[language];
}

/** Every form of the name, folded together for search across languages and scripts. */
export function allNameForms(name: LocalizedName): string {
  return [...new Set(LANGUAGES.map((language) => name[language]))].join(' ');
}
