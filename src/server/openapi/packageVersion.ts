import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'ura';

/**
 * The version in Ura's package.json. The server cannot import the file (it
 * lies outside the compiled tree, and this module runs from src/ in tests but
 * from dist/server/ in production), so it is found by walking up from here.
 */
export function readPackageVersion(from: string = fileURLToPath(import.meta.url)): string {
  let folder = dirname(from);
  for (;;) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json of "${PACKAGE_NAME}" above ${from}`);
    folder = parent;
  }
}
