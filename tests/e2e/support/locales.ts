import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type E2eLanguage = 'en' | 'sq' | 'sr-Cyrl' | 'sr-Latn';

const cache = new Map<string, Record<string, unknown>>();

function bundle(language: E2eLanguage, ns: string): Record<string, unknown> {
  const key = `${language}/${ns}`;
  let found = cache.get(key);
  if (!found) {
    found = JSON.parse(readFileSync(join(process.cwd(), 'locales', language, `${ns}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    cache.set(key, found);
  }
  return found;
}

/**
 * The text a screen shows for `ns:key.path`, read from the locale files the
 * app ships: the journeys find controls by what a user reads, in their
 * language, and a reworded string never breaks them.
 */
export function text(language: E2eLanguage, key: string, values: Record<string, string | number> = {}): string {
  const [ns = 'common', path = ''] = key.includes(':') ? key.split(':') : ['common', key];
  let node: unknown = bundle(language, ns);
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no string ${language} ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
