// Writes locales/sr-Latn/<ns>.json from locales/sr-Cyrl/<ns>.json with the app's own
// transliteration (src/domain/transliterate.ts), so the Latin files never drift by hand.
// Usage: node scripts/writeSerbianLatin.mjs [namespace ...]   (all namespaces when none given)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const source = readFileSync(join(root, 'src/domain/transliterate.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
});
const { cyrillicToLatin } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);

function convert(value, path) {
  if (typeof value === 'string') return path.startsWith('languages.') ? value : cyrillicToLatin(value);
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, convert(v, path ? `${path}.${key}` : key)]));
}

const requested = process.argv.slice(2);
const namespaces =
  requested.length > 0 ? requested : readdirSync(join(root, 'locales/sr-Cyrl')).map((f) => f.replace(/\.json$/, ''));
for (const ns of namespaces) {
  const cyrillic = JSON.parse(readFileSync(join(root, 'locales/sr-Cyrl', `${ns}.json`), 'utf8'));
  writeFileSync(join(root, 'locales/sr-Latn', `${ns}.json`), `${JSON.stringify(convert(cyrillic, ''), null, 2)}\n`);
  console.log(`sr-Latn/${ns}.json written from sr-Cyrl`);
}
