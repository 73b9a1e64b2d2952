import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, initialLanguage, NAMESPACES, rememberLanguage, type Language } from './languages.ts';

// Each locale file becomes its own fingerprinted chunk; the service worker precaches them all.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('/locales/*/*.json');

async function loadLanguage(language: Language): Promise<Resource[string]> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = loaders[`/locales/${language}/${ns}.json`];
      if (!load) throw new Error(`missing locale file ${language}/${ns}`);
      return [ns, (await load()).default] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function reflectInDocument(language: Language): void {
  document.documentElement.lang = language;
}

/** Loads the device's language (and English as fallback) before the first render. */
export async function setupI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  const languages = [...new Set([language, FALLBACK_LANGUAGE])];
  const loaded = await Promise.all(languages.map(loadLanguage));
  const resources = Object.fromEntries(languages.map((lng, index) => [lng, loaded[index] ?? {}]));
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectInDocument(language);
  return i18next;
}

/** Switches the interface language, remembers it on this device and updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'common')) {
    const bundles = await loadLanguage(language);
    for (const [ns, bundle] of Object.entries(bundles)) i18next.addResourceBundle(language, ns, bundle);
  }
  await i18next.changeLanguage(language);
  rememberLanguage(language);
  reflectInDocument(language);
}
