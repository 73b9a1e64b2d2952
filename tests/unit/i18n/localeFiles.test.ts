import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { cyrillicToLatin } from '../../../src/domain/transliterate.ts';

const LOCALES_DIR = join(process.cwd(), 'locales');
const LANGUAGES = ['en', 'sq', 'sr-Cyrl', 'sr-Latn'] as const;
type Lang = (typeof LANGUAGES)[number];
const NAMESPACES = readdirSync(join(LOCALES_DIR, 'en'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Keys whose values are language names, written natively and identical in every locale. */
const LANGUAGE_NAMES_PREFIX = 'languages.';
/** Values that are genuinely the same word in English and in the given language. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  sq: ['common:app.name', 'students:community.serb', 'students:community.ashkali'],
  'sr-Cyrl': ['common:app.name'],
  // "PIN" is the Serbian word too, written ПИН in Cyrillic.
  'sr-Latn': ['common:app.name', 'lock:unlock.pin'],
};

type Bundle = Record<string, unknown>;

function readBundle(language: string, ns: string): Bundle {
  return JSON.parse(readFileSync(join(LOCALES_DIR, language, `${ns}.json`), 'utf8')) as Bundle;
}

/** Flattens nested objects to dotted keys; every leaf must be a string. */
function flatten(bundle: Bundle, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as Bundle, path)) out.set(k, v);
    } else throw new Error(`${path} is neither a string nor an object`);
  }
  return out;
}

function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** Base key → the plural suffixes present for it (empty set for non-plural keys). */
function pluralForms(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const base = baseKey(key);
    const forms = out.get(base) ?? new Set<string>();
    const match = PLURAL_SUFFIX.exec(key);
    if (match?.[1]) forms.add(match[1]);
    out.set(base, forms);
  }
  return out;
}

function placeholders(value: string): string[] {
  return [...new Set([...value.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();
}

const flat: Record<Lang, Record<string, Map<string, string>>> = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(readBundle(language, ns))])),
  ]),
) as Record<Lang, Record<string, Map<string, string>>>;

function entries(language: Lang, ns: string): Map<string, string> {
  const map = flat[language][ns];
  if (!map) throw new Error(`missing locale file ${language}/${ns}`);
  return map;
}

/** The English value for the same base key (plural forms share their placeholders). */
function englishFor(ns: string, key: string): string | undefined {
  const en = entries('en', ns);
  return en.get(key) ?? en.get(`${baseKey(key)}_other`) ?? en.get(baseKey(key));
}

describe('locale files', () => {
  it('finds the namespaces to check', () => {
    expect(NAMESPACES).toEqual(expect.arrayContaining(['common', 'students']));
  });

  describe.each(LANGUAGES)('%s', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];

    describe.each(NAMESPACES)('%s', (ns) => {
      const own = entries(language, ns);
      const english = entries('en', ns);
      const ownForms = pluralForms(own.keys());
      const englishForms = pluralForms(english.keys());

      it('has the same keys as English once plural suffixes are stripped', () => {
        expect([...ownForms.keys()].sort()).toEqual([...englishForms.keys()].sort());
      });

      it('keeps the key order of English', () => {
        expect([...ownForms.keys()]).toEqual([...englishForms.keys()]);
      });

      it('has exactly the plural categories the language uses, plus _zero where English has it', () => {
        for (const [base, enSuffixes] of englishForms) {
          if (enSuffixes.size === 0) {
            expect(ownForms.get(base), base).toEqual(new Set());
            continue;
          }
          const expected = new Set(categories);
          if (enSuffixes.has('zero')) expected.add('zero');
          expect([...(ownForms.get(base) ?? [])].sort(), base).toEqual([...expected].sort());
        }
      });

      it('keeps the placeholders of the English string', () => {
        for (const [key, value] of own) {
          const reference = englishFor(ns, key);
          expect(reference, key).toBeDefined();
          expect(placeholders(value), key).toEqual(placeholders(reference ?? ''));
        }
      });

      it('has no empty values', () => {
        for (const [key, value] of own) expect(value.trim(), key).not.toBe('');
      });

      if (language !== 'en') {
        it('translates every string that has letters, apart from language names and allowed words', () => {
          const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
          for (const [key, value] of own) {
            if (key.startsWith(LANGUAGE_NAMES_PREFIX) || allowed.has(`${ns}:${key}`)) continue;
            if (!/\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''))) continue;
            expect(value, `${ns}:${key} is the English text`).not.toBe(englishFor(ns, key));
          }
        });
      }

      it('writes language names natively, identical to English', () => {
        for (const [key, value] of own) {
          if (key.startsWith(LANGUAGE_NAMES_PREFIX)) expect(value, key).toBe(english.get(key));
        }
      });
    });
  });

  describe('sr-Latn', () => {
    it.each(NAMESPACES)('is the letter-by-letter transliteration of sr-Cyrl in %s', (ns) => {
      const cyrillic = entries('sr-Cyrl', ns);
      const latin = entries('sr-Latn', ns);
      expect([...latin.keys()]).toEqual([...cyrillic.keys()]);
      for (const [key, value] of cyrillic) {
        if (key.startsWith(LANGUAGE_NAMES_PREFIX)) continue;
        expect(latin.get(key), key).toBe(cyrillicToLatin(value));
      }
    });
  });
});

describe('plural output through i18next', () => {
  async function translatorFor(language: Lang) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      fallbackLng: false,
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      resources: { [language]: Object.fromEntries(NAMESPACES.map((ns) => [ns, readBundle(language, ns)])) },
    });
    // Keys here are plain strings; the app's typed-key augmentation does not apply to them.
    const translate = instance.t.bind(instance) as unknown as (key: string, options: { count: number }) => string;
    return (key: string, count: number) => translate(key, { count });
  }

  it('picks the Serbian one, few and other forms by the number', async () => {
    const t = await translatorFor('sr-Cyrl');
    expect(t('status.pending', 1)).toBe('1 промена чека синхронизацију');
    expect(t('status.pending', 3)).toBe('3 промене чекају синхронизацију');
    expect(t('status.pending', 5)).toBe('5 промена чека синхронизацију');
    expect(t('status.pending', 21)).toBe('21 промена чека синхронизацију');
    expect(t('status.pending', 22)).toBe('22 промене чекају синхронизацију');
    expect(t('status.pending', 0)).toBe('Све промене су синхронизоване');
    expect(t('students:list.count', 2)).toBe('2 ученика');
  });

  it('picks the same forms in Serbian Latin', async () => {
    const t = await translatorFor('sr-Latn');
    expect(t('status.pending', 22)).toBe('22 promene čekaju sinhronizaciju');
    expect(t('status.rejected', 21)).toBe('Server je odbio 21 promenu');
  });

  it('picks the Albanian one and other forms by the number', async () => {
    const t = await translatorFor('sq');
    expect(t('status.pending', 1)).toBe('1 ndryshim pret sinkronizimin');
    expect(t('status.pending', 5)).toBe('5 ndryshime presin sinkronizimin');
    expect(t('status.pending', 0)).toBe('Të gjitha ndryshimet janë sinkronizuar');
  });
});
