import { isLanguage, LANGUAGES, type Language } from '../domain/localizedName.ts';

export const NAMESPACES = [
  'common',
  'students',
  'casework',
  'today',
  'cases',
  'visits',
  'screening',
  'plans',
  'outbox',
  'account',
  'invitation',
  'audit',
  'lock',
  'admin',
  'dashboard',
  'roster',
  'map',
  'mapReport',
  'exports',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';
const STORAGE_KEY = 'ura.language';

/**
 * Picks the first interface language the browser prefers. Plain `sr` means
 * Cyrillic, Serbia's official script; Bosnian, Croatian and Montenegrin
 * readers get Serbian Latin, the closest language they read in that script.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('sq') || lower.startsWith('als')) return 'sq';
    if (lower.startsWith('sr-latn') || /^sr-(rs|me|xk|ba)-latn/.test(lower)) return 'sr-Latn';
    if (lower.startsWith('sr')) return 'sr-Cyrl';
    if (['bs', 'hr', 'cnr', 'sh'].some((code) => lower === code || lower.startsWith(`${code}-`))) return 'sr-Latn';
    if (lower.startsWith('en')) return 'en';
  }
  return FALLBACK_LANGUAGE;
}

/** The language picked on this device, else the browser's. A device setting, so localStorage. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return detectLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

export { LANGUAGES, type Language };
