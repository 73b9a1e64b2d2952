import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, initialLanguage, rememberLanguage, type Language, type Namespace } from './languages.ts';

// Each locale file becomes its own fingerprinted chunk; the service worker precaches them all.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('/locales/*/*.json');

/**
 * Namespaces the first screen needs; the others load with the screens that use them (`loadNamespace`).
 * `account` is here because sign-in is the first screen of a new device, and Settings shows the account;
 * `invitation` because that first screen links to setting a password with an invitation code.
 */
const STARTUP_NAMESPACES: readonly Namespace[] = ['common', 'students', 'account', 'invitation', 'lock'];
const loadedNamespaces = new Set<Namespace>(STARTUP_NAMESPACES);

async function loadBundles(language: Language, namespaces: Iterable<Namespace>): Promise<Resource[string]> {
  const entries = await Promise.all(
    [...namespaces].map(async (ns) => {
      const load = loaders[`/locales/${language}/${ns}.json`];
      if (!load) throw new Error(`missing locale file ${language}/${ns}`);
      return [ns, (await load()).default] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function addBundles(language: Language, namespaces: Iterable<Namespace>): Promise<void> {
  const missing = [...namespaces].filter((ns) => !i18next.hasResourceBundle(language, ns));
  if (missing.length === 0) return;
  for (const [ns, bundle] of Object.entries(await loadBundles(language, missing))) {
    i18next.addResourceBundle(language, ns, bundle);
  }
}

function reflectInDocument(language: Language): void {
  document.documentElement.lang = language;
}

/** Loads the device's language (and English as fallback) before the first render. */
export async function setupI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  const languages = [...new Set([language, FALLBACK_LANGUAGE])];
  const loaded = await Promise.all(languages.map((lng) => loadBundles(lng, STARTUP_NAMESPACES)));
  const resources = Object.fromEntries(languages.map((lng, index) => [lng, loaded[index] ?? {}]));
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...STARTUP_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectInDocument(language);
  return i18next;
}

/** Switches the interface language, remembers it on this device and updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  await addBundles(language, loadedNamespaces);
  await i18next.changeLanguage(language);
  rememberLanguage(language);
  reflectInDocument(language);
}

/** Loads a namespace (in the current language and the fallback) before a screen that needs it renders. */
export async function loadNamespace(ns: Namespace): Promise<void> {
  loadedNamespaces.add(ns);
  const languages = new Set([i18next.language as Language, FALLBACK_LANGUAGE]);
  await Promise.all([...languages].map((language) => addBundles(language, [ns])));
}
